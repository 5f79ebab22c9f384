// The renditions of a photo: a fixed set of widths in AVIF, WebP and JPEG, a 1200×630 social card and a square
// thumbnail cropped around the editor's focal point. EXIF orientation is applied and every other piece of metadata
// (location, camera, owner) is left out, as sharp does unless asked to keep it.
import { createHash } from "node:crypto";
import sharp, { type Sharp } from "sharp";
import { MAX_PIXELS } from "./intake.ts";

import { CROPS, RENDITION_FORMATS, RENDITION_WIDTHS, type CropName, type RenditionFormat } from "./rendition-set.ts";

/** Where the editor clicked, as fractions of the shown (oriented) image: 0.5/0.5 is the centre. */
export type FocalPoint = { x: number; y: number };
export const CENTRE: FocalPoint = { x: 0.5, y: 0.5 };

export type Rendition = {
  /** `w640.webp`, `card.jpeg`, `square.avif`: the file name under the image's rendition key. */
  name: string;
  kind: "width" | CropName;
  format: RenditionFormat;
  width: number;
  height: number;
  data: Buffer;
};

const clamp01 = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5);

/**
 * The largest region of `width`×`height` with the aspect of `target`, as centred on the focal point as the edges
 * allow.
 */
export function focalCrop(
  width: number,
  height: number,
  target: { width: number; height: number },
  focal: FocalPoint,
): { left: number; top: number; width: number; height: number } {
  const aspect = target.width / target.height;
  const cropWidth = Math.min(width, Math.round(height * aspect));
  const cropHeight = Math.min(height, Math.round(cropWidth / aspect));
  const centreX = clamp01(focal.x) * width;
  const centreY = clamp01(focal.y) * height;
  const left = Math.round(Math.min(width - cropWidth, Math.max(0, centreX - cropWidth / 2)));
  const top = Math.round(Math.min(height - cropHeight, Math.max(0, centreY - cropHeight / 2)));
  return { left, top, width: cropWidth, height: cropHeight };
}

/**
 * The key renditions are stored and served under: it changes when the image or its focal point does, so a rendition
 * URL can be cached for a year as immutable.
 */
export function renditionKey(original: Uint8Array, focal: FocalPoint): string {
  return createHash("sha256")
    .update(original)
    .update(`|${clamp01(focal.x).toFixed(4)},${clamp01(focal.y).toFixed(4)}`)
    .digest("base64url")
    .slice(0, 22);
}

const encode = (image: Sharp, format: RenditionFormat): Sharp =>
  format === "avif"
    ? image.avif({ quality: 55, effort: 2 })
    : format === "webp"
      ? image.webp({ quality: 78 })
      : image.jpeg({ quality: 82, mozjpeg: true });

/** Makes every rendition of an image that inspectImage accepted. */
export async function makeRenditions(original: Uint8Array, focal: FocalPoint = CENTRE): Promise<Rendition[]> {
  // Decoded and oriented once; every rendition starts from this copy.
  const oriented = sharp(original, { limitInputPixels: MAX_PIXELS }).rotate();
  const { data, info } = await oriented.raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;
  const jobs: Promise<Rendition>[] = [];
  const widths = [...new Set(RENDITION_WIDTHS.map((width) => Math.min(width, info.width)))];
  for (const width of widths) {
    const height = Math.max(1, Math.round((info.height * width) / info.width));
    for (const format of RENDITION_FORMATS) {
      jobs.push(
        encode(sharp(data, raw).resize(width, height), format)
          .toBuffer()
          .then((out) => ({ name: `w${width}.${format}`, kind: "width", format, width, height, data: out })),
      );
    }
  }
  for (const [kind, size] of Object.entries(CROPS) as [CropName, { width: number; height: number }][]) {
    const region = focalCrop(info.width, info.height, size, focal);
    const formats: readonly RenditionFormat[] = kind === "card" ? ["jpeg"] : RENDITION_FORMATS;
    for (const format of formats) {
      jobs.push(
        encode(sharp(data, raw).extract(region).resize(size.width, size.height, { fit: "fill" }), format)
          .toBuffer()
          .then((out) => ({ name: `${kind}.${format}`, kind, format, ...size, data: out })),
      );
    }
  }
  return Promise.all(jobs);
}
