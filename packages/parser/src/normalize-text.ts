// Text clean-up shared by every stage: invisible characters, Unicode spaces, line ends, and Arabic folding for matching.

// Zero-width space, word joiner, BOM, soft hyphen and bidi controls carry no content in wire text and break matching.
// ZWNJ/ZWJ (U+200C/U+200D) are kept: in Persian and Urdu names they change how letters join.
const INVISIBLE_RE = /[\u200B\u2060\uFEFF\u00AD\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
const LINE_END_RE = /\r\n?|[\u2028\u2029\u0085]/g;
// C0/C1 controls other than tab and newline; they only appear in damaged files.
const CONTROL_RE = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
// Every horizontal space the sources use (tab, NBSP, en/em/thin spaces, narrow NBSP, ideographic space...).
const SPACE_RUN_RE = /[ \t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
const ANY_SPACE_RUN_RE = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u2028\u2029\u0085]+/g;

/**
 * Cleans a whole decoded text in a few passes and returns its lines, each trimmed and with inner space runs collapsed
 * to one space. Blank lines (including NBSP-only ones) come back as empty strings.
 */
export function splitCleanLines(text: string): string[] {
  const cleaned = text
    .replace(INVISIBLE_RE, "")
    .replace(LINE_END_RE, "\n")
    .replace(CONTROL_RE, "")
    .replace(SPACE_RUN_RE, " ");
  const lines = cleaned.split("\n");
  for (let i = 0; i < lines.length; i++) lines[i] = (lines[i] as string).trim();
  return lines;
}

/** Collapses every whitespace run (line breaks included) to one space, drops invisible characters, and trims. */
export function normalizeWhitespace(text: string): string {
  return text.replace(INVISIBLE_RE, "").replace(CONTROL_RE, "").replace(ANY_SPACE_RUN_RE, " ").trim();
}

// Harakat, Quranic marks and superscript alef: copy sometimes carries them inside words; they never change a name.
const DIACRITICS_RE = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ALEF_RE = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g;

/**
 * Folds Arabic spelling variants for matching only (never for output): drops diacritics and tatweel, unifies the
 * alef forms, ى/ی → ي, ة → ه, ؤ → و, ئ → ي, ک → ك, removes hamza on the line, lower-cases Latin.
 */
export function foldArabic(text: string): string {
  return text
    .replace(DIACRITICS_RE, "")
    .replace(ALEF_RE, "\u0627")
    .replace(/[\u0649\u06CC\u064A\u0626]/g, "\u064A")
    .replace(/\u0629/g, "\u0647")
    .replace(/\u0624/g, "\u0648")
    .replace(/\u06A9/g, "\u0643")
    .replace(/\u0621/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Arabic letters proper (hamza to yeh, plus wasla and the Persian kaf/yeh), for "is this Arabic text" checks. */
export const ARABIC_LETTER_RE = /[\u0621-\u063A\u0641-\u064A\u0671\u06A9\u06CC]/;
