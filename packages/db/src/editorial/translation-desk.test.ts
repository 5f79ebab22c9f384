// The translation desk: queues per language, assignment, "my translations", the translator's limits, and an
// original written first in any language.
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../permissions.ts";
import { createArticle } from "./create-article.ts";
import { InvalidInputError } from "./errors.ts";
import { saveAttribution } from "./save-attribution.ts";
import { publishChanges } from "./pending-changes.ts";
import { saveLocalization } from "./save-localization.ts";
import { startTranslation } from "./start-translation.ts";
import { assignTranslation, listTranslationQueue, listTranslators } from "./translation-queues.ts";
import { createArticleFixture, useEditorialDatabase } from "./test-fixtures.ts";

const ctx = useEditorialDatabase();

const ids = (rows: { articleId: number }[]) => rows.map((row) => row.articleId);

describe("queues per language", () => {
  it("lists originals published without the language, then the translation in progress, in review and outdated", async () => {
    const { articleId, ar } = await createArticleFixture(ctx.db.prisma, { ownerId: null, status: "published" });
    const draftOnly = await createArticleFixture(ctx.db.prisma, { ownerId: null, status: "draft" });
    const translator = ctx.cast.actors.translator;
    const queue = (queue: "untranslated" | "in_progress" | "in_review" | "outdated" | "mine") =>
      listTranslationQueue(ctx.db.prisma, translator, { locale: "en", queue }).then(ids);

    expect(await queue("untranslated")).toContain(articleId);
    expect(await queue("untranslated")).not.toContain(draftOnly.articleId);
    // The fixtures' Russian texts are translations too: never the original's own text in a queue.
    expect(await queue("in_progress")).not.toContain(articleId);

    const { localizationId } = await startTranslation(ctx.db.prisma, translator, { articleId, locale: "en" });
    expect(await queue("untranslated")).not.toContain(articleId);
    expect(await queue("in_progress")).toContain(articleId);
    expect(await queue("mine")).toContain(articleId);
    expect(
      await listTranslationQueue(ctx.db.prisma, ctx.cast.actors.editor, { locale: "en", queue: "mine" }).then(ids),
    ).not.toContain(articleId);

    await ctx.db.prisma.articleLocalization.update({ where: { id: localizationId }, data: { status: "in_review" } });
    expect(await queue("in_review")).toContain(articleId);
    expect(await queue("in_progress")).not.toContain(articleId);

    const row = await ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: ar.id } });
    await saveLocalization(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      expectedVersion: row.version,
      title: "عنوان معدل",
      summary: null,
      body: [{ type: "paragraph", text: "نص معدل." }],
    });
    // The original is live: its change outdates the translation once published.
    const pending = await ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: ar.id } });
    await publishChanges(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      expectedVersion: pending.version,
    });
    expect(await queue("outdated")).toContain(articleId);
  });
});

describe("assigning a translation", () => {
  it("lets an editor or a translator give it to a translator; it shows in that translator's translations", async () => {
    const { articleId } = await createArticleFixture(ctx.db.prisma, { ownerId: null, status: "published" });
    const { localizationId } = await startTranslation(ctx.db.prisma, ctx.cast.actors.editor, {
      articleId,
      locale: "en",
    });
    const mine = () =>
      listTranslationQueue(ctx.db.prisma, ctx.cast.actors.translator, { locale: "en", queue: "mine" }).then(ids);
    expect(await mine()).not.toContain(articleId);

    const translators = await listTranslators(ctx.db.prisma, ctx.cast.actors.editor);
    expect(translators.map((user) => user.id)).toContain(ctx.cast.ids.translator);
    expect(translators.map((user) => user.id)).not.toContain(ctx.cast.ids.writer);

    await assignTranslation(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId,
      assigneeId: ctx.cast.ids.translator,
    });
    expect(await mine()).toContain(articleId);
    const audit = await ctx.db.prisma.auditLog.findFirstOrThrow({
      where: { action: "article.translation_assign", entityId: String(localizationId) },
    });
    expect(audit.data).toMatchObject({ to: ctx.cast.ids.translator });

    // Not to someone who does not translate; not by a writer; never the original.
    await expect(
      assignTranslation(ctx.db.prisma, ctx.cast.actors.editor, { localizationId, assigneeId: ctx.cast.ids.writer }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      assignTranslation(ctx.db.prisma, ctx.cast.actors.writer, { localizationId, assigneeId: ctx.cast.ids.translator }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const original = await ctx.db.prisma.articleLocalization.findFirstOrThrow({ where: { articleId, locale: "ar" } });
    await expect(
      assignTranslation(ctx.db.prisma, ctx.cast.actors.translator, {
        localizationId: original.id,
        assigneeId: ctx.cast.ids.translator,
      }),
    ).rejects.toBeInstanceOf(InvalidInputError);

    await assignTranslation(ctx.db.prisma, ctx.cast.actors.translator, { localizationId, assigneeId: null });
    expect(await mine()).not.toContain(articleId);
  });
});

describe("the translator's limits", () => {
  it("touches translations only: never the original's text, never the attribution", async () => {
    const { articleId, ar, ru } = await createArticleFixture(ctx.db.prisma, { ownerId: null });
    const translator = ctx.cast.actors.translator;
    await expect(
      saveLocalization(ctx.db.prisma, translator, {
        localizationId: ar.id,
        expectedVersion: ar.version,
        title: "لا",
        summary: null,
        body: [],
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const article = await ctx.db.prisma.article.findUniqueOrThrow({ where: { id: articleId } });
    await expect(
      saveAttribution(ctx.db.prisma, translator, {
        articleId,
        expectedVersion: article.version,
        bylines: [],
        source: null,
        photoCredit: null,
        leadPhotoUrl: null,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      saveLocalization(ctx.db.prisma, translator, {
        localizationId: ru.id,
        expectedVersion: ru.version,
        title: "Перевод",
        summary: null,
        body: [],
        tags: ["тег"],
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const saved = await saveLocalization(ctx.db.prisma, translator, {
      localizationId: ru.id,
      expectedVersion: ru.version,
      title: "Перевод",
      summary: null,
      body: [],
    });
    expect(saved.status).toBe("saved");
  });
});

describe("an original in any language", () => {
  it("creates the article in the chosen language as its original; Arabic is then a translation to start", async () => {
    const created = await createArticle(ctx.db.prisma, ctx.cast.actors.editor, {
      title: "Переговоры в Москве",
      body: [{ type: "paragraph", text: "Текст." }],
      originalLocale: "ru",
    });
    if (created.status !== "created") throw new Error(created.status);
    const article = await ctx.db.prisma.article.findUniqueOrThrow({
      where: { id: created.articleId },
      include: { localizations: true },
    });
    expect(article.originalLocale).toBe("ru");
    expect(article.localizations.map((l) => [l.locale, l.slug])).toEqual([["ru", "переговоры-в-москве"]]);
    await expect(
      startTranslation(ctx.db.prisma, ctx.cast.actors.translator, { articleId: article.id, locale: "ru" }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    const ar = await startTranslation(ctx.db.prisma, ctx.cast.actors.translator, {
      articleId: article.id,
      locale: "ar",
    });
    const row = await ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: ar.localizationId } });
    expect(row.locale).toBe("ar");
    expect(row.sourceRevisionId).not.toBeNull();
    expect((row.body as { sourceId?: string }[])[0]?.sourceId).toBe(
      (article.localizations[0]!.body as { id?: string }[])[0]?.id,
    );
  });
});
