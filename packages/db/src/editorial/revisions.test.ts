// Revisions: listing, restoring as a new revision through the lock, word diffs of Arabic text; and edit presence.
import { describe, expect, it } from "vitest";
import { createArticle } from "./create-article.ts";
import { diffRevisions } from "./diff-revisions.ts";
import { listEditors, PRESENCE_TTL_MS } from "./list-editors.ts";
import { listRevisions } from "./list-revisions.ts";
import { markEditing } from "./mark-editing.ts";
import { restoreRevision } from "./restore-revision.ts";
import { saveLocalization } from "./save-localization.ts";
import { createArticleFixture, useEditorialDatabase } from "./test-fixtures.ts";

const ctx = useEditorialDatabase();

async function draftWithTwoRevisions() {
  const created = await createArticle(ctx.db.prisma, ctx.cast.actors.writer, {
    title: "وزير الخارجية يزور موسكو",
    body: [{ type: "paragraph", text: "أعلنت وزارة الخارجية الروسية اليوم عن زيارة الوزير." }],
  });
  if (created.status !== "created") throw new Error(created.status);
  const saved = await saveLocalization(ctx.db.prisma, ctx.cast.actors.writer, {
    localizationId: created.localizationId,
    expectedVersion: created.version,
    title: "وزير الدفاع يزور موسكو",
    summary: null,
    slug: created.slug,
    body: [{ type: "paragraph", text: "أعلنت وزارة الدفاع الروسية أمس عن زيارة الوزير." }],
  });
  if (saved.status !== "saved") throw new Error(saved.status);
  return { ...created, version: saved.localization.version };
}

describe("createArticle", () => {
  it("starts an Arabic draft owned by its creator, with revision 1, a transition and an audit entry", async () => {
    const created = await createArticle(ctx.db.prisma, ctx.cast.actors.writer, { title: "خبر عاجل", body: [] });
    if (created.status !== "created") throw new Error(created.status);
    expect(created.slug).toBe("خبر-عاجل");
    const again = await createArticle(ctx.db.prisma, ctx.cast.actors.writer, { title: "خبر عاجل" });
    expect(again).toMatchObject({ status: "created", slug: "خبر-عاجل-2" });
    const localization = await ctx.db.prisma.articleLocalization.findUniqueOrThrow({
      where: { id: created.localizationId },
      include: { article: true, revisions: true, transitions: true },
    });
    expect(localization).toMatchObject({
      locale: "ar",
      status: "draft",
      title: "خبر عاجل",
      updatedById: ctx.cast.ids.writer,
    });
    expect(localization.article).toMatchObject({ originalLocale: "ar", createdById: ctx.cast.ids.writer });
    expect(localization.revisions).toEqual([
      expect.objectContaining({ number: 1, origin: "editor", authorId: ctx.cast.ids.writer }),
    ]);
    expect(localization.transitions).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: "draft", actorId: ctx.cast.ids.writer }),
    ]);
    expect(
      await ctx.db.prisma.auditLog.count({ where: { action: "article.create", entityId: String(created.articleId) } }),
    ).toBe(1);
    const taken = await createArticle(ctx.db.prisma, ctx.cast.actors.writer, { title: "آخر", slug: "خبر-عاجل" });
    expect(taken).toEqual({ status: "slug_taken", slug: "خبر-عاجل" });
  });
});

describe("revisions", () => {
  it("are listed newest first with their authors", async () => {
    const { localizationId } = await draftWithTwoRevisions();
    const revisions = await listRevisions(ctx.db.prisma, ctx.cast.actors.editor, { localizationId });
    expect(revisions.map((r) => [r.number, r.origin, r.author?.name])).toEqual([
      [2, "editor", "writer"],
      [1, "editor", "writer"],
    ]);
  });

  it("restoring one makes a new revision with its text, through the optimistic lock", async () => {
    const { localizationId, version } = await draftWithTwoRevisions();
    const first = await ctx.db.prisma.revision.findFirstOrThrow({ where: { localizationId, number: 1 } });
    const stale = await restoreRevision(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId,
      revisionId: first.id,
      expectedVersion: version - 1,
    });
    expect(stale.status).toBe("conflict");

    const restored = await restoreRevision(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId,
      revisionId: first.id,
      expectedVersion: version,
    });
    if (restored.status !== "saved") throw new Error(restored.status);
    expect(restored.revision.number).toBe(3);
    expect(restored.localization).toMatchObject({
      title: "وزير الخارجية يزور موسكو",
      version: version + 1,
      updatedBy: { name: "editor" },
    });
    const third = await ctx.db.prisma.revision.findFirstOrThrow({ where: { localizationId, number: 3 } });
    expect(third).toMatchObject({
      origin: "restore",
      authorId: ctx.cast.ids.editor,
      title: first.title,
      body: first.body,
    });
    expect(await ctx.db.prisma.revision.count({ where: { localizationId } })).toBe(3);
    expect(
      await ctx.db.prisma.auditLog.count({
        where: { action: "article.restore_revision", entityId: String(localizationId) },
      }),
    ).toBe(1);
  });

  it("diff word by word in Arabic", async () => {
    const { localizationId } = await draftWithTwoRevisions();
    const [one, two] = await ctx.db.prisma.revision.findMany({ where: { localizationId }, orderBy: { number: "asc" } });
    if (!one || !two) throw new Error("expected two revisions");
    const diff = await diffRevisions(ctx.db.prisma, ctx.cast.actors.translator, { from: one.id, to: two.id });
    const words = (kind: string) => diff.segments.filter((s) => s.kind === kind).map((s) => s.text.trim());
    expect(words("removed")).toEqual(["الخارجية", "الخارجية", "اليوم"]);
    expect(words("added")).toEqual(["الدفاع", "الدفاع", "أمس"]);
    expect(diff.segments.map((s) => s.text).join("")).toContain("وزير ");
    expect(diff.segments[0]).toEqual({ kind: "same", text: "وزير " });
  });

  it("cannot be diffed across localizations", async () => {
    const a = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const b = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const ra = await ctx.db.prisma.revision.findFirstOrThrow({ where: { localizationId: a.ar.id } });
    const rb = await ctx.db.prisma.revision.findFirstOrThrow({ where: { localizationId: b.ar.id } });
    await expect(
      diffRevisions(ctx.db.prisma, ctx.cast.actors.editor, { from: ra.id, to: rb.id }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("edit presence", () => {
  it("shows who else has the localization open, and forgets them after a minute of silence", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    expect(await markEditing(ctx.db.prisma, ctx.cast.actors.writer, { localizationId: ar.id })).toEqual([]);
    const seenByEditor = await markEditing(ctx.db.prisma, ctx.cast.actors.editor, { localizationId: ar.id });
    expect(seenByEditor.map((e) => e.name)).toEqual(["writer"]);
    expect(
      (await listEditors(ctx.db.prisma, ctx.cast.actors.writer, { localizationId: ar.id })).map((e) => e.name),
    ).toEqual(["editor"]);

    await ctx.db.prisma.editPresence.updateMany({
      where: { localizationId: ar.id, userId: ctx.cast.ids.writer },
      data: { lastSeenAt: new Date(Date.now() - PRESENCE_TTL_MS - 1000) },
    });
    expect(await listEditors(ctx.db.prisma, ctx.cast.actors.editor, { localizationId: ar.id })).toEqual([]);
    expect(await ctx.db.prisma.editPresence.count({ where: { localizationId: ar.id } })).toBe(2);
  });
});
