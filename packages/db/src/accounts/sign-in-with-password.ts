// Email-and-password sign-in with throttling and an audit trail: refused attempts never reach the password check,
// and every outcome is recorded (`auth.sign_in`, `auth.locked`, and `auth.sign_in_failed` once per burst of failures
// from one address against one account or against unknown emails). What an attacker can make it store is bounded
// too: attempts are pruned by age on every write.
import { setTimeout as sleepFor } from "node:timers/promises";
import { z } from "zod";
import type { Locale, PrismaClient } from "../generated/prisma/client.ts";
import { argon2Hasher, hashPassword, type PasswordHasher } from "../users.ts";
import { writeAudit } from "./audit.ts";
import { emailInput } from "./inputs.ts";
import {
  ACCOUNT_LIMITS,
  ADDRESS_LIMITS,
  checkSignInThrottle,
  scopesLockedBy,
  type ThrottleScope,
} from "./sign-in-throttle.ts";

export const signInWithPasswordInput = z.object({
  email: emailInput,
  password: z.string().min(1).max(1024),
  /** The client's address as the app resolved it; "unknown" when it cannot tell. */
  address: z.string().trim().min(1).max(100),
  /** The interface language chosen on the sign-in page just now: it becomes the account's language on success. */
  uiLocale: z.enum(["ar", "ru", "en"]).optional(),
});
export type SignInWithPasswordInput = z.input<typeof signInWithPasswordInput>;

export type SignInWithPasswordResult =
  | { status: "signed_in"; user: { id: number; email: string; name: string; authVersion: number; uiLocale: Locale } }
  | { status: "invalid" }
  | { status: "locked"; scope: ThrottleScope; retryAt: Date };

/** Longer than every throttle window. */
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;
/**
 * Old attempts deleted per attempt written: more than one, so the table shrinks back to what the last day left
 * whoever wrote it, and bounded, so no sign-in pays for a large backlog at once.
 */
const ATTEMPT_PRUNE_BATCH = 100;
/** Emails listed in one burst's audit entry; the count goes on beyond it. */
const BURST_EMAILS_KEPT = 20;

export type SignInOptions = {
  sleep?: (ms: number) => Promise<unknown>;
  now?: () => Date;
  /** argon2id unless a test counts the calls. */
  hasher?: PasswordHasher;
};

/** What a burst's audit entry holds: the first failure's email and reason, then how many and which emails. */
const burstData = z.looseObject({
  email: z.string(),
  reason: z.string(),
  attempts: z.number().int().optional(),
  lastAt: z.string().optional(),
  emails: z.array(z.string()).optional(),
});

// Unknown emails are checked against this throwaway hash, so a wrong email takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword("decoy password that matches nothing"));

