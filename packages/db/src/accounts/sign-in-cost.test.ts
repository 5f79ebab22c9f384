// What anonymous requests can make the sign-in pages spend, on a real database: password hashes (counted through the
// hasher the use cases are given), rows in login_attempts, sign_in_link_attempts and the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { argon2Hasher, createUser, ensureBuiltInRoles, type PasswordHasher } from "../users.ts";
import { redeemSignInToken } from "./redeem-sign-in-token.ts";
import { inspectSignInLink, LINK_ADDRESS_LIMITS } from "./sign-in-link-throttle.ts";
import { ADDRESS_LIMITS } from "./sign-in-throttle.ts";
import { issueSignInToken, SIGN_IN_TOKEN_TTL_MS } from "./sign-in-tokens.ts";
import { signInWithPassword } from "./sign-in-with-password.ts";

let db: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  await ensureBuiltInRoles(prisma);
});
afterAll(async () => db.drop());

/** argon2id as in production, counting every hash and verification. */
function countingHasher() {
  const counts = { hash: 0, verify: 0 };
  const hasher: PasswordHasher = {
    hash: (password) => (counts.hash++, argon2Hasher.hash(password)),
    verify: (passwordHash, password) => (counts.verify++, argon2Hasher.verify(passwordHash, password)),
  };
  return { counts, hasher };
}

function clock(start: string) {
  let now = new Date(start).getTime();
  return { advance: (ms: number) => (now += ms), now: () => new Date(now) };
}

const HOUR = 60 * 60_000;
const noSleep = async () => {};

describe("sign-in", () => {
  it("1,000 failed attempts from one address with rotating unknown emails cost a bounded number of hashes and rows", async () => {
    const address = "203.0.113.50";
    const c = clock("2026-12-01T09:00:00Z");
    const { counts, hasher } = countingHasher();
    const statuses = new Map<string, number>();
    // One attempt a second: 1,000 s spans the address's 15-minute window once, so it may lock twice.
    for (let i = 0; i < 1_000; i++) {
      const result = await signInWithPassword(
        prisma,
        { email: `rotating-${i}@example.test`, password: "a guess", address },
        { now: c.now, sleep: noSleep, hasher },
      );
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      c.advance(1_000);
    }
    const windows = 2;
    expect(statuses.get("signed_in")).toBeUndefined();
    expect(counts.verify + counts.hash).toBeLessThanOrEqual(windows * ADDRESS_LIMITS.lockAfter);
    expect(await prisma.loginAttempt.count({ where: { address } })).toBeLessThanOrEqual(
      windows * ADDRESS_LIMITS.lockAfter,
    );
    // One entry per burst of failures and one per lock, each burst counting its attempts.
    const audit = await prisma.auditLog.findMany({ where: { address }, orderBy: { id: "asc" } });
    expect(audit.length).toBeLessThanOrEqual(windows * 2);
    const bursts = audit.filter((entry) => entry.action === "auth.sign_in_failed");
    expect(bursts[0]?.data).toMatchObject({ email: "rotating-0@example.test", attempts: ADDRESS_LIMITS.lockAfter });
    expect(audit.filter((entry) => entry.action === "auth.locked").length).toBeGreaterThanOrEqual(1);
  }, 180_000);

  it("keeps each account's failures in its own burst entry, next to the one for unknown emails", async () => {
    const address = "203.0.113.70";
    const c = clock("2026-12-02T09:00:00Z");
    const { hasher } = countingHasher();
    const a = await createUser(prisma, { email: "burst-a@example.test", name: "a", roleKeys: ["writer"] });
    const b = await createUser(prisma, { email: "burst-b@example.test", name: "b", roleKeys: ["writer"] });
    for (const email of [a.email, b.email, "nobody-1@example.test", a.email, "nobody-2@example.test"]) {
      await signInWithPassword(prisma, { email, password: "wrong", address }, { now: c.now, sleep: noSleep, hasher });
      c.advance(60_000);
    }
    const entries = await prisma.auditLog.findMany({
      where: { address, action: "auth.sign_in_failed" },
      orderBy: { id: "asc" },
    });
    expect(entries.map((entry) => [entry.actorId, entry.data])).toEqual([
      [a.id, expect.objectContaining({ attempts: 2, emails: [a.email] })],
      [b.id, expect.objectContaining({ attempts: 1 })],
      [null, expect.objectContaining({ attempts: 2, emails: ["nobody-1@example.test", "nobody-2@example.test"] })],
    ]);
  });

  it("prunes attempts a day old whoever made them, a bounded batch per attempt", async () => {
    const c = clock("2026-12-03T09:00:00Z");
    // What rotating emails from rotating addresses leave behind: rows no later attempt of theirs names.
    await prisma.loginAttempt.createMany({
      data: Array.from({ length: 250 }, (_, i) => ({
        email: `left-${i}@example.test`,
        address: `198.51.100.${i % 250}`,
        succeeded: false,
        at: c.now(),
      })),
    });
    c.advance(25 * HOUR);
    const { hasher } = countingHasher();
    // 250 rows and earlier tests' leftovers: four attempts prune up to 400.
    for (let i = 0; i < 4; i++) {
      await signInWithPassword(
        prisma,
        { email: `later-${i}@example.test`, password: "x", address: `192.0.2.${i}` },
        { now: c.now, sleep: noSleep, hasher },
      );
    }
    expect(await prisma.loginAttempt.count({ where: { at: { lt: new Date(c.now().getTime() - 24 * HOUR) } } })).toBe(0);
  });
});

