// Replaces a user's roles; their sessions end (authVersion moves on) so nobody keeps a permission they lost.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { parseInput } from "../editorial/errors.ts";
import { ADMIN_ROLE_KEY } from "./admin-guard.ts";
import { writeAudit } from "./audit.ts";
import { idInput, roleKeysInput, type RequestContext } from "./inputs.ts";
import { permissionsBeyond } from "./own-permissions.ts";
import { resolveRoles } from "./resolve-roles.ts";
import { checkTargetUser, type TargetRefusal } from "./target-guard.ts";

export const setUserRolesInput = z.object({ userId: idInput, roleKeys: roleKeysInput });
export type SetUserRolesInput = z.input<typeof setUserRolesInput>;

export type SetUserRolesResult =
  | { status: "saved" | "unchanged" }
  | { status: "unknown_roles"; keys: string[] }
  | { status: "exceeds_own"; permissions: string[] }
  | TargetRefusal;

export async function setUserRoles(
  prisma: PrismaClient,
  actor: Actor | null,
  input: SetUserRolesInput,
  context: RequestContext = {},
): Promise<SetUserRolesResult> {
  const admin = requirePermission(actor, "user.manage");
  const { userId, roleKeys } = parseInput(setUserRolesInput, input);
  return prisma.$transaction(async (tx) => {
    const removesAdmin = !roleKeys.includes(ADMIN_ROLE_KEY);
    const checked = await checkTargetUser(tx, admin, userId, { kind: "set_roles", removesAdmin });
    if (checked.status !== "allowed") return checked;
    const resolved = await resolveRoles(tx, roleKeys);
    if (resolved.status !== "ok") return resolved;
    const before = checked.user.roleKeys;
    const after = resolved.roles.map((role) => role.key).sort();
    if (before.join() === after.join()) return { status: "unchanged" as const };
    // The roles kept are within the actor's own permissions (checkTargetUser), so only the added ones need checking.
    const added = resolved.roles.filter((role) => !before.includes(role.key));
    const beyond = permissionsBeyond(
      admin,
      added.flatMap((role) => role.permissions),
    );
    if (beyond.length > 0) return { status: "exceeds_own" as const, permissions: beyond };
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
