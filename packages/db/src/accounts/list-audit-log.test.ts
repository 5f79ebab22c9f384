// The audit log viewer's filters and pages against a real database: by actor, action prefix, entity and time.
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "../editorial/errors.ts";
import { listAuditActors, listAuditLog } from "./list-audit-log.ts";
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

describe("listAuditLog: what each entry concerns", () => {
  it("names the article, user or role, filters by person, and never returns a server path", async () => {
    const prisma = ctx.db.prisma;
    const { admin, editor } = ctx.cast.ids;
    const article = await prisma.article.create({
      data: {
        localizations: {
          create: { locale: "ru", title: "Заголовок", slug: "zagolovok", body: [], status: "draft" },
        },
      },
      include: { localizations: true },
    });
    const localization = article.localizations[0]!;
    const role = await prisma.role.create({
      data: { key: "audit_subject", nameAr: "مدقق", nameRu: "Корректор", nameEn: "Proofreader", permissions: [] },
    });
    const at = new Date(Date.UTC(2026, 5, 1, 12));
    await prisma.auditLog.createMany({
      data: [
        {
          actorId: editor,
          action: "article.submit",
          entityType: "article_localization",
          entityId: String(localization.id),
          at,
        },
        {
          actorId: admin,
          action: "import.file",
          entityType: "article",
          entityId: String(article.id),
          data: { file: "/srv/minbar/incoming/2026/wire-77.txt", outcome: "created" },
          at,
        },
        { actorId: admin, action: "role.update", entityType: "role", entityId: String(role.id), at },
        { actorId: admin, action: "role.delete", entityType: "role", entityId: "999999", data: { key: "gone" }, at },
        { actorId: admin, action: "user.enable", entityType: "user", entityId: String(editor), at },
        { actorId: null, action: "article.publish_scheduled", entityType: "article_localization", entityId: "0", at },
      ],
    });
    const page = await listAuditLog(prisma, ctx.actor("admin"), { from: at, to: new Date(at.getTime() + 1) });
    const byAction = new Map(page.rows.map((row) => [row.action, row]));
    expect(byAction.get("article.submit")?.subject).toEqual({
      kind: "article",
      articleId: article.id,
      locale: "ru",
      title: "Заголовок",
    });
    expect(byAction.get("import.file")?.subject).toMatchObject({ kind: "article", articleId: article.id });
    expect(byAction.get("import.file")?.data).toEqual({ file: "wire-77.txt", outcome: "created" });
    expect(JSON.stringify(page.rows)).not.toContain("/srv/");
    expect(byAction.get("role.update")?.subject).toMatchObject({
      kind: "role",
      roleId: role.id,
      nameEn: "Proofreader",
    });
    expect(byAction.get("role.delete")?.subject).toEqual({ kind: "deleted_role", key: "gone" });
    expect(byAction.get("user.enable")?.subject).toEqual({ kind: "user", userId: editor, name: expect.any(String) });
    expect(byAction.get("article.publish_scheduled")?.subject).toBeNull();

    const editorOnly = await listAuditLog(prisma, ctx.actor("admin"), { actorId: editor, from: at });
    expect(editorOnly.rows.map((row) => row.action)).toEqual(["article.submit"]);
    const system = await listAuditLog(prisma, ctx.actor("admin"), { actorId: "system", from: at });
    expect(system.rows.map((row) => row.action)).toEqual(["article.publish_scheduled"]);
    const people = await listAuditActors(prisma, ctx.actor("admin"));
    expect(people.map((person) => person.id)).toEqual(expect.arrayContaining([admin, editor]));
  });
});
