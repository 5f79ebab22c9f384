// Slows, then refuses, repeated failed sign-ins — per account (guessing one person's password) and per address
// (trying many accounts from one place) — using the login_attempts table, so every app process sees the same counts.
import type { PrismaClient } from "../generated/prisma/client.ts";

export type ThrottleLimits = {
  /** Failures older than this no longer count. */
  windowMs: number;
  /** From this many failures in the window on, each further attempt waits (1 s, then doubling up to MAX_DELAY_MS). */
  slowAfter: number;
  /** At this many failures in the window, attempts are refused without checking the password. */
  lockAfter: number;
};

/**
 * One account: 3 free tries, the 4th and 5th wait 1 s and 2 s, then refused while 5 failures lie within the last
 * 15 minutes — at most 15 minutes after the last failure, since refused attempts are not counted (so someone
 * hammering a locked account cannot keep its owner out for ever). A successful sign-in clears the account's count.
 */
export const ACCOUNT_LIMITS: ThrottleLimits = { windowMs: 15 * 60_000, slowAfter: 3, lockAfter: 5 };

/**
 * One address: a newsroom may sit behind one NAT address, so the limits are higher — slowed from 10 failures,
 * refused at 30 within 15 minutes. Successes do not clear it (a valid account must not launder a guessing run).
 */
export const ADDRESS_LIMITS: ThrottleLimits = { windowMs: 15 * 60_000, slowAfter: 10, lockAfter: 30 };

export const BASE_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 8_000;

export type ThrottleScope = "account" | "address";

export type ThrottleDecision =
  | { kind: "allow"; delayMs: number; failures: Record<ThrottleScope, number> }
  | { kind: "refuse"; scope: ThrottleScope; retryAt: Date };

type Window = { count: number; retryAt: Date | null };

type Scope = ({ email: string } | { address: string }) & { id?: { not: bigint } };

async function failureWindow(prisma: PrismaClient, where: Scope, since: Date, limits: ThrottleLimits): Promise<Window> {
  // The lockAfter most recent failures are all it takes to know both the count (capped) and when a lock ends.
  const recent = await prisma.loginAttempt.findMany({
    where: { ...where, succeeded: false, at: { gt: since } },
    orderBy: { at: "desc" },
    take: limits.lockAfter,
    select: { at: true },
  });
  const oldestThatLocks = recent.length >= limits.lockAfter ? recent[limits.lockAfter - 1] : undefined;
  return {
    count: recent.length,
    retryAt: oldestThatLocks ? new Date(oldestThatLocks.at.getTime() + limits.windowMs) : null,
  };
}

function delayFor(failures: number, limits: ThrottleLimits): number {
  if (failures < limits.slowAfter) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - limits.slowAfter));
}

/**
 * What to do with a sign-in attempt for this email from this address, before anything else is looked at.
 * `attemptId` is the attempt's own row (recorded as a failure before asking, see signInWithPassword), left out of
 * its own count; attempts still in progress count as failures, so a burst of parallel guesses is throttled too.
 */
export async function checkSignInThrottle(
  prisma: PrismaClient,
  { email, address, attemptId, now = new Date() }: { email: string; address: string; attemptId?: bigint; now?: Date },
): Promise<ThrottleDecision> {
  const notSelf = attemptId === undefined ? {} : { id: { not: attemptId } };
  const accountSince = new Date(now.getTime() - ACCOUNT_LIMITS.windowMs);
  const lastSuccess = await prisma.loginAttempt.findFirst({
    where: { email, succeeded: true, at: { gt: accountSince } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const account = await failureWindow(prisma, { email, ...notSelf }, lastSuccess?.at ?? accountSince, ACCOUNT_LIMITS);
  const byAddress = await failureWindow(
    prisma,
    { address, ...notSelf },
    new Date(now.getTime() - ADDRESS_LIMITS.windowMs),
    ADDRESS_LIMITS,
  );
  if (account.retryAt) return { kind: "refuse", scope: "account", retryAt: account.retryAt };
  if (byAddress.retryAt) return { kind: "refuse", scope: "address", retryAt: byAddress.retryAt };
  return {
    kind: "allow",
    delayMs: Math.max(delayFor(account.count, ACCOUNT_LIMITS), delayFor(byAddress.count, ADDRESS_LIMITS)),
    failures: { account: account.count, address: byAddress.count },
  };
}

/** Which scopes this new failure locks (it is the one that reaches lockAfter; the decision allowed it, so it was below). */
export function scopesLockedBy(failuresBefore: Record<ThrottleScope, number>): ThrottleScope[] {
  const scopes: ThrottleScope[] = [];
  if (failuresBefore.account + 1 >= ACCOUNT_LIMITS.lockAfter) scopes.push("account");
  if (failuresBefore.address + 1 >= ADDRESS_LIMITS.lockAfter) scopes.push("address");
  return scopes;
}
