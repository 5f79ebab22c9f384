// Names in three languages: the Russian and English names of tags, agencies (and an agency's link), photo credits and
// contributors, listed with a filter for what is missing and set one record at a time, with optimistic locking.
import { z } from "zod";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { EditorialNotFoundError, parseInput } from "./errors.ts";
import { PUBLIC_STATUSES } from "./workflow.ts";

export const NAMED_KINDS = ["tag", "source", "credit", "contributor"] as const;
export type NamedKind = (typeof NAMED_KINDS)[number];

/** Which translation a record lacks: Russian, English, either one, or no filter. */
export const MISSING_FILTERS = ["ru", "en", "any"] as const;
export type MissingFilter = (typeof MISSING_FILTERS)[number];

export const NAMES_PAGE_SIZE = 25;

export type NamedRecord = {
  kind: NamedKind;
  id: number;
  nameAr: string;
  nameRu: string | null;
  nameEn: string | null;
  /** Agencies only: their web site (null elsewhere). */
  url: string | null;
  /** Tags and agencies: the slug of their public page. */
  slug: string | null;
  version: number;
  /** How many articles use it (bylines for a contributor). */
  uses: number;
};

export const listNamesInput = z.object({
  kind: z.enum(NAMED_KINDS),
  missing: z.enum(MISSING_FILTERS).nullish(),
  /** Part of any of the three names (or the slug). */
  query: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((value) => (value ? value : null)),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(NAMES_PAGE_SIZE),
});
export type ListNamesInput = z.input<typeof listNamesInput>;

export type NamesPage = { items: NamedRecord[]; total: number; page: number; pageCount: number };

// The four tables share the name columns; a name counts as missing when null or blank.
type NameWhere = {
  AND?: NameWhere[];
  OR?: NameWhere[];
  nameAr?: Prisma.StringFilter;
  nameRu?: Prisma.StringNullableFilter | null;
  nameEn?: Prisma.StringNullableFilter | null;
  slug?: Prisma.StringFilter;
};

const lacking = (field: "nameRu" | "nameEn"): NameWhere => ({ OR: [{ [field]: null }, { [field]: { equals: "" } }] });

function whereOf(kind: NamedKind, missing: MissingFilter | null | undefined, query: string | null): NameWhere {
  const and: NameWhere[] = [];
  if (missing === "ru") and.push(lacking("nameRu"));
  if (missing === "en") and.push(lacking("nameEn"));
  if (missing === "any") and.push({ OR: [lacking("nameRu"), lacking("nameEn")] });
  if (query) {
    const contains = { contains: query, mode: "insensitive" as const };
    and.push({
      OR: [
        { nameAr: contains },
        { nameRu: contains },
        { nameEn: contains },
        ...(kind === "tag" || kind === "source" ? [{ slug: contains }] : []),
      ],
    });
  }
  return { AND: and };
}

type NameRow = { id: number; nameAr: string; nameRu: string | null; nameEn: string | null; version: number };

/** A row of any of the four tables as the admin sees it (only these fields: nothing else leaves the module). */
function toRecord(kind: NamedKind, row: NameRow & { slug?: string; url?: string | null }, uses: number): NamedRecord {
  const { id, nameAr, nameRu, nameEn, version } = row;
  return { kind, id, nameAr, nameRu, nameEn, version, slug: row.slug ?? null, url: row.url ?? null, uses };
}

const byName = [{ nameAr: "asc" }, { id: "asc" }] as const;

/** Tags, agencies, credits or contributors with their three names, filtered and paged. Needs names.manage. */
export async function listNames(prisma: PrismaClient, actor: Actor | null, input: ListNamesInput): Promise<NamesPage> {
  requirePermission(actor, "names.manage");
  const data = parseInput(listNamesInput, input);
  const where = whereOf(data.kind, data.missing, data.query);
  const skip = (data.page - 1) * data.pageSize;
  const take = data.pageSize;
  const page = async (rows: Promise<NamedRecord[]>, total: Promise<number>): Promise<NamesPage> => {
    const [items, count] = await Promise.all([rows, total]);
    return { items, total: count, page: data.page, pageCount: Math.max(1, Math.ceil(count / data.pageSize)) };
  };
  const base = { nameAr: true, nameRu: true, nameEn: true, id: true, version: true } as const;
  switch (data.kind) {
    case "tag":
      return page(
        prisma.tag
          .findMany({
            where,
            orderBy: [...byName],
            skip,
            take,
            select: { ...base, slug: true, _count: { select: { articles: true } } },
          })
          .then((rows) => rows.map((r) => toRecord("tag", r, r._count.articles))),
        prisma.tag.count({ where }),
      );
    case "source":
      return page(
        prisma.source
          .findMany({
            where,
            orderBy: [...byName],
            skip,
            take,
            select: { ...base, slug: true, url: true, _count: { select: { articles: true } } },
          })
          .then((rows) => rows.map((r) => toRecord("source", r, r._count.articles))),
        prisma.source.count({ where }),
      );
    case "credit":
      return page(
        prisma.photoCredit
          .findMany({
            where,
            orderBy: [...byName],
            skip,
            take,
            select: { ...base, _count: { select: { articles: true } } },
          })
          .then((rows) => rows.map((r) => toRecord("credit", r, r._count.articles))),
        prisma.photoCredit.count({ where }),
      );
    case "contributor":
      return page(
        prisma.contributor
          .findMany({
            where,
            orderBy: [...byName],
            skip,
            take,
            select: { ...base, _count: { select: { bylines: true } } },
          })
          .then((rows) => rows.map((r) => toRecord("contributor", r, r._count.bylines))),
        prisma.contributor.count({ where }),
      );
  }
}

