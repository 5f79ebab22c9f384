// Digit handling for dates: Arabic-Indic (٠-٩), Persian/Urdu (۰-۹) and Latin digits all read as numbers.

/** A character class source matching one digit in any of the three scripts. */
export const ANY_DIGIT = "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]";

function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x0660 && code <= 0x0669) return code - 0x0660;
  if (code >= 0x06f0 && code <= 0x06f9) return code - 0x06f0;
  return -1;
}

/** Rewrites Arabic-Indic and Persian digits as Latin ones; everything else is left as it is. */
export function toLatinDigits(text: string): string {
  // A loop rather than a replace callback per digit: this runs on short lines, most of them holding a date.
  let latin = "";
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x0660) continue;
    const digit = digitValue(code);
    if (digit < 0) continue;
    latin += text.slice(copied, i) + String.fromCharCode(0x30 + digit);
    copied = i + 1;
  }
  return copied === 0 ? text : latin + text.slice(copied);
}

// Up to 15 digits, accumulating is exact; longer runs could round differently from Number(), so they go through it.
const MAX_EXACT_DIGITS = 15;

/** Parses a run of digits in any script; NaN when it holds anything else. */
export function parseDigits(text: string): number {
  if (text.length === 0) return Number.NaN;
  if (text.length > MAX_EXACT_DIGITS) {
    const latin = toLatinDigits(text);
    return /^[0-9]+$/.test(latin) ? Number(latin) : Number.NaN;
  }
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = digitValue(text.charCodeAt(i));
    if (digit < 0) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}
