// The text's language, told from its script: Arabic letters, Cyrillic (Russian) or Latin (English).

import type { Locale } from "./types.ts";

/** The letters of the script each locale is written in, for "is this text in that language" checks. */
export const LOCALE_LETTER_RE: Readonly<Record<Locale, RegExp>> = {
  ar: /[\u0621-\u063A\u0641-\u064A\u0671\u06A9\u06CC]/,
  ru: /[\u0400-\u04FF]/,
  en: /[A-Za-z]/,
};

// Enough letters to tell the script of the title and lead apart from a stray foreign name; counting stops there, so
// long articles cost no more than short ones.
const ENOUGH_LETTERS = 200;

/**
 * The locale whose script has the most letters in the lines (those `skip` accepts left out: site chrome, footer
 * lines), or null when none of them holds an Arabic, Cyrillic or Latin letter.
 */
export function detectLocale(lines: readonly string[], skip: (line: string) => boolean = () => false): Locale | null {
  let arabic = 0;
  let cyrillic = 0;
  let latin = 0;
  let budget = ENOUGH_LETTERS;
  for (let k = 0; k < lines.length && budget > 0; k++) {
    const line = lines[k] as string;
    if (skip(line)) continue;
    // Range checks, most common script first: this loop is a noticeable part of parsing a short article.
    for (let i = 0; i < line.length && budget > 0; i++) {
      const code = line.charCodeAt(i);
      if (code >= 0x0621 && code <= 0x06d3) {
        // Arabic letters (with tatweel), then the extended letters after the marks and digits.
        if (code <= 0x064a || code >= 0x0671) arabic++;
        else continue;
      } else if (code >= 0x0400 && code <= 0x04ff) cyrillic++;
      else if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) latin++;
      else continue;
      budget--;
    }
  }
  if (arabic + cyrillic + latin === 0) return null;
  // Ties go to Arabic, then Russian: the site's first language, and English words are the usual strays.
  if (arabic >= cyrillic && arabic >= latin) return "ar";
  return cyrillic >= latin ? "ru" : "en";
}
