// The tracked signal on a real PostgreSQL against a stand-in public site: what the site does not confirm is kept and
// sent again when due; what it confirms is forgotten.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { retryDelayMs } from "@minbar/db/site-signals";
import { createTestDatabase, type TestDatabase } from "@minbar/db/testing";
import { signalAndTrack } from "./tracked-signal.ts";
import { startSite, type Received } from "./test-site.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(async () => {
  await db.prisma.pendingSiteSignal.deleteMany();
});

const secret = "test-revalidate-secret-0123456789";
const pending = async () =>
  (await db.prisma.pendingSiteSignal.findMany({ orderBy: { articleId: "asc" } })).map((row) => row.articleId);
const idsIn = (requests: Received[]) =>
  requests.flatMap((request) => (JSON.parse(request.body) as { articleIds: number[] }).articleIds);

describe("signalAndTrack", () => {
  it("keeps what a site that is down did not confirm, and forgets it once a later signal is confirmed", async () => {
    const down = await startSite(() => ({ status: 200 }));
    await down.close();
    const t0 = new Date("2026-11-24T08:00:00Z");
    const first = await signalAndTrack({
      prisma: db.prisma,
      target: { siteUrl: down.siteUrl, secret },
      articleIds: [11, 12, 11],
      now: t0,
    });
    expect(first).toMatchObject({
      confirmed: false,
      articles: 0,
      kept: true,
      reason: expect.stringContaining("unreachable"),
    });
    expect(await pending()).toEqual([11, 12]);

    // The retry (the admin's job queue, once the site is back) is confirmed: nothing is left recorded.
    const site = await startSite(() => ({ status: 200 }));
    const target = { siteUrl: site.siteUrl, secret };
    const resent = await signalAndTrack({
      prisma: db.prisma,
      target,
      articleIds: [11, 12],
      now: new Date(t0.getTime() + retryDelayMs(1)),
    });
    expect(resent).toMatchObject({ confirmed: true, articles: 2, kept: null });
    expect(idsIn(site.received)).toEqual([11, 12]);
    expect(await pending()).toEqual([]);
  });

  it("a failed retry waits longer; a later confirmed signal for the article clears it", async () => {
    const site = await startSite((n) => ({ status: n === 1 ? 503 : 200 }));
    const target = { siteUrl: site.siteUrl, secret };
    const t0 = new Date("2026-11-24T09:00:00Z");
    expect(await signalAndTrack({ prisma: db.prisma, target, articleIds: [21], now: t0 })).toMatchObject({
      confirmed: false,
      kept: true,
    });
    await signalAndTrack({ prisma: db.prisma, target: null, articleIds: [21], now: new Date(t0.getTime() + 1000) });
    const row = await db.prisma.pendingSiteSignal.findUniqueOrThrow({ where: { articleId: 21 } });
    expect(row).toMatchObject({ attempts: 2, lastError: "no public site configured" });
    expect(row.nextAttemptAt).toEqual(new Date(t0.getTime() + 1000 + retryDelayMs(2)));
    // An editor saves the article again and the site confirms that signal: nothing is left to retry.
    expect(
      await signalAndTrack({ prisma: db.prisma, target, articleIds: [21], now: new Date(t0.getTime() + 2000) }),
    ).toMatchObject({ confirmed: true, kept: null });
    expect(await pending()).toEqual([]);
  });

  it("never throws when the database cannot be written, and says so", async () => {
    const site = await startSite(() => ({ status: 500 }));
    const closed = await createTestDatabase();
    await closed.drop();
    const result = await signalAndTrack({
      prisma: closed.prisma,
      target: { siteUrl: site.siteUrl, secret },
      articleIds: [31],
    });
    expect(result).toMatchObject({ confirmed: false, kept: false, trackingError: expect.any(String) });
  });
});
