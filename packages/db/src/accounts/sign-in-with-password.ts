// Email-and-password sign-in with throttling and an audit trail: refused attempts never reach the password check,
// and every outcome is recorded (`auth.sign_in`, `auth.sign_in_failed`, `auth.locked`).
import { setTimeout as sleepFor } from "node:timers/promises";
import { z } from "zod";
import type { Locale, PrismaClient } from "../generated/prisma/client.ts";
import { hashPassword, verifyPassword } from "../users.ts";
import { writeAudit } from "./audit.ts";
import { emailInput } from "./inputs.ts";
import { checkSignInThrottle, scopesLockedBy, type ThrottleScope } from "./sign-in-throttle.ts";

export const signInWithPasswordInput = z.object({
  email: emailInput,
  password: z.string().min(1).max(1024),
  /** The client's address as the app resolved it; "unknown" when it cannot tell. */
  address: z.string().trim().min(1).max(100),
});
export type SignInWithPasswordInput = z.input<typeof signInWithPasswordInput>;

export type SignInWithPasswordResult =
  | { status: "signed_in"; user: { id: number; email: string; name: string; authVersion: number; uiLocale: Locale } }
  | { status: "invalid" }
  | { status: "locked"; scope: ThrottleScope; retryAt: Date };

/** Longer than every throttle window. */
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

export type SignInOptions = { sleep?: (ms: number) => Promise<unknown>; now?: () => Date };

// Unknown emails are checked against this throwaway hash, so a wrong email takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword("decoy password that matches nothing"));

export async function signInWithPassword(
  prisma: PrismaClient,
  input: SignInWithPasswordInput,
  { sleep = sleepFor, now = () => new Date() }: SignInOptions = {},
): Promise<SignInWithPasswordResult> {
  const parsed = signInWithPasswordInput.safeParse(input);
  if (!parsed.success) return { status: "invalid" };
  const { email, password, address } = parsed.data;
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
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await decoy(), password);
  const succeeded = passwordOk && user !== null && user.disabledAt === null;

  const locks = succeeded ? [] : scopesLockedBy(decision.failures);
  await prisma.$transaction(async (tx) => {
    if (succeeded) await tx.loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
    // Attempts older than any window are of no further use (the audit log keeps the history); pruning this
    // account's and this address's keeps the table small through the indexes it already has.
    const cutoff = new Date(attempt.at.getTime() - ATTEMPT_RETENTION_MS);
    await tx.loginAttempt.deleteMany({ where: { email, at: { lt: cutoff } } });
    await tx.loginAttempt.deleteMany({ where: { address, at: { lt: cutoff } } });
    const entity = { actorId: user?.id ?? null, entityType: "user", entityId: user?.id ?? email };
    if (succeeded) {
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
    await writeAudit(tx, { ...entity, action: "auth.sign_in_failed", data: { email, reason } }, context);
    for (const scope of locks) {
      await writeAudit(tx, { ...entity, action: "auth.locked", data: { email, scope } }, context);
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
    user: { id: user.id, email: user.email, name: user.name, authVersion: user.authVersion, uiLocale: user.uiLocale },
  };
}
