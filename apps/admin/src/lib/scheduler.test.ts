// The scheduler tick on a real PostgreSQL: due articles go live once, with history and audit; others wait.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@minbar/db/client";
import { createTestDatabase, type TestDatabase } from "@minbar/db/testing";
import { startSite } from "@minbar/site-signal/testing";
import { findNearSpellings } from "@minbar/db/public";
import { resendDueSiteSignals, revalidatePublicSite } from "./revalidate-public-site.ts";
import { runSchedulerTick, startSchedulerLoop, type TickReport } from "./scheduler.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const quiet = { info: () => {}, error: () => {} };

/** An article whose Arabic original is scheduled for `at`, written directly as an editor's "schedule" leaves it. */
async function createScheduledArticle(prisma: PrismaClient, name: string, at: Date) {
  const body = [{ type: "paragraph", text: `نص ${name}.` }];
  const article = await prisma.article.create({
    data: {
      localizations: {
        create: {
          locale: "ar",
          title: `خبر ${name}`,
          slug: `scheduled-${name}`,
          body,
          status: "scheduled",
          scheduledAt: at,
          revisions: { create: { number: 1, title: `خبر ${name}`, slug: `scheduled-${name}`, body, origin: "import" } },
        },
      },
    },
    include: { localizations: true },
  });
  const localization = article.localizations[0];
  if (!localization) throw new Error("the article was created without its localization");
  return { articleId: article.id, localizationId: localization.id };
}

