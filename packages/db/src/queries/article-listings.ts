// Public listings around one article: related stories, an agency's and a tag's articles, the editions an article has
// in other languages, and what a change to an article touches. Published localizations only, like every public read.
import type { Locale, PrismaClient } from "../generated/prisma/client.ts";
import {
  nameIn,
  newestFirst,
  publishedWhere,
  summarySelect,
  toSummary,
  type PublicArticleSummary,
  type PublicNamedLink,
} from "./public-articles.ts";

export type PublicListing = {
  items: PublicArticleSummary[];
  total: number;
  page: number;
  pageCount: number;
};

// Enough candidates to rank by shared tags without reading an agency's whole archive.
const RELATED_CANDIDATES = 50;

/**
 * Up to `limit` other articles published in `locale` that share the article's agency or one of its tags; those with
 * more tags in common come first, then the newest.
 */
export async function listRelatedArticles(
  prisma: PrismaClient,
  { id, locale, limit = 5 }: { id: number; locale: Locale; limit?: number },
): Promise<PublicArticleSummary[]> {
  const article = await prisma.article.findUnique({
    where: { id },
    select: { sourceId: true, tags: { select: { tagId: true } } },
  });
  if (!article) return [];
  const tagIds = article.tags.map((t) => t.tagId);
  const links = [
    ...(article.sourceId !== null ? [{ sourceId: article.sourceId }] : []),
    ...(tagIds.length > 0 ? [{ tags: { some: { tagId: { in: tagIds } } } }] : []),
  ];
  if (links.length === 0) return [];
  const rows = await prisma.articleLocalization.findMany({
    where: { ...publishedWhere(locale), articleId: { not: id }, article: { OR: links } },
    orderBy: [...newestFirst],
    take: RELATED_CANDIDATES,
    select: { ...summarySelect, article: { select: { tags: { select: { tagId: true } } } } },
  });
  const shared = (row: (typeof rows)[number]) => row.article.tags.filter((t) => tagIds.includes(t.tagId)).length;
  // A stable sort keeps the newest-first order among equals.
  return rows
    .map((row, index) => ({ row, index, shared: shared(row) }))
    .sort((a, b) => b.shared - a.shared || a.index - b.index)
    .slice(0, limit)
    .map(({ row }) => toSummary(row));
}

async function listPage(
  prisma: PrismaClient,
  where: ReturnType<typeof publishedWhere> & Record<string, unknown>,
  page: number,
  pageSize: number,
): Promise<PublicListing> {
  const safePage = Math.max(1, Math.floor(page));
  const [rows, total] = await Promise.all([
    prisma.articleLocalization.findMany({
      where,
      orderBy: [...newestFirst],
      skip: (safePage - 1) * pageSize,
      take: pageSize,
      select: summarySelect,
    }),
    prisma.articleLocalization.count({ where }),
  ]);
  return { items: rows.map(toSummary), total, page: safePage, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

type ListingInput = { slug: string; locale: Locale; page?: number; pageSize?: number };

/** An agency's published articles in one language, or null when no agency has that slug. */
export async function listPublishedArticlesBySource(
  prisma: PrismaClient,
  { slug, locale, page = 1, pageSize = 20 }: ListingInput,
): Promise<(PublicListing & { source: PublicNamedLink }) | null> {
  const source = await prisma.source.findUnique({ where: { slug } });
  if (!source) return null;
  const listing = await listPage(
    prisma,
    { ...publishedWhere(locale), article: { sourceId: source.id } },
    page,
    pageSize,
  );
  return { ...listing, source: { slug: source.slug, name: nameIn(locale, source) } };
}

/** A tag's published articles in one language, or null when no tag has that slug. */
export async function listPublishedArticlesByTag(
  prisma: PrismaClient,
  { slug, locale, page = 1, pageSize = 20 }: ListingInput,
): Promise<(PublicListing & { tag: PublicNamedLink }) | null> {
  const tag = await prisma.tag.findUnique({ where: { slug } });
  if (!tag) return null;
  const listing = await listPage(
    prisma,
    { ...publishedWhere(locale), article: { tags: { some: { tagId: tag.id } } } },
    page,
    pageSize,
  );
  return { ...listing, tag: { slug: tag.slug, name: nameIn(locale, tag) } };
}

export type PublishedEditions = {
  id: number;
  originalLocale: Locale;
  /** Every published edition of the article, the original first. */
  editions: PublicArticleSummary[];
};

/** The published editions of an article in any language, or null when it has none (unknown or unpublished). */
export async function findPublishedEditions(
  prisma: PrismaClient,
  { id }: { id: number },
): Promise<PublishedEditions | null> {
  const article = await prisma.article.findUnique({
    where: { id },
    select: {
      originalLocale: true,
      localizations: {
        where: { status: "published", publishedAt: { not: null }, title: { not: null } },
        select: summarySelect,
      },
    },
  });
  if (!article || article.localizations.length === 0) return null;
  const editions = article.localizations
    .map(toSummary)
    .sort((a, b) => Number(b.locale === article.originalLocale) - Number(a.locale === article.originalLocale));
  return { id, originalLocale: article.originalLocale, editions };
}

export type ArticleFootprint = {
  id: number;
  /** Slugs of all its localizations, whatever their status: an unpublished one must vanish from its old URL too. */
  slugs: { locale: Locale; slug: string }[];
  sourceSlug: string | null;
  tagSlugs: string[];
};

/**
 * Where each of the articles appears on the public site, for refreshing exactly those pages after they changed; one
 * query whatever the number. Ids of articles that no longer exist are left out.
 */
export async function findArticleFootprints(
  prisma: PrismaClient,
  { ids }: { ids: readonly number[] },
): Promise<ArticleFootprint[]> {
  const articles = await prisma.article.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      source: { select: { slug: true } },
      tags: { select: { tag: { select: { slug: true } } } },
      localizations: { select: { locale: true, slug: true } },
    },
    orderBy: { id: "asc" },
  });
  return articles.map((article) => ({
    id: article.id,
    slugs: article.localizations,
    sourceSlug: article.source?.slug ?? null,
    tagSlugs: article.tags.map((t) => t.tag.slug),
  }));
}
