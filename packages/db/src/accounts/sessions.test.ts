// Server-side sessions on a real database, with a clock the test moves: sign-out ends a session for every copy of
// its cookie, 2 hours without a request end it, and 12 hours end it however active; use is written once a minute.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { createUser, ensureBuiltInRoles } from "../users.ts";
import {
  endSession,
  resumeSession,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_MAX_AGE_MS,
  SESSION_TOUCH_INTERVAL_MS,
  startSession,
} from "./sessions.ts";

let db: TestDatabase;
let prisma: PrismaClient;
let userId: number;
let otherUserId: number;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  await ensureBuiltInRoles(prisma);
  userId = (await createUser(prisma, { email: "writer@example.test", name: "writer", roleKeys: ["writer"] })).id;
  otherUserId = (await createUser(prisma, { email: "other@example.test", name: "other", roleKeys: ["writer"] })).id;
});
afterAll(async () => db.drop());

const MINUTE = 60_000;

function clock(start = new Date("2026-12-01T08:00:00Z")) {
  let now = start.getTime();
  return { advance: (ms: number) => (now += ms), options: { now: () => new Date(now) } };
}

describe("sessions", () => {
  it("end on sign-out, for every holder of the cookie", async () => {
    const c = clock();
    const { sessionId } = await startSession(prisma, userId, c.options);
    expect(await resumeSession(prisma, { sessionId, userId }, c.options)).toBe(true);
    await endSession(prisma, sessionId, c.options);
    expect(await resumeSession(prisma, { sessionId, userId }, c.options)).toBe(false);
    // Another session of the same user goes on.
    const other = await startSession(prisma, userId, c.options);
    expect(await resumeSession(prisma, { sessionId: other.sessionId, userId }, c.options)).toBe(true);
  });

  it("end after 2 hours without a request, and not before", async () => {
    const c = clock();
    const { sessionId } = await startSession(prisma, userId, c.options);
    c.advance(SESSION_IDLE_TIMEOUT_MS - MINUTE);
    expect(await resumeSession(prisma, { sessionId, userId }, c.options)).toBe(true);
    // That request counted as a use: another idle stretch just short of the limit is fine.
    c.advance(SESSION_IDLE_TIMEOUT_MS - MINUTE);
    expect(await resumeSession(prisma, { sessionId, userId }, c.options)).toBe(true);
    c.advance(SESSION_IDLE_TIMEOUT_MS);
    expect(await resumeSession(prisma, { sessionId, userId }, c.options)).toBe(false);
    // Once idle, it stays ended.
    expect(await resumeSession(prisma, { sessionId, userId }, c.options)).toBe(false);
  });

  it("end 12 hours after sign-in however active", async () => {
    const c = clock();
    const { sessionId, expiresAt } = await startSession(prisma, userId, c.options);
    expect(expiresAt.getTime() - c.options.now().getTime()).toBe(SESSION_MAX_AGE_MS);
    for (let elapsed = 0; elapsed < SESSION_MAX_AGE_MS - 30 * MINUTE; elapsed += 30 * MINUTE) {
      c.advance(30 * MINUTE);
      expect(await resumeSession(prisma, { sessionId, userId }, c.options)).toBe(true);
    }
    c.advance(30 * MINUTE);
    expect(await resumeSession(prisma, { sessionId, userId }, c.options)).toBe(false);
  });

  it("write their last use at most once a minute", async () => {
    const c = clock();
    const { id } = await createUser(prisma, { email: "busy@example.test", name: "busy", roleKeys: ["writer"] });
    const { sessionId } = await startSession(prisma, id, c.options);
    const lastSeen = async () => (await prisma.authSession.findFirst({ where: { userId: id } }))?.lastSeenAt;
    const started = await lastSeen();
    c.advance(SESSION_TOUCH_INTERVAL_MS - 1_000);
    expect(await resumeSession(prisma, { sessionId, userId: id }, c.options)).toBe(true);
    expect(await lastSeen()).toEqual(started);
    c.advance(1_000);
    expect(await resumeSession(prisma, { sessionId, userId: id }, c.options)).toBe(true);
    expect((await lastSeen())?.getTime()).toBe(c.options.now().getTime());
  });

  it("belong to one user, and an unknown or malformed id opens nothing", async () => {
    const c = clock();
    const { sessionId } = await startSession(prisma, userId, c.options);
    expect(await resumeSession(prisma, { sessionId, userId: otherUserId }, c.options)).toBe(false);
    expect(await resumeSession(prisma, { sessionId: "x".repeat(43), userId }, c.options)).toBe(false);
    expect(await resumeSession(prisma, { sessionId: "' or 1=1 --", userId }, c.options)).toBe(false);
    await endSession(prisma, "not a session", c.options);
  });

  it("are removed once expired, a bounded batch per sign-in", async () => {
    const c = clock(new Date("2026-12-02T08:00:00Z"));
    for (let i = 0; i < 3; i++) await startSession(prisma, otherUserId, c.options);
    c.advance(SESSION_MAX_AGE_MS);
    await startSession(prisma, otherUserId, c.options);
    expect(await prisma.authSession.count({ where: { userId: otherUserId } })).toBe(1);
  });
});
