// URL slugs that keep the title's own script: Arabic titles give Arabic slugs, as Arabic news sites publish them.
// Written here rather than taken from a slug library because those transliterate Arabic into Latin letters.
import { randomBytes } from "node:crypto";
import { normalizeArabicForSearch } from "./search/normalize-arabic.ts";

const MAX_SLUG_LENGTH = 80;

export function makeSlug(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || (words[0] ?? "").slice(0, maxLength) || "article";
}

/**
 * The slugs to try for a new record, in order of preference: the base, then `base-2` … `base-20`; `fallback` (the
 * base with a random suffix) when all are taken. Callers probe them with exact index look-ups.
 */
export function slugCandidates(base: string): { candidates: string[]; fallback: string } {
  return {
    candidates: [base, ...Array.from({ length: 19 }, (_, i) => `${base}-${i + 2}`)],
    fallback: `${base}-${randomBytes(4).toString("hex")}`,
  };
}

/** A key for matching names of agencies and credits regardless of spelling variants and spacing. */
export function makeMatchKey(name: string): string {
  return normalizeArabicForSearch(name).toLowerCase().replace(/[\s\p{P}]+/gu, " ").trim();
}
