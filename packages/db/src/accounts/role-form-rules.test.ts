// The roles and users pages' rules that live here: a new role's key derived from names in any script (and unique),
// and the buttons a user manager is offered for each user, matching what the server allows.
import { describe, expect, it } from "vitest";
import { listUsers } from "./list-users.ts";
import { deriveRoleKey, roleKeyFrom } from "./role-key.ts";
import { createRole } from "./save-role.ts";
import { createTargetUser, useAccountsDatabase } from "./test-fixtures.ts";

const ctx = useAccountsDatabase();

describe("a new role's key", () => {
  it("is derived from a name in Latin, Cyrillic or Arabic script", () => {
    expect(roleKeyFrom("Proofreader")).toBe("proofreader");
    expect(roleKeyFrom("  Night desk / Weekend  ")).toBe("night-desk-weekend");
    expect(roleKeyFrom("Rédacteur en chef")).toBe("redacteur-en-chef");
    expect(roleKeyFrom("Корректор")).toBe("korrektor");
    expect(roleKeyFrom("مدقّق لغوي")).toBe("mdqq-lghwy");
    expect(roleKeyFrom("2nd shift")).toBe("nd-shift");
    expect(roleKeyFrom("!!")).toBeNull();
    expect(deriveRoleKey({ nameEn: "???", nameRu: "Выпускающий", nameAr: "محرر" })).toBe("vypuskayushchiy");
    expect(deriveRoleKey({ nameEn: "-", nameRu: "-", nameAr: "-" })).toBe("role");
    expect(roleKeyFrom("x".repeat(80))).toHaveLength(40);
  });

  it("is made unique when the role is created without one", async () => {
    const names = { nameAr: "مدقق لغوي", nameRu: "Корректор", nameEn: "Copy editor", permissions: ["article.read"] };
    const first = await createRole(ctx.db.prisma, ctx.actor("admin"), names);
    const second = await createRole(ctx.db.prisma, ctx.actor("admin"), names);
    expect(first).toMatchObject({ status: "created", key: "copy-editor" });
    expect(second).toMatchObject({ status: "created", key: "copy-editor-2" });
  });
});

describe("the buttons offered on the users page", () => {
  it("offers no disabling of oneself, nothing on a stronger user, and keeps the last admin", async () => {
    const prisma = ctx.db.prisma;
    const target = await createTargetUser(prisma, ["writer"]);
    const manager = ctx.actor("accountsManager")!;
    const byId = async (actor = manager) =>
      new Map((await listUsers(prisma, actor)).map((row) => [row.id, row.offered]));

    const seenByManager = await byId();
    expect(seenByManager.get(manager.userId)).toMatchObject({ disable: false, resetPassword: true, setRoles: true });
    expect(seenByManager.get(target.id)).toEqual({
      disable: true,
      enable: false,
      resetPassword: true,
      setRoles: true,
      outranks: [],
    });
    // The admin holds permissions the accounts manager lacks: no buttons at all, and the reason.
    const admin = ctx.actor("admin")!;
    expect(seenByManager.get(admin.userId)).toMatchObject({
      disable: false,
      enable: false,
      resetPassword: false,
      setRoles: false,
      outranks: expect.arrayContaining(["article.publish"]),
    });
    // The only active admin, seen by themselves: no disabling, roles still editable (the admin role cannot go).
    expect((await byId(admin)).get(admin.userId)).toMatchObject({
      disable: false,
      resetPassword: true,
      setRoles: true,
    });
  });
});
