// Recognising the metadata lines wire copy ends with: the site brand, the photo credit and the source attribution.

import { foldArabic, isDroppedByFolding } from "./normalize-text.ts";

export type FooterLine =
  { kind: "brand"; text: string } | { kind: "photoCredit"; text: string } | { kind: "source"; text: string };

// Longer lines are body text that happens to start like a label ("المصدر: ..." quoting a long statement).
const MAX_FOOTER_LINE_LENGTH = 160;
// The label is a word or two; the separator must come early.
const MAX_LABEL_LENGTH = 16;

// Folded labels (see foldArabic), so hamza, tatweel, diacritics and ة/ه do not matter.
const LABELS = new Map<string, "photoCredit" | "source">([
  ["الصوره", "photoCredit"],
  ["صوره", "photoCredit"],
  ["الصور", "photoCredit"],
  ["تصوير", "photoCredit"],
  ["photo", "photoCredit"],
  ["المصدر", "source"],
  ["مصدر", "source"],
  ["source", "source"],
]);

// First letters of the labels above (Latin ones in lower case).
const LABEL_FIRST_LETTERS = new Set([0x0627, 0x0645, 0x062a, 0x0635, 0x73, 0x70]);

// Label separators: the colon and its look-alikes (full-width, small, ratio sign), and a dash (`المصدر - تاس`).
const LABEL_RE = /^([^:：﹕∶\-–—]{1,16}?) ?[:：﹕∶\-–—] ?(.+)$/;

// The brand of the source site: مجموعة الرؤية الاستراتيجية "روسيا - العالم الإسلامي", spelt in several ways.
const BRAND = "مجموعة الرؤية الاستراتيجية";
const BRAND_KEY = foldArabic(BRAND);

function isBrandLine(line: string): boolean {
  // The usual spelling needs no folding, and folding (a character loop) is most of this function's cost.
  if (line.startsWith(BRAND)) return true;
  // Folding keeps every character but the ones it drops, so a folded "مج" needs ج (or a dropped one) right after م.
  const second = line.charCodeAt(1);
  if (second !== 0x062c /* ج */ && !isDroppedByFolding(second)) return false;
  // Folding only the start: diacritics or tatweel may lengthen the brand's first words, but not threefold.
  return foldArabic(line.slice(0, BRAND_KEY.length * 3)).startsWith(BRAND_KEY);
}

/**
 * Classifies one cleaned line as a footer line, or returns null for ordinary text. The returned text is the value
 * after the label (`تاس` for `المصدر: تاس`), or the whole brand line.
 */
export function matchFooterLine(line: string): FooterLine | null {
  if (line.length === 0 || line.length > MAX_FOOTER_LINE_LENGTH) return null;
  // Cheap first-letter gates before any folding: brand lines start with م, labels with ا/ت/م/ص or Latin s/p.
  const first = line.charCodeAt(0);
  if (first === 0x0645 /* م */ && isBrandLine(line)) return { kind: "brand", text: line };
  if (!LABEL_FIRST_LETTERS.has(first >= 0x41 && first <= 0x5a ? first + 0x20 : first)) return null;
  const match = LABEL_RE.exec(line);
  if (!match) return null;
  const [, label, value] = match;
  if (label === undefined || value === undefined || label.length > MAX_LABEL_LENGTH) return null;
  const kind = LABELS.get(foldArabic(label));
  if (kind === undefined) return null;
  const text = value.trim();
  return text.length > 0 ? { kind, text } : null;
}
