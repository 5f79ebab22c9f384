// The media library on a real PostgreSQL and a real folder: finding photos, editing them (stale saves refused, a new
// focal point queues new renditions), refusing to delete a photo in use (saying where), and who may do what.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FileSystemMediaStorage, type MediaStorage } from "@minbar/media";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StaleVersionError } from "../editorial/errors.ts";
import { createArticleFixture, ROLES, useEditorialDatabase, type Role } from "../editorial/test-fixtures.ts";
import { ForbiddenError } from "../permissions.ts";
import {
  articlesShowingImage,
  deleteMediaImage,
  listMediaImages,
  MediaInUseError,
  mediaUses,
  updateMediaImage,
} from "./media-library.ts";
import { awaitsRenditions, imagesAwaitingRenditions, makeImageRenditions, uploadImage } from "./upload-image.ts";

const ctx = useEditorialDatabase();
const root = mkdtempSync(path.join(tmpdir(), "minbar-library-"));
const storage: MediaStorage = new FileSystemMediaStorage(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

let colour = 0;
const upload = async (role: Role = "editor") => {
  colour += 1;
  const data = await sharp({
    create: { width: 640, height: 480, channels: 3, background: { r: colour * 7, g: 90, b: 200 - colour } },
  })
    .jpeg()
    .toBuffer();
  const { image } = await uploadImage(ctx.db.prisma, storage, ctx.cast.actors[role], {
    fileName: `photo-${colour}.jpg`,
    data,
  });
  return image;
};

describe("the media library", () => {
  let creditId: number;
  beforeAll(async () => {
    const credit = await ctx.db.prisma.photoCredit.create({
      data: { nameAr: "وكالة الصور", nameRu: "Фотоагентство", matchKey: "وكاله الصور" },
    });
    creditId = credit.id;
  });

  it("finds photos by a caption in any language and by their credit's name, newest first", async () => {
    const bridge = await upload();
    const port = await upload();
    await updateMediaImage(ctx.db.prisma, ctx.cast.actors.translator, bridge.id, {
      version: bridge.version,
      captionRu: "Мост через Ишим",
    });
    await updateMediaImage(ctx.db.prisma, ctx.cast.actors.editor, port.id, {
      version: port.version,
      captionAr: "ميناء أكتاو",
      photoCreditId: creditId,
    });
    const editor = ctx.cast.actors.editor;
    const ids = async (filter: Parameters<typeof listMediaImages>[2]) =>
      (await listMediaImages(ctx.db.prisma, editor, filter)).images.map((image) => image.id);
    expect(await ids({ query: "ишим" })).toEqual([bridge.id]);
    expect(await ids({ query: "ميناء" })).toEqual([port.id]);
    expect(await ids({ query: "фотоагентство" })).toEqual([port.id]);
    expect(await ids({ creditId })).toEqual([port.id]);
    expect((await ids({})).slice(0, 2)).toEqual([port.id, bridge.id]);
  });

  it("refuses a save based on an older version, and queues new renditions only when the focal point moves", async () => {
    const image = await upload();
    await makeImageRenditions(ctx.db.prisma, storage, image.id);
    const { image: captioned, renditionsNeeded } = await updateMediaImage(
      ctx.db.prisma,
      ctx.cast.actors.editor,
      image.id,
      { version: image.version, captionEn: "  A quay  ", altEn: "Cranes over a quay" },
    );
    expect(renditionsNeeded).toBe(false);
    expect(captioned).toMatchObject({ captionEn: "A quay", altEn: "Cranes over a quay", version: image.version + 1 });
    expect(captioned.renditionsReadyAt).not.toBeNull();

    await expect(
      updateMediaImage(ctx.db.prisma, ctx.cast.actors.editor, image.id, { version: image.version, captionEn: "Old" }),
    ).rejects.toBeInstanceOf(StaleVersionError);

    const moved = await updateMediaImage(ctx.db.prisma, ctx.cast.actors.editor, image.id, {
      version: captioned.version,
      focalX: 0.1,
      focalY: 0.9,
    });
    expect(moved.renditionsNeeded).toBe(true);
    // The old renditions keep serving pages until the new ones are stored.
    expect(moved.image.renditionKey).toBe(captioned.renditionKey);
    expect(moved.image.renditionsReadyAt).toBeNull();
    expect(await awaitsRenditions(ctx.db.prisma, image.id)).toBe(true);
    expect(await imagesAwaitingRenditions(ctx.db.prisma)).toContain(image.id);
    const key = await makeImageRenditions(ctx.db.prisma, storage, image.id);
    expect(key).not.toBe(captioned.renditionKey);
    expect(await awaitsRenditions(ctx.db.prisma, image.id)).toBe(false);
    expect(await imagesAwaitingRenditions(ctx.db.prisma)).not.toContain(image.id);
  });

  it("refuses to delete a photo an article uses as its lead or in its body, saying which article", async () => {
    const lead = await upload();
    const figure = await upload();
    const article = await createArticleFixture(ctx.db.prisma, {
      ownerId: ctx.cast.ids.writer,
      title: "خبر بصورتين",
      body: [
        { type: "paragraph", text: "فقرة." },
        { type: "figure", text: "تعليق", imageId: figure.id },
      ],
    });
    await ctx.db.prisma.article.update({ where: { id: article.articleId }, data: { leadImageId: lead.id } });

    for (const image of [lead, figure]) {
      const refusal = await deleteMediaImage(ctx.db.prisma, storage, ctx.cast.actors.admin, image.id).catch(
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(MediaInUseError);
      expect((refusal as MediaInUseError).uses).toContainEqual(
        expect.objectContaining({ articleId: article.articleId, title: "خبر بصورتين", lead: image === lead }),
      );
      expect(await ctx.db.prisma.mediaImage.findUnique({ where: { id: image.id } })).not.toBeNull();
    }
    expect(
      (await listMediaImages(ctx.db.prisma, ctx.cast.actors.editor, { unused: true })).images.map((i) => i.id),
    ).not.toEqual(expect.arrayContaining([lead.id]));
    expect(await mediaUses(ctx.db.prisma, figure.id)).toHaveLength(2); // the Arabic text and its Russian draft
    // One article to revalidate when the photo changes, however many of its texts show it.
    expect(await articlesShowingImage(ctx.db.prisma, figure.id)).toEqual([article.articleId]);
  });

  it("deletes an unused photo with its original and renditions, and lists it as unused before", async () => {
    const image = await upload();
    const key = await makeImageRenditions(ctx.db.prisma, storage, image.id);
    const unused = await listMediaImages(ctx.db.prisma, ctx.cast.actors.editor, { unused: true });
    expect(unused.images.map((i) => i.id)).toContain(image.id);
    await deleteMediaImage(ctx.db.prisma, storage, ctx.cast.actors.editor, image.id);
    expect(await ctx.db.prisma.mediaImage.findUnique({ where: { id: image.id } })).toBeNull();
    expect(existsSync(path.join(root, image.originalKey))).toBe(false);
    expect(existsSync(path.join(root, "renditions", key!, "w640.webp"))).toBe(false);
    const audit = await ctx.db.prisma.auditLog.findFirst({
      where: { action: "media.delete", entityId: String(image.id) },
    });
    expect(audit?.data).toMatchObject({ file: image.fileName });
  });

  it("takes an image whose original cannot be rendered out of the queue, saying why", async () => {
    const image = await upload();
    await storage.put(image.originalKey, Buffer.from("no longer a JPEG"), "image/jpeg");
    expect(await makeImageRenditions(ctx.db.prisma, storage, image.id)).toBeNull();
    const stored = await ctx.db.prisma.mediaImage.findUniqueOrThrow({ where: { id: image.id } });
    expect(stored.renditionError).toMatch(/./);
    expect(stored.renditionsReadyAt).toBeNull();
    expect(await awaitsRenditions(ctx.db.prisma, image.id)).toBe(false);
    expect(await imagesAwaitingRenditions(ctx.db.prisma)).not.toContain(image.id);
  });
});

describe("who may upload, edit and delete photos", () => {
  const expected: Record<Role, { upload: boolean; edit: boolean; delete: boolean }> = {
    anonymous: { upload: false, edit: false, delete: false },
    disabled: { upload: false, edit: false, delete: false },
    writer: { upload: true, edit: true, delete: false },
    otherWriter: { upload: true, edit: true, delete: false },
    translator: { upload: false, edit: true, delete: false },
    editor: { upload: true, edit: true, delete: true },
    admin: { upload: true, edit: true, delete: true },
  };

  it.each(ROLES)("%s", async (role) => {
    const actor = ctx.cast.actors[role];
    const allowed = expected[role];
    const outcome = (promise: Promise<unknown>) =>
      promise.then(
        () => true,
        (error: unknown) => {
          if (error instanceof ForbiddenError) return false;
          throw error;
        },
      );
    colour += 1;
    const data = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: colour, g: 1, b: 2 } } })
      .png()
      .toBuffer();
    expect(await outcome(uploadImage(ctx.db.prisma, storage, actor, { fileName: "x.png", data }))).toBe(allowed.upload);
    const target = await upload("admin");
    expect(
      await outcome(updateMediaImage(ctx.db.prisma, actor, target.id, { version: target.version, altEn: "x" })),
    ).toBe(allowed.edit);
    expect(await outcome(deleteMediaImage(ctx.db.prisma, storage, actor, target.id))).toBe(allowed.delete);
    expect(await ctx.db.prisma.mediaImage.count({ where: { id: target.id } })).toBe(allowed.delete ? 0 : 1);
  });
});
