// Keeps at least one active administrator: the checks run under one lock, so two admins demoting each other at the
// same moment cannot both succeed.
import type { Prisma } from "../generated/prisma/client.ts";

export const ADMIN_ROLE_KEY = "admin";

/** An arbitrary constant naming the transaction-scoped advisory lock around changes to who holds which permission. */
const ADMIN_SET_LOCK = 4_110_771;

export async function lockAdminSet(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_SET_LOCK})`;
}

/** Active users holding the admin role, other than `userId`. */
export async function countOtherActiveAdmins(tx: Prisma.TransactionClient, userId: number): Promise<number> {
  return tx.user.count({
    where: { id: { not: userId }, disabledAt: null, roles: { some: { role: { key: ADMIN_ROLE_KEY } } } },
  });
}

export async function isActiveAdmin(tx: Prisma.TransactionClient, userId: number): Promise<boolean> {
  const count = await tx.user.count({
    where: { id: userId, disabledAt: null, roles: { some: { role: { key: ADMIN_ROLE_KEY } } } },
  });
  return count > 0;
}

/** True when taking `userId` out of the active admins would leave none. Call after lockAdminSet. */
export async function wouldLeaveNoAdmin(tx: Prisma.TransactionClient, userId: number): Promise<boolean> {
  return (await isActiveAdmin(tx, userId)) && (await countOtherActiveAdmins(tx, userId)) === 0;
}
