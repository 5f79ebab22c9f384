// URL slugs that keep the title's own script: Arabic titles give Arabic slugs, as Arabic news sites publish them.
// Written here rather than taken from a slug library because those transliterate Arabic into Latin letters.
import { randomUUID } from "node:crypto";
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

/** How many slugs are tried before a random suffix: the base, then `base-2` … `base-20`. */
export const NUMBERED_SLUGS = 20;

/**
 * The slugs to try for a new record, in order of preference: the base, then `base-2` … `base-20`; `fallback` (the
 * base with a random suffix) when all are taken. Callers probe them with exact index look-ups.
 */
export function slugCandidates(base: string): { candidates: string[]; fallback: string } {
  return {
    candidates: [base, ...Array.from({ length: NUMBERED_SLUGS - 1 }, (_, i) => `${base}-${i + 2}`)],
    fallback: randomSlug(base),
  };
}

/** The base with 8 random hex digits (a UUID's first group, all random, from Node's buffered entropy). */
export function randomSlug(base: string): string {
  return `${base}-${randomUUID().slice(0, 8)}`;
}

/** A key for matching names of agencies and credits regardless of spelling variants and spacing. */
export function makeMatchKey(name: string): string {
  return normalizeArabicForSearch(name)
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, " ")
    .trim();
}
