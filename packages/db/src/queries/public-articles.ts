// What readers may see: published localizations only, shaped as plain objects for the public site.
import type { Locale, PrismaClient } from "../generated/prisma/client.ts";
import { leadOf, readBody, type ArticleBlock } from "../blocks.ts";

export type PublicArticleSummary = {
  id: number;
  locale: Locale;
  slug: string;
  title: string;
  publishedAt: Date;
  /** Only the day is known (an import's date line): publishedAt is its midnight UTC, to be shown as a date alone. */
  publishedDateOnly: boolean;
  lead: string | null;
};

/** An agency or a tag as a link on public pages: its slug and its name in the page's language. */
export type PublicNamedLink = { slug: string; name: string };

export type PublicArticle = PublicArticleSummary & {
  summary: string | null;
  blocks: ArticleBlock[];
  /** Who wrote it, in order, named in the reader's language where the name has a translation. */
  bylines: string[];
  leadPhoto: { url: string; alt: string | null } | null;
  photoCredit: string | null;
  source: PublicNamedLink | null;
  tags: PublicNamedLink[];
  /** The language the story was written in. */
  originalLocale: Locale;
  /** Locales in which this article is published, for language switching and hreflang. */
  availableLocales: Locale[];
  /** The published editions (this one included) with their slugs, for hreflang and JSON-LD links between them. */
  editions: { locale: Locale; slug: string }[];
};

/** What "readers may see it" means for one localization; every public query filters through this. */
export const publishedWhere = (locale: Locale) =>
  ({ locale, status: "published", publishedAt: { not: null }, title: { not: null } }) as const;

/** Newest first, with the id breaking ties so pages never overlap. */
export const newestFirst = [{ publishedAt: "desc" }, { id: "desc" }] as const;

export const summarySelect = {
  articleId: true,
  locale: true,
  slug: true,
  title: true,
  publishedAt: true,
  publishedDateOnly: true,
  summary: true,
  body: true,
} as const;

export function toSummary(row: {
  articleId: number;
  locale: Locale;
  slug: string;
  title: string | null;
  publishedAt: Date | null;
  publishedDateOnly: boolean;
  summary: string | null;
  body: unknown;
}): PublicArticleSummary {
  return {
    id: row.articleId,
    locale: row.locale,
    slug: row.slug,
    title: row.title ?? "",
    publishedAt: row.publishedAt ?? new Date(0),
    publishedDateOnly: row.publishedDateOnly,
    lead: row.summary ?? leadOf(readBody(row.body)),
  };
}

export function nameIn(
  locale: Locale,
  record: { nameAr: string; nameRu: string | null; nameEn: string | null },
): string {
  if (locale === "ru") return record.nameRu ?? record.nameAr;
  if (locale === "en") return record.nameEn ?? record.nameAr;
  return record.nameAr;
}

export async function listPublishedArticles(
  prisma: PrismaClient,
  { locale, page = 1, pageSize = 20 }: { locale: Locale; page?: number; pageSize?: number },
): Promise<{ items: PublicArticleSummary[]; total: number; page: number; pageCount: number }> {
  const safePage = Math.max(1, Math.floor(page));
  const [rows, total] = await Promise.all([
    prisma.articleLocalization.findMany({
      where: publishedWhere(locale),
      orderBy: [...newestFirst],
      skip: (safePage - 1) * pageSize,
      take: pageSize,
      select: summarySelect,
    }),
    prisma.articleLocalization.count({ where: publishedWhere(locale) }),
  ]);
  return {
    items: rows.map(toSummary),
    total,
    page: safePage,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** A published article in one language, or null (unknown id, not published in that language). */
export async function getPublishedArticle(
  prisma: PrismaClient,
  { id, locale }: { id: number; locale: Locale },
): Promise<PublicArticle | null> {
  const row = await prisma.articleLocalization.findFirst({
    where: { articleId: id, ...publishedWhere(locale) },
    include: {
      article: {
        include: {
          ...articleContentInclude,
          localizations: {
            where: { status: "published", publishedAt: { not: null }, title: { not: null } },
            select: { locale: true, slug: true },
            orderBy: { locale: "asc" },
          },
        },
      },
    },
  });
  if (!row || !row.publishedAt || !row.title) return null;
  return {
    id: row.articleId,
    locale: row.locale,
    slug: row.slug,
    title: row.title,
    publishedAt: row.publishedAt,
    publishedDateOnly: row.publishedDateOnly,
    ...articleContentOf(row, locale),
    availableLocales: row.article.localizations.map((l) => l.locale),
    editions: row.article.localizations.map((l) => ({ locale: l.locale, slug: l.slug })),
  };
}

type Named = { nameAr: string; nameRu: string | null; nameEn: string | null };

/** What `articleContentOf` reads from the article, for the queries that feed it. */
export const articleContentInclude = {
  source: true,
  photoCredit: true,
  tags: { include: { tag: true } },
  bylines: { orderBy: { position: "asc" }, include: { user: { select: { name: true } }, contributor: true } },
} as const;

/** What an article page shows besides its headline and date, in the reader's language: the public page and the preview share it. */
export function articleContentOf(
  row: {
    summary: string | null;
    body: unknown;
    photoAlt: string | null;
    article: {
      originalLocale: Locale;
      leadPhotoUrl: string | null;
      source: (Named & { slug: string }) | null;
      photoCredit: Named | null;
      tags: { tag: Named & { slug: string } }[];
      bylines: { user: { name: string } | null; contributor: Named | null }[];
    };
  },
  locale: Locale,
) {
  const blocks = readBody(row.body);
  const { source, photoCredit, tags, bylines, leadPhotoUrl } = row.article;
  return {
    summary: row.summary,
    lead: row.summary ?? leadOf(blocks),
    blocks,
    bylines: bylines.flatMap((b) => (b.user ? [b.user.name] : b.contributor ? [nameIn(locale, b.contributor)] : [])),
    leadPhoto: leadPhotoUrl ? { url: leadPhotoUrl, alt: row.photoAlt } : null,
    photoCredit: photoCredit ? nameIn(locale, photoCredit) : null,
    source: source ? { slug: source.slug, name: nameIn(locale, source) } : null,
    tags: tags
      .map(({ tag }) => ({ slug: tag.slug, name: nameIn(locale, tag) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
    originalLocale: row.article.originalLocale,
  };
}
