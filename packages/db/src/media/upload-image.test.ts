// Uploads on a real PostgreSQL and a real folder: who may upload, what is refused (and leaves nothing stored), the
// same file twice, and renditions made afterwards under a key that follows the focal point.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FileSystemMediaStorage, MediaInputError } from "@minbar/media";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "../permissions.ts";
import { useEditorialDatabase } from "../editorial/test-fixtures.ts";
import { makeImageRenditions, uploadImage } from "./upload-image.ts";

const ctx = useEditorialDatabase();
const root = mkdtempSync(path.join(tmpdir(), "minbar-upload-"));
const storage = new FileSystemMediaStorage(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const photo = (colour: string) =>
  sharp({ create: { width: 900, height: 600, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
const stored = (folder: string) => {
  try {
    return readdirSync(path.join(root, folder));
  } catch {
    return [];
  }
};

describe("uploadImage", () => {
  it("stores the original and records the image, its size and who uploaded it, once per file", async () => {
    const data = await photo("#336699");
    const { image, created } = await uploadImage(ctx.db.prisma, storage, ctx.cast.actors.writer, {
      fileName: "port\u0000 of Astana.jpg",
      data,
    });
    expect(created).toBe(true);
    expect(image).toMatchObject({
      fileName: "port of Astana.jpg",
      contentType: "image/jpeg",
      width: 900,
      height: 600,
      bytes: data.length,
      uploadedById: ctx.cast.ids.writer,
      renditionKey: null,
    });
    expect((await storage.get(image.originalKey))?.equals(data)).toBe(true);
    const again = await uploadImage(ctx.db.prisma, storage, ctx.cast.actors.editor, { fileName: "copy.jpg", data });
    expect(again).toMatchObject({ created: false, image: { id: image.id } });
    const audit = await ctx.db.prisma.auditLog.findMany({ where: { action: "media.upload" } });
    expect(audit.map((entry) => entry.entityId)).toEqual([String(image.id)]);
  });

  it("is refused to those without media.upload, before anything is stored", async () => {
    const before = stored("originals").length;
    for (const actor of [ctx.cast.actors.anonymous, ctx.cast.actors.disabled, ctx.cast.actors.translator]) {
      await expect(
        uploadImage(ctx.db.prisma, storage, actor, { fileName: "x.jpg", data: await photo("#111111") }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(stored("originals")).toHaveLength(before);
  });

  it("refuses what is not an accepted image, naming the file, and stores nothing", async () => {
    const before = { files: stored("originals").length, rows: await ctx.db.prisma.mediaImage.count() };
    const jpeg = await photo("#aa0000");
    for (const [fileName, data, code] of [
      ["logo.svg", Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), "svg"],
      ["cut.jpg", jpeg.subarray(0, jpeg.length >> 1), "corrupt"],
      ["notes.png", Buffer.from("just text"), "unsupported_type"],
    ] as const) {
      const refused = await uploadImage(ctx.db.prisma, storage, ctx.cast.actors.editor, { fileName, data }).catch(
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(MediaInputError);
      expect(refused).toMatchObject({ code, fileName });
    }
    expect(stored("originals")).toHaveLength(before.files);
    expect(await ctx.db.prisma.mediaImage.count()).toBe(before.rows);
  });

  it("removes the stored original when the record cannot be written", async () => {
    const before = stored("originals").length;
    // A user id that does not exist breaks the record's foreign key after the original is stored.
    const ghost = { ...ctx.cast.actors.editor!, userId: 999_999 };
    await expect(
      uploadImage(ctx.db.prisma, storage, ghost, { fileName: "x.jpg", data: await photo("#00aa00") }),
    ).rejects.toThrow();
    expect(stored("originals")).toHaveLength(before);
  });
});

describe("makeImageRenditions", () => {
  it("stores every rendition under a key that changes with the focal point", async () => {
    const { image } = await uploadImage(ctx.db.prisma, storage, ctx.cast.actors.editor, {
      fileName: "square.jpg",
      data: await photo("#884400"),
    });
    const first = await makeImageRenditions(ctx.db.prisma, storage, image.id);
    expect(first).not.toBeNull();
    expect(stored(`renditions/${first}`).sort()).toContain("card.jpeg");
    expect(stored(`renditions/${first}`)).toHaveLength(3 * 3 + 1 + 3);
    const ready = await ctx.db.prisma.mediaImage.findUniqueOrThrow({ where: { id: image.id } });
    expect(ready.renditionKey).toBe(first);
    expect(ready.renditionsReadyAt).not.toBeNull();

    await ctx.db.prisma.mediaImage.update({ where: { id: image.id }, data: { focalX: 0.2 } });
    const second = await makeImageRenditions(ctx.db.prisma, storage, image.id);
    expect(second).not.toBe(first);
    expect((await ctx.db.prisma.mediaImage.findUniqueOrThrow({ where: { id: image.id } })).renditionKey).toBe(second);
    expect(await makeImageRenditions(ctx.db.prisma, storage, 987_654)).toBeNull();
  });
});
