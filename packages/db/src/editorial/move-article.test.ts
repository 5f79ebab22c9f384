// The workflow against a real database: the move table, blocking warnings, publication dates, history and audit.
import { describe, expect, it } from "vitest";
import { BlockedByWarningsError, InvalidInputError, InvalidMoveError, StaleVersionError } from "./errors.ts";
import { addReviewComment } from "./add-review-comment.ts";
import { listWorkflowHistory } from "./list-workflow-history.ts";
import { moveArticle } from "./move-article.ts";
import { saveLocalization } from "./save-localization.ts";
import { allowedMoves } from "./workflow.ts";
import { loadLocalization } from "./load-localization.ts";
import { createArticleFixture, snapshotEditorialTables, useEditorialDatabase } from "./test-fixtures.ts";

const ctx = useEditorialDatabase();

describe("a draft imported without a title", () => {
  it("cannot be approved or published until a title is saved, then keeps the wire's date", async () => {
    const wireDate = new Date("2021-08-19T12:00:00Z");
    const { ar } = await createArticleFixture(ctx.db.prisma, {
      ownerId: null,
      title: null,
      publishedAt: wireDate,
      warnings: [{ code: "missing_title", message: "no title line" }],
    });
    const editor = ctx.cast.actors.editor;
    const submitted = await moveArticle(ctx.db.prisma, editor, {
      localizationId: ar.id,
      to: "in_review",
      expectedVersion: ar.version,
    });

    const before = await snapshotEditorialTables(ctx.db.prisma);
    const refusal = moveArticle(ctx.db.prisma, editor, {
      localizationId: ar.id,
      to: "approved",
      expectedVersion: submitted.version,
    });
    await expect(refusal).rejects.toBeInstanceOf(BlockedByWarningsError);
    await expect(refusal).rejects.toMatchObject({ codes: ["missing_title"] });
    expect(await snapshotEditorialTables(ctx.db.prisma)).toEqual(before);

    const saved = await saveLocalization(ctx.db.prisma, editor, {
      localizationId: ar.id,
      expectedVersion: submitted.version,
      title: "بوتين يستقبل ضيفه",
      summary: null,
      slug: "بوتين-يستقبل-ضيفه",
      body: [{ type: "paragraph", text: "نص." }],
    });
    if (saved.status !== "saved") throw new Error(saved.status);
    const approved = await moveArticle(ctx.db.prisma, editor, {
      localizationId: ar.id,
      to: "approved",
      expectedVersion: saved.localization.version,
    });
    const published = await moveArticle(ctx.db.prisma, editor, {
      localizationId: ar.id,
      to: "published",
      expectedVersion: approved.version,
    });
    expect(published).toMatchObject({
      from: "approved",
      to: "published",
      publishedAt: wireDate,
      affectsPublicSite: true,
      slug: "بوتين-يستقبل-ضيفه",
    });
    const stored = await ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: ar.id } });
    expect(stored).toMatchObject({ status: "published", publishedAt: wireDate, warnings: [] });
  });

  it("already approved (by an older system) still cannot be published", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, {
      ownerId: null,
      status: "approved",
      title: null,
      warnings: [
        { code: "missing_title", message: "" },
        { code: "missing_date", message: "" },
      ],
    });
    await expect(
      moveArticle(ctx.db.prisma, ctx.cast.actors.admin, {
        localizationId: ar.id,
        to: "published",
        expectedVersion: ar.version,
      }),
    ).rejects.toMatchObject({ code: "blocked", codes: ["missing_title", "missing_date"] });
  });
});

