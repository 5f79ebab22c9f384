// One-time links and the sessions they and other account changes end: single use, expiry, disabled users, resets,
// role changes, and the guards that keep an admin in charge.
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../editorial/errors.ts";
import { loadActor, verifyCredentials } from "../users.ts";
import { createUserWithSignInLink } from "./create-user-with-sign-in-link.ts";
import { issuePasswordResetLink } from "./issue-password-reset-link.ts";
import { redeemSignInToken } from "./redeem-sign-in-token.ts";
import { createRole, deleteRole, updateRole } from "./save-role.ts";
import { disableUser, enableUser } from "./set-user-disabled.ts";
import { setUserRoles } from "./set-user-roles.ts";
import { hashSignInToken, inspectSignInToken } from "./sign-in-tokens.ts";
import { createTargetUser, useAccountsDatabase } from "./test-fixtures.ts";

const ctx = useAccountsDatabase();
const PASSWORD = "a long enough passphrase";

async function newUserWithLink(email: string, roleKeys = ["writer"]) {
  const result = await createUserWithSignInLink(ctx.db.prisma, ctx.actor("admin"), { email, name: "مستخدم", roleKeys });
  if (result.status !== "created") throw new Error(`not created: ${result.status}`);
  return result;
}

async function signedInSession(email: string, password = PASSWORD) {
  const session = await verifyCredentials(ctx.db.prisma, email, password);
  if (!session) throw new Error("could not sign in");
  return session;
}

