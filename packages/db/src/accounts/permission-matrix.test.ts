// Every accounts use case, called as each kind of actor: only admins and a custom role holding the permission
// succeed; refusals change nothing; each success leaves its audit entry. Then every action on a user or a role,
// aimed at one weaker, equal or stronger than the actor, and at the last active admin.
import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { ForbiddenError, PERMISSIONS, type Actor } from "../permissions.ts";
import { createUser, loadActor } from "../users.ts";
import { createUserWithSignInLink } from "./create-user-with-sign-in-link.ts";
import { issuePasswordResetLink } from "./issue-password-reset-link.ts";
import { listAuditLog } from "./list-audit-log.ts";
import { listRoles } from "./list-roles.ts";
import { listUsers } from "./list-users.ts";
import { createRole, deleteRole, updateRole } from "./save-role.ts";
import { disableUser, enableUser } from "./set-user-disabled.ts";
import { setUserRoles } from "./set-user-roles.ts";
import {
  ACCOUNT_ROLES,
  ACCOUNTS_MANAGER_PERMISSIONS,
  createTargetUser,
  snapshotAccountTables,
  useAccountsDatabase,
  type AccountRole,
} from "./test-fixtures.ts";

const ctx = useAccountsDatabase();

type Target = { userId: number; roleId: number; roleKey: string; roleVersion: number };

type Case = {
  name: string;
  /** The audit action a successful call writes. */
  action: string;
  /** Resolves when the use case did what was asked (a typed refusal is not success). */
  run: (prisma: PrismaClient, actor: Actor | null, target: Target, n: number) => Promise<{ status: string }>;
  success: string;
  /** Puts the target in the state the case starts from. */
  prepare?: (prisma: PrismaClient, target: Target) => Promise<unknown>;
};

const MANAGERS: readonly AccountRole[] = ["admin", "accountsManager"];

const CASES: Case[] = [
  {
    name: "createUserWithSignInLink",
    action: "user.create",
    success: "created",
    run: (prisma, actor, _t, n) =>
      createUserWithSignInLink(prisma, actor, {
        email: `  New.Person${n}@Example.TEST `,
        name: "شخص جديد",
        roleKeys: ["writer"],
      }),
  },
  {
    name: "disableUser",
    action: "user.disable",
    success: "disabled",
    run: (prisma, actor, t) => disableUser(prisma, actor, { userId: t.userId }),
  },
  {
    name: "enableUser",
    action: "user.enable",
    success: "enabled",
    prepare: (prisma, t) => prisma.user.update({ where: { id: t.userId }, data: { disabledAt: new Date() } }),
    run: (prisma, actor, t) => enableUser(prisma, actor, { userId: t.userId }),
  },
  {
    name: "issuePasswordResetLink",
    action: "user.reset_password",
    success: "issued",
    run: (prisma, actor, t) => issuePasswordResetLink(prisma, actor, { userId: t.userId }),
  },
  {
    name: "setUserRoles",
    action: "user.set_roles",
    success: "saved",
    run: (prisma, actor, t) => setUserRoles(prisma, actor, { userId: t.userId, roleKeys: ["writer", t.roleKey] }),
  },
  {
    name: "createRole",
    action: "role.create",
    success: "created",
    run: (prisma, actor, _t, n) =>
      createRole(prisma, actor, {
        key: `reader_${n}`,
        nameAr: "قارئ",
        nameRu: "Читатель",
        nameEn: "Reader",
        permissions: ["article.read"],
      }),
  },
  {
    name: "updateRole",
    action: "role.update",
    success: "saved",
    run: (prisma, actor, t) =>
      updateRole(prisma, actor, {
        roleId: t.roleId,
        expectedVersion: t.roleVersion,
        nameAr: "قارئ أول",
        nameRu: "Старший читатель",
        nameEn: "Senior reader",
        permissions: ["article.read", "article.create"],
      }),
  },
  {
    name: "deleteRole",
    action: "role.delete",
    success: "deleted",
    run: (prisma, actor, t) => deleteRole(prisma, actor, { roleId: t.roleId }),
  },
];

