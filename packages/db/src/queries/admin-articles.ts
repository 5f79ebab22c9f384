// The admin's article list: every localization in every state, filtered and paged, with its open warnings.
import { z } from "zod";
import { ArticleStatus, Locale, type Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { readWarnings, type StoredWarning } from "../blocks.ts";
import { BLOCKING_WARNING_CODES } from "../warnings.ts";
import { isPhotoMissing, PHOTO_MISSING } from "../editorial/warning-rules.ts";
import { InvalidInputError } from "../editorial/errors.ts";
import { ADMIN_SEARCH_LIMIT, searchLocalizationIds } from "./admin-search.ts";

/** A record's three spellings (Arabic always; Russian and English where known): the page picks its language's. */
export type NamesInThreeLanguages = { nameAr: string; nameRu: string | null; nameEn: string | null };

export type AdminArticleRow = {
  articleId: number;
  localizationId: number;
  locale: Locale;
  title: string | null;
  slug: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  updatedAt: Date;
  source: NamesInThreeLanguages | null;
  author: string | null;
  warnings: StoredWarning[];
  blocked: boolean;
};

/** The list's filters as they arrive from a query string: anything unknown or malformed is simply not applied. */
export const adminArticleFilters = z.object({
  /** `review`: the review queue; `mine`: the actor's own drafts. */
  view: z.enum(["all", "review", "mine"]).catch("all").default("all"),
  status: z.enum(ArticleStatus).optional().catch(undefined),
  locale: z.enum(Locale).optional().catch(undefined),
  authorId: z.coerce.number().int().positive().optional().catch(undefined),
  sourceId: z.coerce.number().int().positive().optional().catch(undefined),
  sectionId: z.coerce.number().int().positive().optional().catch(undefined),
  tag: z.string().trim().min(1).max(100).optional().catch(undefined),
  warnings: z.enum(["any", "blocking"]).optional().catch(undefined),
  /** Published texts with changes not yet published, or translations whose original changed since. */
  changes: z.enum(["pending", "outdated"]).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  /** Story dates from this instant on, and before that one (the page turns days into its newsroom's instants). */
  publishedFrom: z.coerce.date().optional().catch(undefined),
  publishedBefore: z.coerce.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type AdminArticleFilters = z.input<typeof adminArticleFilters>;

export type AdminArticlePage = { rows: AdminArticleRow[]; total: number; page: number; pageSize: number };

export const ADMIN_PAGE_SIZE = 50;

function whereFor(actor: Actor, filters: z.infer<typeof adminArticleFilters>): Prisma.ArticleLocalizationWhereInput {
  const and: Prisma.ArticleLocalizationWhereInput[] = [];
  if (filters.view === "review") and.push({ status: "in_review" });
  if (filters.view === "mine") {
    and.push(
      { status: "draft" },
      { article: { OR: [{ createdById: actor.userId }, { bylines: { some: { userId: actor.userId } } }] } },
    );
  }
  if (filters.status) and.push({ status: filters.status });
  if (filters.locale) and.push({ locale: filters.locale });
  if (filters.authorId) {
    and.push({
      article: { OR: [{ createdById: filters.authorId }, { bylines: { some: { userId: filters.authorId } } }] },
    });
  }
  if (filters.sourceId) and.push({ article: { sourceId: filters.sourceId } });
  if (filters.sectionId) and.push({ article: { sectionId: filters.sectionId } });
  if (filters.tag)
    and.push({ article: { tags: { some: { tag: { OR: [{ slug: filters.tag }, { nameAr: filters.tag }] } } } } });
  if (filters.changes === "pending") and.push({ status: "published", pendingSince: { not: null } });
  if (filters.changes === "outdated") and.push({ outdatedAt: { not: null } });
  if (filters.warnings === "any") and.push({ NOT: { warnings: { equals: [] } } });
  if (filters.warnings === "blocking") {
    and.push({
      OR: [
        { title: null },
        { title: "" },
        ...[...BLOCKING_WARNING_CODES].map((code) => ({ warnings: { array_contains: [{ code }] } })),
      ],
    });
  }
  if (filters.publishedFrom) and.push({ publishedAt: { gte: filters.publishedFrom } });
  if (filters.publishedBefore) and.push({ publishedAt: { lt: filters.publishedBefore } });
  return { AND: and };
}

export async function listArticlesForAdmin(
  prisma: PrismaClient,
  actor: Actor | null,
  input: AdminArticleFilters = {},
): Promise<AdminArticlePage> {
  const user = requirePermission(actor, "article.read");
  const parsed = adminArticleFilters.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues);
  const filters = parsed.data;
  const where = whereFor(user, filters);
  if (filters.q) return searchedPage(prisma, where, filters.q, filters);
  const [total, rows] = await Promise.all([
    prisma.articleLocalization.count({ where }),
    prisma.articleLocalization.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: rowSelect,
    }),
  ]);
  return { rows: rows.map(toRow), total, page: filters.page, pageSize: ADMIN_PAGE_SIZE };
}

