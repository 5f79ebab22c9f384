// Library photos as public pages show them: the renditions' key and the original's size (for srcset, width and
// height), and the alt text, caption and credit in the reader's language. An image whose renditions are not made
// yet is left out: readers never see a placeholder.
import type { Locale, Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { figureImageIds, type ArticleBlock } from "../blocks.ts";
import { publicNameIn, type PublicName } from "./public-names.ts";

export type PublicImage = {
  /** The key of its renditions: `/media/renditions/<key>/<name>`. */
  key: string;
  width: number;
  height: number;
  focalX: number;
  focalY: number;
  /** Empty when nobody described it: the image is then presented as decorative rather than by its file name. */
  alt: string;
  caption: string | null;
  credit: PublicName | null;
};

export const publicImageSelect = {
  renditionKey: true,
  width: true,
  height: true,
  focalX: true,
  focalY: true,
  captionAr: true,
  captionRu: true,
  captionEn: true,
  altAr: true,
  altRu: true,
  altEn: true,
  photoCredit: { select: { nameAr: true, nameRu: true, nameEn: true } },
} as const satisfies Prisma.MediaImageSelect;

type ImageRow = Prisma.MediaImageGetPayload<{ select: typeof publicImageSelect }>;

const inLocale = (locale: Locale, ar: string | null, ru: string | null, en: string | null): string | null => {
  const value = (locale === "ru" ? ru : locale === "en" ? en : ar)?.trim();
  return value ? value : null;
};

/** Overrides from the article (its own caption, alt text or credit for this photo) win over the image's. */
export type ImageOverrides = { alt?: string | null; caption?: string | null; credit?: PublicName | null };

export function toPublicImage(
  image: ImageRow | null,
  locale: Locale,
  overrides: ImageOverrides = {},
): PublicImage | null {
  if (!image?.renditionKey) return null;
  const own = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
  return {
    key: image.renditionKey,
    width: image.width,
    height: image.height,
    focalX: image.focalX,
    focalY: image.focalY,
    alt: own(overrides.alt) ?? inLocale(locale, image.altAr, image.altRu, image.altEn) ?? "",
    caption: own(overrides.caption) ?? inLocale(locale, image.captionAr, image.captionRu, image.captionEn),
    credit: overrides.credit ?? (image.photoCredit ? publicNameIn(locale, image.photoCredit) : null),
  };
}

/** The photos of a body's figure blocks by image id, each with the block's own caption, alt text and credit. */
export async function figureImagesOf(
  prisma: PrismaClient,
  blocks: readonly ArticleBlock[],
  locale: Locale,
): Promise<Record<number, PublicImage>> {
  const ids = figureImageIds(blocks);
  if (ids.length === 0) return {};
  const rows = await prisma.mediaImage.findMany({
    where: { id: { in: ids } },
    select: { id: true, ...publicImageSelect },
  });
  const images: Record<number, PublicImage> = {};
  for (const row of rows) {
    const image = toPublicImage(row, locale);
    if (image) images[row.id] = image;
  }
  return images;
}

/** The lead photos of articles, by article id, for listings whose rows come from elsewhere (search). */
export async function leadThumbnails(
  prisma: PrismaClient,
  articleIds: readonly number[],
  locale: Locale,
): Promise<Map<number, PublicImage>> {
  if (articleIds.length === 0) return new Map();
  const rows = await prisma.article.findMany({
    where: { id: { in: [...articleIds] }, leadImageId: { not: null } },
    select: {
      id: true,
      leadImage: { select: publicImageSelect },
      localizations: { where: { locale }, select: { photoAlt: true } },
    },
  });
  const thumbnails = new Map<number, PublicImage>();
  for (const row of rows) {
    const image = toPublicImage(row.leadImage, locale, { alt: row.localizations[0]?.photoAlt ?? null });
    if (image) thumbnails.set(row.id, image);
  }
  return thumbnails;
}
