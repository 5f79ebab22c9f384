// The staff list for the users page: who, which roles, active or disabled, whether a password is set.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";

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
};

export async function listUsers(prisma: PrismaClient, actor: Actor | null): Promise<UserRow[]> {
  requirePermission(actor, "user.manage");
  const users = await prisma.user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
    include: { roles: { include: { role: true }, orderBy: { role: { key: "asc" } } } },
  });
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
  }));
}
