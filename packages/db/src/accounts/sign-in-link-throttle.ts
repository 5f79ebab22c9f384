// Throttles the set-password page per address: refused uses of one-time links (unknown, used or expired tokens) are
// counted, and an address with too many in the window is refused before any token is looked up.
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { RequestContext } from "./inputs.ts";
import { inspectSignInToken, type InspectedToken } from "./sign-in-tokens.ts";

/** A person with a stale link tries it a few times; a script trying tokens is stopped after 20 in 15 minutes. */
export const LINK_ADDRESS_LIMITS = { windowMs: 15 * 60_000, lockAfter: 20 };
/** Rows older than the window deleted per refusal recorded, so the table stays bounded without a job. */
const PRUNE_BATCH = 100;

/** When this address may try again, or null when it may now. */
export async function linkAttemptsLockedUntil(prisma: PrismaClient, address: string, now: Date): Promise<Date | null> {
  const recent = await prisma.signInLinkAttempt.findMany({
    where: { address, at: { gt: new Date(now.getTime() - LINK_ADDRESS_LIMITS.windowMs), lte: now } },
    orderBy: { at: "desc" },
    take: LINK_ADDRESS_LIMITS.lockAfter,
    select: { at: true },
  });
  const oldestThatLocks = recent[LINK_ADDRESS_LIMITS.lockAfter - 1];
  return oldestThatLocks ? new Date(oldestThatLocks.at.getTime() + LINK_ADDRESS_LIMITS.windowMs) : null;
}

export async function recordRefusedLinkAttempt(prisma: PrismaClient, address: string, now: Date): Promise<void> {
  await prisma.signInLinkAttempt.create({ data: { address, at: now } });
  const old = await prisma.signInLinkAttempt.findMany({
    where: { at: { lt: new Date(now.getTime() - LINK_ADDRESS_LIMITS.windowMs) } },
    select: { id: true },
    take: PRUNE_BATCH,
  });
  if (old.length > 0) await prisma.signInLinkAttempt.deleteMany({ where: { id: { in: old.map((row) => row.id) } } });
}

/**
 * What the link page shows, throttled as choosing the password is: an address refused too often is told so without
 * a lookup, and a link that does not work counts against it.
 */
export async function inspectSignInLink(
  prisma: PrismaClient,
  token: string,
  context: RequestContext = {},
  now = new Date(),
): Promise<InspectedToken | { status: "throttled"; retryAt: Date }> {
  const address = context.address ?? "unknown";
  const retryAt = await linkAttemptsLockedUntil(prisma, address, now);
  if (retryAt) return { status: "throttled", retryAt };
  const inspected = await inspectSignInToken(prisma, token, now);
  if (inspected.status !== "valid") await recordRefusedLinkAttempt(prisma, address, now);
  return inspected;
}
