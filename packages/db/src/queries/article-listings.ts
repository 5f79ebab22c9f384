// Public listings around one article: related stories, an agency's and a tag's articles, the editions an article has
// in other languages, and what a change to an article touches. Published localizations only, like every public read.
import type { Locale, PrismaClient } from "../generated/prisma/client.ts";
import {
  publicNameIn,
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

/** A shared tag outweighs this many shared title or summary words. */
const TAG_WEIGHT = 3;
/** Without a shared tag, a story must share at least this many distinct words (stems) of title and summary. */
export const MIN_SHARED_WORDS = 2;
/** Stems of the article's title and summary compared at most (a long summary's); pairs of them make a query. */
const MAX_TARGET_WORDS = 24;
/** Stories scored at most, of those sharing words and of those sharing tags: the nearest in time. */
const MAX_CANDIDATES = 300;

type RelatedRow = {
  article_id: number;
  locale: Locale;
  slug: string;
  title: string | null;
  published_at: Date | null;
  published_date_only: boolean;
  summary: string | null;
  body: unknown;
};

/**
 * Up to `limit` other articles published in `locale` about the same thing: sharing tags with the article, or words of
 * its title and summary (their stems in the search document, Arabic normalized as search does; weights A and B, see
 * docs/decisions/0022-related-stories-by-tags-and-words.md). A shared agency alone never makes a story related: none
 * rather than unrelated ones. Best first: each shared tag counts as TAG_WEIGHT words, then full-text rank, then newest.
 */
export async function listRelatedArticles(
  prisma: PrismaClient,
  { id, locale, limit = 5 }: { id: number; locale: Locale; limit?: number },
): Promise<PublicArticleSummary[]> {
  const rows = await prisma.$queryRaw<RelatedRow[]>`
    WITH target_tags AS (
      SELECT tag_id FROM article_tags WHERE article_id = ${id}
    ), target_words AS (
      -- Each stem as a tsquery literal: quoted, it is taken as it is (not stemmed again); :AB matches only titles
      -- and summaries. A backslash would need escaping; no stemmer keeps one in a word anyway.
      SELECT w.lexeme, '''' || replace(w.lexeme, '''', '''''') || ''':AB' AS term
      FROM article_localizations l, unnest(l.search_vector) w
      WHERE l.article_id = ${id} AND l.locale = ${locale}::"Locale" AND w.weights && ARRAY['A', 'B']
        AND strpos(w.lexeme, chr(92)) = 0
      ORDER BY w.lexeme
      LIMIT ${MAX_TARGET_WORDS}
    ), q AS (
      SELECT
        (SELECT string_agg(term, ' | ')::tsquery FROM target_words) AS any_word,
        -- Any two of the words, as the threshold asks: found through the GIN index rather than row by row.
        (SELECT string_agg('(' || a.term || ' & ' || b.term || ')', ' | ')::tsquery
          FROM target_words a JOIN target_words b ON a.lexeme < b.lexeme) AS two_words
    ), target_time AS (
      SELECT coalesce(
        (SELECT published_at FROM article_localizations WHERE article_id = ${id} AND locale = ${locale}::"Locale"),
        now()::timestamp) AS at
    ), candidates AS (
      -- Two very common words (a country, its president) can match much of an archive: only the stories nearest in
      -- time to the article are scored, as a reader of a story looks for the ones around it.
      (SELECT c.id FROM article_localizations c, q, target_time
        WHERE c.locale = ${locale}::"Locale" AND c.search_vector @@ q.two_words
        ORDER BY abs(extract(epoch FROM c.published_at - target_time.at)) LIMIT ${MAX_CANDIDATES})
      UNION
      (SELECT c.id FROM article_tags t JOIN article_localizations c ON c.article_id = t.article_id, target_time
        WHERE c.locale = ${locale}::"Locale" AND t.tag_id IN (SELECT tag_id FROM target_tags)
        ORDER BY abs(extract(epoch FROM c.published_at - target_time.at)) LIMIT ${MAX_CANDIDATES})
    ), scored AS (
      SELECT c.*,
        (SELECT count(*) FROM article_tags t
          WHERE t.article_id = c.article_id AND t.tag_id IN (SELECT tag_id FROM target_tags))::int AS shared_tags,
        (SELECT count(*) FROM target_words w WHERE c.search_vector @@ w.term::tsquery)::int AS shared_words,
        coalesce(ts_rank(c.search_vector, (SELECT any_word FROM q)), 0) AS rank
      FROM article_localizations c
      WHERE c.id IN (SELECT id FROM candidates) AND c.article_id <> ${id}
        -- The same rule as publishedWhere.
        AND c.status = 'published' AND c.published_at IS NOT NULL AND c.title IS NOT NULL
    )
    SELECT article_id, locale, slug, title, published_at, published_date_only, summary, body
    FROM scored
    WHERE shared_tags > 0 OR shared_words >= ${MIN_SHARED_WORDS}
    ORDER BY shared_tags * ${TAG_WEIGHT} + shared_words DESC, rank DESC, published_at DESC, id DESC
    LIMIT ${limit}`;
  return rows.map((row) =>
    toSummary({
      articleId: row.article_id,
      locale: row.locale,
      slug: row.slug,
      title: row.title,
      publishedAt: row.published_at,
      publishedDateOnly: row.published_date_only,
      summary: row.summary,
      body: row.body,
    }),
  );
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
  return { ...listing, source: { slug: source.slug, ...publicNameIn(locale, source) } };
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
  return { ...listing, tag: { slug: tag.slug, ...publicNameIn(locale, tag) } };
}

/** A section as the public site shows it: its slug and name in every edition. */
export type PublicSection = {
  id: number;
  slugs: Record<Locale, string>;
  names: Record<Locale, string>;
};

const toPublicSection = (row: {
  id: number;
  slugAr: string;
  slugRu: string;
  slugEn: string;
  nameAr: string;
  nameRu: string;
  nameEn: string;
}): PublicSection => ({
  id: row.id,
  slugs: { ar: row.slugAr, ru: row.slugRu, en: row.slugEn },
  names: { ar: row.nameAr, ru: row.nameRu, en: row.nameEn },
});

/** The active sections, in their order: the site's navigation. Retired sections are not shown anywhere. */
export async function listPublicSections(prisma: PrismaClient): Promise<PublicSection[]> {
  const rows = await prisma.section.findMany({
    where: { retiredAt: null },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return rows.map(toPublicSection);
}

const SLUG_COLUMN = { ar: "slugAr", ru: "slugRu", en: "slugEn" } as const;

/**
 * A section's published articles in one language, found by that edition's slug. An active section's slug of another
 * edition gives `{ moved }` with the slug to use instead; an unknown or retired section gives null.
 */
export async function listPublishedArticlesBySection(
  prisma: PrismaClient,
  { slug, locale, page = 1, pageSize = 20 }: ListingInput,
): Promise<(PublicListing & { section: PublicSection }) | { moved: string } | null> {
  const section = await prisma.section.findFirst({ where: { [SLUG_COLUMN[locale]]: slug, retiredAt: null } });
  if (!section) {
    const other = await prisma.section.findFirst({
      where: { retiredAt: null, OR: [{ slugAr: slug }, { slugRu: slug }, { slugEn: slug }] },
    });
    return other ? { moved: other[SLUG_COLUMN[locale]] } : null;
  }
  const listing = await listPublishedArticlesInSection(prisma, { sectionId: section.id, locale, page, pageSize });
  return { ...listing, section: toPublicSection(section) };
}

/** The published articles in one language of the section `sectionId` (the site has found it by its slug). */
export async function listPublishedArticlesInSection(
  prisma: PrismaClient,
  {
    sectionId,
    locale,
    page = 1,
    pageSize = 20,
  }: { sectionId: number; locale: Locale; page?: number; pageSize?: number },
): Promise<PublicListing> {
  return listPage(prisma, { ...publishedWhere(locale), article: { sectionId } }, page, pageSize);
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
  /** The section it is filed under: that section's pages list it. */
  sectionId: number | null;
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
      sectionId: true,
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
    sectionId: article.sectionId,
  }));
}