let sequence = 0;

async function createTarget(prisma: PrismaClient): Promise<Target> {
  const user = await createTargetUser(prisma);
  const role = await prisma.role.create({
    data: { key: `custom_${++sequence}`, nameAr: "دور", nameRu: "Роль", nameEn: "Role", permissions: ["article.read"] },
  });
  return { userId: user.id, roleId: role.id, roleKey: role.key, roleVersion: role.version };
}

for (const testCase of CASES) {
  describe(testCase.name, () => {
    for (const role of ACCOUNT_ROLES) {
      const allowed = MANAGERS.includes(role);
      it(`${allowed ? "allows" : "refuses"} ${role}`, async () => {
        const prisma = ctx.db.prisma;
        const target = await createTarget(prisma);
        await testCase.prepare?.(prisma, target);
        const before = await snapshotAccountTables(prisma);
        const call = testCase.run(prisma, ctx.actor(role), target, ++sequence);
        if (allowed) {
          await expect(call).resolves.toMatchObject({ status: testCase.success });
          const entry = await prisma.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
          expect(entry).toMatchObject({ action: testCase.action, actorId: ctx.actor(role)?.userId });
          expect(await snapshotAccountTables(prisma)).not.toEqual(before);
        } else {
          await expect(call).rejects.toBeInstanceOf(ForbiddenError);
          expect(await snapshotAccountTables(prisma)).toEqual(before);
        }
      });
    }
  });
}

describe("reading users, roles and the audit log", () => {
  it("is allowed only to those holding the permission", async () => {
    const reads: [string, (actor: Actor | null) => Promise<unknown>][] = [
      ["listUsers", (actor) => listUsers(ctx.db.prisma, actor)],
      ["listRoles", (actor) => listRoles(ctx.db.prisma, actor)],
      ["listAuditLog", (actor) => listAuditLog(ctx.db.prisma, actor, {})],
    ];
    for (const [name, read] of reads) {
      for (const role of ACCOUNT_ROLES) {
        if (MANAGERS.includes(role)) await expect(read(ctx.actor(role)), `${name} as ${role}`).resolves.toBeDefined();
        else await expect(read(ctx.actor(role)), `${name} as ${role}`).rejects.toBeInstanceOf(ForbiddenError);
      }
    }
  });
});

// --- Acting on a weaker, equal or stronger user ---

type Relation = "weaker" | "equal" | "stronger";
type RelationCase = {
  actor: "accountsManager" | "admin";
  relation: Relation;
  /** The target's roles besides READER. */
  roles: string[];
  /** What a refusal names: the target's permissions the actor lacks. */
  beyond: string[];
};

/** An editor's powers beyond the accounts manager's (admin adds nothing the manager lacks besides these). */
const EDITOR_BEYOND_MANAGER = [
  "article.archive",
  "article.edit_any",
  "article.import",
  "article.publish",
  "article.review",
  "article.schedule",
  "article.translate",
  "article.unpublish",
  "attribution.manage",
  "breaking.manage",
  "frontpage.manage",
  "names.manage",
  "section.manage",
];

// Nobody is stronger than an admin: an admin acts on weaker and equal users only.
const RELATIONS: RelationCase[] = [
  { actor: "accountsManager", relation: "weaker", roles: ["writer"], beyond: [] },
  { actor: "accountsManager", relation: "equal", roles: ["accounts_manager"], beyond: [] },
  {
    actor: "accountsManager",
    relation: "stronger",
    roles: ["writer", "translator"],
    beyond: ["article.translate", "names.manage"],
  },
  { actor: "accountsManager", relation: "stronger", roles: ["editor"], beyond: EDITOR_BEYOND_MANAGER },
  { actor: "accountsManager", relation: "stronger", roles: ["admin"], beyond: EDITOR_BEYOND_MANAGER },
  { actor: "admin", relation: "weaker", roles: ["editor"], beyond: [] },
  { actor: "admin", relation: "equal", roles: ["admin"], beyond: [] },
];

