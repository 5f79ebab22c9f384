// Users and permissions against a real database: the first admin, credentials, and actors that lose access at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing.ts";
import { createUser, ensureFirstAdmin, firstAdminPasswordProblem, loadActor, verifyCredentials } from "./users.ts";
import { ForbiddenError, requirePermission } from "./permissions.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe("the first admin", () => {
  it("is created once with a generated password, which signs in; a second start creates nobody", async () => {
    const first = await ensureFirstAdmin(db.prisma, {});
    expect(first.created).toBe(true);
    if (!first.created || !first.generatedPassword) throw new Error("expected a generated password");
    expect(first.generatedPassword.length).toBeGreaterThanOrEqual(16);
    expect(await verifyCredentials(db.prisma, first.email, first.generatedPassword)).not.toBeNull();
    expect(await verifyCredentials(db.prisma, first.email, "password")).toBeNull();
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { email: first.email } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);

    const second = await ensureFirstAdmin(db.prisma, {
      email: "other@example.test",
      password: "another-long-password",
    });
    expect(second).toEqual({ created: false, email: first.email });
    expect(await db.prisma.user.count()).toBe(1);
  });
});

describe("the first admin's chosen password (ADMIN_PASSWORD)", () => {
  it("needs 12 characters like every password: a shorter one is refused in one line and creates nobody", async () => {
    const fresh = await createTestDatabase();
    try {
      await expect(
        ensureFirstAdmin(fresh.prisma, { email: "chief@example.test", password: "elevenchars" }),
      ).rejects.toThrow(/^ADMIN_PASSWORD must have at least 12 characters, like every password \(it has 11\)$/);
      expect(await fresh.prisma.user.count()).toBe(0);

      const created = await ensureFirstAdmin(fresh.prisma, { email: "chief@example.test", password: "twelve-chars" });
      expect(created).toEqual({ created: true, email: "chief@example.test", generatedPassword: null });
      expect(await verifyCredentials(fresh.prisma, "chief@example.test", "twelve-chars")).not.toBeNull();
    } finally {
      await fresh.drop();
    }
  });

  it("is checked by the same rule npm start applies before it starts anything", () => {
    expect(firstAdminPasswordProblem("a".repeat(11))).toMatch(/at least 12 characters/);
    expect(firstAdminPasswordProblem("a".repeat(12))).toBeNull();
    expect(firstAdminPasswordProblem("a".repeat(1025))).toMatch(/at most 1024 characters/);
  });
});

describe("actors", () => {
  it("carry their roles' permissions and lose them on the next request after a change", async () => {
    const writer = await createUser(db.prisma, {
      email: "Writer@Example.test",
      name: "W",
      password: "writer-password-1",
      roleKeys: ["writer"],
    });
    expect(writer.email).toBe("writer@example.test");
    const session = await verifyCredentials(db.prisma, " WRITER@example.test ", "writer-password-1");
    if (!session) throw new Error("sign-in failed");
    const actor = await loadActor(db.prisma, session.id, session.authVersion);
    expect(actor?.permissions.has("article.create")).toBe(true);
    expect(() => requirePermission(actor, "article.publish")).toThrow(ForbiddenError);

    await db.prisma.user.update({
      where: { id: writer.id },
      data: { disabledAt: new Date(), authVersion: { increment: 1 } },
    });
    expect(await loadActor(db.prisma, session.id, session.authVersion)).toBeNull();
    expect(await verifyCredentials(db.prisma, "writer@example.test", "writer-password-1")).toBeNull();
  });

  it("refuses unknown roles instead of creating a user without them", async () => {
    await expect(
      createUser(db.prisma, { email: "x@example.test", name: "X", roleKeys: ["superuser"] }),
    ).rejects.toThrow(/Unknown role/);
    expect(await db.prisma.user.findUnique({ where: { email: "x@example.test" } })).toBeNull();
  });
});
