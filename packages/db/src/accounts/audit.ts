// Writes one audit entry inside the caller's transaction, so an action and its record stand or fall together.
import type { Prisma } from "../generated/prisma/client.ts";
import type { RequestContext } from "./inputs.ts";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  data?: Prisma.InputJsonObject;
  /** When it happened, for use cases that take their clock as a parameter; the database's time otherwise. */
  at?: Date;
};

export async function writeAudit(
  tx: Prisma.TransactionClient,
  entry: AuditEntry,
  context: RequestContext = {},
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      data: entry.data ?? {},
      address: context.address ?? null,
      ...(entry.at ? { at: entry.at } : {}),
    },
  });
}
