// Library photos for end-to-end tests and benchmarks: made with sharp, stored through the media library's own use
// cases (upload, edit, renditions) in the run's media folder, as an editor's upload would be.
import type { TestDatabase } from "@minbar/db/testing";
import { makeImageRenditions, updateMediaImage, uploadImage } from "@minbar/db/editorial";
import { PERMISSIONS, type Actor } from "@minbar/db/permissions";
import { FileSystemMediaStorage } from "@minbar/media";
import sharp from "sharp";
import { e2eEnv } from "./env.ts";

export type TestPhoto = { id: number; renditionKey: string; width: number; height: number };

export type TestPhotoOptions = {
  width: number;
  height: number;
  /** Background colour; `marker` paints a square of another colour where the focal point is. */
  background: string;
  /** Photo-like content (blurred noise) rather than a flat colour: sizes and encoding times close to a real photo's. */
  noise?: boolean;
  marker?: { colour: string; x: number; y: number; size: number };
  captions?: { ar?: string; ru?: string; en?: string };
  alts?: { ar?: string; ru?: string; en?: string };
  creditId?: number;
  focal?: { x: number; y: number };
};

/** The folder runEndToEnd made for this run (MEDIA_DIR). */
export function e2eMediaStorage(): FileSystemMediaStorage {
  const dir = e2eEnv.mediaDir();
  if (!dir) throw new Error("MEDIA_DIR is not set: run through runEndToEnd (npm run test:e2e)");
  return new FileSystemMediaStorage(dir);
}

async function photoDesk(db: TestDatabase): Promise<Actor> {
  const user = await db.prisma.user.upsert({
    where: { email: "photo-desk@example.test" },
    create: { email: "photo-desk@example.test", name: "Photo desk" },
    update: {},
  });
  return { userId: user.id, email: user.email, name: user.name, permissions: new Set(PERMISSIONS) };
}

export async function addTestPhoto(db: TestDatabase, options: TestPhotoOptions): Promise<TestPhoto> {
  const storage = e2eMediaStorage();
  const actor = await photoDesk(db);
  const { width, height, marker } = options;
  const overlays = marker
    ? [
        {
          input: {
            create: { width: marker.size, height: marker.size, channels: 3 as const, background: marker.colour },
          },
          left: Math.round(marker.x * width - marker.size / 2),
          top: Math.round(marker.y * height - marker.size / 2),
        },
      ]
    : [];
  const base = options.noise
    ? sharp(
        await sharp({
          create: {
            width,
            height,
            channels: 3,
            background: options.background,
            noise: { type: "gaussian", mean: 128, sigma: 60 },
          },
        })
          .blur(1.5)
          .png()
          .toBuffer(),
      )
    : sharp({ create: { width, height, channels: 3, background: options.background } });
  const data = await base.composite(overlays).jpeg({ quality: 90 }).toBuffer();
  const { image } = await uploadImage(db.prisma, storage, actor, { fileName: `photo-${width}x${height}.jpg`, data });
  await updateMediaImage(db.prisma, actor, image.id, {
    version: image.version,
    captionAr: options.captions?.ar ?? null,
    captionRu: options.captions?.ru ?? null,
    captionEn: options.captions?.en ?? null,
    altAr: options.alts?.ar ?? null,
    altRu: options.alts?.ru ?? null,
    altEn: options.alts?.en ?? null,
    photoCreditId: options.creditId ?? null,
    ...(options.focal ? { focalX: options.focal.x, focalY: options.focal.y } : {}),
  });
  const renditionKey = await makeImageRenditions(db.prisma, storage, image.id);
  if (!renditionKey) throw new Error(`renditions of test photo ${image.id} could not be made`);
  return { id: image.id, renditionKey, width, height };
}
