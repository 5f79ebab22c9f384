// Test fixtures for the accounts use cases: the editorial cast plus a user whose custom role manages accounts,
// and a snapshot of every table these use cases write.
import { beforeAll } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Actor } from "../permissions.ts";
import { ROLES, useEditorialDatabase, type EditorialTestContext } from "../editorial/test-fixtures.ts";
import { createUser, loadActor } from "../users.ts";

export const ACCOUNT_ROLES = [...ROLES, "accountsManager"] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** A custom role with the accounts permissions and a writer's, but not an editor's or admin's other powers. */
export const ACCOUNTS_MANAGER_PERMISSIONS = [
  "user.manage",
  "role.manage",
  "audit.read",
  "article.read",
  "article.create",
  "article.edit_own",
  "article.submit",
  "media.upload",
  "media.edit",
  "media.delete",
];

export type AccountsTestContext = EditorialTestContext & {
  actor: (role: AccountRole) => Actor | null;
  managerId: number;
};

export function useAccountsDatabase(): AccountsTestContext {
  const context = useEditorialDatabase() as AccountsTestContext;
  let manager: Actor | null = null;
  // Registered after useEditorialDatabase's beforeAll, so it runs once the cast exists.
  beforeAll(async () => {
    const prisma = context.db.prisma;
    await prisma.role.create({
      data: {
        key: "accounts_manager",
        nameAr: "مدير الحسابات",
        nameRu: "Менеджер учётных записей",
        nameEn: "Accounts manager",
        permissions: ACCOUNTS_MANAGER_PERMISSIONS,
      },
    });
    const user = await createUser(prisma, {
      email: "accounts-manager@example.test",
      name: "accounts manager",
      roleKeys: ["accounts_manager"],
    });
    context.managerId = user.id;
    manager = await loadActor(prisma, user.id, user.authVersion);
  });
  context.actor = (role) => (role === "accountsManager" ? manager : context.cast.actors[role]);
  return context;
}

/** Everything the accounts use cases can write, for asserting that a refused call changed nothing. */
export async function snapshotAccountTables(prisma: PrismaClient) {
  const byId = { orderBy: { id: "asc" as const } };
  return {
    users: await prisma.user.findMany(byId),
    userRoles: await prisma.userRole.findMany({ orderBy: [{ userId: "asc" }, { roleId: "asc" }] }),
    roles: await prisma.role.findMany(byId),
    tokens: await prisma.signInToken.findMany(byId),
    attempts: await prisma.loginAttempt.findMany(byId),
    audit: await prisma.auditLog.findMany(byId),
  };
}

let sequence = 0;

/** A fresh active writer to act upon, so each test starts from the same state. */
export async function createTargetUser(prisma: PrismaClient, roleKeys: string[] = ["writer"], password?: string) {
  const n = ++sequence;
  return createUser(prisma, {
    email: `target-${n}@example.test`,
    name: `target ${n}`,
    roleKeys,
    password: password ?? null,
  });
}
