// An author withdrawing a submission before it is approved, and a restore named in the revision list and history.
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../permissions.ts";
import { listRevisions } from "./list-revisions.ts";
import { listWorkflowHistory } from "./list-workflow-history.ts";
import { loadLocalization } from "./load-localization.ts";
import { moveArticle } from "./move-article.ts";
import { restoreRevision } from "./restore-revision.ts";
import { saveLocalization } from "./save-localization.ts";
import { allowedMoves } from "./workflow.ts";
import { createArticleFixture, snapshotEditorialTables, useEditorialDatabase } from "./test-fixtures.ts";

const ctx = useEditorialDatabase();

async function submittedByWriter() {
  const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
  const submitted = await moveArticle(ctx.db.prisma, ctx.cast.actors.writer, {
    localizationId: ar.id,
    to: "in_review",
    expectedVersion: ar.version,
  });
  return { id: ar.id, version: submitted.version };
}

describe("withdrawing a submission", () => {
  it("lets the author take it back to draft, recorded in the history and the audit log as a withdrawal", async () => {
    const ar = await submittedByWriter();
    const target = await loadLocalization(ctx.db.prisma, ar.id);
    expect(allowedMoves(ctx.cast.actors.writer, target).map((m) => [m.to, m.action])).toEqual([
      ["draft", "article.withdraw"],
    ]);

    const withdrawn = await moveArticle(ctx.db.prisma, ctx.cast.actors.writer, {
      localizationId: ar.id,
      to: "draft",
      expectedVersion: ar.version,
      comment: "خطأ مطبعي",
    });
    expect(withdrawn).toMatchObject({ from: "in_review", to: "draft" });

    const history = await listWorkflowHistory(ctx.db.prisma, ctx.cast.actors.writer, { localizationId: ar.id });
    expect(history.filter((entry) => entry.kind === "move").map((entry) => [entry.action, entry.actor?.name])).toEqual([
      ["article.submit", "writer"],
      ["article.withdraw", "writer"],
    ]);
    const audit = await ctx.db.prisma.auditLog.findFirstOrThrow({
      where: { entityType: "article_localization", entityId: String(ar.id) },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ action: "article.withdraw", actorId: ctx.cast.ids.writer });
    // Back in draft, the author may edit again.
    expect((await loadLocalization(ctx.db.prisma, ar.id)).status).toBe("draft");
  });

  it("is refused to another writer, and offers them nothing", async () => {
    const ar = await submittedByWriter();
    const target = await loadLocalization(ctx.db.prisma, ar.id);
    expect(allowedMoves(ctx.cast.actors.otherWriter, target)).toEqual([]);
    const before = await snapshotEditorialTables(ctx.db.prisma);
    await expect(
      moveArticle(ctx.db.prisma, ctx.cast.actors.otherWriter, {
        localizationId: ar.id,
        to: "draft",
        expectedVersion: ar.version,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshotEditorialTables(ctx.db.prisma)).toEqual(before);
  });

  it("is over once someone approves it", async () => {
    const ar = await submittedByWriter();
    const approved = await moveArticle(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      to: "approved",
      expectedVersion: ar.version,
    });
    const target = await loadLocalization(ctx.db.prisma, ar.id);
    expect(allowedMoves(ctx.cast.actors.writer, target)).toEqual([]);
    await expect(
      moveArticle(ctx.db.prisma, ctx.cast.actors.writer, {
        localizationId: ar.id,
        to: "draft",
        expectedVersion: approved.version,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("leaves a reviewer's move a return, with one button to draft", async () => {
    const ar = await submittedByWriter();
    const target = await loadLocalization(ctx.db.prisma, ar.id);
    expect(allowedMoves(ctx.cast.actors.editor, target).map((m) => [m.to, m.action])).toEqual([
      ["approved", "article.approve"],
      ["draft", "article.return"],
    ]);
    await moveArticle(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      to: "draft",
      expectedVersion: ar.version,
    });
    const history = await listWorkflowHistory(ctx.db.prisma, ctx.cast.actors.editor, { localizationId: ar.id });
    expect(history.at(-1)).toMatchObject({ kind: "move", action: "article.return", actor: { name: "editor" } });
  });
});

describe("a restore", () => {
  it("names the revision it brought back, in the revision list and in the history", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const saved = await saveLocalization(ctx.db.prisma, ctx.cast.actors.writer, {
      localizationId: ar.id,
      expectedVersion: ar.version,
      title: "عنوان ثان",
      summary: null,
      slug: "عنوان-ثان",
      body: [{ type: "paragraph", text: "نص ثان." }],
    });
    if (saved.status !== "saved") throw new Error(saved.status);
    const first = (await listRevisions(ctx.db.prisma, ctx.cast.actors.writer, { localizationId: ar.id })).at(-1);
    if (!first) throw new Error("no first revision");
    const restored = await restoreRevision(ctx.db.prisma, ctx.cast.actors.writer, {
      localizationId: ar.id,
      revisionId: first.id,
      expectedVersion: saved.localization.version,
    });
    if (restored.status !== "saved") throw new Error(restored.status);

    const revisions = await listRevisions(ctx.db.prisma, ctx.cast.actors.writer, { localizationId: ar.id });
    expect(revisions.map((r) => [r.number, r.origin, r.restoredFromNumber])).toEqual([
      [3, "restore", 1],
      [2, "editor", null],
      [1, "import", null],
    ]);
    const history = await listWorkflowHistory(ctx.db.prisma, ctx.cast.actors.writer, { localizationId: ar.id });
    expect(history).toEqual([
      expect.objectContaining({
        kind: "restore",
        number: 3,
        restoredFromNumber: 1,
        actor: expect.objectContaining({ name: "writer" }),
      }),
    ]);
  });
});
