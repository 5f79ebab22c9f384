// Changes to published texts: readers keep the live text until the changes are published, marked or not.
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../permissions.ts";
import { restoreRevision } from "./restore-revision.ts";
import { publishDueChanges, unpublishDue } from "./due-changes.ts";
import { InvalidInputError, StaleVersionError } from "./errors.ts";
import { moveArticle } from "./move-article.ts";
import { openArticle } from "./open-article.ts";
import {
  discardChanges,
  publishChanges,
  returnChanges,
  schedulePendingChanges,
  setUnpublishAt,
  submitChanges,
} from "./pending-changes.ts";
import { saveLocalization } from "./save-localization.ts";
import { createArticleFixture, useEditorialDatabase } from "./test-fixtures.ts";
import { listArticlesForAdmin } from "../queries/admin-articles.ts";

const ctx = useEditorialDatabase();
const text = (value: string) => [{ type: "paragraph" as const, text: value }];

async function published(ownerId: number | null = ctx.cast.ids.writer) {
  const fixture = await createArticleFixture(ctx.db.prisma, {
    ownerId,
    status: "published",
    title: "العنوان المنشور",
    publishedAt: new Date("2026-12-01T10:00:00Z"),
    body: text("النص المنشور القديم."),
  });
  return fixture.ar;
}

const stored = (id: number) => ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id } });

async function edit(id: number, version: number, body: string, actor = ctx.cast.actors.editor) {
  const row = await stored(id);
  const result = await saveLocalization(ctx.db.prisma, actor, {
    localizationId: id,
    expectedVersion: version,
    title: "العنوان المصحح",
    summary: null,
    slug: row.pendingSlug ?? row.slug,
    body: text(body),
  });
  if (result.status !== "saved") throw new Error(`not saved: ${result.status}`);
  return result;
}

describe("editing a published text", () => {
  it("keeps the live text and writes pending changes, shown to the editor with a word diff", async () => {
    const ar = await published();
    const saved = await edit(ar.id, ar.version, "النص المنشور الجديد.");
    expect(saved.affectsPublicSite).toBe(false);
    expect(saved.localization.title).toBe("العنوان المصحح");
    expect(saved.localization.pending?.live.title).toBe("العنوان المنشور");

    const row = await stored(ar.id);
    expect(row.title).toBe("العنوان المنشور");
    expect(row.body).toEqual([expect.objectContaining({ text: "النص المنشور القديم." })]);
    expect(row.pendingTitle).toBe("العنوان المصحح");
    expect(row.pendingSince).not.toBeNull();
    const revision = await ctx.db.prisma.revision.findFirstOrThrow({
      where: { localizationId: ar.id },
      orderBy: { number: "desc" },
    });
    expect(revision.applied).toBe(false);

    const view = await openArticle(ctx.db.prisma, ctx.cast.actors.editor, { articleId: row.articleId, locale: "ar" });
    expect(view.localization?.body[0]?.text).toBe("النص المنشور الجديد.");
    expect(view.pendingDiff).toEqual(
      expect.arrayContaining([
        { kind: "removed", text: expect.stringContaining("القديم") },
        { kind: "added", text: expect.stringContaining("الجديد") },
      ]),
    );
    expect(view.access.changes).toMatchObject({ publish: true, discard: true, submit: false });
  });

  it("keeps conflicts on the pending text: a stale save gets the other pending change back", async () => {
    const ar = await published();
    const first = await edit(ar.id, ar.version, "تعديل أول.");
    const stale = await saveLocalization(ctx.db.prisma, ctx.cast.actors.admin, {
      localizationId: ar.id,
      expectedVersion: ar.version,
      title: "آخر",
      summary: null,
      body: text("تعديل آخر."),
    });
    expect(stale).toMatchObject({ status: "conflict", current: { version: first.localization.version } });
    if (stale.status !== "conflict") return;
    expect(stale.current.body[0]?.text).toBe("تعديل أول.");
  });

  it("restores an earlier revision into the pending changes, not the live text", async () => {
    const ar = await published();
    const saved = await edit(ar.id, ar.version, "تعديل.");
    const first = await ctx.db.prisma.revision.findFirstOrThrow({ where: { localizationId: ar.id, number: 1 } });
    const restored = await restoreRevision(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      revisionId: first.id,
      expectedVersion: saved.localization.version,
    });
    expect(restored.status).toBe("saved");
    const row = await stored(ar.id);
    expect(row.pendingBody).toEqual([expect.objectContaining({ text: "النص المنشور القديم." })]);
    expect(row.title).toBe("العنوان المنشور");
  });
});

