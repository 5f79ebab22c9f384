// The media library's use cases after upload: listing and finding photos, editing what is said about them (captions,
// alt texts, credit, agency, focal point), where each is used, and deleting one no article uses.
import type { MediaStorage } from "@minbar/media";
import { renditionNames, renditionStorageKey } from "@minbar/media";
import { z } from "zod";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { EditorialError, EditorialNotFoundError, parseInput, StaleVersionError } from "../editorial/errors.ts";

export const MEDIA_PAGE_SIZE = 24;

const imageInclude = {
  photoCredit: { select: { id: true, nameAr: true, nameRu: true, nameEn: true } },
  source: { select: { id: true, nameAr: true, nameRu: true, nameEn: true } },
  uploadedBy: { select: { id: true, name: true } },
} satisfies Prisma.MediaImageInclude;

export type MediaImageRecord = Prisma.MediaImageGetPayload<{ include: typeof imageInclude }>;

export type MediaUse = { articleId: number; locale: string; title: string | null; lead: boolean };

export type MediaListFilter = { query?: string; creditId?: number; unused?: boolean; page?: number };

/** The image ids that figure blocks show, found through the GIN index on bodies. */
async function imageIdsInBodies(prisma: PrismaClient): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    SELECT DISTINCT (block->>'imageId')::int AS id
    FROM article_localizations, jsonb_array_elements(body) AS block
    WHERE body @> '[{"type": "figure"}]' AND block->>'type' = 'figure'`;
  return rows.map((row) => row.id);
}

/**
 * A page of the library, newest first: matching `query` in any caption, alt text, file name or credit name, in any
 * language; optionally only one credit's photos, or only photos no article uses (neither as lead nor in a body).
 */
export async function listMediaImages(
  prisma: PrismaClient,
  actor: Actor | null,
  filter: MediaListFilter = {},
): Promise<{ images: MediaImageRecord[]; total: number; page: number; pages: number }> {
  requirePermission(actor, "article.read");
  const where: Prisma.MediaImageWhereInput[] = [];
  const query = filter.query?.trim().slice(0, 200);
  if (query) {
    const contains = { contains: query, mode: "insensitive" } as const;
    where.push({
      OR: [
        { captionAr: contains },
        { captionRu: contains },
        { captionEn: contains },
        { altAr: contains },
        { altRu: contains },
        { altEn: contains },
        { fileName: contains },
        { photoCredit: { OR: [{ nameAr: contains }, { nameRu: contains }, { nameEn: contains }] } },
        { source: { OR: [{ nameAr: contains }, { nameRu: contains }, { nameEn: contains }] } },
      ],
    });
  }
  if (filter.creditId) where.push({ photoCreditId: filter.creditId });
  if (filter.unused) where.push({ leadOf: { none: {} }, id: { notIn: await imageIdsInBodies(prisma) } });
  const total = await prisma.mediaImage.count({ where: { AND: where } });
  const pages = Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(filter.page ?? 1)), pages);
  const images = await prisma.mediaImage.findMany({
    where: { AND: where },
    include: imageInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * MEDIA_PAGE_SIZE,
    take: MEDIA_PAGE_SIZE,
  });
  return { images, total, page, pages };
}

export async function getMediaImage(prisma: PrismaClient, actor: Actor | null, id: number) {
  requirePermission(actor, "article.read");
  const image = await prisma.mediaImage.findUnique({ where: { id }, include: imageInclude });
  if (!image) throw new EditorialNotFoundError("media_image", id);
  return { image, uses: await mediaUses(prisma, id) };
}

/** Every photo credit, by Arabic name: the library's credit filter and the photo page's choice (article.read). */
export async function listPhotoCredits(prisma: PrismaClient, actor: Actor | null) {
  requirePermission(actor, "article.read");
  return prisma.photoCredit.findMany({
    select: { id: true, nameAr: true, nameRu: true, nameEn: true },
    orderBy: [{ nameAr: "asc" }, { id: "asc" }],
  });
}

/** Library images by id, for pages and the editor that show them (missing ids are left out). */
export async function mediaImagesByIds(prisma: PrismaClient, ids: readonly number[]): Promise<MediaImageRecord[]> {
  if (ids.length === 0) return [];
  return prisma.mediaImage.findMany({ where: { id: { in: [...ids] } }, include: imageInclude });
}

/** Every article that shows the image: as its lead photo, or in a figure block of one of its texts. */
export async function mediaUses(prisma: PrismaClient, id: number): Promise<MediaUse[]> {
  const leads = await prisma.article.findMany({
    where: { leadImageId: id },
    select: { id: true, originalLocale: true, localizations: { select: { locale: true, title: true } } },
  });
  const uses: MediaUse[] = leads.map((article) => {
    const original = article.localizations.find((l) => l.locale === article.originalLocale) ?? article.localizations[0];
    return {
      articleId: article.id,
      locale: original?.locale ?? article.originalLocale,
      title: original?.title ?? null,
      lead: true,
    };
  });
  const inBodies = await prisma.$queryRaw<{ articleId: number; locale: string; title: string | null }[]>`
    SELECT article_id AS "articleId", locale::text AS locale, title
    FROM article_localizations
    WHERE body @> ${JSON.stringify([{ imageId: id }])}::jsonb
    ORDER BY article_id, locale`;
  for (const row of inBodies) uses.push({ ...row, lead: false });
  return uses;
}

/** The articles whose pages show the image (lead or body), each once: what to revalidate when it changes. */
export async function articlesShowingImage(prisma: PrismaClient, id: number): Promise<number[]> {
  return [...new Set((await mediaUses(prisma, id)).map((use) => use.articleId))];
}

const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((value) => value.trim())
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

const updateSchema = z.object({
  version: z.number().int().positive(),
  captionAr: text(2000),
  captionRu: text(2000),
  captionEn: text(2000),
  altAr: text(1000),
  altRu: text(1000),
  altEn: text(1000),
  photoCreditId: z.number().int().positive().nullable().optional(),
  sourceId: z.number().int().positive().nullable().optional(),
  focalX: z.number().min(0).max(1).optional(),
  focalY: z.number().min(0).max(1).optional(),
});

export type UpdateMediaImageInput = z.input<typeof updateSchema>;

/**
 * Saves what the editor changed about an image (fields left out stay as they are). A save based on an older version
 * is refused (StaleVersionError). A new focal point puts the image back in the renditions queue; pages keep the
 * previous renditions until the new ones are stored.
 */
export async function updateMediaImage(
  prisma: PrismaClient,
  actor: Actor | null,
  id: number,
  input: UpdateMediaImageInput,
): Promise<{ image: MediaImageRecord; renditionsNeeded: boolean }> {
  const user = requirePermission(actor, "media.edit");
  const { version, ...fields } = parseInput(updateSchema, input);
  return prisma.$transaction(async (tx) => {
    const current = await tx.mediaImage.findUnique({ where: { id } });
    if (!current) throw new EditorialNotFoundError("media_image", id);
    if (current.version !== version) throw new StaleVersionError(version, current.version);
    const focalMoved =
      (fields.focalX !== undefined && fields.focalX !== current.focalX) ||
      (fields.focalY !== undefined && fields.focalY !== current.focalY);
    const data: Prisma.MediaImageUncheckedUpdateInput = { ...fields, version: { increment: 1 } };
    if (focalMoved) Object.assign(data, { renditionsReadyAt: null, renditionError: null });
    const updated = await tx.mediaImage.updateMany({ where: { id, version }, data });
    if (updated.count === 0) throw new StaleVersionError(version, null);
    await tx.auditLog.create({
      data: {
        actorId: user.userId,
        action: "media.edit",
        entityType: "media_image",
        entityId: String(id),
        data: { file: current.fileName, fields: Object.keys(fields) },
      },
    });
    const image = await tx.mediaImage.findUniqueOrThrow({ where: { id }, include: imageInclude });
    return { image, renditionsNeeded: focalMoved };
  });
}

/** Deleting an image some article shows is refused; `uses` says where, so the desk can replace it first. */
export class MediaInUseError extends EditorialError {
  constructor(readonly uses: readonly MediaUse[]) {
    super("blocked", `The image is used by article(s) ${[...new Set(uses.map((use) => use.articleId))].join(", ")}`);
  }
}

/**
 * Deletes an image no article uses: the record (with an audit entry) first, then its original and renditions from
 * storage, so a failure half-way leaves files nobody points at rather than a record without its files.
 */
export async function deleteMediaImage(
  prisma: PrismaClient,
  storage: MediaStorage,
  actor: Actor | null,
  id: number,
): Promise<void> {
  const user = requirePermission(actor, "media.delete");
  const image = await prisma.mediaImage.findUnique({ where: { id } });
  if (!image) throw new EditorialNotFoundError("media_image", id);
  const uses = await mediaUses(prisma, id);
  if (uses.length > 0) throw new MediaInUseError(uses);
  try {
    await prisma.$transaction([
      prisma.mediaImage.delete({ where: { id } }),
      prisma.auditLog.create({
        data: {
          actorId: user.userId,
          action: "media.delete",
          entityType: "media_image",
          entityId: String(id),
          data: { file: image.fileName },
        },
      }),
    ]);
  } catch (error) {
    // Made the lead photo of an article meanwhile: the foreign key refuses, and the answer is the same.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003")
      throw new MediaInUseError(await mediaUses(prisma, id));
    throw error;
  }
  await storage.delete(image.originalKey);
  if (image.renditionKey)
    await Promise.all(
      renditionNames(image.width).map((name) => storage.delete(renditionStorageKey(image.renditionKey!, name))),
    );
}