/**
 * The list narrowed by a search: the reader's engine over title, summary and body in every state (admin-search.ts),
 * best first; and titles and slugs containing the text as typed (a word's first letters, a pasted slug), after them.
 */
async function searchedPage(
  prisma: PrismaClient,
  where: Prisma.ArticleLocalizationWhereInput,
  q: string,
  filters: z.infer<typeof adminArticleFilters>,
): Promise<AdminArticlePage> {
  const ranked = await searchLocalizationIds(prisma, { query: q, locale: filters.locale });
  const rank = new Map(ranked.map((id, index) => [id, index]));
  const matching = await prisma.articleLocalization.findMany({
    where: {
      AND: [
        where,
        {
          OR: [{ id: { in: ranked } }, { title: { contains: q, mode: "insensitive" } }, { slug: { contains: q } }],
        },
      ],
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 2 * ADMIN_SEARCH_LIMIT,
    select: { id: true },
  });
  // A stable sort: the engine's order first, then the rest as the list orders them.
  const ids = matching
    .map((row) => row.id)
    .sort((a, b) => (rank.get(a) ?? ranked.length) - (rank.get(b) ?? ranked.length));
  const pageIds = ids.slice((filters.page - 1) * ADMIN_PAGE_SIZE, filters.page * ADMIN_PAGE_SIZE);
  const rows = await prisma.articleLocalization.findMany({ where: { id: { in: pageIds } }, select: rowSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    rows: pageIds.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toRow(row)] : [];
    }),
    total: ids.length,
    page: filters.page,
    pageSize: ADMIN_PAGE_SIZE,
  };
}

const rowSelect = {
  id: true,
  articleId: true,
  locale: true,
  title: true,
  slug: true,
  status: true,
  publishedAt: true,
  scheduledAt: true,
  updatedAt: true,
  warnings: true,
  article: {
    select: {
      source: { select: { nameAr: true, nameRu: true, nameEn: true } },
      createdBy: { select: { name: true } },
      photoCreditId: true,
      leadImageId: true,
      leadPhotoUrl: true,
    },
  },
} as const satisfies Prisma.ArticleLocalizationSelect;

function toRow(row: Prisma.ArticleLocalizationGetPayload<{ select: typeof rowSelect }>): AdminArticleRow {
  const warnings = readWarnings(row.warnings);
  return {
    articleId: row.articleId,
    localizationId: row.id,
    locale: row.locale,
    title: row.title,
    slug: row.slug,
    status: row.status,
    publishedAt: row.publishedAt,
    scheduledAt: row.scheduledAt,
    updatedAt: row.updatedAt,
    source: row.article.source ?? null,
    author: row.article.createdBy?.name ?? null,
    warnings: isPhotoMissing(row.article)
      ? [...warnings, { code: PHOTO_MISSING, message: "the wire text credits a photo; none is attached" }]
      : warnings,
    blocked: warnings.some((w) => BLOCKING_WARNING_CODES.has(w.code)),
  };
}

export type AdminFilterOptions = {
  authors: { id: number; name: string }[];
  sources: ({ id: number } & NamesInThreeLanguages)[];
  tags: ({ slug: string } & NamesInThreeLanguages)[];
  /** Every section, retired ones too (articles stay filed under them). */
  sections: { id: number; nameAr: string; nameRu: string; nameEn: string; retired: boolean }[];
};

/** The choices the list's filters and the attribution panel offer. */
export async function listAdminFilterOptions(prisma: PrismaClient, actor: Actor | null): Promise<AdminFilterOptions> {
  requirePermission(actor, "article.read");
  const [authors, sources, tags, sections] = await Promise.all([
    prisma.user.findMany({ where: { disabledAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.source.findMany({
      select: { id: true, nameAr: true, nameRu: true, nameEn: true },
      orderBy: { nameAr: "asc" },
    }),
    prisma.tag.findMany({
      select: { slug: true, nameAr: true, nameRu: true, nameEn: true },
      orderBy: { nameAr: "asc" },
      take: 500,
    }),
    prisma.section.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] }),
  ]);
  return {
    authors,
    sources,
    tags,
    sections: sections.map(({ id, nameAr, nameRu, nameEn, retiredAt }) => ({
      id,
      nameAr,
      nameRu,
      nameEn,
      retired: retiredAt !== null,
    })),
  };
}