describe("a new user's one-time link", () => {
  it("stores only the token's hash, normalizes the email, and works exactly once", async () => {
    const created = await newUserWithLink("  Reem@Example.TEST ");
    const prisma = ctx.db.prisma;
    const user = await prisma.user.findUniqueOrThrow({ where: { id: created.userId } });
    expect(user.email).toBe("reem@example.test");
    expect(user.passwordHash).toBeNull();
    const stored = await prisma.signInToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashSignInToken(created.token));
    expect(stored.tokenHash).not.toContain(created.token);
    expect(created.expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3_600_000);

    expect(await inspectSignInToken(prisma, created.token)).toEqual({
      status: "valid",
      email: "reem@example.test",
      name: "مستخدم",
    });
    expect(await verifyCredentials(prisma, "reem@example.test", PASSWORD)).toBeNull();
    await expect(redeemSignInToken(prisma, { token: created.token, newPassword: PASSWORD })).resolves.toMatchObject({
      status: "redeemed",
    });
    const session = await signedInSession("reem@example.test");
    expect(await loadActor(prisma, session.id, session.authVersion)).not.toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toMatch(/^\$argon2id\$/);

    await expect(
      redeemSignInToken(prisma, { token: created.token, newPassword: "another passphrase here" }),
    ).resolves.toEqual({ status: "used" });
    expect(await inspectSignInToken(prisma, created.token)).toEqual({ status: "used" });
    expect(await verifyCredentials(prisma, "reem@example.test", "another passphrase here")).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "auth.set_password", actorId: user.id } })).toBe(1);
  });

  it("saves the language the link's page was shown in as the account's, and leaves it alone when none is given", async () => {
    const prisma = ctx.db.prisma;
    const chosen = await newUserWithLink("russian.speaker@example.test");
    await redeemSignInToken(prisma, { token: chosen.token, newPassword: PASSWORD, uiLocale: "ru" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: chosen.userId } })).uiLocale).toBe("ru");
    const unchosen = await newUserWithLink("no.choice@example.test");
    await redeemSignInToken(prisma, { token: unchosen.token, newPassword: PASSWORD });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: unchosen.userId } })).uiLocale).toBe("ar");
  });

  it("refuses an expired link, a link of a disabled user, an unknown or malformed one, and a short password", async () => {
    const prisma = ctx.db.prisma;
    const expired = await newUserWithLink("expired@example.test");
    await prisma.signInToken.updateMany({
      where: { userId: expired.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await redeemSignInToken(prisma, { token: expired.token, newPassword: PASSWORD })).toEqual({
      status: "expired",
    });
    expect(await inspectSignInToken(prisma, expired.token)).toEqual({ status: "expired" });

    const disabled = await newUserWithLink("soon-disabled@example.test");
    await disableUser(prisma, ctx.actor("admin"), { userId: disabled.userId });
    expect(await redeemSignInToken(prisma, { token: disabled.token, newPassword: PASSWORD })).toEqual({
      status: "disabled",
    });

    expect(await redeemSignInToken(prisma, { token: "A".repeat(43), newPassword: PASSWORD })).toEqual({
      status: "unknown",
    });
    expect(await redeemSignInToken(prisma, { token: "../../etc", newPassword: PASSWORD })).toEqual({
      status: "unknown",
    });
    const fresh = await newUserWithLink("short@example.test");
    await expect(redeemSignInToken(prisma, { token: fresh.token, newPassword: "short" })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    // The refused password did not spend the link.
    expect(await inspectSignInToken(prisma, fresh.token)).toMatchObject({ status: "valid" });
    for (const user of [expired, disabled])
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.userId } })).passwordHash).toBeNull();
  });

  it("cannot be spent twice by two submissions at the same moment", async () => {
    const created = await newUserWithLink("race@example.test");
    const results = await Promise.all([
      redeemSignInToken(ctx.db.prisma, { token: created.token, newPassword: PASSWORD }),
      redeemSignInToken(ctx.second, { token: created.token, newPassword: "the other passphrase" }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["redeemed", "used"]);
  });

  it("refuses a taken email (whatever its case), unknown roles and invalid input", async () => {
    const admin = ctx.actor("admin");
    await newUserWithLink("taken@example.test");
    const prisma = ctx.db.prisma;
    expect(
      await createUserWithSignInLink(prisma, admin, { email: "TAKEN@example.test", name: "x", roleKeys: [] }),
    ).toEqual({
      status: "email_taken",
      email: "taken@example.test",
    });
    expect(
      await createUserWithSignInLink(prisma, admin, { email: "new@example.test", name: "x", roleKeys: ["nope"] }),
    ).toEqual({
      status: "unknown_roles",
      keys: ["nope"],
    });
    await expect(
      createUserWithSignInLink(prisma, admin, { email: "not an email", name: "x", roleKeys: [] }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      createUserWithSignInLink(prisma, admin, { email: "a@example.test", name: "x".repeat(201), roleKeys: [] }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await prisma.user.count({ where: { email: { in: ["new@example.test", "a@example.test"] } } })).toBe(0);
  });
});

describe("sessions end when an admin changes the account", () => {
  it("disabling voids the session and refuses the password; enabling lets the user sign in again", async () => {
    const prisma = ctx.db.prisma;
    const user = await createTargetUser(prisma, ["writer"], PASSWORD);
    const session = await signedInSession(user.email);
    expect(await loadActor(prisma, session.id, session.authVersion)).not.toBeNull();
    expect(await disableUser(prisma, ctx.actor("admin"), { userId: user.id })).toEqual({ status: "disabled" });
    expect(await loadActor(prisma, session.id, session.authVersion)).toBeNull();
    expect(await verifyCredentials(prisma, user.email, PASSWORD)).toBeNull();
    expect(await enableUser(prisma, ctx.actor("admin"), { userId: user.id })).toEqual({ status: "enabled" });
    // The old session stays void; a new sign-in works.
    expect(await loadActor(prisma, session.id, session.authVersion)).toBeNull();
    const again = await signedInSession(user.email);
    expect(await loadActor(prisma, again.id, again.authVersion)).not.toBeNull();
  });

  it("a role change voids the session, and the next one carries the new permissions", async () => {
    const prisma = ctx.db.prisma;
    const user = await createTargetUser(prisma, ["writer"], PASSWORD);
    const session = await signedInSession(user.email);
    expect(await setUserRoles(prisma, ctx.actor("admin"), { userId: user.id, roleKeys: ["editor"] })).toEqual({
      status: "saved",
    });
    expect(await loadActor(prisma, session.id, session.authVersion)).toBeNull();
    const again = await signedInSession(user.email);
    expect((await loadActor(prisma, again.id, again.authVersion))?.permissions.has("article.publish")).toBe(true);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "user.set_roles", entityId: String(user.id) },
    });
    expect(audit.data).toEqual({ from: ["writer"], to: ["editor"] });
  });

  it("a password reset voids the session and the old password, and only the newest link works", async () => {
    const prisma = ctx.db.prisma;
    const user = await createTargetUser(prisma, ["writer"], PASSWORD);
    const session = await signedInSession(user.email);
    const first = await issuePasswordResetLink(prisma, ctx.actor("admin"), { userId: user.id });
    const second = await issuePasswordResetLink(prisma, ctx.actor("admin"), { userId: user.id });
    if (first.status !== "issued" || second.status !== "issued") throw new Error("no link issued");
    expect(await loadActor(prisma, session.id, session.authVersion)).toBeNull();
    expect(await verifyCredentials(prisma, user.email, PASSWORD)).toBeNull();
    expect(await redeemSignInToken(prisma, { token: first.token, newPassword: "the new passphrase" })).toEqual({
      status: "used",
    });
    expect(await redeemSignInToken(prisma, { token: second.token, newPassword: "the new passphrase" })).toMatchObject({
      status: "redeemed",
    });
    await signedInSession(user.email, "the new passphrase");
  });
});

