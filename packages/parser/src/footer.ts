// Recognising the metadata lines wire copy ends with: the group's line (brand), the photo credit and the source.

import { foldArabic, isDroppedByFolding } from "./normalize-text.ts";

export type FooterLine =
  { kind: "brand"; text: string } | { kind: "photoCredit"; text: string } | { kind: "source"; text: string };

// Longer lines are body text that happens to start like a label ("المصدر: ..." quoting a long statement).
const MAX_FOOTER_LINE_LENGTH = 160;
// The label is a word or two; the separator must come early.
const MAX_LABEL_LENGTH = 16;

// Folded labels (see foldArabic), so hamza, tatweel, diacritics and ة/ه do not matter; Latin and Cyrillic in lower case.
const LABELS = new Map<string, "photoCredit" | "source">([
  ["الصوره", "photoCredit"],
  ["صوره", "photoCredit"],
  ["الصور", "photoCredit"],
  ["تصوير", "photoCredit"],
  ["photo", "photoCredit"],
  ["photos", "photoCredit"],
  ["фото", "photoCredit"],
  ["фотография", "photoCredit"],
  ["المصدر", "source"],
  ["مصدر", "source"],
  ["source", "source"],
  ["источник", "source"],
]);

// First letters of the labels above (Latin and Cyrillic ones in lower case).
const LABEL_FIRST_LETTERS = new Set([0x0627, 0x0645, 0x062a, 0x0635, 0x73, 0x70, 0x0444, 0x0438]);

function lowerFirstLetter(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code >= 0x0410 && code <= 0x042f) return code + 0x20; // А–Я
  return code;
}

// Label separators: the colon and its look-alikes (full-width, small, ratio sign), and a dash (`المصدر - تاس`).
const LABEL_RE = /^([^:：﹕∶\-–—]{1,16}?) ?[:：﹕∶\-–—] ?(.+)$/;

// The group's line, in its exact forms: the group's name, optionally followed by "Russia – Islamic World" in any quotes
// and with any dash. Only the whole line counts: the group's own news often has a headline that starts with its name.
const OPEN_QUOTE = `["'«“„”]?`;
const CLOSE_QUOTE = `["'»”“]?`;
const DASH = " ?[-–—] ?";
const BRAND = "مجموعة الرؤية الاستراتيجية";
const BRAND_KEY = foldArabic(BRAND);
// Matched against the folded line (foldArabic): الإستراتيجية, hamza, diacritics and tatweel already unified.
const ARABIC_BRAND_TAIL = `(?: ?${OPEN_QUOTE} ?${foldArabic("روسيا")}${DASH}${foldArabic("العالم الإسلامي")} ?${CLOSE_QUOTE})?$`;
const ARABIC_BRAND_RE = new RegExp(`^${BRAND_KEY}${ARABIC_BRAND_TAIL}`);
const ARABIC_BRAND_TAIL_RE = new RegExp(`^${ARABIC_BRAND_TAIL}`);
const RUSSIAN_BRAND_RE = new RegExp(
  `^Группа стратегического видения(?: ?${OPEN_QUOTE} ?Россия${DASH}Исламский мир ?${CLOSE_QUOTE})?$`,
  "i",
);
const ENGLISH_BRAND_RE = new RegExp(
  `^(?:(?:The )?Group of (?:the )?Strategic Vision|Strategic Vision Group)(?: ?${OPEN_QUOTE} ?Russia${DASH}(?:the )?Islamic World ?${CLOSE_QUOTE})?$`,
  "i",
);

function isBrandLine(line: string, first: number): boolean {
  if (first === 0x0645 /* م */) {
    // Folding keeps every character but the ones it drops, so a folded "مج" needs ج (or a dropped one) right after م.
    const second = line.charCodeAt(1);
    if (second !== 0x062c /* ج */ && !isDroppedByFolding(second)) return false;
    // The usual spelling: only the short tail needs folding, and folding (a character loop) is most of the cost.
    if (line.startsWith(BRAND)) return ARABIC_BRAND_TAIL_RE.test(foldArabic(line.slice(BRAND.length)));
    return ARABIC_BRAND_RE.test(foldArabic(line));
  }
  if (first === 0x0413 /* Г */ || first === 0x0433) return RUSSIAN_BRAND_RE.test(line);
  if (first === 0x47 /* G */ || first === 0x67 || first === 0x53 /* S */ || first === 0x73 || first === 0x54) {
    return ENGLISH_BRAND_RE.test(line);
  }
  return false;
}

/**
 * Classifies one cleaned line as a footer line, or returns null for ordinary text. The returned text is the value
 * after the label (`تاس` for `المصدر: تاس`), or the whole brand line.
 */
export function matchFooterLine(line: string): FooterLine | null {
  if (line.length === 0 || line.length > MAX_FOOTER_LINE_LENGTH) return null;
  // Cheap first-letter gates before any folding: labels start with ا/ت/م/ص, Latin s/p or Cyrillic ф/и.
  const first = line.charCodeAt(0);
  if (isBrandLine(line, first)) return { kind: "brand", text: line };
  if (!LABEL_FIRST_LETTERS.has(lowerFirstLetter(first))) return null;
  const match = LABEL_RE.exec(line);
  if (!match) return null;
  const [, label, value] = match;
  if (label === undefined || value === undefined || label.length > MAX_LABEL_LENGTH) return null;
  const kind = LABELS.get(foldArabic(label).toLowerCase());
  if (kind === undefined) return null;
  const text = value.trim();
  return text.length > 0 ? { kind, text } : null;
}
