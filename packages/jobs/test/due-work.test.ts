// One due-work run on a real PostgreSQL: due articles go live once, with history and audit; others wait; the public
// site is told exactly what changed; a site that cannot be told loses no publication.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@minbar/db/client";
import { createTestDatabase, type TestDatabase } from "@minbar/db/testing";
import { findNearSpellings } from "@minbar/db/public";
import { runDueWork, type SiteSignal } from "../src/index.ts";

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

describe("runDueWork", () => {
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
    const signalled: SiteSignal[] = [];
    const tick = () =>
      runDueWork({ prisma: db.prisma, now, signal: async (signal) => signalled.push(signal), log: quiet });
    await tick();
    expect(signalled).toEqual([{ kind: "front-pages", locales: ["ru"] }]);
    expect(await db.prisma.frontPageArrangement.count({ where: { locale: "ru", kind: "live" } })).toBe(1);
    expect(await db.prisma.frontPageArrangement.count({ where: { locale: "en", kind: "live" } })).toBe(0);
    // Nothing more is due: no second signal.
    await tick();
    expect(signalled).toEqual([{ kind: "front-pages", locales: ["ru"] }]);
    await db.prisma.frontPageArrangement.deleteMany({});
  });

  it("publishes what is due, signals exactly those articles, leaves the future alone, and repeats nothing", async () => {
    const now = new Date();
    const due = await createScheduledArticle(db.prisma, "due", new Date(now.getTime() - 60_000));
    const future = await createScheduledArticle(db.prisma, "future", new Date(now.getTime() + 60 * 60_000));
    const signalled: SiteSignal[] = [];
    const signal = async (sent: SiteSignal) => signalled.push(sent);

    const report = await runDueWork({ prisma: db.prisma, now, signal, log: quiet });
    expect(report).toEqual({ published: 1, changed: 0, takenDown: 0, frontPages: 0 });
    expect(signalled).toEqual([{ kind: "articles", articleIds: [due.articleId] }]);
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

    // The next run finds nothing more to do.
    const again = await runDueWork({ prisma: db.prisma, now: new Date(now.getTime() + 15_000), signal, log: quiet });
    expect(again).toEqual({ published: 0, changed: 0, takenDown: 0, frontPages: 0 });
    expect(signalled).toHaveLength(1);
    expect(await db.prisma.workflowTransition.count({ where: { localizationId: due.localizationId } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: "article.publish_scheduled" } })).toBe(1);
  });

  it("keeps the publication when the public site cannot be told", async () => {
    const now = new Date();
    const due = await createScheduledArticle(db.prisma, "unreachable-site", new Date(now.getTime() - 1_000));
    const report = await runDueWork({
      prisma: db.prisma,
      now,
      signal: () => Promise.reject(new Error("connection refused")),
      log: quiet,
    });
    expect(report.published).toBe(1);
    expect((await db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: due.localizationId } })).status).toBe(
      "published",
    );
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

    await runDueWork({ prisma: db.prisma, now, signal: async () => true, log: quiet });

    expect(await near()).toEqual(["تيلوبيردي"]);
  });
});
