// Unconfirmed signals to the public site on a real PostgreSQL: remembered, retried later and later, forgotten once
// the site confirms — but never a failure that came after the confirmed signal.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { ForbiddenError, type Actor } from "../permissions.ts";
import {
  dueSiteSignals,
  forgetConfirmedSignals,
  rememberUnconfirmedSignals,
  retryDelayMs,
  unconfirmedSiteChanges,
} from "./pending-site-signals.ts";

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

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 24, 8, 0, seconds));

describe("pending site signals", () => {
  it("waits 15 s after a first failure, then twice as long after each further one, at most 10 minutes", async () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(retryDelayMs)).toEqual([
      15_000, 30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000,
    ]);
    await rememberUnconfirmedSignals(db.prisma, [7, 7, 8], "connect ECONNREFUSED", at(0));
    expect(await dueSiteSignals(db.prisma, at(14))).toEqual([]);
    expect(await dueSiteSignals(db.prisma, at(15))).toEqual([7, 8]);

    await rememberUnconfirmedSignals(db.prisma, [7], "timeout", at(15));
    const row = await db.prisma.pendingSiteSignal.findUniqueOrThrow({ where: { articleId: 7 } });
    expect(row).toMatchObject({ attempts: 2, since: at(0), failedAt: at(15), lastError: "timeout" });
    expect(row.nextAttemptAt).toEqual(new Date(at(15).getTime() + retryDelayMs(2)));
    expect(await dueSiteSignals(db.prisma, at(44))).toEqual([8]);
    expect(await dueSiteSignals(db.prisma, at(45))).toEqual([8, 7]);

    for (let attempt = 3; attempt <= 9; attempt++) await rememberUnconfirmedSignals(db.prisma, [7], "timeout", at(15));
    const capped = await db.prisma.pendingSiteSignal.findUniqueOrThrow({ where: { articleId: 7 } });
    expect(capped.attempts).toBe(9);
    expect(capped.nextAttemptAt).toEqual(new Date(at(15).getTime() + 600_000));
  });

  it("a confirmed signal clears the articles it was sent for, but not a failure sent after it", async () => {
    await rememberUnconfirmedSignals(db.prisma, [1, 2, 3], "site down", at(0));
    await forgetConfirmedSignals(db.prisma, [1, 2], at(20));
    expect(await dueSiteSignals(db.prisma, at(60))).toEqual([3]);

    // A retry for 3 is sent at 30 s; meanwhile a new change to 3 fails at 31 s; the retry's confirmation comes after.
    await rememberUnconfirmedSignals(db.prisma, [3], "site down", at(31));
    await forgetConfirmedSignals(db.prisma, [3], at(30));
    expect(await db.prisma.pendingSiteSignal.count()).toBe(1);
    await forgetConfirmedSignals(db.prisma, [3], at(32));
    expect(await db.prisma.pendingSiteSignal.count()).toBe(0);
  });

  it("takes at most `limit` due articles, the longest-waiting first, and nothing for empty lists", async () => {
    await rememberUnconfirmedSignals(db.prisma, [30, 20], "x", at(2));
    await rememberUnconfirmedSignals(db.prisma, [10], "x", at(1));
    await rememberUnconfirmedSignals(db.prisma, [], "x", at(1));
    await forgetConfirmedSignals(db.prisma, [], at(1));
    expect(await dueSiteSignals(db.prisma, at(60), 2)).toEqual([10, 20]);
  });

  it("tells staff who read articles how many changes wait and since when; nobody else", async () => {
    const reader: Actor = { userId: 1, email: "r@minbar.test", name: "Reader", permissions: new Set(["article.read"]) };
    const outsider: Actor = { ...reader, permissions: new Set() };
    expect(await unconfirmedSiteChanges(db.prisma, reader)).toEqual({ count: 0, since: null });
    await rememberUnconfirmedSignals(db.prisma, [40], "x", at(5));
    await rememberUnconfirmedSignals(db.prisma, [41, 40], "x", at(9));
    expect(await unconfirmedSiteChanges(db.prisma, reader)).toEqual({ count: 2, since: at(5) });
    await expect(unconfirmedSiteChanges(db.prisma, outsider)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(unconfirmedSiteChanges(db.prisma, null)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