const optionalName = z
  .string()
  .trim()
  .max(200)
  .nullish()
  .transform((value) => (value ? value : null));

export const saveNamesInput = z.object({
  kind: z.enum(NAMED_KINDS),
  id: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
  nameRu: optionalName,
  nameEn: optionalName,
  /** Agencies only; left out, the link stays as it is. Changing it needs attribution.manage as well. */
  url: z
    .string()
    .trim()
    .max(2048)
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || /^https?:\/\/[^\s]+$/i.test(value), "the link must be an http(s) URL")
    .optional(),
});
export type SaveNamesInput = z.input<typeof saveNamesInput>;

export type SaveNamesResult =
  | {
      status: "saved";
      record: NamedRecord;
      /** The published articles that show this name: their pages (and tag/agency pages) need refreshing. */
      publicArticleIds: number[];
    }
  | { status: "conflict"; current: NamedRecord };

/**
 * Sets a record's Russian and English names (and an agency's link). Needs names.manage; an agency's link, being
 * attribution rather than translation, needs attribution.manage too. A stale version changes nothing and returns the
 * record as it is now. Audited as `names.<kind>`.
 */
export async function saveNames(
  prisma: PrismaClient,
  actor: Actor | null,
  input: SaveNamesInput,
): Promise<SaveNamesResult> {
  const user = requirePermission(actor, "names.manage");
  const data = parseInput(saveNamesInput, input);
  const before = await findRecord(prisma, data.kind, data.id);
  if (!before) throw new EditorialNotFoundError(data.kind, data.id);
  const changesUrl = data.kind === "source" && data.url !== undefined && data.url !== before.url;
  if (changesUrl) requirePermission(user, "attribution.manage");
  if (before.version !== data.expectedVersion) return { status: "conflict", current: before };

  const values = {
    nameRu: data.nameRu,
    nameEn: data.nameEn,
    ...(changesUrl ? { url: data.url ?? null } : {}),
  };
  const saved = await prisma.$transaction(async (tx) => {
    const where = { id: data.id, version: data.expectedVersion };
    const names = { nameRu: values.nameRu, nameEn: values.nameEn, version: { increment: 1 } };
    const { count } =
      data.kind === "tag"
        ? await tx.tag.updateMany({ where, data: names })
        : data.kind === "source"
          ? await tx.source.updateMany({ where, data: { ...names, ...("url" in values ? { url: values.url } : {}) } })
          : data.kind === "credit"
            ? await tx.photoCredit.updateMany({ where, data: names })
            : await tx.contributor.updateMany({ where, data: names });
    if (count !== 1) return false;
    await tx.auditLog.create({
      data: {
        actorId: user.userId,
        action: AUDIT[data.kind].action,
        entityType: data.kind,
        entityId: String(data.id),
        data: {
          nameAr: before.nameAr,
          nameRu: values.nameRu,
          nameEn: values.nameEn,
          previous: { nameRu: before.nameRu, nameEn: before.nameEn },
          ...(changesUrl ? { url: values.url ?? null, previousUrl: before.url } : {}),
        },
      },
    });
    return true;
  });
  const current = await findRecord(prisma, data.kind, data.id);
  if (!current) throw new EditorialNotFoundError(data.kind, data.id);
  if (!saved) return { status: "conflict", current };
  return { status: "saved", record: current, publicArticleIds: await publicArticlesUsing(prisma, data.kind, data.id) };
}

// One audit code per kind, written as literals so the audit log's sentence test finds each of them.
const AUDIT: Record<NamedKind, { action: string }> = {
  tag: { action: "names.tag" },
  source: { action: "names.source" },
  credit: { action: "names.credit" },
  contributor: { action: "names.contributor" },
};

async function findRecord(prisma: PrismaClient, kind: NamedKind, id: number): Promise<NamedRecord | null> {
  const base = { nameAr: true, nameRu: true, nameEn: true, id: true, version: true } as const;
  switch (kind) {
    case "tag": {
      const r = await prisma.tag.findUnique({
        where: { id },
        select: { ...base, slug: true, _count: { select: { articles: true } } },
      });
      return r && toRecord(kind, r, r._count.articles);
    }
    case "source": {
      const r = await prisma.source.findUnique({
        where: { id },
        select: { ...base, slug: true, url: true, _count: { select: { articles: true } } },
      });
      return r && toRecord(kind, r, r._count.articles);
    }
    case "credit": {
      const r = await prisma.photoCredit.findUnique({
        where: { id },
        select: { ...base, _count: { select: { articles: true } } },
      });
      return r && toRecord(kind, r, r._count.articles);
    }
    case "contributor": {
      const r = await prisma.contributor.findUnique({
        where: { id },
        select: { ...base, _count: { select: { bylines: true } } },
      });
      return r && toRecord(kind, r, r._count.bylines);
    }
  }
}

async function publicArticlesUsing(prisma: PrismaClient, kind: NamedKind, id: number): Promise<number[]> {
  const uses: Prisma.ArticleWhereInput =
    kind === "tag"
      ? { tags: { some: { tagId: id } } }
      : kind === "source"
        ? { sourceId: id }
        : kind === "credit"
          ? { photoCreditId: id }
          : { bylines: { some: { contributorId: id } } };
  const rows = await prisma.article.findMany({
    where: { ...uses, localizations: { some: { status: { in: [...PUBLIC_STATUSES] } } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => row.id);
}
