// What readers may see: published localizations only, shaped as plain objects for the public site.
export * from "./public-names.ts";
export * from "./public-images.ts";
import type { Locale, PrismaClient } from "../generated/prisma/client.ts";
import { leadOf, readBody, type ArticleBlock } from "../blocks.ts";
import { publicNameIn, type PublicName } from "./public-names.ts";
import { figureImagesOf, publicImageSelect, toPublicImage, type PublicImage } from "./public-images.ts";

export type PublicArticleSummary = {
  id: number;
  locale: Locale;
  slug: string;
  title: string;
  publishedAt: Date;
  /** Only the day is known (an import's date line): publishedAt is its midnight UTC, to be shown as a date alone. */
  publishedDateOnly: boolean;
  lead: string | null;
  /** The lead photo, for listings' thumbnails. */
  thumbnail: PublicImage | null;
  /** When changes were last made live after publication (feeds' and the sitemap's modification time). */
  revisedAt: Date | null;
};

/** An agency or a tag as a link on public pages: its slug and its name in the page's language (or the Arabic). */
export type PublicNamedLink = PublicName & { slug: string };

export type PublicArticle = PublicArticleSummary & {
  summary: string | null;
  blocks: ArticleBlock[];
  /** Who wrote it, in order, named in the reader's language where the name has a translation. */
  bylines: PublicName[];
  /** The lead photo from the media library, with its caption, alt text and credit in the reader's language. */
  leadImage: PublicImage | null;
  /** A lead photo at another address (from before the media library), shown while no library photo replaces it. */
  leadPhoto: { url: string; alt: string | null } | null;
  photoCredit: PublicName | null;
  /** The photos of the body's figure blocks, by image id (see figureImagesOf). */
  figureImages: Record<number, PublicImage>;
  source: PublicNamedLink | null;
  tags: PublicNamedLink[];
  /** The section it is filed under (the site's navigation names it), if any. */
  sectionId: number | null;
  /** The language the story was written in. */
  originalLocale: Locale;
  /** Locales in which this article is published, for language switching and hreflang. */
  availableLocales: Locale[];
  /** The published editions (this one included) with their slugs, for hreflang and JSON-LD links between them. */
  editions: { locale: Locale; slug: string }[];
  /** When changes were last made live after publication (marked or not): dateModified, feeds, sitemap. */
  revisedAt: Date | null;
  /** The public marks of published changes, oldest first: "Updated …", and corrections with their note. */
  corrections: PublicCorrection[];
} & EditionDates;

export type PublicCorrection = { kind: "correction" | "update"; note: string | null; at: Date };

/** What getPublishedArticle reads of the public marks. */
export const correctionsInclude = {
  corrections: { orderBy: { at: "asc" }, select: { kind: true, note: true, at: true } },
} as const;

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
  revisedAt?: Date | null;
  revisions: { createdAt: Date }[];
}): EditionDates {
  const times = [row.publishedAt, row.revisedAt, row.revisions[0]?.createdAt].filter((t): t is Date => t != null);
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
  photoAlt: true,
  revisedAt: true,
  article: { select: { leadImage: { select: publicImageSelect } } },
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
  photoAlt?: string | null;
  revisedAt?: Date | null;
  article?: { leadImage: Parameters<typeof toPublicImage>[0] };
}): PublicArticleSummary {
  return {
    id: row.articleId,
    locale: row.locale,
    slug: row.slug,
    title: row.title ?? "",
    publishedAt: row.publishedAt ?? new Date(0),
    publishedDateOnly: row.publishedDateOnly,
    lead: row.summary ?? leadOf(readBody(row.body)),
    thumbnail: toPublicImage(row.article?.leadImage ?? null, row.locale, { alt: row.photoAlt ?? null }),
    revisedAt: row.revisedAt ?? null,
  };
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
      ...correctionsInclude,
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
    ...(await articleContentOf(prisma, row, locale)),
    availableLocales: row.article.localizations.map((l) => l.locale),
    editions: row.article.localizations.map((l) => ({ locale: l.locale, slug: l.slug })),
    revisedAt: row.revisedAt,
    corrections: row.corrections,
    ...editionDatesOf(row),
  };
}

/**
 * Whether this article's edition was published once and has since been taken down (unpublished or archived after
 * publication): its page answers 410 Gone rather than 404.
 */
export async function wasTakenDown(
  prisma: PrismaClient,
  { id, locale }: { id: number; locale: Locale },
): Promise<boolean> {
  const row = await prisma.articleLocalization.findFirst({
    where: {
      articleId: id,
      locale,
      status: { in: ["unpublished", "archived"] },
      // Published through the workflow, or imported live and since taken down: either move is recorded.
      transitions: { some: { OR: [{ toStatus: "published" }, { fromStatus: "published" }] } },
    },
    select: { id: true },
  });
  return row !== null;
}

type Named = { nameAr: string; nameRu: string | null; nameEn: string | null };

/** What `articleContentOf` reads from the article, for the queries that feed it. */
export const articleContentInclude = {
  source: true,
  photoCredit: true,
  leadImage: { select: publicImageSelect },
  tags: { include: { tag: true } },
  bylines: { orderBy: { position: "asc" }, include: { user: { select: { name: true } }, contributor: true } },
} as const;

/** What an article page shows besides its headline and date, in the reader's language: the public page and the preview share it. */
export async function articleContentOf(
  prisma: PrismaClient,
  row: {
    summary: string | null;
    body: unknown;
    photoAlt: string | null;
    photoCaption: string | null;
    article: {
      originalLocale: Locale;
      sectionId: number | null;
      leadPhotoUrl: string | null;
      leadImage: Parameters<typeof toPublicImage>[0];
      source: (Named & { slug: string }) | null;
      photoCredit: Named | null;
      tags: { tag: Named & { slug: string } }[];
      bylines: { user: { name: string } | null; contributor: Named | null }[];
    };
  },
  locale: Locale,
) {
  // A translation keeps the empty blocks laid out from its original until they are filled: readers never see them.
  // A figure shows its photo even before its caption is translated.
  const blocks = readBody(row.body).filter((block) => block.type === "figure" || block.text.trim() !== "");
  const { source, photoCredit, tags, bylines, leadPhotoUrl } = row.article;
  const credit = photoCredit ? publicNameIn(locale, photoCredit) : null;
  const leadImage = toPublicImage(row.article.leadImage, locale, {
    alt: row.photoAlt,
    caption: row.photoCaption,
    credit,
  });
  return {
    summary: row.summary,
    lead: row.summary ?? leadOf(blocks),
    blocks,
    // A staff member's name is one spelling, shown as written (no language claimed for it).
    bylines: bylines.flatMap((b): PublicName[] =>
      b.user ? [{ name: b.user.name, lang: locale }] : b.contributor ? [publicNameIn(locale, b.contributor)] : [],
    ),
    leadImage,
    thumbnail: leadImage,
    figureImages: await figureImagesOf(prisma, blocks, locale),
    leadPhoto: !leadImage && leadPhotoUrl ? { url: leadPhotoUrl, alt: row.photoAlt } : null,
    // The credit of the photo shown; the wire's credit when there is none (the desk still owes one: "photo missing").
    photoCredit: leadImage ? leadImage.credit : credit,
    source: source ? { slug: source.slug, ...publicNameIn(locale, source) } : null,
    tags: tags
      .map(({ tag }) => ({ slug: tag.slug, ...publicNameIn(locale, tag) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
    sectionId: row.article.sectionId,
    originalLocale: row.article.originalLocale,
  };
}