/** Custom roles within the accounts manager's own permissions, held by or handed to the targets. */
const READER = "matrix_reader";
const SUBMITTER = "matrix_submitter";

type UserAction = {
  name: string;
  action: string;
  success: string;
  prepare?: (prisma: PrismaClient, userId: number) => Promise<unknown>;
  run: (prisma: PrismaClient, actor: Actor | null, userId: number, roles: string[]) => Promise<{ status: string }>;
  /** What a success left in the database. */
  done: (prisma: PrismaClient, userId: number, roles: string[]) => Promise<void>;
};

async function targetState(prisma: PrismaClient, userId: number) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    include: { roles: { include: { role: true } }, signInTokens: true },
  });
  return {
    disabled: user.disabledAt !== null,
    hasPassword: user.passwordHash !== null,
    tokens: user.signInTokens.length,
    roleKeys: user.roles.map(({ role }) => role.key).sort(),
  };
}

const USER_ACTIONS: UserAction[] = [
  {
    name: "disableUser",
    action: "user.disable",
    success: "disabled",
    run: (prisma, actor, userId) => disableUser(prisma, actor, { userId }),
    done: async (prisma, userId) => expect((await targetState(prisma, userId)).disabled).toBe(true),
  },
  {
    name: "enableUser",
    action: "user.enable",
    success: "enabled",
    prepare: (prisma, userId) => prisma.user.update({ where: { id: userId }, data: { disabledAt: new Date() } }),
    run: (prisma, actor, userId) => enableUser(prisma, actor, { userId }),
    done: async (prisma, userId) => expect((await targetState(prisma, userId)).disabled).toBe(false),
  },
  {
    name: "issuePasswordResetLink",
    action: "user.reset_password",
    success: "issued",
    run: (prisma, actor, userId) => issuePasswordResetLink(prisma, actor, { userId }),
    done: async (prisma, userId) =>
      expect(await targetState(prisma, userId)).toMatchObject({ hasPassword: false, tokens: 1 }),
  },
  {
    name: "setUserRoles (adding a role)",
    action: "user.set_roles",
    success: "saved",
    run: (prisma, actor, userId, roles) => setUserRoles(prisma, actor, { userId, roleKeys: [...roles, SUBMITTER] }),
    done: async (prisma, userId, roles) =>
      expect((await targetState(prisma, userId)).roleKeys).toEqual([...roles, SUBMITTER].sort()),
  },
  {
    name: "setUserRoles (removing a role)",
    action: "user.set_roles",
    success: "saved",
    run: (prisma, actor, userId, roles) =>
      setUserRoles(prisma, actor, { userId, roleKeys: roles.filter((key) => key !== READER) }),
    done: async (prisma, userId, roles) =>
      expect((await targetState(prisma, userId)).roleKeys).toEqual(roles.filter((key) => key !== READER).sort()),
  },
];

