// Server-side admin sessions: the session cookie names one of these, and a request is signed in only while its
// session is neither ended (sign-out), idle for 2 hours, nor older than 12 hours. A copied cookie dies with it.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** The longest a session lasts, however active. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60_000;
/** A session without a request for this long ends. */
export const SESSION_IDLE_TIMEOUT_MS = 2 * 60 * 60_000;
/** Last use is written at most this often: a page's many requests cost one write, the idle timeout a minute's slack. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;
/** Ended sessions removed per sign-in, so the table stays small without a job and no sign-in pays for a backlog. */
const PRUNE_BATCH = 100;

export type SessionClock = { now?: () => Date };

const hashSessionId = (sessionId: string) => createHash("sha256").update(sessionId, "utf8").digest("hex");

const plausibleSessionId = (sessionId: string) => /^[A-Za-z0-9_-]{43}$/.test(sessionId);

/** A new session for a user who has just proved who they are; the id goes into the cookie and nowhere else. */
export async function startSession(
  prisma: PrismaClient,
  userId: number,
  { now = () => new Date() }: SessionClock = {},
): Promise<{ sessionId: string; expiresAt: Date }> {
  const at = now();
  const stale = await prisma.authSession.findMany({
    where: { expiresAt: { lte: at } },
    select: { idHash: true },
    take: PRUNE_BATCH,
  });
  if (stale.length > 0) await prisma.authSession.deleteMany({ where: { idHash: { in: stale.map((s) => s.idHash) } } });
  const sessionId = randomBytes(32).toString("base64url");
  const expiresAt = new Date(at.getTime() + SESSION_MAX_AGE_MS);
  await prisma.authSession.create({
    data: { idHash: hashSessionId(sessionId), userId, createdAt: at, lastSeenAt: at, expiresAt },
  });
  return { sessionId, expiresAt };
}

/**
 * Whether the session `sessionId` of user `userId` is still open, counting this request as a use of it. Ended,
 * expired, idle, unknown or someone else's: false.
 */
export async function resumeSession(
  prisma: PrismaClient,
  { sessionId, userId }: { sessionId: string; userId: number },
  { now = () => new Date() }: SessionClock = {},
): Promise<boolean> {
  if (!plausibleSessionId(sessionId)) return false;
  const idHash = hashSessionId(sessionId);
  const session = await prisma.authSession.findUnique({ where: { idHash } });
  const at = now();
  if (!session || session.userId !== userId || session.endedAt) return false;
  if (at.getTime() >= session.expiresAt.getTime()) return false;
  if (at.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_TIMEOUT_MS) return false;
  if (at.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    // Conditional, so parallel requests of one page write once.
    await prisma.authSession.updateMany({
      where: { idHash, lastSeenAt: { lte: new Date(at.getTime() - SESSION_TOUCH_INTERVAL_MS) } },
      data: { lastSeenAt: at },
    });
  }
  return true;
}

/** Sign-out: the session ends for every holder of its cookie. Ending an unknown or ended session does nothing. */
export async function endSession(
  prisma: PrismaClient,
  sessionId: string,
  { now = () => new Date() }: SessionClock = {},
): Promise<void> {
  if (!plausibleSessionId(sessionId)) return;
  await prisma.authSession.updateMany({
    where: { idHash: hashSessionId(sessionId), endedAt: null },
    data: { endedAt: now() },
  });
}
