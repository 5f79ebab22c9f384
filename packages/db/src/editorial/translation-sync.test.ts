// Translations kept in step with their original: block ids, the revision a translation is made from, the outdated
// mark on the original's change, clearing it by saving against the new original or by an editor's acknowledgement.
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../permissions.ts";
import { readBody, type ArticleBlock } from "../blocks.ts";
import { getPublishedArticle } from "../queries/public-articles.ts";
import { publishChanges } from "./pending-changes.ts";
import { saveLocalization as saveDraft } from "./save-localization.ts";
import { startTranslation } from "./start-translation.ts";
import { acknowledgeOriginalChange, openTranslationSource } from "./translation-view.ts";
import { createArticleFixture, useEditorialDatabase } from "./test-fixtures.ts";

const ctx = useEditorialDatabase();

/** A save readers see at once, as these tests are about live texts: a published text's changes are published. */
const saveLocalization: typeof saveDraft = async (prisma, actor, input) => {
  const saved = await saveDraft(prisma, actor, input);
  if (saved.status === "saved" && saved.localization.pending) {
    await publishChanges(prisma, ctx.cast.actors.editor, {
      localizationId: saved.localization.id,
      expectedVersion: saved.localization.version,
    });
    return { ...saved, affectsPublicSite: true };
  }
  return saved;
};

const original: ArticleBlock[] = [
  { type: "paragraph", text: "الفقرة الأولى من الخبر." },
  { type: "heading", text: "عنوان فرعي" },
  { type: "list_item", text: "بند أول", ordered: true },
  { type: "paragraph", text: "الفقرة الأخيرة." },
];

async function localizationOf(id: number) {
  return ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id } });
}

/** An Arabic original saved once by an editor (so its blocks have ids), and its English translation started. */
async function startedTranslation() {
  const fixture = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer, status: "published" });
  const saved = await saveLocalization(ctx.db.prisma, ctx.cast.actors.editor, {
    localizationId: fixture.ar.id,
    expectedVersion: fixture.ar.version,
    title: "العنوان",
    summary: "الملخص",
    body: original,
  });
  if (saved.status !== "saved") throw new Error(saved.status);
  const started = await startTranslation(ctx.db.prisma, ctx.cast.actors.translator, {
    articleId: fixture.articleId,
    locale: "en",
  });
  return { ...fixture, en: started.localizationId, arRevision: saved.revision.id, arBody: saved.localization.body };
}

/** An editor's save of the original with the given blocks. */
async function editOriginal(arId: number, body: ArticleBlock[], title = "العنوان") {
  const row = await localizationOf(arId);
  const saved = await saveLocalization(ctx.db.prisma, ctx.cast.actors.editor, {
    localizationId: arId,
    expectedVersion: row.version,
    title,
    summary: "الملخص",
    body,
  });
  if (saved.status !== "saved") throw new Error(saved.status);
  return saved;
}

async function translate(enId: number, againstRevisionId: number | undefined, text = "Translated.") {
  const row = await localizationOf(enId);
  const body = readBody(row.body).map((block) => ({ ...block, text: `${text} ${block.type}` }));
  const saved = await saveLocalization(ctx.db.prisma, ctx.cast.actors.translator, {
    localizationId: enId,
    expectedVersion: row.version,
    title: "The title",
    summary: null,
    body,
    ...(againstRevisionId !== undefined ? { againstRevisionId } : {}),
  });
  if (saved.status !== "saved") throw new Error(saved.status);
  return saved;
}

describe("stable block ids", () => {
  it("gives every block an id on save and keeps the ids it is given", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const first = await editOriginal(ar.id, original);
    const ids = first.localization.body.map((block) => block.id);
    expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // The editor sends the ids back with changed text: they stay; a repeated id (a pasted copy) gets a new one.
    const again = await editOriginal(ar.id, [
      ...first.localization.body.map((block) => ({ ...block, text: `${block.text} +` })),
      { ...first.localization.body[0]!, text: "نسخة ملصقة" },
    ]);
    const after = again.localization.body.map((block) => block.id);
    expect(after.slice(0, 4)).toEqual(ids);
    expect(after[4]).not.toBe(ids[0]);
  });
});