describe("acting on a weaker, equal or stronger user", () => {
  beforeAll(async () => {
    const names = { nameAr: "دور", nameRu: "Роль", nameEn: "Role" };
    await ctx.db.prisma.role.create({ data: { key: READER, ...names, permissions: ["article.read"] } });
    await ctx.db.prisma.role.create({
      data: { key: SUBMITTER, ...names, permissions: ["article.read", "article.submit"] },
    });
  });

  for (const action of USER_ACTIONS) {
    for (const { actor: actorRole, relation, roles: base, beyond } of RELATIONS) {
      const allowed = relation !== "stronger";
      it(`${action.name}: ${actorRole} → ${relation} user (${base.join("+")}) is ${allowed ? "allowed" : "refused"}`, async () => {
        const prisma = ctx.db.prisma;
        const roles = [...base, READER];
        const target = await createTargetUser(prisma, roles, "the target's own passphrase");
        await action.prepare?.(prisma, target.id);
        const before = await snapshotAccountTables(prisma);
        const state = await targetState(prisma, target.id);
        const actor = ctx.actor(actorRole);
        const result = await action.run(prisma, actor, target.id, roles);
        if (allowed) {
          expect(result).toMatchObject({ status: action.success });
          await action.done(prisma, target.id, roles);
          const entry = await prisma.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
          expect(entry).toMatchObject({ action: action.action, actorId: actor?.userId, entityId: String(target.id) });
        } else {
          expect(result).toEqual({ status: "target_outranks", permissions: beyond });
          // No token, no new password, the same roles and disabled flag, no audit entry: nothing at all.
          expect(await targetState(prisma, target.id)).toEqual(state);
          expect(await snapshotAccountTables(prisma)).toEqual(before);
        }
      });
    }
  }

  it("creating a user: roles within the actor's permissions are granted, a stronger one is refused", async () => {
    const prisma = ctx.db.prisma;
    const manager = ctx.actor("accountsManager");
    const create = (n: number, roleKeys: string[]) =>
      createUserWithSignInLink(prisma, manager, { email: `matrix-new-${n}@example.test`, name: "جديد", roleKeys });
    await expect(create(1, ["writer"])).resolves.toMatchObject({ status: "created" });
    await expect(create(2, ["accounts_manager"])).resolves.toMatchObject({ status: "created" });
    const before = await snapshotAccountTables(prisma);
    await expect(create(3, ["writer", "translator"])).resolves.toEqual({
      status: "exceeds_own",
      permissions: ["article.translate", "names.manage"],
    });
    await expect(create(4, ["admin"])).resolves.toMatchObject({ status: "exceeds_own" });
    expect(await snapshotAccountTables(prisma)).toEqual(before);
  });
});

// --- The last active admin ---

