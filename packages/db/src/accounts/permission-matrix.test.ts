// Every accounts use case, called as each kind of actor: only admins and a custom role holding the permission
// succeed; refusals change nothing; each success leaves its audit entry.
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { ForbiddenError, type Actor } from "../permissions.ts";
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
