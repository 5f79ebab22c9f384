// A published translation's own date of last update, as readers are shown it: its last applied save or its
// publication, never its original's change nor the row's updated_at (which the outdated mark moves).
import { describe, expect, it } from "vitest";
import { readBody } from "../blocks.ts";
import { acknowledgeOriginalChange } from "../editorial/translation-view.ts";
import { publishChanges } from "../editorial/pending-changes.ts";
import { saveLocalization } from "../editorial/save-localization.ts";
import { startTranslation } from "../editorial/start-translation.ts";
import { createArticleFixture, useEditorialDatabase } from "../editorial/test-fixtures.ts";
import { getPublishedArticle } from "./public-articles.ts";

const ctx = useEditorialDatabase();

async function rowOf(id: number) {
  return ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id } });
}

async function save(id: number, actor: "editor" | "translator", title: string, text: string) {
  const row = await rowOf(id);
  const body = readBody(row.body).map((block) => ({ ...block, text }));
  const saved = await saveLocalization(ctx.db.prisma, ctx.cast.actors[actor], {
    localizationId: id,
    expectedVersion: row.version,
    title,
    summary: null,
    body: body.length > 0 ? body : [{ type: "paragraph", text }],
  });
  if (saved.status !== "saved") throw new Error(saved.status);
  // These texts are live: their changes reach readers once published.
  if (saved.localization.pending) {
    await publishChanges(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: id,
      expectedVersion: saved.localization.version,
    });
  }
  return saved;
}

describe("a published translation's dates", () => {
  it("stay its own when the original changes, until it is saved again", async () => {
    const { articleId, ar } = await createArticleFixture(ctx.db.prisma, {
      ownerId: ctx.cast.ids.writer,
      status: "published",
    });
    await save(ar.id, "editor", "العنوان", "نص الخبر.");
    const { localizationId: en } = await startTranslation(ctx.db.prisma, ctx.cast.actors.translator, {
      articleId,
      locale: "en",
    });
    // Translated an hour ago, published half an hour ago.
    const translated = await save(en, "translator", "Title", "The story.");
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    await ctx.db.prisma.revision.update({ where: { id: translated.revision.id }, data: { createdAt: ago(60) } });
    const publishedAt = ago(30);
    await ctx.db.prisma.articleLocalization.update({ where: { id: en }, data: { status: "published", publishedAt } });

    const inStep = await getPublishedArticle(ctx.db.prisma, { id: articleId, locale: "en" });
    // Saved before it was published: its last update is its publication.
    expect(inStep).toMatchObject({ lastUpdatedAt: publishedAt, originalUpdatedSince: false });

    await save(ar.id, "editor", "العنوان", "نص الخبر بعد التصحيح.");
    const marked = await rowOf(en);
    expect(marked.outdatedAt).toBeInstanceOf(Date);
    const outdated = await getPublishedArticle(ctx.db.prisma, { id: articleId, locale: "en" });
    expect(outdated).toMatchObject({ lastUpdatedAt: publishedAt, originalUpdatedSince: true });
    // The row's updated_at moved with the mark; the date readers see did not.
    expect(marked.updatedAt.getTime()).toBeGreaterThan(outdated!.lastUpdatedAt.getTime());

    await acknowledgeOriginalChange(ctx.db.prisma, ctx.cast.actors.editor, { localizationId: en });
    expect(await getPublishedArticle(ctx.db.prisma, { id: articleId, locale: "en" })).toMatchObject({
      lastUpdatedAt: publishedAt,
      originalUpdatedSince: false,
    });

    // An editor corrects the published translation: that save is its last update.
    await save(en, "editor", "Title", "The story, corrected.");
    const after = await getPublishedArticle(ctx.db.prisma, { id: articleId, locale: "en" });
    expect(after?.lastUpdatedAt).toEqual((await rowOf(en)).revisedAt);
  });
});