describe("set-password page", () => {
  it("looks the token up before hashing and throttles an address trying tokens", async () => {
    const address = "203.0.113.60";
    const c = clock(new Date().toISOString());
    const { counts, hasher } = countingHasher();
    const statuses = new Map<string, number>();
    for (let i = 0; i < 1_000; i++) {
      const result = await redeemSignInToken(
        prisma,
        { token: `${"A".repeat(40)}${String(i).padStart(4, "0")}`, newPassword: "a long enough passphrase" },
        { address },
        { now: c.now, hasher },
      );
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    }
    expect(counts.hash).toBe(0);
    expect(Object.fromEntries(statuses)).toEqual({
      unknown: LINK_ADDRESS_LIMITS.lockAfter,
      throttled: 1_000 - LINK_ADDRESS_LIMITS.lockAfter,
    });
    expect(await prisma.signInLinkAttempt.count({ where: { address } })).toBe(LINK_ADDRESS_LIMITS.lockAfter);
    // Opening the page from there is refused too, without a lookup; another address is not affected.
    expect(await inspectSignInLink(prisma, "B".repeat(43), { address }, c.now())).toMatchObject({
      status: "throttled",
    });
    expect(await inspectSignInLink(prisma, "B".repeat(43), { address: "192.0.2.77" }, c.now())).toEqual({
      status: "unknown",
    });
  }, 120_000);

  it("hashes only for a link that works: an expired one costs nothing, a valid one one hash", async () => {
    const user = await createUser(prisma, { email: "linked@example.test", name: "linked", roleKeys: ["writer"] });
    const c = clock(new Date().toISOString());
    const issued = await prisma.$transaction((tx) => issueSignInToken(tx, user.id, c.now()));
    const { counts, hasher } = countingHasher();
    const later = { now: () => new Date(c.now().getTime() + SIGN_IN_TOKEN_TTL_MS), hasher };
    const input = { token: issued.token, newPassword: "a long enough passphrase" };
    expect(await redeemSignInToken(prisma, input, { address: "192.0.2.80" }, later)).toEqual({ status: "expired" });
    expect(counts.hash).toBe(0);
    expect(await redeemSignInToken(prisma, input, { address: "192.0.2.80" }, { now: c.now, hasher })).toMatchObject({
      status: "redeemed",
    });
    expect(counts.hash).toBe(1);
  });
});