describe("runSchedulerTick", () => {
  it("makes a due front-page arrangement live and tells the site about that edition's front page only", async () => {
    const now = new Date();
    await db.prisma.frontPageArrangement.create({
      data: {
        locale: "ru",
        kind: "scheduled",
        goLiveAt: new Date(now.getTime() - 1_000),
        layout: { lead: null, top: [], sections: [] },
      },
    });
    await db.prisma.frontPageArrangement.create({
      data: {
        locale: "en",
        kind: "scheduled",
        goLiveAt: new Date(now.getTime() + 60 * 60_000),
        layout: { lead: null, top: [], sections: [] },
      },
    });
    const signalled: string[][] = [];
    const tick = () =>
      runSchedulerTick({
        prisma: db.prisma,
        now,
        revalidate: async () => true,
        revalidateFrontPages: async (locales) => signalled.push(locales),
        log: quiet,
      });
    await tick();
    expect(signalled).toEqual([["ru"]]);
    expect(await db.prisma.frontPageArrangement.count({ where: { locale: "ru", kind: "live" } })).toBe(1);
    expect(await db.prisma.frontPageArrangement.count({ where: { locale: "en", kind: "live" } })).toBe(0);
    // Nothing more is due: no second signal.
    await tick();
    expect(signalled).toEqual([["ru"]]);
    await db.prisma.frontPageArrangement.deleteMany({});
  });

  it("publishes what is due, revalidates exactly those articles, leaves the future alone, and repeats nothing", async () => {
    const now = new Date();
    const due = await createScheduledArticle(db.prisma, "due", new Date(now.getTime() - 60_000));
    const future = await createScheduledArticle(db.prisma, "future", new Date(now.getTime() + 60 * 60_000));
    const revalidated: number[] = [];
    const revalidate = async (articleIds: number[]) => {
      revalidated.push(...articleIds);
      return true;
    };

    const reports: TickReport[] = [];
    const published = await runSchedulerTick({
      prisma: db.prisma,
      now,
      revalidate,
      log: quiet,
      report: (done) => reports.push(done),
    });
    expect(reports).toEqual([{ published: 1, changed: 0, takenDown: 0, frontPages: 0 }]);

    expect(published.map((row) => row.localizationId)).toEqual([due.localizationId]);
    expect(revalidated).toEqual([due.articleId]);
    const live = await db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: due.localizationId } });
    expect(live).toMatchObject({ status: "published", scheduledAt: null });
    expect(live.publishedAt).toBeInstanceOf(Date);
    expect(await db.prisma.workflowTransition.findMany({ where: { localizationId: due.localizationId } })).toEqual([
      expect.objectContaining({ fromStatus: "scheduled", toStatus: "published", actorId: null }),
    ]);
    expect(
      await db.prisma.auditLog.findMany({
        where: { action: "article.publish_scheduled", entityId: String(due.localizationId) },
      }),
    ).toEqual([expect.objectContaining({ actorId: null, entityType: "article_localization" })]);

    const waiting = await db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: future.localizationId } });
    expect(waiting).toMatchObject({ status: "scheduled", publishedAt: null });
    expect(await db.prisma.workflowTransition.count({ where: { localizationId: future.localizationId } })).toBe(0);

    // The next tick finds nothing more to do.
    const again = await runSchedulerTick({
      prisma: db.prisma,
      now: new Date(now.getTime() + 15_000),
      revalidate,
      log: quiet,
      report: (done) => reports.push(done),
    });
    expect(again).toEqual([]);
    expect(reports[1]).toEqual({ published: 0, changed: 0, takenDown: 0, frontPages: 0 });
    expect(revalidated).toEqual([due.articleId]);
    expect(await db.prisma.workflowTransition.count({ where: { localizationId: due.localizationId } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: "article.publish_scheduled" } })).toBe(1);
  });

  it("keeps the publication when the public site cannot be told", async () => {
    const now = new Date();
    const due = await createScheduledArticle(db.prisma, "unreachable-site", new Date(now.getTime() - 1_000));
    const published = await runSchedulerTick({
      prisma: db.prisma,
      now,
      revalidate: () => Promise.reject(new Error("connection refused")),
      log: quiet,
    });
    expect(published.map((row) => row.articleId)).toEqual([due.articleId]);
    expect((await db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: due.localizationId } })).status).toBe(
      "published",
    );
  });

  it("a signal the public site did not confirm is sent again by a later tick, until the site confirms it", async () => {
    // The site is down for the first request (503) and back for the next.
    const site = await startSite((n) => ({ status: n === 1 ? 503 : 200 }));
    const target = { siteUrl: site.siteUrl, secret: "test-revalidate-secret-0123456789" };
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    const tick = (now: Date) =>
      runSchedulerTick({
        prisma: db.prisma,
        now,
        revalidate: (articleIds) => revalidatePublicSite(articleIds, { prisma: db.prisma, target, log }),
        resend: () => resendDueSiteSignals({ prisma: db.prisma, now, target, log }),
        log,
      });
    const start = new Date();
    const due = await createScheduledArticle(db.prisma, "site-down", new Date(start.getTime() - 1_000));
    const sent = () =>
      site.received.map((request) => (JSON.parse(request.body) as { articleIds: number[] }).articleIds);

    await tick(start);
    expect(sent()).toEqual([[due.articleId]]);
    expect(await db.prisma.pendingSiteSignal.findMany({ select: { articleId: true, attempts: true } })).toEqual([
      { articleId: due.articleId, attempts: 1 },
    ]);
    // A tick before the retry is due sends nothing; the one after sends it again, and the site confirms.
    await tick(new Date(start.getTime() + 5_000));
    expect(sent()).toHaveLength(1);
    await tick(new Date(start.getTime() + 20_000));
    expect(sent()).toEqual([[due.articleId], [due.articleId]]);
    expect(await db.prisma.pendingSiteSignal.count()).toBe(0);
  });

  it("counts the words of a text that went live, so search can offer them as near spellings", async () => {
    const now = new Date();
    const due = await createScheduledArticle(db.prisma, "lexicon", new Date(now.getTime() - 60_000));
    await db.prisma.articleLocalization.update({
      where: { id: due.localizationId },
      data: { body: [{ type: "paragraph", text: "التقى الوزير تيلوبيردي نظيره." }] },
    });
    const near = () =>
      findNearSpellings(db.prisma, { locale: "ar", words: ["تليوبيردي"] }).then((found) =>
        found.flatMap((word) => word.nearSpellings.map((spelling) => spelling.word)),
      );
    expect(await near()).toEqual([]);

    await runSchedulerTick({ prisma: db.prisma, now, revalidate: async () => true, log: quiet });

    expect(await near()).toEqual(["تيلوبيردي"]);
  });
});

describe("startSchedulerLoop", () => {
  it("ticks at once, never overlaps ticks, and carries on after a failing one", async () => {
    vi.useFakeTimers();
    try {
      let started = 0;
      let finishFirst: () => void = () => {};
      const errors: string[] = [];
      const tick = vi.fn(() => {
        started += 1;
        if (started === 1) return new Promise<void>((resolve) => (finishFirst = resolve));
        if (started === 2) return Promise.reject(new Error("database down"));
        return Promise.resolve();
      });
      const loop = startSchedulerLoop({
        tick,
        intervalMs: 15_000,
        log: { info: () => {}, error: (line: string) => errors.push(line) },
      });

      expect(tick).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(45_000); // the first tick is still running: no second one starts
      expect(tick).toHaveBeenCalledTimes(1);
      finishFirst();
      await vi.advanceTimersByTimeAsync(15_000);
      expect(tick).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(15_000);
      expect(tick).toHaveBeenCalledTimes(3);
      expect(errors).toEqual([expect.stringContaining("database down")]);

      loop.stop();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(tick).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
