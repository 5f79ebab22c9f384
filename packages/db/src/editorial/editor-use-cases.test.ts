// What the editor page relies on: the access flags and moves it offers, attribution saved as linked records, new
// translations, and the article list's filters and views — all on a real PostgreSQL.
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.ts";
import { openArticle } from "./open-article.ts";
import { saveAttribution } from "./save-attribution.ts";
import { saveLocalization } from "./save-localization.ts";
import { startTranslation } from "./start-translation.ts";
import { listArticlesForAdmin } from "../queries/admin-articles.ts";
import { createArticleFixture, useEditorialDatabase } from "./test-fixtures.ts";

const ctx = useEditorialDatabase();

describe("openArticle", () => {
  it("lets the writer edit and submit their own draft, and shows the other writer a read-only text", async () => {
    const f = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const own = await openArticle(ctx.db.prisma, ctx.cast.actors.writer, { articleId: f.articleId, locale: "ar" });
    expect(own.localization?.id).toBe(f.ar.id);
    expect(own.access).toMatchObject({ canEdit: true, canEditArticle: true, blockingCodes: [] });
    expect(own.access.moves.map((m) => m.to)).toEqual(["in_review"]);

    const other = await openArticle(ctx.db.prisma, ctx.cast.actors.otherWriter, {
      articleId: f.articleId,
      locale: "ar",
    });
    expect(other.access).toMatchObject({ canEdit: false, canEditArticle: false, moves: [] });
  });

  it("offers the editor return on a text in review, approve only once nothing blocks it, and says what does", async () => {
    const f = await createArticleFixture(ctx.db.prisma, {
      ownerId: ctx.cast.ids.writer,
      status: "in_review",
      title: null,
      warnings: [{ code: "missing_title", message: "no title" }],
    });
    const view = await openArticle(ctx.db.prisma, ctx.cast.actors.editor, { articleId: f.articleId, locale: "ar" });
    expect(view.access.moves.map((m) => m.to).sort()).toEqual(["draft"]);
    expect(view.access.blockingCodes).toEqual(["missing_title"]);
    const titled = await saveLocalization(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: f.ar.id,
      expectedVersion: f.ar.version,
      title: "عنوان",
      summary: null,
      body: [],
    });
    expect(titled.status).toBe("saved");
    const after = await openArticle(ctx.db.prisma, ctx.cast.actors.editor, { articleId: f.articleId, locale: "ar" });
    expect(after.access.moves.map((m) => m.to).sort()).toEqual(["approved", "draft"]);
    expect(after.access.blockingCodes).toEqual([]);
    // The writer no longer edits a submitted text.
    const writer = await openArticle(ctx.db.prisma, ctx.cast.actors.writer, { articleId: f.articleId, locale: "ar" });
    expect(writer.access.canEdit).toBe(false);
  });

  it("returns no localization for a language not started yet", async () => {
    const f = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const view = await openArticle(ctx.db.prisma, ctx.cast.actors.translator, { articleId: f.articleId, locale: "en" });
    expect(view.localization).toBeNull();
    expect(view.article.localizations.map((l) => l.locale).sort()).toEqual(["ar", "ru"]);
  });
});

