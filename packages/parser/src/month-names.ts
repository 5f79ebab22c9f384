// Arabic month and weekday names as real copy spells them, resolved to numbers with a little spelling tolerance.

import { foldArabic } from "./normalize-text.ts";

// Written in ordinary spelling; keys are folded (see foldArabic) when the tables are built.
const MONTH_SPELLINGS: ReadonlyArray<readonly [number, readonly string[]]> = [
  // Egyptian/Gulf (Gregorian transliterated), Levantine/Iraqi (Syriac), Maghrebi (French/Moroccan).
  [1, ["يناير", "كانون الثاني", "كانون ثاني", "جانفي"]],
  [2, ["فبراير", "شباط", "فيفري"]],
  [3, ["مارس", "آذار"]],
  [4, ["أبريل", "إبريل", "نيسان", "أفريل"]],
  [5, ["مايو", "أيار", "ماي"]],
  [6, ["يونيو", "يونيه", "حزيران", "جوان"]],
  [7, ["يوليو", "يوليه", "تموز", "جويلية", "يوليوز"]],
  [8, ["أغسطس", "آب", "أوت", "غشت"]],
  [9, ["سبتمبر", "أيلول", "شتنبر"]],
  [10, ["أكتوبر", "تشرين الأول", "تشرين أول"]],
  [11, ["نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"]],
  [12, ["ديسمبر", "كانون الأول", "كانون أول", "دجنبر"]],
];

// 0 = Sunday, as Date#getUTCDay counts. Keys are folded and stripped of the article "ال".
const WEEKDAY_SPELLINGS: ReadonlyArray<readonly [number, string]> = [
  [0, "الأحد"],
  [1, "الاثنين"],
  [2, "الثلاثاء"],
  [3, "الأربعاء"],
  [4, "الخميس"],
  [5, "الجمعة"],
  [6, "السبت"],
];

/** Arabic weekday names in standard spelling, indexed like Date#getUTCDay. */
export const WEEKDAY_NAMES: readonly string[] = WEEKDAY_SPELLINGS.map(([, name]) => name);

/** Arabic month names in standard spelling (Gregorian/Levantine pair), index 0 = January. */
export const MONTH_NAMES: readonly string[] = [
  "يناير/كانون الثاني",
  "فبراير/شباط",
  "مارس/آذار",
  "أبريل/نيسان",
  "مايو/أيار",
  "يونيو/حزيران",
  "يوليو/تموز",
  "أغسطس/آب",
  "سبتمبر/أيلول",
  "أكتوبر/تشرين الأول",
  "نوفمبر/تشرين الثاني",
  "ديسمبر/كانون الأول",
];

const MONTH_BY_KEY = new Map<string, number>();
for (const [month, spellings] of MONTH_SPELLINGS) {
  for (const spelling of spellings) MONTH_BY_KEY.set(foldArabic(spelling), month);
}

function stripArticle(folded: string): string {
  return folded.startsWith("ال") ? folded.slice(2) : folded;
}

const WEEKDAY_BY_KEY = new Map<string, number>();
for (const [day, name] of WEEKDAY_SPELLINGS) WEEKDAY_BY_KEY.set(stripArticle(foldArabic(name)), day);

// Short names (آب، ماي، سبت...) are too close to ordinary words for fuzzy matching; only longer ones get it.
const FUZZY_MIN_LENGTH = 4;

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
function isWithinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The single value whose key is within one edit of `folded`; null when none or when several values compete. */
function lookupFuzzy(folded: string, table: ReadonlyMap<string, number>): number | null {
  if (folded.replace(/ /g, "").length < FUZZY_MIN_LENGTH) return null;
  let found: number | null = null;
  for (const [key, value] of table) {
    if (key.replace(/ /g, "").length < FUZZY_MIN_LENGTH) continue;
    if (!isWithinOneEdit(folded, key)) continue;
    if (found !== null && found !== value) return null;
    found = value;
  }
  return found;
}

const MONTH_SEPARATOR_RE = /\s*[/\\|]\s*/;

/**
 * Resolves a month written as one name (`مارس`, `كانون الثاني`) or a combined pair (`مارس/آذار`) to 1–12.
 * In a pair, a name that resolves exactly wins over a misspelt other half (`مارس/اذارر`, `مارسس/آذار` → 3); when
 * both halves resolve to different months the first (usually Gregorian) one is taken. With `fuzzy`, names of four or
 * more letters may be one edit away from a known spelling, as long as that points to a single month.
 * A pair is always allowed that tolerance, since the other half corroborates it.
 */
export function resolveMonth(text: string, options: { fuzzy?: boolean } = {}): number | null {
  const parts = foldArabic(text)
    .split(MONTH_SEPARATOR_RE)
    .filter((part) => part.length > 0);
  if (parts.length === 0 || parts.length > 2) return null;
  for (const part of parts) {
    const exact = MONTH_BY_KEY.get(part);
    if (exact !== undefined) return exact;
  }
  if (!options.fuzzy && parts.length < 2) return null;
  let found: number | null = null;
  for (const part of parts) {
    const fuzzy = lookupFuzzy(part, MONTH_BY_KEY);
    if (fuzzy === null) continue;
    if (found !== null && found !== fuzzy) return null;
    found = fuzzy;
  }
  return found;
}

/** Resolves a weekday name (`الإثنين`, `الاثنين`, `اثنين`, `الخميس`...) to 0–6 (Sunday = 0), or null. */
export function resolveWeekday(word: string): number | null {
  const key = stripArticle(foldArabic(word));
  const exact = WEEKDAY_BY_KEY.get(key);
  if (exact !== undefined) return exact;
  return lookupFuzzy(key, WEEKDAY_BY_KEY);
}
