// What the newsroom accepts as a photo, decided by the file's content and never by its name: JPEG, PNG, WebP, AVIF
// and GIF (its first frame), within a size and a pixel count, checked before anything is decoded, then decoded once
// at a small scale so a truncated or corrupt file is refused at upload rather than when its renditions are made.
import sharp from "sharp";

/** Largest upload accepted: a full-frame camera JPEG is 6–15 MB. */
export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;
/**
 * Most pixels accepted (a 24-megapixel camera frame is well inside): checked on the header, before decoding, so a
 * small file declaring an enormous image (a decompression bomb) costs nothing.
 */
export const MAX_PIXELS = 60_000_000;

export type ImageFormat = "jpeg" | "png" | "webp" | "avif" | "gif";

export const CONTENT_TYPES: Readonly<Record<ImageFormat, string>> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  gif: "image/gif",
};

export type MediaRefusal = "empty" | "too_large" | "svg" | "unsupported_type" | "too_many_pixels" | "corrupt";

/** A file refused, with the reason a person is told (the page words it in its language, naming the file). */
export class MediaInputError extends Error {
  readonly code: MediaRefusal;
  readonly fileName: string;
  constructor(code: MediaRefusal, fileName: string, detail: string) {
    super(`${fileName}: ${detail}`);
    this.name = "MediaInputError";
    this.code = code;
    this.fileName = fileName;
  }
}

export type InspectedImage = {
  format: ImageFormat;
  contentType: string;
  /** Pixel size as shown, after the EXIF orientation is applied (a portrait phone photo is taller than wide). */
  width: number;
  height: number;
  bytes: number;
};

const startsWith = (data: Uint8Array, bytes: readonly number[], at = 0) =>
  bytes.every((byte, index) => data[at + index] === byte);
const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

/** The format by the file's first bytes (its signature), or null: the name and the browser's type are not asked. */
export function sniffImageFormat(data: Uint8Array): ImageFormat | null {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(data, ascii("GIF87a")) || startsWith(data, ascii("GIF89a"))) return "gif";
  if (startsWith(data, ascii("RIFF")) && startsWith(data, ascii("WEBP"), 8)) return "webp";
  // An ISO-BMFF file whose major brand is AVIF (still image or sequence).
  if (startsWith(data, ascii("ftyp"), 4) && (startsWith(data, ascii("avif"), 8) || startsWith(data, ascii("avis"), 8)))
    return "avif";
  return null;
}

function looksLikeSvg(data: Uint8Array): boolean {
  const head = Buffer.from(data.subarray(0, 1024))
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  return (
    head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg")) || head.includes("<!doctype svg")
  );
}

/**
 * Checks an uploaded file and says what it is, or throws MediaInputError. Nothing is stored here; a file that passes
 * decodes whole (at a small scale) without error.
 */
export async function inspectImage(data: Uint8Array, fileName: string): Promise<InspectedImage> {
  if (data.byteLength === 0) throw new MediaInputError("empty", fileName, "the file is empty");
  if (data.byteLength > MAX_UPLOAD_BYTES) {
    throw new MediaInputError("too_large", fileName, `larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  }
  const format = sniffImageFormat(data);
  if (format === null) {
    if (looksLikeSvg(data)) throw new MediaInputError("svg", fileName, "SVG images are not accepted");
    throw new MediaInputError("unsupported_type", fileName, "not a JPEG, PNG, WebP, AVIF or GIF image");
  }
  let width: number;
  let height: number;
  try {
    // The header alone: no pixel is decoded yet.
    const meta = await sharp(data, { limitInputPixels: false }).metadata();
    width = meta.autoOrient?.width ?? meta.width ?? 0;
    height = meta.autoOrient?.height ?? meta.height ?? 0;
  } catch {
    throw new MediaInputError("corrupt", fileName, "the image cannot be read");
  }
  if (width <= 0 || height <= 0) throw new MediaInputError("corrupt", fileName, "the image has no size");
  if (width * height > MAX_PIXELS) {
    throw new MediaInputError("too_many_pixels", fileName, `${width}×${height} is more than ${MAX_PIXELS} pixels`);
  }
  try {
    // Decoding at a small scale reads every byte of the image (JPEG scales while decoding), so a truncated or
    // damaged file fails here.
    await sharp(data, { failOn: "truncated", limitInputPixels: MAX_PIXELS })
      .resize(64, 64, { fit: "inside" })
      .raw()
      .toBuffer();
  } catch {
    throw new MediaInputError("corrupt", fileName, "the image is damaged or incomplete");
  }
  return { format, contentType: CONTENT_TYPES[format], width, height, bytes: data.byteLength };
}
