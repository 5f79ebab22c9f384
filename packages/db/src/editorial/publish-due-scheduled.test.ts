// The scheduler's publishing step: on time and not before, once however often or concurrently it runs.
import { describe, expect, it } from "vitest";
import { moveArticle } from "./move-article.ts";
import { publishDueScheduled } from "./publish-due-scheduled.ts";
import { saveLocalization } from "./save-localization.ts";
import { createArticleFixture, useEditorialDatabase } from "./test-fixtures.ts";

const ctx = useEditorialDatabase();

async function scheduleOne(at: Date) {
  const fixture = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer, status: "approved" });
  const moved = await moveArticle(ctx.db.prisma, ctx.cast.actors.editor, {
    localizationId: fixture.ar.id,
    to: "scheduled",
    expectedVersion: fixture.ar.version,
    scheduledAt: at,
  });
  return { ...fixture, version: moved.version };
}

describe("publishDueScheduled", () => {
  it("publishes a scheduled localization once its time has passed, not before, and only once", async () => {
    const at = new Date(Date.now() + 60 * 60_000);
    const { articleId, ar } = await scheduleOne(at);

    expect(await publishDueScheduled(ctx.db.prisma, new Date(at.getTime() - 1000))).toEqual([]);
    expect((await ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: ar.id } })).status).toBe(
      "scheduled",
    );

    const published = await publishDueScheduled(ctx.db.prisma, new Date(at.getTime() + 1000));
    expect(published).toEqual([{ articleId, localizationId: ar.id, locale: "ar", slug: expect.any(String) }]);
    const stored = await ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: ar.id } });
    expect(stored).toMatchObject({ status: "published", publishedAt: at, scheduledAt: null });

    expect(await publishDueScheduled(ctx.db.prisma, new Date(at.getTime() + 2000))).toEqual([]);
    const transitions = await ctx.db.prisma.workflowTransition.findMany({
      where: { localizationId: ar.id, toStatus: "published" },
    });
    expect(transitions).toEqual([expect.objectContaining({ fromStatus: "scheduled", actorId: null })]);
    const audit = await ctx.db.prisma.auditLog.findMany({
      where: { action: "article.publish_scheduled", entityId: String(ar.id) },
    });
    expect(audit).toEqual([expect.objectContaining({ actorId: null, entityType: "article_localization" })]);
  });

  it("publishes each due localization once when two schedulers run at the same moment", async () => {
    const at = new Date(Date.now() + 2 * 60 * 60_000);
    const due = await Promise.all([scheduleOne(at), scheduleOne(at), scheduleOne(at)]);
    const later = new Date(at.getTime() + 1000);
    const [a, b] = await Promise.all([
      publishDueScheduled(ctx.db.prisma, later),
      publishDueScheduled(ctx.second, later),
    ]);
    const ids = [...a, ...b].map((row) => row.localizationId).sort((x, y) => x - y);
    expect(ids).toEqual(due.map((d) => d.ar.id).sort((x, y) => x - y));
    const transitions = await ctx.db.prisma.workflowTransition.count({
      where: { localizationId: { in: ids }, fromStatus: "scheduled", toStatus: "published" },
    });
    expect(transitions).toBe(3);
  });

  it("leaves a scheduled localization whose title was cleared for an editor to look at", async () => {
    const at = new Date(Date.now() + 3 * 60 * 60_000);
    const { ar, version } = await scheduleOne(at);
    const cleared = await saveLocalization(ctx.db.prisma, ctx.cast.actors.editor, {
      localizationId: ar.id,
      expectedVersion: version,
      title: "",
      summary: null,
      slug: `cleared-${ar.id}`,
      body: [],
    });
    expect(cleared.status).toBe("saved");
    expect(await publishDueScheduled(ctx.db.prisma, new Date(at.getTime() + 1000))).toEqual([]);
    expect((await ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: ar.id } })).status).toBe(
      "scheduled",
    );
  });

  it("judges stored warnings as the workflow does: resolved ones do not hold a localization back, open ones do", async () => {
    const at = new Date(Date.now() + 4 * 60 * 60_000);
    const scheduled = { ownerId: ctx.cast.ids.writer, status: "scheduled" as const, scheduledAt: at };
    // Written directly: an import applied over a scheduled article can leave such warnings behind.
    const resolved = await createArticleFixture(ctx.db.prisma, {
      ...scheduled,
      warnings: [{ code: "missing_title", message: "" }],
    });
    const open = await createArticleFixture(ctx.db.prisma, {
      ...scheduled,
      warnings: [{ code: "missing_date", message: "" }],
    });
    const published = await publishDueScheduled(ctx.db.prisma, new Date(at.getTime() + 1000));
    expect(published.map((row) => row.localizationId)).toEqual([resolved.ar.id]);
    expect((await ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: open.ar.id } })).status).toBe(
      "scheduled",
    );
  });
});
