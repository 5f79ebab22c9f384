// The media library's first use cases: storing an upload (checked by content in @minbar/media; the original kept,
// the record written, or neither) and making its renditions afterwards, so the upload answers once the original is
// stored.
import { createHash } from "node:crypto";
import { inspectImage, makeRenditions, renditionKey, renditionStorageKey, type MediaStorage } from "@minbar/media";
import type { MediaImage, PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";

export { MediaInputError } from "@minbar/media";

/** File names are kept for people to recognise an upload, cut and without control characters. */
function cleanFileName(name: string): string {
  const cleaned = Array.from(name.replace(/[\p{Cc}\p{Cf}]/gu, "").trim())
    .slice(0, 200)
    .join("");
  return cleaned === "" ? "image" : cleaned;
}

/**
 * Stores one uploaded image: refuses it (MediaInputError, naming the file) unless it is an image we accept, keeps
 * the original, and records it. The same file uploaded again is the same image. If recording fails the stored
 * original is removed: nothing is left half-stored.
 */
export async function uploadImage(
  prisma: PrismaClient,
  storage: MediaStorage,
  actor: Actor | null,
  { fileName, data }: { fileName: string; data: Uint8Array },
): Promise<{ image: MediaImage; created: boolean }> {
  const user = requirePermission(actor, "media.upload");
  const name = cleanFileName(fileName);
  const inspected = await inspectImage(data, name);
  const sha256 = createHash("sha256").update(data).digest("hex");
  const existing = await prisma.mediaImage.findUnique({ where: { sha256 } });
  if (existing) return { image: existing, created: false };

  const originalKey = `originals/${sha256}.${inspected.format}`;
  await storage.put(originalKey, data, inspected.contentType);
  try {
    const image = await prisma.$transaction(async (tx) => {
      const created = await tx.mediaImage.create({
        data: {
          sha256,
          originalKey,
          fileName: name,
          contentType: inspected.contentType,
          width: inspected.width,
          height: inspected.height,
          bytes: inspected.bytes,
          uploadedById: user.userId,
        },
      });
      await tx.auditLog.create({
        data: {
          actorId: user.userId,
          action: "media.upload",
          entityType: "media_image",
          entityId: String(created.id),
          data: { file: name, width: inspected.width, height: inspected.height, bytes: inspected.bytes },
        },
      });
      return created;
    });
    return { image, created: true };
  } catch (error) {
    // Another upload of the same file won the race: it keeps the original under the same key.
    const raced = await prisma.mediaImage.findUnique({ where: { sha256 } });
    if (raced) return { image: raced, created: false };
    await storage.delete(originalKey);
    throw error;
  }
}

/**
 * Makes and stores every rendition of an image for its current focal point, then records their key; readers' pages
 * keep the previous key (or a placeholder) until then. Returns the key, or null if the image is gone or cannot be
 * rendered (then `renditionError` says why). A storage failure is thrown: the image stays queued.
 */
export async function makeImageRenditions(
  prisma: PrismaClient,
  storage: MediaStorage,
  imageId: number,
): Promise<string | null> {
  const image = await prisma.mediaImage.findUnique({ where: { id: imageId } });
  if (!image) return null;
  const original = await storage.get(image.originalKey);
  if (!original) throw new Error(`the original of image ${imageId} is missing from storage`);
  const focal = { x: image.focalX, y: image.focalY };
  const key = renditionKey(original, focal);
  let renditions;
  try {
    renditions = await makeRenditions(original, focal);
  } catch (error) {
    // The original itself cannot be rendered: say so on the image and take it out of the queue, rather than retry.
    const reason = error instanceof Error ? error.message : String(error);
    await prisma.mediaImage.updateMany({
      where: { id: imageId, focalX: image.focalX, focalY: image.focalY },
      data: { renditionError: reason.slice(0, 500) },
    });
    return null;
  }
  for (const rendition of renditions) {
    await storage.put(renditionStorageKey(key, rendition.name), rendition.data, `image/${rendition.format}`);
  }
  // Only if the focal point did not move meanwhile: a newer request makes the renditions of the newer one.
  await prisma.mediaImage.updateMany({
    where: { id: imageId, focalX: image.focalX, focalY: image.focalY },
    data: { renditionKey: key, renditionsReadyAt: new Date(), renditionError: null },
  });
  return key;
}

const AWAITING = { renditionsReadyAt: null, renditionError: null } as const;

/**
 * The images whose renditions are to be made (uploaded, or their focal point moved), oldest first: what the job
 * queue's sweep queues should a job have been lost.
 */
export async function imagesAwaitingRenditions(prisma: PrismaClient, limit = 1_000): Promise<number[]> {
  const images = await prisma.mediaImage.findMany({
    where: AWAITING,
    orderBy: { id: "asc" },
    select: { id: true },
    take: limit,
  });
  return images.map((image) => image.id);
}

/** Whether this image still awaits its renditions (false once made, when it cannot be rendered, or is gone). */
export async function awaitsRenditions(prisma: PrismaClient, id: number): Promise<boolean> {
  return (await prisma.mediaImage.count({ where: { id, ...AWAITING } })) > 0;
}