describe("publishing changes", () => {
  it("makes them live in one step, with a correction note readers will see", async () => {
    const ar = await published();
    const saved = await edit(ar.id, ar.version, "النص المصحح.");
    const result = await publishChanges(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      expectedVersion: saved.localization.version,
      mark: "correction",
      note: "صُحّح اسم الوزير.",
    });
    expect(result.affectsPublicSite).toBe(true);
    const row = await stored(ar.id);
    expect(row).toMatchObject({ title: "العنوان المصحح", pendingSince: null, pendingTitle: null, pendingBody: null });
    expect(row.body).toEqual([expect.objectContaining({ text: "النص المصحح." })]);
    expect(row.revisedAt).not.toBeNull();
    expect(row.publishedAt).toEqual(new Date("2026-12-01T10:00:00Z"));
    const corrections = await ctx.db.prisma.articleCorrection.findMany({ where: { localizationId: ar.id } });
    expect(corrections).toEqual([expect.objectContaining({ kind: "correction", note: "صُحّح اسم الوزير." })]);
    expect(await ctx.db.prisma.revision.count({ where: { localizationId: ar.id, applied: false } })).toBe(0);
    expect(
      await ctx.db.prisma.auditLog.count({ where: { action: "article.publish_changes", entityId: String(ar.id) } }),
    ).toBe(1);
  });

  it("publishes a minor fix without a mark, and refuses a correction without a note", async () => {
    const ar = await published();
    const saved = await edit(ar.id, ar.version, "تصحيح خطأ مطبعي.");
    const base = { localizationId: ar.id, expectedVersion: saved.localization.version };
    await expect(
      publishChanges(ctx.db.prisma, ctx.cast.actors.editor, { ...base, mark: "correction" }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await publishChanges(ctx.db.prisma, ctx.cast.actors.editor, base);
    expect(await ctx.db.prisma.articleCorrection.count({ where: { localizationId: ar.id } })).toBe(0);
    expect((await stored(ar.id)).revisedAt).not.toBeNull();
  });

  it("refuses a stale version and a text without pending changes", async () => {
    const ar = await published();
    await expect(
      publishChanges(ctx.db.prisma, ctx.cast.actors.editor, { localizationId: ar.id, expectedVersion: ar.version }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await edit(ar.id, ar.version, "تعديل.");
    await expect(
      publishChanges(ctx.db.prisma, ctx.cast.actors.editor, { localizationId: ar.id, expectedVersion: ar.version }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect((await stored(ar.id)).title).toBe("العنوان المنشور");
  });

  it("lets a writer change their own published story but not publish it: it goes to review", async () => {
    const ar = await published(ctx.cast.ids.writer);
    const saved = await edit(ar.id, ar.version, "تعديل الكاتب.", ctx.cast.actors.writer);
    await expect(
      publishChanges(ctx.db.prisma, ctx.cast.actors.writer, {
        localizationId: ar.id,
        expectedVersion: saved.localization.version,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const submitted = await submitChanges(ctx.db.prisma, ctx.cast.actors.writer, {
      localizationId: ar.id,
      expectedVersion: saved.localization.version,
    });
    // Sent to review, the text is the reviewers' until they return it.
    await expect(edit(ar.id, submitted.version, "مرة أخرى.", ctx.cast.actors.writer)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const returned = await returnChanges(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      expectedVersion: submitted.version,
    });
    const again = await edit(ar.id, returned.version, "مرة أخرى.", ctx.cast.actors.writer);
    await publishChanges(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      expectedVersion: again.localization.version,
      mark: "update",
    });
    expect((await stored(ar.id)).body).toEqual([expect.objectContaining({ text: "مرة أخرى." })]);
  });

  it("does not let another writer touch someone else's published story", async () => {
    const ar = await published(ctx.cast.ids.writer);
    await expect(edit(ar.id, ar.version, "لا.", ctx.cast.actors.otherWriter)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("discarding changes", () => {
  it("drops them: the editor shows the live text again", async () => {
    const ar = await published();
    const saved = await edit(ar.id, ar.version, "سأتراجع.");
    await discardChanges(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      expectedVersion: saved.localization.version,
    });
    const row = await stored(ar.id);
    expect(row.pendingSince).toBeNull();
    const view = await openArticle(ctx.db.prisma, ctx.cast.actors.editor, { articleId: row.articleId, locale: "ar" });
    expect(view.localization?.title).toBe("العنوان المنشور");
    expect(view.pendingDiff).toBeNull();
  });

  it("is refused to a translator on an original", async () => {
    const ar = await published();
    const saved = await edit(ar.id, ar.version, "تعديل.");
    await expect(
      discardChanges(ctx.db.prisma, ctx.cast.actors.translator, {
        localizationId: ar.id,
        expectedVersion: saved.localization.version,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the scheduler", () => {
  it("publishes scheduled changes once, with their mark, also with two schedulers at once", async () => {
    const ar = await published();
    const saved = await edit(ar.id, ar.version, "تحديث مجدول.");
    const at = new Date(Date.now() + 60_000);
    await schedulePendingChanges(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      expectedVersion: saved.localization.version,
      at,
      mark: "update",
    });
    expect(await publishDueChanges(ctx.db.prisma, new Date())).toEqual([]);
    const later = new Date(at.getTime() + 1000);
    const [a, b] = await Promise.all([publishDueChanges(ctx.db.prisma, later), publishDueChanges(ctx.second, later)]);
    expect(a.length + b.length).toBe(1);
    const row = await stored(ar.id);
    expect(row.title).toBe("العنوان المصحح");
    expect(row.pendingSince).toBeNull();
    expect(await ctx.db.prisma.articleCorrection.count({ where: { localizationId: ar.id, kind: "update" } })).toBe(1);
  });

  it("takes a text down at its time, once, and refuses a time in the past", async () => {
    const ar = await published();
    await expect(
      setUnpublishAt(ctx.db.prisma, ctx.cast.actors.editor, {
        localizationId: ar.id,
        expectedVersion: ar.version,
        at: new Date(Date.now() - 1000),
      }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      setUnpublishAt(ctx.db.prisma, ctx.cast.actors.writer, {
        localizationId: ar.id,
        expectedVersion: ar.version,
        at: new Date(Date.now() + 60_000),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const at = new Date(Date.now() + 60_000);
    await setUnpublishAt(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      expectedVersion: ar.version,
      at,
    });
    expect(await unpublishDue(ctx.db.prisma, new Date())).toEqual([]);
    const later = new Date(at.getTime() + 1000);
    const [a, b] = await Promise.all([unpublishDue(ctx.db.prisma, later), unpublishDue(ctx.second, later)]);
    expect(a.length + b.length).toBe(1);
    const row = await stored(ar.id);
    expect(row).toMatchObject({ status: "unpublished", unpublishAt: null });
    expect(
      await ctx.db.prisma.workflowTransition.count({
        where: { localizationId: ar.id, action: "article.unpublish_scheduled" },
      }),
    ).toBe(1);
  });

  it("folds pending changes into the text when it is unpublished by hand", async () => {
    const ar = await published();
    const saved = await edit(ar.id, ar.version, "نص لم يُنشر بعد.");
    await moveArticle(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      to: "unpublished",
      expectedVersion: saved.localization.version,
    });
    const row = await stored(ar.id);
    expect(row).toMatchObject({ status: "unpublished", title: "العنوان المصحح", pendingSince: null });
  });
});

describe("the article list", () => {
  it("filters published texts with unpublished changes, and only those", async () => {
    const changed = await published();
    const untouched = await published();
    await edit(changed.id, changed.version, "تعديل ينتظر النشر.");
    const list = await listArticlesForAdmin(ctx.db.prisma, ctx.cast.actors.editor, { changes: "pending" });
    const ids = list.rows.map((row) => row.localizationId);
    expect(ids).toContain(changed.id);
    expect(ids).not.toContain(untouched.id);
  });
});
