// The staff list for the users page: who, which roles, active or disabled, whether a password is set.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { ADMIN_ROLE_KEY } from "./admin-guard.ts";
import { permissionsOf, userActionsOffered, type UserActionsOffered } from "./target-guard.ts";

export type UserRoleSummary = { key: string; nameAr: string; nameRu: string; nameEn: string };

export type UserRow = {
  id: number;
  email: string;
  name: string;
  roles: UserRoleSummary[];
  disabled: boolean;
  /** False until the user has set a password through their one-time link. */
  hasPassword: boolean;
  createdAt: Date;
  /** What the actor may do to this user, so the page shows no button the server would refuse. */
  offered: UserActionsOffered;
};

export async function listUsers(prisma: PrismaClient, actor: Actor | null): Promise<UserRow[]> {
  const manager = requirePermission(actor, "user.manage");
  const users = await prisma.user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
    include: { roles: { include: { role: true }, orderBy: { role: { key: "asc" } } } },
  });
  const isActiveAdmin = (user: (typeof users)[number]) =>
    user.disabledAt === null && user.roles.some(({ role }) => role.key === ADMIN_ROLE_KEY);
  const activeAdmins = users.filter(isActiveAdmin).length;
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles.map(({ role }) => ({
      key: role.key,
      nameAr: role.nameAr,
      nameRu: role.nameRu,
      nameEn: role.nameEn,
    })),
    disabled: user.disabledAt !== null,
    hasPassword: user.passwordHash !== null,
    createdAt: user.createdAt,
    offered: userActionsOffered(manager, {
      id: user.id,
      disabled: user.disabledAt !== null,
      permissions: permissionsOf(user.roles),
      lastActiveAdmin: isActiveAdmin(user) && activeAdmins === 1,
    }),
  }));
}