describe("moves", () => {
  it("outside the table are refused even to an admin", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const before = await snapshotEditorialTables(ctx.db.prisma);
    await expect(
      moveArticle(ctx.db.prisma, ctx.cast.actors.admin, {
        localizationId: ar.id,
        to: "published",
        expectedVersion: ar.version,
      }),
    ).rejects.toBeInstanceOf(InvalidMoveError);
    expect(await snapshotEditorialTables(ctx.db.prisma)).toEqual(before);
  });

  it("from a stale version are refused", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    await moveArticle(ctx.db.prisma, ctx.cast.actors.writer, {
      localizationId: ar.id,
      to: "in_review",
      expectedVersion: ar.version,
    });
    await expect(
      moveArticle(ctx.db.prisma, ctx.cast.actors.editor, {
        localizationId: ar.id,
        to: "approved",
        expectedVersion: ar.version,
      }),
    ).rejects.toBeInstanceOf(StaleVersionError);
  });

  it("into scheduled need a time in the future", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer, status: "approved" });
    await expect(
      moveArticle(ctx.db.prisma, ctx.cast.actors.editor, {
        localizationId: ar.id,
        to: "scheduled",
        expectedVersion: ar.version,
        scheduledAt: new Date(Date.now() - 1000),
      }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      moveArticle(ctx.db.prisma, ctx.cast.actors.editor, {
        localizationId: ar.id,
        to: "scheduled",
        expectedVersion: ar.version,
      }),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("date a first publication now and keep that date when republished", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer, status: "approved" });
    const editor = ctx.cast.actors.editor;
    const start = Date.now();
    const published = await moveArticle(ctx.db.prisma, editor, {
      localizationId: ar.id,
      to: "published",
      expectedVersion: ar.version,
    });
    expect(published.publishedAt?.getTime()).toBeGreaterThanOrEqual(start - 5);
    const unpublished = await moveArticle(ctx.db.prisma, editor, {
      localizationId: ar.id,
      to: "unpublished",
      expectedVersion: published.version,
    });
    expect(unpublished.affectsPublicSite).toBe(true);
    const again = await moveArticle(ctx.db.prisma, editor, {
      localizationId: ar.id,
      to: "published",
      expectedVersion: unpublished.version,
    });
    expect(again.publishedAt).toEqual(published.publishedAt);
  });

  it("are recorded as transitions and audit entries, and listed with comments in order", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const submitted = await moveArticle(ctx.db.prisma, ctx.cast.actors.writer, {
      localizationId: ar.id,
      to: "in_review",
      expectedVersion: ar.version,
      comment: "جاهز",
    });
    await addReviewComment(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      body: "الفقرة الثانية طويلة",
    });
    await moveArticle(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      to: "draft",
      expectedVersion: submitted.version,
      comment: "عد إليه",
    });

    const history = await listWorkflowHistory(ctx.db.prisma, ctx.cast.actors.writer, { localizationId: ar.id });
    expect(
      history.map((entry) =>
        entry.kind === "move" ? `${entry.from}>${entry.to} ${entry.actor?.name}` : `comment ${entry.actor?.name}`,
      ),
    ).toEqual(["draft>in_review writer", "comment editor", "in_review>draft editor"]);
    const audit = await ctx.db.prisma.auditLog.findMany({
      where: { entityType: "article_localization", entityId: String(ar.id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((row) => [row.action, row.actorId])).toEqual([
      ["article.submit", ctx.cast.ids.writer],
      ["article.return", ctx.cast.ids.editor],
    ]);
    expect(audit[0]?.data).toMatchObject({ from: "draft", to: "in_review", comment: "جاهز", locale: "ar" });
  });

  it("offered as buttons follow the same rules", async () => {
    const { ar, ru } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const target = await loadLocalization(ctx.db.prisma, ar.id);
    const translation = await loadLocalization(ctx.db.prisma, ru.id);
    const names = (moves: { to: string }[]) => moves.map((m) => m.to);
    expect(names(allowedMoves(ctx.cast.actors.writer, target))).toEqual(["in_review"]);
    expect(names(allowedMoves(ctx.cast.actors.otherWriter, target))).toEqual([]);
    expect(names(allowedMoves(ctx.cast.actors.translator, target))).toEqual([]);
    expect(names(allowedMoves(ctx.cast.actors.translator, translation))).toEqual(["in_review"]);
    expect(names(allowedMoves(ctx.cast.actors.editor, target))).toEqual(["in_review", "archived"]);
    expect(names(allowedMoves(null, target))).toEqual([]);
  });
});
