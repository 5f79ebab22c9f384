// Library photos in articles on a real PostgreSQL and a real folder: the lead photo chosen in the attribution, photos
// in the body, what readers get (captions and alt texts per language, the article's own overrides, no photo before
// its renditions exist, older lead photo addresses kept), and the "photo missing" reminder for wire texts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FileSystemMediaStorage, type MediaStorage } from "@minbar/media";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "../editorial/errors.ts";
import { openArticle } from "../editorial/open-article.ts";
import { saveAttribution } from "../editorial/save-attribution.ts";
import { emptyLayoutOf } from "../editorial/start-translation.ts";
import { createArticleFixture, useEditorialDatabase } from "../editorial/test-fixtures.ts";
import { listArticlesForAdmin } from "../queries/admin-articles.ts";
import { getPublishedArticle, listPublishedArticles } from "../queries/public-articles.ts";
import { updateMediaImage } from "./media-library.ts";
import { makeImageRenditions, uploadImage } from "./upload-image.ts";

const ctx = useEditorialDatabase();
const root = mkdtempSync(path.join(tmpdir(), "minbar-photos-"));
const storage: MediaStorage = new FileSystemMediaStorage(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

let shade = 0;
async function photo({ renditions = true } = {}) {
  shade += 1;
  const data = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: { r: shade * 9, g: 40, b: 90 } },
  })
    .jpeg()
    .toBuffer();
  const editor = ctx.cast.actors.editor;
  const { image } = await uploadImage(ctx.db.prisma, storage, editor, { fileName: `p${shade}.jpg`, data });
  const { image: described } = await updateMediaImage(ctx.db.prisma, editor, image.id, {
    version: image.version,
    captionAr: "تعليق الصورة",
    captionRu: "Подпись",
    altAr: "وصف الصورة",
    altRu: "Описание",
  });
  if (renditions) await makeImageRenditions(ctx.db.prisma, storage, image.id);
  return described;
}

const attribution = (articleId: number, expectedVersion: number, extra: object) => ({
  articleId,
  expectedVersion,
  bylines: [],
  source: null,
  photoCredit: { nameAr: "وكالة الصور" },
  leadPhotoUrl: null,
  ...extra,
});

