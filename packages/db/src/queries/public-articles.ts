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

/**
 * A name as a public page shows it: in the page's language, or, where that language has none yet, the Arabic name
 * with `lang: "ar"`, so the page can mark it (lang, dir) rather than pass it off as a translation. Never empty.
 */
export type PublicName = { name: string; lang: Locale };

/** An agency or a tag as a link on public pages: its slug and its name in the page's language (or the Arabic). */
export type PublicNamedLink = PublicName & { slug: string };

export type PublicArticle = PublicArticleSummary & {
  summary: string | null;
  blocks: ArticleBlock[];
  /** Who wrote it, in order, named in the reader's language where the name has a translation. */
  bylines: PublicName[];
  leadPhoto: { url: string; alt: string | null } | null;
  photoCredit: PublicName | null;
  source: PublicNamedLink | null;
  tags: PublicNamedLink[];
  /** The language the story was written in. */
  originalLocale: Locale;
  /** Locales in which this article is published, for language switching and hreflang. */
  availableLocales: Locale[];
  /** The published editions (this one included) with their slugs, for hreflang and JSON-LD links between them. */
  editions: { locale: Locale; slug: string }[];
} & EditionDates;

/**
 * When this edition's own text last changed, whatever its original did since: the later of its latest applied
 * revision (an editor's save, an import, a restore) and its publication. Not `updated_at`, which moves with the
 * outdated mark, an assignment or an acknowledgement (docs/decisions/0029-outdated-translations-served.md).
 */
export type EditionDates = {
  lastUpdatedAt: Date;
  /** A translation whose original changed after it was made; it is served as it is until someone updates it. */
  originalUpdatedSince: boolean;
};

/** What `editionDatesOf` reads from a localization: its latest applied revision. */
export const latestRevisionInclude = {
  revisions: { where: { applied: true }, orderBy: { number: "desc" }, take: 1, select: { createdAt: true } },
} as const;

export function editionDatesOf(row: {
  publishedAt: Date | null;
  outdatedAt: Date | null;
  revisions: { createdAt: Date }[];
}): EditionDates {
  const times = [row.publishedAt, row.revisions[0]?.createdAt].filter((t): t is Date => t != null);
  return {
    lastUpdatedAt: new Date(Math.max(0, ...times.map((t) => t.getTime()))),
    originalUpdatedSince: row.outdatedAt !== null,
  };
}

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

/** A record's name in `locale`, or its Arabic name (marked `lang: "ar"`) when that one is missing or blank. */
export function publicNameIn(
  locale: Locale,
  record: { nameAr: string; nameRu: string | null; nameEn: string | null },
): PublicName {
  const own = (locale === "ru" ? record.nameRu : locale === "en" ? record.nameEn : record.nameAr)?.trim();
  return own ? { name: own, lang: locale } : { name: record.nameAr, lang: "ar" };
}

/** The same as plain text (a feed's title, structured data): the name, or the Arabic one. */
export function nameIn(
  locale: Locale,
  record: { nameAr: string; nameRu: string | null; nameEn: string | null },
): string {
  return publicNameIn(locale, record).name;
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
      ...latestRevisionInclude,
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
    ...editionDatesOf(row),
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
  // A translation keeps the empty blocks laid out from its original until they are filled: readers never see them.
  const blocks = readBody(row.body).filter((block) => block.text.trim() !== "");
  const { source, photoCredit, tags, bylines, leadPhotoUrl } = row.article;
  return {
    summary: row.summary,
    lead: row.summary ?? leadOf(blocks),
    blocks,
    // A staff member's name is one spelling, shown as written (no language claimed for it).
    bylines: bylines.flatMap((b): PublicName[] =>
      b.user ? [{ name: b.user.name, lang: locale }] : b.contributor ? [publicNameIn(locale, b.contributor)] : [],
    ),
    leadPhoto: leadPhotoUrl ? { url: leadPhotoUrl, alt: row.photoAlt } : null,
    photoCredit: photoCredit ? publicNameIn(locale, photoCredit) : null,
    source: source ? { slug: source.slug, ...publicNameIn(locale, source) } : null,
    tags: tags
      .map(({ tag }) => ({ slug: tag.slug, ...publicNameIn(locale, tag) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
    originalLocale: row.article.originalLocale,
  };
}
