// The one rule for every accounts action aimed at a user: nobody acts on an account holding a permission they lack
// (else resetting an admin's password would hand over the admin), and the last active admin stays in charge.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Actor, Permission } from "../permissions.ts";
import { lockAdminSet, wouldLeaveNoAdmin } from "./admin-guard.ts";
import { permissionsBeyond } from "./own-permissions.ts";

/** What the actor means to do to the user; the last-admin rule depends on it. */
export type TargetChange =
  | { kind: "disable" | "enable" | "reset_password" }
  /** `removesAdmin`: the new roles leave out the admin role. */
  | { kind: "set_roles"; removesAdmin: boolean };

export type TargetRefusal =
  | { status: "not_found" }
  /** The user holds these permissions and the actor does not. */
  | { status: "target_outranks"; permissions: string[] }
  /**
   * The user is the last active admin: nobody may disable or demote them (that would leave nobody in charge), and
   * only they may reset their own password (a link issued by someone else would hand the newsroom over).
   */
  | { status: "last_admin" };

export type TargetUser = { id: number; disabledAt: Date | null; roleKeys: string[]; permissions: string[] };

/** The union of the permissions of a user's roles, whether or not the account is disabled (enabling restores them). */
export function permissionsOf(roles: readonly { role: { permissions: readonly string[] } }[]): string[] {
  return [...new Set(roles.flatMap(({ role }) => role.permissions))].sort();
}

/**
 * Takes the admin-set lock, which every use case changing roles, role permissions or disabled flags takes too, so the
 * user cannot gain a permission between the check and the write; then loads the user and decides whether `actor`
 * may make `change` to them. Call first in the transaction, before any write.
 */
export async function checkTargetUser(
  tx: Prisma.TransactionClient,
  actor: Actor,
  userId: number,
  change: TargetChange,
): Promise<{ status: "allowed"; user: TargetUser } | TargetRefusal> {
  await lockAdminSet(tx);
  const row = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, disabledAt: true, roles: { select: { role: { select: { key: true, permissions: true } } } } },
  });
  if (!row) return { status: "not_found" };
  const user = {
    id: row.id,
    disabledAt: row.disabledAt,
    roleKeys: row.roles.map(({ role }) => role.key).sort(),
    permissions: permissionsOf(row.roles),
  };
  const beyond = permissionsBeyond(actor, user.permissions);
  if (beyond.length > 0) return { status: "target_outranks", permissions: beyond };
  const takesAdminAway = change.kind === "disable" || (change.kind === "set_roles" && change.removesAdmin);
  const resetsSomeoneElse = change.kind === "reset_password" && userId !== actor.userId;
  if ((takesAdminAway || resetsSomeoneElse) && (await wouldLeaveNoAdmin(tx, userId))) return { status: "last_admin" };
  return { status: "allowed", user };
}

/**
 * The permissions the actor lacks that users holding the role have (through any of their roles): changing what a
 * role grants changes what its holders may do, so it is an action on each of them. Call after lockAdminSet.
 */
export async function roleHoldersBeyond(tx: Prisma.TransactionClient, actor: Actor, roleId: number): Promise<string[]> {
  const holders = await tx.user.findMany({
    where: { roles: { some: { roleId } } },
    select: { roles: { select: { role: { select: { permissions: true } } } } },
  });
  return permissionsBeyond(
    actor,
    holders.flatMap((holder) => permissionsOf(holder.roles)),
  );
}

/** What the users page offers for one user: only the buttons the server would not refuse. */
export type UserActionsOffered = {
  disable: boolean;
  enable: boolean;
  resetPassword: boolean;
  setRoles: boolean;
  /** The user holds these permissions and the actor does not: nothing may be done to them. */
  outranks: Permission[];
};

/**
 * The same rules as checkTargetUser and the use cases (self-disable refused, the last active admin kept, no acting on
 * a stronger user), decided for display ahead of time; the server still decides each action when it is taken.
 */
export function userActionsOffered(
  actor: Actor,
  user: { id: number; disabled: boolean; permissions: readonly string[]; lastActiveAdmin: boolean },
): UserActionsOffered {
  const outranks = permissionsBeyond(actor, user.permissions);
  if (outranks.length > 0) return { disable: false, enable: false, resetPassword: false, setRoles: false, outranks };
  const self = user.id === actor.userId;
  return {
    disable: !user.disabled && !self && !user.lastActiveAdmin,
    enable: user.disabled,
    resetPassword: !user.disabled && (self || !user.lastActiveAdmin),
    setRoles: true,
    outranks,
  };
}