describe("the lead photo", () => {
  it("is chosen in the attribution; readers get it in their language, with the article's own caption first", async () => {
    const image = await photo();
    const f = await createArticleFixture(ctx.db.prisma, {
      ownerId: ctx.cast.ids.writer,
      status: "published",
      publishedAt: new Date("2026-01-02T10:00:00Z"),
    });
    const saved = await saveAttribution(
      ctx.db.prisma,
      ctx.cast.actors.editor,
      attribution(f.articleId, 1, { leadImageId: image.id }),
    );
    expect(saved).toMatchObject({ status: "saved" });

    const page = await getPublishedArticle(ctx.db.prisma, { id: f.articleId, locale: "ar" });
    expect(page?.leadImage).toMatchObject({
      width: 1200,
      height: 800,
      alt: "وصف الصورة",
      caption: "تعليق الصورة",
      // The article's credit (the wire's) wins over the image's own.
      credit: { name: "وكالة الصور", lang: "ar" },
    });
    expect(page?.leadImage?.key).toMatch(/^[A-Za-z0-9_-]+$/);
    const listing = await listPublishedArticles(ctx.db.prisma, { locale: "ar" });
    expect(listing.items.find((item) => item.id === f.articleId)?.thumbnail?.key).toBe(page?.leadImage?.key);

    await ctx.db.prisma.articleLocalization.update({
      where: { id: f.ar.id },
      data: { photoCaption: "تعليق هذه المادة", photoAlt: "وصف هذه المادة" },
    });
    const overridden = await getPublishedArticle(ctx.db.prisma, { id: f.articleId, locale: "ar" });
    expect(overridden?.leadImage).toMatchObject({ caption: "تعليق هذه المادة", alt: "وصف هذه المادة" });
  });

  it("is not shown before its renditions exist, and an older photo address still is", async () => {
    const pending = await photo({ renditions: false });
    const f = await createArticleFixture(ctx.db.prisma, {
      ownerId: ctx.cast.ids.writer,
      status: "published",
      publishedAt: new Date("2026-01-03T10:00:00Z"),
    });
    await ctx.db.prisma.article.update({
      where: { id: f.articleId },
      data: { leadImageId: pending.id, leadPhotoUrl: "https://example.org/old.jpg" },
    });
    const page = await getPublishedArticle(ctx.db.prisma, { id: f.articleId, locale: "ar" });
    expect(page?.leadImage).toBeNull();
    expect(page?.leadPhoto).toEqual({ url: "https://example.org/old.jpg", alt: null });
    await makeImageRenditions(ctx.db.prisma, storage, pending.id);
    const ready = await getPublishedArticle(ctx.db.prisma, { id: f.articleId, locale: "ar" });
    expect(ready?.leadImage).not.toBeNull();
    // The library photo replaces the older address on the page.
    expect(ready?.leadPhoto).toBeNull();
  });

  it("refuses an image that does not exist", async () => {
    const f = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    await expect(
      saveAttribution(ctx.db.prisma, ctx.cast.actors.editor, attribution(f.articleId, 1, { leadImageId: 987654 })),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe("photos in the body", () => {
  it("reach readers with the block's caption, and a translation starts with the same photo to caption", async () => {
    const image = await photo();
    const f = await createArticleFixture(ctx.db.prisma, {
      ownerId: ctx.cast.ids.writer,
      status: "published",
      publishedAt: new Date("2026-01-04T10:00:00Z"),
      body: [
        { type: "paragraph", text: "الفقرة الأولى.", id: "p1" },
        { type: "figure", text: "", imageId: image.id, id: "f1" },
        { type: "figure", text: "صورة محذوفة", imageId: 999_999, id: "f2" },
      ],
    });
    const page = await getPublishedArticle(ctx.db.prisma, { id: f.articleId, locale: "ar" });
    // The figure is kept even with an empty caption (the photo's own caption then shows).
    expect(page?.blocks.map((block) => block.type)).toEqual(["paragraph", "figure", "figure"]);
    expect(page?.figureImages[image.id]).toMatchObject({ caption: "تعليق الصورة", alt: "وصف الصورة" });
    // A photo that is gone is simply not in the map: the page leaves that figure out.
    expect(page?.figureImages[999_999]).toBeUndefined();

    const layout = emptyLayoutOf(page!.blocks);
    expect(layout[1]).toMatchObject({ type: "figure", text: "", imageId: image.id, sourceId: "f1" });
  });
});

describe("the photo-missing reminder", () => {
  it("shows in the list and the editor while a wire text credits a photo and none is attached", async () => {
    const f = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer, title: "خبر بلا صورة" });
    await saveAttribution(ctx.db.prisma, ctx.cast.actors.editor, attribution(f.articleId, 1, {}));
    const codes = async () =>
      (await listArticlesForAdmin(ctx.db.prisma, ctx.cast.actors.editor, { locale: "ar" })).rows
        .find((row) => row.articleId === f.articleId)
        ?.warnings.map((warning) => warning.code);
    expect(await codes()).toContain("photo_missing");
    const before = await openArticle(ctx.db.prisma, ctx.cast.actors.editor, { articleId: f.articleId, locale: "ar" });
    expect(before.access.photoMissing).toBe(true);
    // Not blocking: publishing is still offered.
    expect(before.access.blockingCodes).toEqual([]);

    const image = await photo();
    await saveAttribution(
      ctx.db.prisma,
      ctx.cast.actors.editor,
      attribution(f.articleId, 2, { leadImageId: image.id }),
    );
    expect(await codes()).not.toContain("photo_missing");
    const after = await openArticle(ctx.db.prisma, ctx.cast.actors.editor, { articleId: f.articleId, locale: "ar" });
    expect(after.access.photoMissing).toBe(false);
    expect(after.article.leadImage).toMatchObject({ id: image.id, captionAr: "تعليق الصورة" });
  });
});
