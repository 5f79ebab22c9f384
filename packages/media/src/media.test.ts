// Intake, renditions and the folder storage on real image files made here: every refusal by content, EXIF
// orientation applied and metadata dropped, the crops centred on the focal point.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { inspectImage, MAX_PIXELS, MAX_UPLOAD_BYTES, MediaInputError, sniffImageFormat } from "./intake.ts";
import { focalCrop, makeRenditions, renditionKey } from "./renditions.ts";
import { FileSystemMediaStorage, type MediaStorage } from "./storage.ts";

/** A 400×200 image, left half red, right half blue. */
const halves = () =>
  sharp({ create: { width: 400, height: 200, channels: 3, background: "#ff0000" } }).composite([
    {
      input: { create: { width: 200, height: 200, channels: 3, background: "#0000ff" } },
      left: 200,
      top: 0,
    },
  ]);

async function refusal(data: Uint8Array, name = "photo.jpg") {
  try {
    await inspectImage(data, name);
  } catch (error) {
    if (error instanceof MediaInputError) return { code: error.code, message: error.message };
    throw error;
  }
  return null;
}

describe("inspectImage", () => {
  it("accepts JPEG, PNG, WebP, AVIF and GIF by their content, whatever their name", async () => {
    for (const format of ["jpeg", "png", "webp", "avif", "gif"] as const) {
      const data = await halves().toFormat(format).toBuffer();
      // Named as something else: only the content counts.
      const seen = await inspectImage(data, "named-wrongly.txt");
      expect([seen.format, seen.width, seen.height]).toEqual([format, 400, 200]);
    }
  });

  it("refuses SVG, other files and empty ones, naming the file", async () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>');
    expect(await refusal(svg, "logo.jpg")).toEqual({ code: "svg", message: "logo.jpg: SVG images are not accepted" });
    expect((await refusal(Buffer.from("%PDF-1.7\n"), "report.png"))?.code).toBe("unsupported_type");
    expect((await refusal(Buffer.from("hello"), "notes.jpeg"))?.message).toMatch(/^notes\.jpeg: not a JPEG/);
    expect((await refusal(new Uint8Array(0)))?.code).toBe("empty");
    const tiff = await halves().tiff().toBuffer();
    expect((await refusal(tiff, "scan.tif"))?.code).toBe("unsupported_type");
  });

  it("refuses a truncated or damaged file", async () => {
    const jpeg = await halves().jpeg().toBuffer();
    expect((await refusal(jpeg.subarray(0, Math.floor(jpeg.length * 0.6))))?.code).toBe("corrupt");
    const png = await halves().png().toBuffer();
    const damaged = Buffer.from(png);
    damaged.fill(0x41, 60, damaged.length - 20);
    expect((await refusal(damaged, "x.png"))?.code).toBe("corrupt");
  });

  it("refuses a file over the size limit before reading it", async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect((await refusal(big))?.code).toBe("too_large");
  });

  it("refuses a decompression bomb on its header, before decoding", async () => {
    // A small PNG whose header says 100,000×100,000 pixels.
    const png = Buffer.from(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
        .png()
        .toBuffer(),
    );
    png.writeUInt32BE(100_000, 16);
    png.writeUInt32BE(100_000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
    const started = performance.now();
    const refused = await refusal(png, "bomb.png");
    expect(refused?.code).toBe("too_many_pixels");
    expect(refused?.message).toContain(`more than ${MAX_PIXELS} pixels`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("gives the size as shown, after the EXIF orientation", async () => {
    const rotated = await halves().jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const seen = await inspectImage(rotated, "phone.jpg");
    expect([seen.width, seen.height]).toEqual([200, 400]);
  });

  it("tells formats by their first bytes", () => {
    expect(sniffImageFormat(Buffer.from("GIF89a...."))).toBe("gif");
    expect(sniffImageFormat(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
    expect(sniffImageFormat(Buffer.from("\0\0\0\x1cftypavif"))).toBe("avif");
    expect(sniffImageFormat(Buffer.from("\0\0\0\x1cftypheic"))).toBeNull();
  });
});

describe("makeRenditions", () => {
  it("makes every width and format, never wider than the original, oriented and without metadata", async () => {
    const original = await halves()
      .resize(1200, 600)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Copyright: "Someone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "55/1 45/1 0/1" } })
      .toBuffer();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const renditions = await makeRenditions(original);
    const names = renditions.map((r) => r.name).sort();
    // Oriented, the image is 600 wide: 1024 and 1600 become one 600-wide rendition.
    expect(names).toEqual(
      ["card.jpeg", ...["avif", "jpeg", "webp"].flatMap((f) => [`square.${f}`, `w320.${f}`, `w600.${f}`])].sort(),
    );
    for (const rendition of renditions) {
      const meta = await sharp(rendition.data).metadata();
      expect(meta.exif, rendition.name).toBeUndefined();
      expect(meta.orientation ?? 1, rendition.name).toBe(1);
      expect([meta.width, meta.height], rendition.name).toEqual([rendition.width, rendition.height]);
      expect(meta.format === "heif" ? "avif" : meta.format, rendition.name).toBe(rendition.format);
    }
    expect(renditions.find((r) => r.name === "w320.jpeg")).toMatchObject({ width: 320, height: 640 });
  });

  it("crops the card and the square around the focal point", async () => {
    // Composed first, then scaled (sharp would scale before compositing in one pipeline).
    const original = await sharp(await halves().png().toBuffer())
      .resize(1600, 800)
      .png()
      .toBuffer();
    const colourAtCentre = async (focalX: number, name: string) => {
      const rendition = (await makeRenditions(original, { x: focalX, y: 0.5 })).find((r) => r.name === name)!;
      const { data, info } = await sharp(rendition.data).raw().toBuffer({ resolveWithObject: true });
      const at = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
      return data[at]! > 128 ? "red" : data[at + 2]! > 128 ? "blue" : "other";
    };
    expect(await colourAtCentre(0.1, "square.jpeg")).toBe("red");
    expect(await colourAtCentre(0.9, "square.jpeg")).toBe("blue");
    expect(await colourAtCentre(0.9, "card.jpeg")).toBe("blue");
  });

  it("computes crops within the image, as centred on the focal point as the edges allow", () => {
    const card = { width: 1200, height: 630 };
    expect(focalCrop(4000, 3000, card, { x: 0.5, y: 0.5 })).toEqual({ left: 0, top: 450, width: 4000, height: 2100 });
    expect(focalCrop(4000, 3000, card, { x: 0.5, y: 0 })).toMatchObject({ top: 0 });
    expect(focalCrop(4000, 3000, card, { x: 0.5, y: 1 })).toMatchObject({ top: 900 });
    const square = focalCrop(4000, 3000, { width: 1, height: 1 }, { x: 0.9, y: Number.NaN });
    expect(square).toEqual({ left: 1000, top: 0, width: 3000, height: 3000 });
  });

  it("keys renditions by the image and its focal point", () => {
    const a = Buffer.from("one image");
    expect(renditionKey(a, { x: 0.5, y: 0.5 })).toBe(renditionKey(Buffer.from("one image"), { x: 0.5, y: 0.5 }));
    expect(renditionKey(a, { x: 0.5, y: 0.5 })).not.toBe(renditionKey(a, { x: 0.3, y: 0.5 }));
    expect(renditionKey(a, { x: 0.5, y: 0.5 })).not.toBe(renditionKey(Buffer.from("another"), { x: 0.5, y: 0.5 }));
  });
});

describe("FileSystemMediaStorage", () => {
  const root = mkdtempSync(path.join(tmpdir(), "minbar-media-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("stores, reads and deletes, leaving no temporary file, and refuses keys that leave its folder", async () => {
    const storage: MediaStorage = new FileSystemMediaStorage(root);
    await storage.put("renditions/abc/w320.webp", Buffer.from("bytes"), "image/webp");
    expect((await storage.get("renditions/abc/w320.webp"))?.toString()).toBe("bytes");
    expect(readdirSync(path.join(root, "renditions", "abc"))).toEqual(["w320.webp"]);
    await storage.delete("renditions/abc/w320.webp");
    expect(await storage.get("renditions/abc/w320.webp")).toBeNull();
    await storage.delete("renditions/abc/w320.webp");
    for (const key of ["../x", "a/../../x", "/etc/passwd", "a//b", "", "a\\b"]) {
      await expect(storage.put(key, Buffer.from("x"), "text/plain")).rejects.toThrow(/not a media key/);
    }
  });
});