describe("the last active admin", () => {
  let adminId = 0;
  /** Holds every permission through a custom role, so only the last-admin rule stands in their way. */
  let equal: Actor | null = null;
  let adminState: Awaited<ReturnType<typeof targetState>>;

  beforeAll(async () => {
    const prisma = ctx.db.prisma;
    adminId = ctx.cast.ids.admin;
    // The other tests' admins step aside: the cast's admin is the only active one.
    await prisma.user.updateMany({
      where: { id: { not: adminId }, roles: { some: { role: { key: "admin" } } } },
      data: { disabledAt: new Date() },
    });
    await prisma.role.create({
      data: { key: "everything", nameAr: "كل شيء", nameRu: "Всё", nameEn: "Everything", permissions: [...PERMISSIONS] },
    });
    const user = await createUser(prisma, { email: "everything@example.test", name: "e", roleKeys: ["everything"] });
    equal = await loadActor(prisma, user.id, user.authVersion);
    adminState = await targetState(prisma, adminId);
    expect(adminState).toMatchObject({ disabled: false, tokens: 0, roleKeys: ["admin"] });
  });

  /** Runs the refused calls and checks that the admin's account, and every accounts table, stayed as they were. */
  async function expectUnchanged(calls: () => Promise<void>) {
    const prisma = ctx.db.prisma;
    const before = await snapshotAccountTables(prisma);
    await calls();
    expect(await snapshotAccountTables(prisma)).toEqual(before);
    expect(await targetState(prisma, adminId)).toEqual(adminState);
  }

  it("is not disabled by anyone, even someone holding every permission (nor by themselves)", async () => {
    const prisma = ctx.db.prisma;
    await expectUnchanged(async () => {
      await expect(disableUser(prisma, equal, { userId: adminId })).resolves.toEqual({ status: "last_admin" });
      await expect(disableUser(prisma, ctx.actor("admin"), { userId: adminId })).resolves.toEqual({ status: "self" });
    });
  });

  it("is not demoted by anyone, themselves included", async () => {
    const prisma = ctx.db.prisma;
    await expectUnchanged(async () => {
      for (const actor of [equal, ctx.actor("admin")]) {
        for (const roleKeys of [["editor"], [], ["everything"]]) {
          await expect(setUserRoles(prisma, actor, { userId: adminId, roleKeys })).resolves.toEqual({
            status: "last_admin",
          });
        }
      }
    });
  });

  it("gets no reset link from anyone else, even someone holding every permission", async () => {
    const prisma = ctx.db.prisma;
    await expectUnchanged(async () => {
      await expect(issuePasswordResetLink(prisma, equal, { userId: adminId })).resolves.toEqual({
        status: "last_admin",
      });
    });
  });

  it("is out of a weaker manager's reach before the last-admin rule is reached", async () => {
    const prisma = ctx.db.prisma;
    const manager = ctx.actor("accountsManager");
    const refusal = { status: "target_outranks", permissions: EDITOR_BEYOND_MANAGER };
    await expectUnchanged(async () => {
      await expect(disableUser(prisma, manager, { userId: adminId })).resolves.toEqual(refusal);
      await expect(issuePasswordResetLink(prisma, manager, { userId: adminId })).resolves.toEqual(refusal);
      await expect(setUserRoles(prisma, manager, { userId: adminId, roleKeys: ["writer"] })).resolves.toEqual(refusal);
    });
  });

  it("may be given more roles, and resets their own password", async () => {
    const prisma = ctx.db.prisma;
    await expect(setUserRoles(prisma, equal, { userId: adminId, roleKeys: ["admin", "everything"] })).resolves.toEqual({
      status: "saved",
    });
    await expect(issuePasswordResetLink(prisma, ctx.actor("admin"), { userId: adminId })).resolves.toMatchObject({
      status: "issued",
    });
    expect(await targetState(prisma, adminId)).toEqual({
      ...adminState,
      hasPassword: false,
      tokens: 1,
      roleKeys: ["admin", "everything"],
    });
  });

  it("is an admin like any other once a second admin is active", async () => {
    const prisma = ctx.db.prisma;
    const second = await createTargetUser(prisma, ["admin"]);
    await expect(issuePasswordResetLink(prisma, equal, { userId: adminId })).resolves.toMatchObject({
      status: "issued",
    });
    await expect(disableUser(prisma, equal, { userId: second.id })).resolves.toEqual({ status: "disabled" });
    // The second admin disabled, the first is the last again.
    await expect(disableUser(prisma, equal, { userId: adminId })).resolves.toEqual({ status: "last_admin" });
  });
});

// --- The role editor ---

