// Every role, built-in first, with how many users hold it: for the roles page and the users page's role choices.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { can, isPermission, requirePermission, type Actor, type Permission } from "../permissions.ts";

export type RoleRow = {
  id: number;
  key: string;
  nameAr: string;
  nameRu: string;
  nameEn: string;
  builtIn: boolean;
  permissions: Permission[];
  userCount: number;
  version: number;
};

export async function listRoles(prisma: PrismaClient, actor: Actor | null): Promise<RoleRow[]> {
  // User managers need the roles to assign them; role managers to edit them.
  if (!can(actor, "user.manage")) requirePermission(actor, "role.manage");
  const roles = await prisma.role.findMany({
    orderBy: [{ builtIn: "desc" }, { id: "asc" }],
    include: { _count: { select: { users: true } } },
  });
  return roles.map((role) => ({
    id: role.id,
    key: role.key,
    nameAr: role.nameAr,
    nameRu: role.nameRu,
    nameEn: role.nameEn,
    builtIn: role.builtIn,
    permissions: role.permissions.filter(isPermission),
    userCount: role._count.users,
    version: role.version,
  }));
}