describe("starting a translation", () => {
  it("lays out the original's blocks empty, in order, each naming its original block, made from its revision", async () => {
    const { en, arRevision, arBody } = await startedTranslation();
    const row = await localizationOf(en);
    expect(row.sourceRevisionId).toBe(arRevision);
    expect(row.outdatedAt).toBeNull();
    const body = readBody(row.body);
    expect(body.map((block) => [block.type, block.text, block.sourceId])).toEqual(
      arBody.map((block) => [block.type, "", block.id]),
    );
    expect(body[2]).toMatchObject({ type: "list_item", ordered: true });
    expect(new Set(body.map((block) => block.id)).size).toBe(4);
  });

  it("gives the original's blocks ids first when its text is from before ids (an import)", async () => {
    const fixture = await createArticleFixture(ctx.db.prisma, { ownerId: null, status: "published" });
    const started = await startTranslation(ctx.db.prisma, ctx.cast.actors.translator, {
      articleId: fixture.articleId,
      locale: "en",
    });
    const ar = readBody((await localizationOf(fixture.ar.id)).body);
    const en = readBody((await localizationOf(started.localizationId)).body);
    expect(ar[0]?.id).toBeTruthy();
    expect(en[0]?.sourceId).toBe(ar[0]?.id);
    const revision = await ctx.db.prisma.revision.findFirstOrThrow({ where: { localizationId: fixture.ar.id } });
    expect(readBody(revision.body)[0]?.id).toBe(ar[0]?.id);
  });
});

describe("an original that changes after its translation was made", () => {
  it("marks the translation outdated on an editor's save, and not on a save that changes no words", async () => {
    const { ar, en, arBody } = await startedTranslation();
    await editOriginal(ar.id, arBody);
    expect((await localizationOf(en)).outdatedAt).toBeNull();
    await editOriginal(ar.id, [arBody[0]!, { ...arBody[1]!, text: "عنوان فرعي جديد" }, ...arBody.slice(2)]);
    expect((await localizationOf(en)).outdatedAt).toBeInstanceOf(Date);
  });

  it("shows which original blocks changed since, with a word diff, and which are new or gone", async () => {
    const { ar, en, arBody } = await startedTranslation();
    await editOriginal(
      ar.id,
      [arBody[0]!, { ...arBody[1]!, text: "عنوان فرعي جديد" }, { type: "paragraph", text: "فقرة مضافة" }, arBody[2]!],
      "العنوان المعدل",
    );
    const source = await openTranslationSource(ctx.db.prisma, ctx.cast.actors.translator, { localizationId: en });
    expect(source.locale).toBe("ar");
    expect(source.changes?.blocks.map((change) => change.kind)).toEqual(["same", "changed", "added", "same"]);
    expect(source.changes?.blocks[1]).toEqual({
      kind: "changed",
      segments: [
        { kind: "same", text: "عنوان فرعي " },
        { kind: "added", text: "جديد" },
      ],
    });
    expect(source.changes?.title.kind).toBe("changed");
    expect(source.changes?.summary.kind).toBe("same");
    expect(source.changes?.removed.map((block) => block.text)).toEqual(["الفقرة الأخيرة."]);
  });

  it("is cleared by saving the translation against the new original, not against the old one", async () => {
    const { ar, en, arRevision, arBody } = await startedTranslation();
    await translate(en, arRevision);
    const changed = await editOriginal(ar.id, [{ ...arBody[0]!, text: "تغيير" }, ...arBody.slice(1)]);
    const marked = (await localizationOf(en)).outdatedAt;
    expect(marked).toBeInstanceOf(Date);

    // Opened before the change: the save keeps the mark.
    await translate(en, arRevision, "Still old.");
    expect((await localizationOf(en)).outdatedAt).toEqual(marked);

    await translate(en, changed.revision.id, "Updated.");
    const row = await localizationOf(en);
    expect(row.outdatedAt).toBeNull();
    expect(row.sourceRevisionId).toBe(changed.revision.id);
    const source = await openTranslationSource(ctx.db.prisma, ctx.cast.actors.translator, { localizationId: en });
    expect(source.changes).toBeNull();
    expect(source.revisionId).toBe(changed.revision.id);
  });

  it("a published translation stays published as it is while outdated", async () => {
    const { ar, en, arBody } = await startedTranslation();
    await ctx.db.prisma.articleLocalization.update({ where: { id: en }, data: { status: "published" } });
    const before = await localizationOf(en);
    await editOriginal(ar.id, [{ ...arBody[0]!, text: "تغيير" }, ...arBody.slice(1)]);
    const after = await localizationOf(en);
    expect(after.status).toBe("published");
    expect(after.body).toEqual(before.body);
    expect(after.version).toBe(before.version);
    expect(after.outdatedAt).toBeInstanceOf(Date);
  });
});