describe("the role editor", () => {
  const names = { nameAr: "مراجع", nameRu: "Проверяющий", nameEn: "Checker" };
  let n = 0;

  /** A custom role held by a user with `holderRoles` besides it. */
  async function heldRole(prisma: PrismaClient, holderRoles: string[], permissions = ["article.read"]) {
    const role = await prisma.role.create({ data: { key: `editor_matrix_${++n}`, ...names, permissions } });
    if (holderRoles.length > 0) await createTargetUser(prisma, [...holderRoles, role.key]);
    return role;
  }

  for (const { actor: actorRole, relation, roles, beyond } of RELATIONS) {
    const allowed = relation !== "stronger";
    it(`updateRole: ${actorRole} changes the grants of a role held by a ${relation} user (${roles.join("+")})`, async () => {
      const prisma = ctx.db.prisma;
      const role = await heldRole(prisma, roles);
      const before = await snapshotAccountTables(prisma);
      const result = await updateRole(prisma, ctx.actor(actorRole), {
        roleId: role.id,
        expectedVersion: role.version,
        ...names,
        permissions: ["article.read", "article.create"],
      });
      if (allowed) {
        expect(result).toEqual({ status: "saved", version: role.version + 1 });
        const saved = await prisma.role.findUniqueOrThrow({ where: { id: role.id } });
        expect(saved.permissions).toEqual(["article.read", "article.create"]);
      } else {
        expect(result).toEqual({ status: "holder_outranks", permissions: beyond });
        expect(await snapshotAccountTables(prisma)).toEqual(before);
      }
    });
  }

  it("renaming a role held by a stronger user changes nobody's permissions, so it is allowed", async () => {
    const prisma = ctx.db.prisma;
    const role = await heldRole(prisma, ["editor"]);
    await expect(
      updateRole(prisma, ctx.actor("accountsManager"), {
        roleId: role.id,
        expectedVersion: role.version,
        nameAr: "قارئ",
        nameRu: "Читатель",
        nameEn: "Reader",
        permissions: ["article.read"],
      }),
    ).resolves.toEqual({ status: "saved", version: role.version + 1 });
  });

  it("a role granting a permission the manager lacks is out of their reach: no rename, no change, no deletion", async () => {
    const prisma = ctx.db.prisma;
    const manager = ctx.actor("accountsManager");
    const role = await heldRole(prisma, [], ["article.read", "article.publish"]);
    const reader = await heldRole(prisma, []);
    const before = await snapshotAccountTables(prisma);
    const refusal = { status: "role_outranks", permissions: ["article.publish"] };
    const edit = (permissions: string[], nameEn: string) =>
      updateRole(prisma, manager, { roleId: role.id, expectedVersion: role.version, ...names, nameEn, permissions });
    // Renamed "Reader", a role that publishes could be handed out by an admin who trusts the name.
    await expect(edit(["article.read", "article.publish"], "Reader")).resolves.toEqual(refusal);
    await expect(edit(["article.read"], names.nameEn)).resolves.toEqual(refusal);
    await expect(deleteRole(prisma, manager, { roleId: role.id })).resolves.toEqual(refusal);
    // Nor may they add one to a role within their reach.
    await expect(
      updateRole(prisma, manager, {
        roleId: reader.id,
        expectedVersion: reader.version,
        ...names,
        permissions: ["article.read", "article.review"],
      }),
    ).resolves.toEqual({ status: "exceeds_own", permissions: ["article.review"] });
    expect(await snapshotAccountTables(prisma)).toEqual(before);
    await expect(deleteRole(prisma, ctx.actor("admin"), { roleId: role.id })).resolves.toEqual({ status: "deleted" });
  });
});

describe("a permission the catalogue no longer has", () => {
  it("grants nothing, so it puts no user or role out of reach and is no grant to refuse", async () => {
    const prisma = ctx.db.prisma;
    const manager = ctx.actor("accountsManager");
    const names = { nameAr: "مكتب قديم", nameRu: "Старый отдел", nameEn: "Old desk" };
    const role = await prisma.role.create({
      data: { key: "old_desk", ...names, permissions: ["article.read", "article.retired"] },
    });
    const user = await createTargetUser(prisma, ["writer", role.key]);
    await expect(disableUser(prisma, manager, { userId: user.id })).resolves.toEqual({ status: "disabled" });
    await expect(enableUser(prisma, manager, { userId: user.id })).resolves.toEqual({ status: "enabled" });
    await expect(issuePasswordResetLink(prisma, manager, { userId: user.id })).resolves.toMatchObject({
      status: "issued",
    });
    const other = await createTargetUser(prisma, ["writer"]);
    await expect(setUserRoles(prisma, manager, { userId: other.id, roleKeys: ["writer", role.key] })).resolves.toEqual({
      status: "saved",
    });
    await expect(
      updateRole(prisma, manager, {
        roleId: role.id,
        expectedVersion: role.version,
        ...names,
        permissions: ["article.read", "article.create"],
      }),
    ).resolves.toEqual({ status: "saved", version: role.version + 1 });
    expect((await prisma.role.findUniqueOrThrow({ where: { id: role.id } })).permissions).toEqual([
      "article.read",
      "article.create",
    ]);
    expect(await targetState(prisma, user.id)).toMatchObject({ disabled: false, tokens: 1 });
  });
});

it("the accounts manager's permissions are what the matrix assumes", () => {
  expect([...(ctx.actor("accountsManager")?.permissions ?? [])].sort()).toEqual(
    [...ACCOUNTS_MANAGER_PERMISSIONS].sort(),
  );
});
