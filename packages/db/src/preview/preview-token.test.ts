// Preview tokens: a genuine token round-trips; any change to it, another secret or its expiry makes it worthless.
import { describe, expect, it } from "vitest";
import { PREVIEW_TOKEN_LIFETIME_MS, signPreviewToken, verifyPreviewToken } from "./preview-token.ts";

const SECRET = "a-test-preview-secret-of-at-least-32-chars";
const NOW = new Date("2026-11-23T12:00:00.000Z");
const claims = { localizationId: 42, expiresAt: new Date(NOW.getTime() + PREVIEW_TOKEN_LIFETIME_MS) };

/** Changes one character of `text` at `index` to another base64url character. */
function alter(text: string, index: number): string {
  const char = text[index] === "A" ? "B" : "A";
  return `${text.slice(0, index)}${char}${text.slice(index + 1)}`;
}

describe("preview tokens", () => {
  it("round-trip: a fresh token gives back its localization and expiry", () => {
    const token = signPreviewToken(claims, SECRET);
    expect(token).toMatch(/^[\w-]+\.[\w-]{43}$/);
    expect(verifyPreviewToken(token, SECRET, NOW)).toEqual({ ...claims, generation: 0 });
  });

  it("refuse a token whose payload was changed (another localization, a later expiry)", () => {
    const [payload = "", signature = ""] = signPreviewToken(claims, SECRET).split(".");
    const forged = Buffer.from(
      JSON.stringify({ v: 1, l: 43, e: Math.floor(claims.expiresAt.getTime() / 1000) }),
    ).toString("base64url");
    expect(verifyPreviewToken(`${forged}.${signature}`, SECRET, NOW)).toBeNull();
    const later = Buffer.from(
      JSON.stringify({ v: 1, l: 42, e: Math.floor(claims.expiresAt.getTime() / 1000) + 86_400 }),
    ).toString("base64url");
    expect(verifyPreviewToken(`${later}.${signature}`, SECRET, NOW)).toBeNull();
    for (let index = 0; index < payload.length; index++) {
      expect(verifyPreviewToken(`${alter(payload, index)}.${signature}`, SECRET, NOW)).toBeNull();
    }
  });

  it("refuse a token whose signature was changed, cut or dropped", () => {
    const [payload = "", signature = ""] = signPreviewToken(claims, SECRET).split(".");
    for (let index = 0; index < signature.length; index++) {
      expect(
        verifyPreviewToken(`${payload}.${alter(signature, index)}`, SECRET, NOW),
        `signature character ${index}`,
      ).toBeNull();
    }
    expect(verifyPreviewToken(`${payload}.${signature.slice(0, -1)}`, SECRET, NOW)).toBeNull();
    expect(verifyPreviewToken(`${payload}.`, SECRET, NOW)).toBeNull();
    expect(verifyPreviewToken(payload, SECRET, NOW)).toBeNull();
    expect(verifyPreviewToken(`${payload}.${signature}.x`, SECRET, NOW)).toBeNull();
    expect(verifyPreviewToken("", SECRET, NOW)).toBeNull();
  });

  it("refuse an expired token, and accept it until its last second", () => {
    const token = signPreviewToken(claims, SECRET);
    expect(verifyPreviewToken(token, SECRET, new Date(claims.expiresAt.getTime() - 1000))).not.toBeNull();
    expect(verifyPreviewToken(token, SECRET, claims.expiresAt)).toBeNull();
    expect(verifyPreviewToken(token, SECRET, new Date(claims.expiresAt.getTime() + 60_000))).toBeNull();
  });

  it("refuse a token signed with another secret", () => {
    const token = signPreviewToken(claims, "another-preview-secret-of-at-least-32-chars");
    expect(verifyPreviewToken(token, SECRET, NOW)).toBeNull();
  });

  it("refuse to sign or verify with a short secret", () => {
    expect(() => signPreviewToken(claims, "short")).toThrow(/at least 32/);
    expect(() => verifyPreviewToken("a.b", "short")).toThrow(/at least 32/);
  });
});
