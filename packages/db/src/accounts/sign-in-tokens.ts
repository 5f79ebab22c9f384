// One-time sign-in links: a random token handed out once, stored only as its sha256, valid for a limited time.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

/** How long a link works: long enough to reach someone over a weekend, short enough not to linger. */
export const SIGN_IN_TOKEN_TTL_MS = 72 * 60 * 60 * 1000;

/** 32 random bytes: not guessable, so the hash needs no salt and a unique index finds it. */
export function hashSignInToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export type IssuedToken = { token: string; expiresAt: Date };

/** Issues a new token for the user and voids any earlier unused one, so only the newest link works. */
export async function issueSignInToken(
  tx: Prisma.TransactionClient,
  userId: number,
  now = new Date(),
): Promise<IssuedToken> {
  await tx.signInToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SIGN_IN_TOKEN_TTL_MS);
  await tx.signInToken.create({ data: { userId, tokenHash: hashSignInToken(token), expiresAt } });
  return { token, expiresAt };
}

export type TokenRefusal = "unknown" | "used" | "expired" | "disabled";

/** Why a stored token does not work now, or null when it does. */
export function tokenRefusal(
  row: { usedAt: Date | null; expiresAt: Date; user: { disabledAt: Date | null } },
  now: Date,
): TokenRefusal | null {
  if (row.usedAt) return "used";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  if (row.user.disabledAt) return "disabled";
  return null;
}

export const plausibleToken = (token: string): boolean => /^[A-Za-z0-9_-]{20,100}$/.test(token);

export type InspectedToken = { status: TokenRefusal } | { status: "valid"; email: string; name: string };

/**
 * What the link page shows before the password is chosen; changes nothing, so opening a link never spends it.
 * Malformed input is simply unknown: nothing is revealed about other tokens.
 */
export async function inspectSignInToken(
  prisma: PrismaClient,
  token: string,
  now = new Date(),
): Promise<InspectedToken> {
  if (!plausibleToken(token)) return { status: "unknown" };
  const row = await prisma.signInToken.findUnique({
    where: { tokenHash: hashSignInToken(token) },
    include: { user: { select: { email: true, name: true, disabledAt: true } } },
  });
  if (!row) return { status: "unknown" };
  const refusal = tokenRefusal(row, now);
  return refusal ? { status: refusal } : { status: "valid", email: row.user.email, name: row.user.name };
}
