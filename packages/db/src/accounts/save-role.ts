// Custom roles: an admin names them in three languages and picks permissions from the catalogue. Built-in roles
// follow the catalogue in code and cannot be changed or deleted here. A role carrying a permission the manager lacks
// is out of their reach (renamed, it could be handed out unawares), and so is changing what a role grants to a user
// stronger than them.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { parseInput } from "../editorial/errors.ts";
import { isUniqueViolation } from "../editorial/unique-violation.ts";
import { writeAudit } from "./audit.ts";
import { idInput, permissionsInput, roleKeyInput, type RequestContext } from "./inputs.ts";
import { lockAdminSet } from "./admin-guard.ts";
import { permissionsBeyond } from "./own-permissions.ts";
import { roleHoldersBeyond } from "./target-guard.ts";
import { deriveRoleKey, freeRoleKey } from "./role-key.ts";

const roleName = z.string().trim().min(1).max(100);

const roleFields = z.object({ nameAr: roleName, nameRu: roleName, nameEn: roleName, permissions: permissionsInput });

/** Without a key, one is derived from the names (role-key.ts). */
export const createRoleInput = roleFields.extend({ key: roleKeyInput.optional() });
export type CreateRoleInput = z.input<typeof createRoleInput>;

export const updateRoleInput = roleFields.extend({ roleId: idInput, expectedVersion: z.number().int().positive() });
export type UpdateRoleInput = z.input<typeof updateRoleInput>;

/** Refusals shared by creating and updating. */
type GrantRefusal = { status: "exceeds_own"; permissions: string[] };

/** The role grants these permissions and the manager does not hold them. */
type RoleOutranks = { status: "role_outranks"; permissions: string[] };

export type CreateRoleResult =
  { status: "created"; roleId: number; key: string } | { status: "key_taken"; key: string } | GrantRefusal;

export type UpdateRoleResult =
  | { status: "saved"; version: number }
  | { status: "not_found" | "built_in" }
  | { status: "stale_version"; currentVersion: number }
  | GrantRefusal
  | RoleOutranks
  /** Users holding the role have these permissions and the manager does not: they may not change what it grants. */
  | { status: "holder_outranks"; permissions: string[] };

export async function createRole(
  prisma: PrismaClient,
  actor: Actor | null,
  input: CreateRoleInput,
  context: RequestContext = {},
): Promise<CreateRoleResult> {
  const manager = requirePermission(actor, "role.manage");
  const values = parseInput(createRoleInput, input);
  const beyond = permissionsBeyond(manager, values.permissions);
  if (beyond.length > 0) return { status: "exceeds_own", permissions: beyond };
  try {
    return await prisma.$transaction(async (tx) => {
      const key = values.key ?? (await freeRoleKey(tx, deriveRoleKey(values)));
      const role = await tx.role.create({ data: { ...values, key, builtIn: false } });
      await writeAudit(
        tx,
        {
          actorId: manager.userId,
          action: "role.create",
          entityType: "role",
          entityId: role.id,
          data: { key: role.key, permissions: values.permissions },
        },
        context,
      );
      return { status: "created" as const, roleId: role.id, key: role.key };
    });
  } catch (error) {
    if (isUniqueViolation(error, "roles_key_key", ["key"])) return { status: "key_taken", key: values.key ?? "" };
    throw error;
  }
}

export async function updateRole(
  prisma: PrismaClient,
  actor: Actor | null,
  input: UpdateRoleInput,
  context: RequestContext = {},
): Promise<UpdateRoleResult> {
  const manager = requirePermission(actor, "role.manage");
  const { roleId, expectedVersion, ...values } = parseInput(updateRoleInput, input);
  return prisma.$transaction(async (tx) => {
    // The same lock as changes to users' roles, so nobody gains the role between the check and the write.
    await lockAdminSet(tx);
    const role = await tx.role.findUnique({ where: { id: roleId } });
    if (!role) return { status: "not_found" as const };
    if (role.builtIn) return { status: "built_in" as const };
    const carried = permissionsBeyond(manager, role.permissions);
    if (carried.length > 0) return { status: "role_outranks" as const, permissions: carried };
    if (role.version !== expectedVersion) return { status: "stale_version" as const, currentVersion: role.version };
    const beyond = permissionsBeyond(manager, values.permissions);
    if (beyond.length > 0) return { status: "exceeds_own" as const, permissions: beyond };
    const changesGrants = [...values.permissions].sort().join() !== [...role.permissions].sort().join();
    const holders = changesGrants ? await roleHoldersBeyond(tx, manager, roleId) : [];
    if (holders.length > 0) return { status: "holder_outranks" as const, permissions: holders };
    const updated = await tx.role.updateMany({
      where: { id: roleId, version: expectedVersion },
      data: { ...values, version: { increment: 1 } },
    });
    if (updated.count === 0) return { status: "stale_version" as const, currentVersion: role.version + 1 };
    await writeAudit(
      tx,
      {
        actorId: manager.userId,
        action: "role.update",
        entityType: "role",
        entityId: roleId,
        data: { key: role.key, from: role.permissions, to: values.permissions },
      },
      context,
    );
    return { status: "saved" as const, version: expectedVersion + 1 };
  });
}

export const deleteRoleInput = z.object({ roleId: idInput });
export type DeleteRoleInput = z.input<typeof deleteRoleInput>;

export type DeleteRoleResult =
  { status: "deleted" } | { status: "not_found" | "built_in" } | { status: "in_use"; userCount: number } | RoleOutranks;

export async function deleteRole(
  prisma: PrismaClient,
  actor: Actor | null,
  input: DeleteRoleInput,
  context: RequestContext = {},
): Promise<DeleteRoleResult> {
  const manager = requirePermission(actor, "role.manage");
  const { roleId } = parseInput(deleteRoleInput, input);
  return prisma.$transaction(async (tx) => {
    const role = await tx.role.findUnique({ where: { id: roleId }, include: { _count: { select: { users: true } } } });
    if (!role) return { status: "not_found" as const };
    if (role.builtIn) return { status: "built_in" as const };
    const carried = permissionsBeyond(manager, role.permissions);
    if (carried.length > 0) return { status: "role_outranks" as const, permissions: carried };
    if (role._count.users > 0) return { status: "in_use" as const, userCount: role._count.users };
    // user_roles restricts deletion, so a user given the role meanwhile makes this fail rather than vanish.
    await tx.role.delete({ where: { id: roleId } });
    await writeAudit(
      tx,
      { actorId: manager.userId, action: "role.delete", entityType: "role", entityId: roleId, data: { key: role.key } },
      context,
    );
    return { status: "deleted" as const };
  });
}
