// The audit trail, newest first, filtered by who, what (an action prefix such as `user.` or `auth.sign_in`), which
// entity and when, one page at a time.
import { z } from "zod";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { parseInput } from "../editorial/errors.ts";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

export const AUDIT_PAGE_SIZE = 50;

export const listAuditLogInput = z
  .object({
    /** Part of the actor's name or email. */
    actor: optionalText(320),
    actionPrefix: optionalText(100),
    entityType: optionalText(50),
    entityId: optionalText(100),
    from: z.date().optional(),
    /** Exclusive upper bound. */
    to: z.date().optional(),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(200).default(AUDIT_PAGE_SIZE),
  })
  .refine((input) => !input.from || !input.to || input.from < input.to, {
    message: "from must be before to",
    path: ["to"],
  });
export type ListAuditLogInput = z.input<typeof listAuditLogInput>;

export type AuditRow = {
  id: string;
  at: Date;
  actor: { id: number; name: string; email: string } | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  data: Prisma.JsonValue;
  address: string | null;
};

export type AuditPage = { rows: AuditRow[]; total: number; page: number; pageSize: number; pageCount: number };

export async function listAuditLog(
  prisma: PrismaClient,
  actor: Actor | null,
  input: ListAuditLogInput = {},
): Promise<AuditPage> {
  requirePermission(actor, "audit.read");
  const filters = parseInput(listAuditLogInput, input);
  const where: Prisma.AuditLogWhereInput = {
    ...(filters.actor
      ? {
          actor: {
            OR: [
              { email: { contains: filters.actor, mode: "insensitive" } },
              { name: { contains: filters.actor, mode: "insensitive" } },
            ],
          },
        }
      : {}),
    ...(filters.actionPrefix ? { action: { startsWith: filters.actionPrefix } } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.from || filters.to
      ? { at: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } }
      : {}),
  };
  const [total, rows] = await prisma.$transaction([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
      include: { actor: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  return {
    rows: rows.map((row) => ({
      id: row.id.toString(),
      at: row.at,
      actor: row.actor,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      data: row.data,
      address: row.address,
    })),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
    pageCount: Math.max(1, Math.ceil(total / filters.pageSize)),
  };
}