describe("updating a published translation", () => {
  it("is the translator's once it is outdated (the mark goes with the save), not before", async () => {
    const { ar, en, arRevision, arBody } = await startedTranslation();
    await translate(en, arRevision);
    await ctx.db.prisma.articleLocalization.update({ where: { id: en }, data: { status: "published" } });
    await expect(translate(en, arRevision, "Live edit.")).rejects.toBeInstanceOf(ForbiddenError);

    const changed = await editOriginal(ar.id, [{ ...arBody[0]!, text: "تغيير" }, ...arBody.slice(1)]);
    const saved = await translate(en, changed.revision.id, "Brought in step.");
    expect(saved.localization.status).toBe("published");
    expect(saved.affectsPublicSite).toBe(true);
    expect((await localizationOf(en)).outdatedAt).toBeNull();
    // In step again: further changes to the live text are the editors' again.
    await expect(translate(en, changed.revision.id, "Again.")).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("a published translation with blocks left empty", () => {
  it("shows readers only the filled blocks", async () => {
    const { articleId, en } = await startedTranslation();
    const row = await localizationOf(en);
    const body = readBody(row.body).map((block, index) => (index === 1 ? { ...block, text: "Subheading" } : block));
    await saveLocalization(ctx.db.prisma, ctx.cast.actors.translator, {
      localizationId: en,
      expectedVersion: row.version,
      title: "Title",
      summary: null,
      body,
    });
    await ctx.db.prisma.articleLocalization.update({
      where: { id: en },
      data: { status: "published", publishedAt: new Date() },
    });
    const article = await getPublishedArticle(ctx.db.prisma, { id: articleId, locale: "en" });
    expect(article?.blocks.map((block) => block.text)).toEqual(["Subheading"]);
  });
});

describe("no translation needed", () => {
  it("lets an editor clear the mark, recording who and when in the row and the audit log", async () => {
    const { ar, en, arBody } = await startedTranslation();
    const changed = await editOriginal(ar.id, [{ ...arBody[0]!, text: "تصحيح إملائي" }, ...arBody.slice(1)]);
    await expect(
      acknowledgeOriginalChange(ctx.db.prisma, ctx.cast.actors.translator, { localizationId: en }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await localizationOf(en)).outdatedAt).toBeInstanceOf(Date);

    const result = await acknowledgeOriginalChange(ctx.db.prisma, ctx.cast.actors.editor, { localizationId: en });
    expect(result).toEqual({ acknowledged: true });
    const row = await localizationOf(en);
    expect(row.outdatedAt).toBeNull();
    expect(row.sourceRevisionId).toBe(changed.revision.id);
    expect(row.acknowledgedById).toBe(ctx.cast.ids.editor);
    expect(row.acknowledgedAt).toBeInstanceOf(Date);
    const audit = await ctx.db.prisma.auditLog.findFirstOrThrow({
      where: { action: "article.translation_acknowledge", entityId: String(en) },
    });
    expect(audit.actorId).toBe(ctx.cast.ids.editor);
    const source = await openTranslationSource(ctx.db.prisma, ctx.cast.actors.editor, { localizationId: en });
    expect(source.acknowledged).toMatchObject({ by: "editor" });
  });
});

describe("the original in another language", () => {
  it("follows the original: a Russian original's change marks its Arabic translation outdated", async () => {
    const fixture = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    await ctx.db.prisma.article.update({ where: { id: fixture.articleId }, data: { originalLocale: "ru" } });
    const ru = await localizationOf(fixture.ru.id);
    const saved = await saveLocalization(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ru.id,
      expectedVersion: ru.version,
      title: "Новый заголовок",
      summary: null,
      body: [{ type: "paragraph", text: "Новый текст." }],
    });
    expect(saved.status).toBe("saved");
    expect((await localizationOf(fixture.ar.id)).outdatedAt).toBeInstanceOf(Date);
    expect((await localizationOf(fixture.ru.id)).outdatedAt).toBeNull();
    // The translator may now change the Arabic (the translation) but not the Russian original.
    const ar = await localizationOf(fixture.ar.id);
    const asTranslator = await saveLocalization(ctx.db.prisma, ctx.cast.actors.translator, {
      localizationId: ar.id,
      expectedVersion: ar.version,
      title: "ترجمة",
      summary: null,
      body: [{ type: "paragraph", text: "نص مترجم." }],
    });
    expect(asTranslator.status).toBe("saved");
    const ruNow = await localizationOf(fixture.ru.id);
    await expect(
      saveLocalization(ctx.db.prisma, ctx.cast.actors.translator, {
        localizationId: ruNow.id,
        expectedVersion: ruNow.version,
        title: "Нельзя",
        summary: null,
        body: [],
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
