// The audit trail, newest first, filtered by who, what (an action prefix such as `user.` or `auth.sign_in`), which
// entity and when, one page at a time. Each entry comes with what it concerns (the article, user or role, by name),
// so the admin can write it as a sentence with links; server file paths never leave this module.
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
    /** One person's entries, by user id; "system" for those no person made (scheduled publishing, wire imports). */
    actorId: z.union([z.number().int().positive(), z.literal("system")]).optional(),
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

/** What an entry is about, looked up now: null when it names nothing, or something since deleted. */
export type AuditSubject =
  | { kind: "article"; articleId: number; locale: string | null; title: string | null }
  | { kind: "user"; userId: number; name: string }
  | { kind: "role"; roleId: number; key: string; nameAr: string; nameRu: string; nameEn: string }
  /** A role deleted since: only its key is left, in the entry's data. */
  | { kind: "deleted_role"; key: string }
  | null;

export type AuditRow = {
  id: string;
  at: Date;
  actor: { id: number; name: string; email: string } | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  /** The entry's data, with any file path cut to the file's name. */
  data: Prisma.JsonValue;
  address: string | null;
  subject: AuditSubject;
};

/** A file's name without the server's folders (imports record the path they read). */
export function fileNameOnly(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

function withoutPaths(data: Prisma.JsonValue): Prisma.JsonValue {
  if (!data || typeof data !== "object" || Array.isArray(data)) return data;
  const file = data["file"];
  return typeof file === "string" ? { ...data, file: fileNameOnly(file) } : data;
}

const ARTICLE_ENTITIES = new Set(["article"]);
const LOCALIZATION_ENTITIES = new Set(["article_localization", "localization"]);

function numericId(value: string | null): number | null {
  return value && /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : null;
}

function dataField(data: Prisma.JsonValue, name: string): Prisma.JsonValue | undefined {
  return data && typeof data === "object" && !Array.isArray(data) ? data[name] : undefined;
}

type RawRow = { entityType: string | null; entityId: string | null; data: Prisma.JsonValue };

/** Looks up, in a few queries for the whole page, the articles, users and roles its entries name. */
async function resolveSubjects(prisma: PrismaClient, rows: RawRow[]): Promise<AuditSubject[]> {
  const ids = (types: Set<string>) => [
    ...new Set(
      rows.flatMap((row) => {
        const id = row.entityType && types.has(row.entityType) ? numericId(row.entityId) : null;
        return id === null ? [] : [id];
      }),
    ),
  ];
  const localizationIds = ids(LOCALIZATION_ENTITIES);
  const articleIds = ids(ARTICLE_ENTITIES);
  const userIds = ids(new Set(["user"]));
  const roleIds = ids(new Set(["role"]));
  const [localizations, articleLocalizations, users, roles] = await Promise.all([
    localizationIds.length
      ? prisma.articleLocalization.findMany({
          where: { id: { in: localizationIds } },
          select: { id: true, articleId: true, locale: true, title: true },
        })
      : [],
    articleIds.length
      ? prisma.articleLocalization.findMany({
          where: { articleId: { in: articleIds } },
          orderBy: { id: "asc" },
          select: { id: true, articleId: true, locale: true, title: true },
        })
      : [],
    userIds.length ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    roleIds.length
      ? prisma.role.findMany({
          where: { id: { in: roleIds } },
          select: { id: true, key: true, nameAr: true, nameRu: true, nameEn: true },
        })
      : [],
  ]);
  const localizationById = new Map(localizations.map((row) => [row.id, row]));
  const userById = new Map(users.map((row) => [row.id, row]));
  const roleById = new Map(roles.map((row) => [row.id, row]));
  return rows.map((row): AuditSubject => {
    const id = numericId(row.entityId);
    if (row.entityType && LOCALIZATION_ENTITIES.has(row.entityType)) {
      const found = id === null ? undefined : localizationById.get(id);
      return found ? { kind: "article", articleId: found.articleId, locale: found.locale, title: found.title } : null;
    }
    if (row.entityType && ARTICLE_ENTITIES.has(row.entityType) && id !== null) {
      // The localization the entry names (a new article's first), else the article's first.
      const own = articleLocalizations.filter((loc) => loc.articleId === id);
      const named = dataField(row.data, "localizationId");
      const found = own.find((loc) => loc.id === named) ?? own[0];
      return found ? { kind: "article", articleId: id, locale: found.locale, title: found.title } : null;
    }
    if (row.entityType === "user" && id !== null) {
      const found = userById.get(id);
      return found ? { kind: "user", userId: found.id, name: found.name } : null;
    }
    if (row.entityType === "role") {
      const found = id === null ? undefined : roleById.get(id);
      if (found) return { kind: "role", roleId: found.id, ...found };
      const key = dataField(row.data, "key");
      return typeof key === "string" ? { kind: "deleted_role", key } : null;
    }
    return null;
  });
}

export type AuditPage = { rows: AuditRow[]; total: number; page: number; pageSize: number; pageCount: number };

/** The people who appear in the log as actors, for the person filter: name order. */
export async function listAuditActors(
  prisma: PrismaClient,
  actor: Actor | null,
): Promise<{ id: number; name: string; email: string }[]> {
  requirePermission(actor, "audit.read");
  return prisma.user.findMany({
    where: { auditEntries: { some: {} } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true },
  });
}

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
    ...(filters.actorId === "system" ? { actorId: null } : filters.actorId ? { actorId: filters.actorId } : {}),
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
  const subjects = await resolveSubjects(prisma, rows);
  return {
    rows: rows.map((row, index) => ({
      id: row.id.toString(),
      at: row.at,
      actor: row.actor,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      data: withoutPaths(row.data),
      address: row.address,
      subject: subjects[index] ?? null,
    })),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
    pageCount: Math.max(1, Math.ceil(total / filters.pageSize)),
  };
}
