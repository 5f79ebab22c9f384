// The audit log viewer's filters and pages against a real database: by actor, action prefix, entity and time.
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "../editorial/errors.ts";
import { listAuditLog } from "./list-audit-log.ts";
import { useAccountsDatabase } from "./test-fixtures.ts";

const ctx = useAccountsDatabase();

beforeAll(async () => {
  const prisma = ctx.db.prisma;
  const { admin, editor } = ctx.cast.ids;
  const at = (day: number) => new Date(Date.UTC(2026, 0, day, 12));
  await prisma.auditLog.createMany({
    data: [
      { actorId: admin, action: "user.create", entityType: "user", entityId: "10", at: at(1) },
      { actorId: admin, action: "user.disable", entityType: "user", entityId: "10", at: at(2) },
      { actorId: admin, action: "role.create", entityType: "role", entityId: "3", at: at(3) },
      { actorId: editor, action: "article.publish", entityType: "article", entityId: "7", at: at(4) },
      {
        actorId: null,
        action: "auth.sign_in_failed",
        entityType: "user",
        entityId: "x@example.test",
        at: at(5),
        address: "203.0.113.1",
      },
      ...Array.from({ length: 120 }, (_, i) => ({
        actorId: editor,
        action: "article.submit",
        entityType: "article",
        entityId: String(100 + i),
        at: at(10),
      })),
    ],
  });
});

describe("listAuditLog", () => {
  const list = (input: Parameters<typeof listAuditLog>[2]) => listAuditLog(ctx.db.prisma, ctx.actor("admin"), input);

  it("filters by action prefix, exact action, actor, entity and date range, newest first", async () => {
    const users = await list({ actionPrefix: "user." });
    expect(users.rows.map((row) => row.action)).toEqual(["user.disable", "user.create"]);
    expect(users.rows[0]?.actor).toMatchObject({ email: "admin@example.test" });
    expect((await list({ actionPrefix: "user.create" })).total).toBe(1);
    expect((await list({ actor: "ADMIN@example", actionPrefix: "role." })).total).toBe(1);
    expect((await list({ actor: "editor", actionPrefix: "article.publish" })).total).toBe(1);
    expect((await list({ entityType: "user", entityId: "10" })).total).toBe(2);
    const range = await list({ from: new Date("2026-01-02T00:00:00Z"), to: new Date("2026-01-05T00:00:00Z") });
    expect(range.rows.map((row) => row.action)).toEqual(["article.publish", "role.create", "user.disable"]);
    const failed = await list({ actionPrefix: "auth." });
    expect(failed.rows[0]).toMatchObject({ actor: null, address: "203.0.113.1" });
  });

  it("pages through the entries", async () => {
    const first = await list({ actionPrefix: "article.submit" });
    expect(first).toMatchObject({ total: 120, page: 1, pageSize: 50, pageCount: 3 });
    expect(first.rows).toHaveLength(50);
    const last = await list({ actionPrefix: "article.submit", page: 3 });
    expect(last.rows).toHaveLength(20);
    const ids = new Set(
      [...first.rows, ...(await list({ actionPrefix: "article.submit", page: 2 })).rows, ...last.rows].map(
        (row) => row.id,
      ),
    );
    expect(ids.size).toBe(120);
  });

  it("refuses a reversed date range and an oversized page", async () => {
    await expect(list({ from: new Date("2026-02-01"), to: new Date("2026-01-01") })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(list({ pageSize: 10_000 })).rejects.toBeInstanceOf(InvalidInputError);
  });
});