describe("saveAttribution", () => {
  it("stores bylines in order, reuses agencies and contributors by name, and refuses a stale version", async () => {
    const f = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const g = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const input = (articleId: number, expectedVersion: number, spelling: string) => ({
      articleId,
      expectedVersion,
      bylines: [{ userId: ctx.cast.ids.writer }, { contributorName: "سامي الحلبي" }],
      source: { create: { nameAr: spelling, nameRu: "ТАСС", nameEn: "TASS" } },
      photoCredit: { nameAr: "أسوشيتد برس", nameEn: "AP" },
      leadPhotoUrl: "https://example.org/lead.jpg",
    });
    expect(
      await saveAttribution(ctx.db.prisma, ctx.cast.actors.editor, input(f.articleId, 1, "وكالة تاس الاختبارية")),
    ).toMatchObject({ status: "saved", version: 2 });
    // The same agency written with a different hamza/alef and spacing is the same record.
    expect(
      await saveAttribution(ctx.db.prisma, ctx.cast.actors.editor, input(g.articleId, 1, "وكالة  تاس الإختبارية")),
    ).toMatchObject({ status: "saved" });

    const view = await openArticle(ctx.db.prisma, ctx.cast.actors.editor, { articleId: f.articleId, locale: "ar" });
    expect(view.article.bylines.map((b) => b.kind)).toEqual(["user", "contributor"]);
    expect(view.article.bylines[1]).toMatchObject({ name: "سامي الحلبي" });
    expect(view.article.source).toMatchObject({ nameRu: "ТАСС", nameEn: "TASS" });
    expect(view.article.photoCredit).toMatchObject({ nameAr: "أسوشيتد برس", nameEn: "AP" });
    expect(view.article.leadPhotoUrl).toBe("https://example.org/lead.jpg");
    const other = await openArticle(ctx.db.prisma, ctx.cast.actors.editor, { articleId: g.articleId, locale: "ar" });
    expect(other.article.source?.id).toBe(view.article.source?.id);
    expect(await ctx.db.prisma.contributor.count({ where: { nameAr: "سامي الحلبي" } })).toBe(1);

    // A second editor working from version 1 is told, and changes nothing.
    const stale = await saveAttribution(ctx.db.prisma, ctx.cast.actors.admin, {
      ...input(f.articleId, 1, "تاس"),
      bylines: [],
    });
    expect(stale).toEqual({ status: "conflict", currentVersion: 2 });
    expect(await ctx.db.prisma.byline.count({ where: { articleId: f.articleId } })).toBe(2);
  });

  it("rejects a script URL for the photo and an unknown user in the bylines", async () => {
    const f = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const base = {
      articleId: f.articleId,
      expectedVersion: 1,
      bylines: [],
      source: null,
      photoCredit: null,
      leadPhotoUrl: null,
    };
    await expect(
      saveAttribution(ctx.db.prisma, ctx.cast.actors.editor, { ...base, leadPhotoUrl: "javascript:alert(1)" }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      saveAttribution(ctx.db.prisma, ctx.cast.actors.editor, { ...base, bylines: [{ userId: 999_999 }] }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect((await ctx.db.prisma.article.findUniqueOrThrow({ where: { id: f.articleId } })).version).toBe(1);
  });
});

describe("startTranslation", () => {
  it("creates one empty draft with its first revision, and returns the same one when asked again", async () => {
    const f = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const first = await startTranslation(ctx.db.prisma, ctx.cast.actors.translator, {
      articleId: f.articleId,
      locale: "en",
    });
    const again = await startTranslation(ctx.db.prisma, ctx.cast.actors.editor, {
      articleId: f.articleId,
      locale: "en",
    });
    expect(first.created).toBe(true);
    expect(again).toEqual({ localizationId: first.localizationId, created: false });
    const row = await ctx.db.prisma.articleLocalization.findUniqueOrThrow({
      where: { id: first.localizationId },
      include: { revisions: true },
    });
    expect(row).toMatchObject({ locale: "en", status: "draft", title: null });
    expect(row.revisions).toHaveLength(1);
  });
});

describe("listArticlesForAdmin", () => {
  it("filters by view, status, warnings, title, author and source, and pages with a total", async () => {
    const prisma = ctx.db.prisma;
    const mine = await createArticleFixture(prisma, {
      ownerId: ctx.cast.ids.otherWriter,
      title: "مسودة الكاتب الآخر الفريدة",
    });
    const review = await createArticleFixture(prisma, { ownerId: ctx.cast.ids.otherWriter, status: "in_review" });
    const blocked = await createArticleFixture(prisma, {
      ownerId: ctx.cast.ids.editor,
      title: null,
      warnings: [{ code: "missing_title", message: "x" }],
    });
    const actor = ctx.cast.actors.otherWriter;

    const ownDrafts = await listArticlesForAdmin(prisma, actor, { view: "mine" });
    expect(ownDrafts.rows.map((r) => r.localizationId)).toContain(mine.ar.id);
    expect(ownDrafts.rows.map((r) => r.localizationId)).not.toContain(review.ar.id);
    expect(ownDrafts.rows.every((r) => r.status === "draft")).toBe(true);

    const queue = await listArticlesForAdmin(prisma, actor, { view: "review" });
    expect(queue.rows.map((r) => r.localizationId)).toContain(review.ar.id);
    expect(queue.rows.every((r) => r.status === "in_review")).toBe(true);

    const blocking = await listArticlesForAdmin(prisma, actor, { warnings: "blocking", locale: "ar" });
    expect(blocking.rows.map((r) => r.localizationId)).toContain(blocked.ar.id);
    expect(blocking.rows.every((r) => r.blocked || r.title === null)).toBe(true);

    const found = await listArticlesForAdmin(prisma, actor, { q: "الفريدة" });
    expect(found.rows.map((r) => r.localizationId)).toEqual([mine.ar.id]);
    expect(found.total).toBe(1);

    const byAuthor = await listArticlesForAdmin(prisma, actor, {
      authorId: String(ctx.cast.ids.editor) as unknown as number,
    });
    expect(byAuthor.rows.map((r) => r.articleId)).toEqual([blocked.articleId, blocked.articleId]);

    // Garbage in the query string is ignored rather than an error.
    const lenient = await listArticlesForAdmin(prisma, actor, {
      status: "nonsense" as never,
      page: "-3",
      sourceId: "abc",
    });
    expect(lenient.page).toBe(1);
    expect(lenient.total).toBeGreaterThanOrEqual(6);
  });
});
