// Turns role keys from a form into role rows, naming any key that does not exist.
import type { Prisma } from "../generated/prisma/client.ts";

export type ResolvedRoles =
  | { status: "ok"; roles: { id: number; key: string; permissions: string[] }[] }
  | { status: "unknown_roles"; keys: string[] };

export async function resolveRoles(tx: Prisma.TransactionClient, keys: readonly string[]): Promise<ResolvedRoles> {
  const roles = await tx.role.findMany({
    where: { key: { in: [...keys] } },
    select: { id: true, key: true, permissions: true },
  });
  const missing = keys.filter((key) => !roles.some((role) => role.key === key));
  return missing.length > 0 ? { status: "unknown_roles", keys: missing } : { status: "ok", roles };
}
