// The user's side of a one-time link: choose a password. The link works once, before it expires, for an active user;
// every earlier session of theirs ends. Cheap checks come first: an address refused too often, or a token that does
// not work, costs no password hash.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { argon2Hasher, type PasswordHasher } from "../users.ts";
import { parseInput } from "../editorial/errors.ts";
import { writeAudit } from "./audit.ts";
import { passwordInput, type RequestContext } from "./inputs.ts";
import { linkAttemptsLockedUntil, recordRefusedLinkAttempt } from "./sign-in-link-throttle.ts";
import { hashSignInToken, plausibleToken, tokenRefusal, type TokenRefusal } from "./sign-in-tokens.ts";

export const redeemSignInTokenInput = z.object({
  token: z.string().max(200),
  newPassword: passwordInput,
  /** The interface language chosen on the link's page (or the browser's): it becomes the account's language. */
  uiLocale: z.enum(["ar", "ru", "en"]).optional(),
});
export type RedeemSignInTokenInput = z.input<typeof redeemSignInTokenInput>;

export type RedeemSignInTokenResult =
  | { status: "redeemed"; userId: number; email: string }
  | { status: TokenRefusal }
  | { status: "throttled"; retryAt: Date };

export type RedeemOptions = { now?: () => Date; hasher?: PasswordHasher };

/** No actor: holding the token is the authorization, which is why it is single-use, short-lived and stored hashed. */
export async function redeemSignInToken(
  prisma: PrismaClient,
  input: RedeemSignInTokenInput,
  context: RequestContext = {},
  { now = () => new Date(), hasher = argon2Hasher }: RedeemOptions = {},
): Promise<RedeemSignInTokenResult> {
  const { token, newPassword, uiLocale } = parseInput(redeemSignInTokenInput, input);
  const address = context.address ?? "unknown";
  const at = now();
  const retryAt = await linkAttemptsLockedUntil(prisma, address, at);
  if (retryAt) return { status: "throttled", retryAt };
  const tokenHash = hashSignInToken(token);
  const found = plausibleToken(token)
    ? await prisma.signInToken.findUnique({ where: { tokenHash }, include: { user: { select: { disabledAt: true } } } })
    : null;
  const refusal = found ? tokenRefusal(found, at) : "unknown";
  if (refusal) {
    await recordRefusedLinkAttempt(prisma, address, at);
    return { status: refusal };
  }
  // Hashed outside the transaction: argon2 takes tens of milliseconds and needs no lock.
  const passwordHash = await hasher.hash(newPassword);
  return prisma.$transaction(async (tx) => {
    // Looked up again: the token may have been spent or its user disabled while the password was hashed.
    const row = await tx.signInToken.findUnique({
      where: { tokenHash },
      include: { user: { select: { email: true, disabledAt: true } } },
    });
    if (!row) return { status: "unknown" as const };
    const lateRefusal = tokenRefusal(row, now());
    if (lateRefusal) return { status: lateRefusal };
    // Spending the token is conditional on it being unused, so two submissions at once cannot both succeed.
    const spent = await tx.signInToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now() } });
    if (spent.count === 0) return { status: "used" as const };
    await tx.user.update({
      where: { id: row.userId },
      data: {
        passwordHash,
        authVersion: { increment: 1 },
        version: { increment: 1 },
        ...(uiLocale ? { uiLocale } : {}),
      },
    });
    await tx.authSession.updateMany({ where: { userId: row.userId, endedAt: null }, data: { endedAt: now() } });
    await writeAudit(
      tx,
      { actorId: row.userId, action: "auth.set_password", entityType: "user", entityId: row.userId },
      context,
    );
    return { status: "redeemed" as const, userId: row.userId, email: row.user.email };
  });
}
