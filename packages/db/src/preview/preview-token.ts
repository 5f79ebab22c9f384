// Signed, short-lived preview tokens: an HMAC-SHA256 over {localizationId, expiry, generation}, so the public site can show a
// draft to whoever holds the link without a session, and to nobody once it expires or is altered.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** How long a preview link works unless the caller asks otherwise: long enough to share, short enough to leak little. */
export const PREVIEW_TOKEN_LIFETIME_MS = 30 * 60 * 1000;

/** The longest a preview link may live, whatever the editor asks: a week. */
export const MAX_PREVIEW_TOKEN_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** The secret must be long enough that guessing it is hopeless; the apps' env schemas ask for the same. */
export const MIN_PREVIEW_SECRET_LENGTH = 32;

/** `generation`: the article's preview generation when the link was made; revoking the article's links bumps it. */
export type PreviewClaims = { localizationId: number; expiresAt: Date; generation: number };

// Short keys keep the URL short; `v` lets a future format be told apart from this one. Links made before `g` existed
// belong to generation 0, so revoking them works too.
const payloadSchema = z
  .object({
    v: z.literal(1),
    l: z.number().int().positive(),
    e: z.number().int().positive(),
    g: z.number().int().nonnegative().optional(),
  })
  .strict();

function checkSecret(secret: string): void {
  if (secret.length < MIN_PREVIEW_SECRET_LENGTH)
    throw new Error(`The preview secret must be at least ${MIN_PREVIEW_SECRET_LENGTH} characters`);
}

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

/** `<payload>.<signature>`, both base64url: safe in a URL path segment as is. */
export function signPreviewToken(
  claims: Omit<PreviewClaims, "generation"> & { generation?: number },
  secret: string,
): string {
  checkSecret(secret);
  const payload = Buffer.from(
    JSON.stringify({
      v: 1,
      l: claims.localizationId,
      e: Math.floor(claims.expiresAt.getTime() / 1000),
      ...(claims.generation ? { g: claims.generation } : {}),
    }),
  ).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

/** The claims of a genuine, unexpired token; null for anything else (malformed, altered, other secret, expired). */
export function verifyPreviewToken(token: string, secret: string, now: Date = new Date()): PreviewClaims | null {
  checkSecret(secret);
  const parts = token.split(".");
  if (parts.length !== 2) return null;
  const [payload = "", signature = ""] = parts;
  if (!/^[\w-]{1,200}$/.test(payload) || !/^[\w-]{43}$/.test(signature)) return null;
  // Compared as text, not decoded bytes: base64url's last character carries spare bits, so two spellings decode
  // alike, and only the one this code produces is accepted.
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const claims = payloadSchema.safeParse(decoded);
  if (!claims.success) return null;
  const expiresAt = new Date(claims.data.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return null;
  return { localizationId: claims.data.l, expiresAt, generation: claims.data.g ?? 0 };
}