export async function signInWithPassword(
  prisma: PrismaClient,
  input: SignInWithPasswordInput,
  { sleep = sleepFor, now = () => new Date(), hasher = argon2Hasher }: SignInOptions = {},
): Promise<SignInWithPasswordResult> {
  const parsed = signInWithPasswordInput.safeParse(input);
  if (!parsed.success) return { status: "invalid" };
  const { email, password, address, uiLocale: chosenLocale } = parsed.data;
  const context = { address };

  // The attempt is recorded as a failure before the decision, so parallel attempts count each other; it turns into
  // a success only once the password checks out.
  const attempt = await prisma.loginAttempt.create({
    data: { email, address, succeeded: false, at: now() },
    select: { id: true, at: true },
  });
  const decision = await checkSignInThrottle(prisma, { email, address, attemptId: attempt.id, now: attempt.at });
  if (decision.kind === "refuse") {
    // Refused attempts leave nothing: the lock-out was audited when it began, and someone hammering a locked account
    // must neither flood the audit log nor extend the lock.
    await prisma.loginAttempt.delete({ where: { id: attempt.id } });
    return { status: "locked", scope: decision.scope, retryAt: decision.retryAt };
  }
  if (decision.delayMs > 0) await sleep(decision.delayMs);

  const user = await prisma.user.findUnique({ where: { email } });
  const passwordOk = user?.passwordHash
    ? await hasher.verify(user.passwordHash, password)
    : await hasher.verify(await decoy(), password);
  const succeeded = passwordOk && user !== null && user.disabledAt === null;

  const locks = succeeded ? [] : scopesLockedBy(decision.failures);
  await prisma.$transaction(async (tx) => {
    if (succeeded) await tx.loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
    // Attempts older than any window are of no further use (the audit log keeps the history), whoever made them:
    // rotating emails and addresses must not leave rows behind that no later attempt of theirs would prune.
    const old = await tx.loginAttempt.findMany({
      where: { at: { lt: new Date(attempt.at.getTime() - ATTEMPT_RETENTION_MS) } },
      select: { id: true },
      take: ATTEMPT_PRUNE_BATCH,
    });
    if (old.length > 0) await tx.loginAttempt.deleteMany({ where: { id: { in: old.map((row) => row.id) } } });
    const entity = { actorId: user?.id ?? null, entityType: "user", entityId: user?.id ?? email };
    if (succeeded) {
      if (chosenLocale && user && chosenLocale !== user.uiLocale) {
        await tx.user.update({ where: { id: user.id }, data: { uiLocale: chosenLocale } });
      }
      await writeAudit(tx, { ...entity, action: "auth.sign_in" }, context);
      return;
    }
    // A disabled user's correct password is still a failure, but the log says why.
    const reason = !user
      ? "unknown_email"
      : user.disabledAt
        ? "disabled"
        : !user.passwordHash
          ? "no_password"
          : "wrong_password";
    // One entry per burst (a first failure and the next ones within the address's throttle window) from an address
    // against one account, or against unknown emails: rotating made-up emails from one place add to a count, not
    // to the log, while each account's own trail stays whole.
    const burst = await tx.auditLog.findFirst({
      where: {
        action: "auth.sign_in_failed",
        address,
        actorId: user?.id ?? null,
        at: { gt: new Date(attempt.at.getTime() - ADDRESS_LIMITS.windowMs), lte: attempt.at },
      },
      orderBy: { at: "desc" },
      select: { id: true, data: true },
    });
    const previous = burstData.safeParse(burst?.data);
    if (burst && previous.success) {
      const emails = previous.data.emails ?? [previous.data.email];
      if (!emails.includes(email) && emails.length < BURST_EMAILS_KEPT) emails.push(email);
      await tx.auditLog.update({
        where: { id: burst.id },
        data: {
          data: {
            ...previous.data,
            attempts: (previous.data.attempts ?? 1) + 1,
            lastAt: attempt.at.toISOString(),
            emails,
          },
        },
      });
    } else {
      await writeAudit(
        tx,
        { ...entity, action: "auth.sign_in_failed", data: { email, reason, attempts: 1 }, at: attempt.at },
        context,
      );
    }
    for (const scope of locks) {
      // A sliding window lets one failure through now and then while an attack goes on, each locking again: the
      // lock-out is recorded when it begins, not at every such step.
      const since = new Date(attempt.at.getTime() - (scope === "account" ? ACCOUNT_LIMITS : ADDRESS_LIMITS).windowMs);
      const recorded = await tx.auditLog.count({
        where: {
          action: "auth.locked",
          at: { gt: since, lte: attempt.at },
          ...(scope === "account" ? { entityType: "user", entityId: String(entity.entityId) } : { address }),
          data: { path: ["scope"], equals: scope },
        },
      });
      if (recorded > 0) continue;
      await writeAudit(tx, { ...entity, action: "auth.locked", data: { email, scope }, at: attempt.at }, context);
    }
  });

  if (locks.length > 0) {
    // This failure was the one too many: say so now rather than on the next try.
    const after = await checkSignInThrottle(prisma, { email, address, now: now() });
    if (after.kind === "refuse") return { status: "locked", scope: after.scope, retryAt: after.retryAt };
  }
  if (!succeeded || !user) return { status: "invalid" };
  return {
    status: "signed_in",
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      authVersion: user.authVersion,
      uiLocale: chosenLocale ?? user.uiLocale,
    },
  };
}