describe("guards", () => {
  it("an admin cannot disable themselves, nor leave the newsroom without an active admin", async () => {
    const prisma = ctx.db.prisma;
    const admin = ctx.actor("admin");
    const adminId = ctx.cast.ids.admin;
    expect(await disableUser(prisma, admin, { userId: adminId })).toEqual({ status: "self" });
    expect(await setUserRoles(prisma, admin, { userId: adminId, roleKeys: ["editor"] })).toEqual({
      status: "last_admin",
    });
    expect(
      await loadActor(prisma, adminId, (await prisma.user.findUniqueOrThrow({ where: { id: adminId } })).authVersion),
    ).not.toBeNull();

    // With a second admin, the first may step down.
    const second = await createTargetUser(prisma, ["admin"]);
    expect(await setUserRoles(prisma, admin, { userId: adminId, roleKeys: ["admin", "editor"] })).toEqual({
      status: "saved",
    });
    expect(await disableUser(prisma, admin, { userId: second.id })).toEqual({ status: "disabled" });
    expect(await enableUser(prisma, admin, { userId: second.id })).toEqual({ status: "enabled" });
  });

  it("nobody hands out a permission they do not hold", async () => {
    const prisma = ctx.db.prisma;
    const manager = ctx.actor("accountsManager");
    const target = await createTargetUser(prisma);
    expect(await setUserRoles(prisma, manager, { userId: target.id, roleKeys: ["admin"] })).toMatchObject({
      status: "exceeds_own",
    });
    expect(
      await createUserWithSignInLink(prisma, manager, { email: "boss@example.test", name: "b", roleKeys: ["editor"] }),
    ).toMatchObject({
      status: "exceeds_own",
    });
    const grab = { key: "grab", nameAr: "أ", nameRu: "Б", nameEn: "C", permissions: ["article.publish"] };
    expect(await createRole(prisma, manager, grab)).toEqual({
      status: "exceeds_own",
      permissions: ["article.publish"],
    });
  });

  it("built-in roles cannot be edited or deleted; custom roles only when unused and not changed meanwhile", async () => {
    const prisma = ctx.db.prisma;
    const admin = ctx.actor("admin");
    const editor = await prisma.role.findUniqueOrThrow({ where: { key: "editor" } });
    const names = { nameAr: "أ", nameRu: "Б", nameEn: "C" };
    expect(
      await updateRole(prisma, admin, {
        roleId: editor.id,
        expectedVersion: editor.version,
        ...names,
        permissions: [],
      }),
    ).toEqual({
      status: "built_in",
    });
    expect(await deleteRole(prisma, admin, { roleId: editor.id })).toEqual({ status: "built_in" });

    const created = await createRole(prisma, admin, {
      key: "proofreader",
      ...names,
      permissions: ["article.review", "article.read", "article.read"],
    });
    if (created.status !== "created") throw new Error("not created");
    expect((await prisma.role.findUniqueOrThrow({ where: { id: created.roleId } })).permissions).toEqual([
      "article.read",
      "article.review",
    ]);
    expect(await createRole(prisma, admin, { key: "proofreader", ...names, permissions: [] })).toEqual({
      status: "key_taken",
      key: "proofreader",
    });
    await expect(createRole(prisma, admin, { key: "Bad Key!", ...names, permissions: [] })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(
      createRole(prisma, admin, { key: "ok_key", ...names, permissions: ["article.fly"] }),
    ).rejects.toBeInstanceOf(InvalidInputError);

    expect(
      await updateRole(prisma, admin, { roleId: created.roleId, expectedVersion: 7, ...names, permissions: [] }),
    ).toEqual({
      status: "stale_version",
      currentVersion: 1,
    });
    const user = await createTargetUser(prisma, ["proofreader"]);
    expect(await deleteRole(prisma, admin, { roleId: created.roleId })).toEqual({ status: "in_use", userCount: 1 });
    await setUserRoles(prisma, admin, { userId: user.id, roleKeys: ["writer"] });
    expect(await deleteRole(prisma, admin, { roleId: created.roleId })).toEqual({ status: "deleted" });
  });
});
