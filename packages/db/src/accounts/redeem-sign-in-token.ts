// The user's side of a one-time link: choose a password. The link works once, before it expires, for an active user;
// every earlier session of theirs ends.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { hashPassword } from "../users.ts";
import { parseInput } from "../editorial/errors.ts";
import { writeAudit } from "./audit.ts";
import { passwordInput, type RequestContext } from "./inputs.ts";
import { hashSignInToken, plausibleToken, tokenRefusal, type TokenRefusal } from "./sign-in-tokens.ts";

export const redeemSignInTokenInput = z.object({ token: z.string().max(200), newPassword: passwordInput });
export type RedeemSignInTokenInput = z.input<typeof redeemSignInTokenInput>;

export type RedeemSignInTokenResult = { status: "redeemed"; userId: number; email: string } | { status: TokenRefusal };

/** No actor: holding the token is the authorization, which is why it is single-use, short-lived and stored hashed. */
export async function redeemSignInToken(
  prisma: PrismaClient,
  input: RedeemSignInTokenInput,
  context: RequestContext = {},
): Promise<RedeemSignInTokenResult> {
  const { token, newPassword } = parseInput(redeemSignInTokenInput, input);
  if (!plausibleToken(token)) return { status: "unknown" };
  // Hashed before the transaction: argon2 takes tens of milliseconds and needs no lock.
  const passwordHash = await hashPassword(newPassword);
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const tokenHash = hashSignInToken(token);
    const row = await tx.signInToken.findUnique({
      where: { tokenHash },
      include: { user: { select: { email: true, disabledAt: true } } },
    });
    if (!row) return { status: "unknown" as const };
    const refusal = tokenRefusal(row, now);
    if (refusal) return { status: refusal };
    // Spending the token is conditional on it being unused, so two submissions at once cannot both succeed.
    const spent = await tx.signInToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (spent.count === 0) return { status: "used" as const };
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, authVersion: { increment: 1 }, version: { increment: 1 } },
    });
    await writeAudit(
      tx,
      { actorId: row.userId, action: "auth.set_password", entityType: "user", entityId: row.userId },
      context,
    );
    return { status: "redeemed" as const, userId: row.userId, email: row.user.email };
  });
}
