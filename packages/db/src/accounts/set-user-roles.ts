// Replaces a user's roles; their sessions end (authVersion moves on) so nobody keeps a permission they lost.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { parseInput } from "../editorial/errors.ts";
import { ADMIN_ROLE_KEY, lockAdminSet, wouldLeaveNoAdmin } from "./admin-guard.ts";
import { writeAudit } from "./audit.ts";
import { idInput, roleKeysInput, type RequestContext } from "./inputs.ts";
import { permissionsBeyond } from "./own-permissions.ts";
import { resolveRoles } from "./resolve-roles.ts";

export const setUserRolesInput = z.object({ userId: idInput, roleKeys: roleKeysInput });
export type SetUserRolesInput = z.input<typeof setUserRolesInput>;

export type SetUserRolesResult =
  | { status: "saved" | "unchanged" }
  | { status: "not_found" }
  | { status: "unknown_roles"; keys: string[] }
  /** Taking the admin role from the last active admin would leave nobody able to manage users. */
  | { status: "last_admin" }
  | { status: "exceeds_own"; permissions: string[] };

export async function setUserRoles(
  prisma: PrismaClient,
  actor: Actor | null,
  input: SetUserRolesInput,
  context: RequestContext = {},
): Promise<SetUserRolesResult> {
  const admin = requirePermission(actor, "user.manage");
  const { userId, roleKeys } = parseInput(setUserRolesInput, input);
  return prisma.$transaction(async (tx) => {
    await lockAdminSet(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, include: { roles: { include: { role: true } } } });
    if (!user) return { status: "not_found" as const };
    const resolved = await resolveRoles(tx, roleKeys);
    if (resolved.status !== "ok") return resolved;
    const before = user.roles.map(({ role }) => role.key).sort();
    const after = resolved.roles.map((role) => role.key).sort();
    if (before.join() === after.join()) return { status: "unchanged" as const };
    const added = resolved.roles.filter((role) => !before.includes(role.key));
    const beyond = permissionsBeyond(
      admin,
      added.flatMap((role) => role.permissions),
    );
    if (beyond.length > 0) return { status: "exceeds_own" as const, permissions: beyond };
    if (!after.includes(ADMIN_ROLE_KEY) && (await wouldLeaveNoAdmin(tx, userId)))
      return { status: "last_admin" as const };
    await tx.userRole.deleteMany({ where: { userId } });
    await tx.userRole.createMany({ data: resolved.roles.map((role) => ({ userId, roleId: role.id })) });
    await tx.user.update({ where: { id: userId }, data: { authVersion: { increment: 1 }, version: { increment: 1 } } });
    await writeAudit(
      tx,
      {
        actorId: admin.userId,
        action: "user.set_roles",
        entityType: "user",
        entityId: userId,
        data: { from: before, to: after },
      },
      context,
    );
    return { status: "saved" as const };
  });
}
