// Digit handling for dates: Arabic-Indic (٠-٩), Persian/Urdu (۰-۹) and Latin digits all read as numbers.

/** A character class source matching one digit in any of the three scripts. */
export const ANY_DIGIT = "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]";

const NON_LATIN_DIGIT_RE = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Rewrites Arabic-Indic and Persian digits as Latin ones; everything else is left as it is. */
export function toLatinDigits(text: string): string {
  return text.replace(NON_LATIN_DIGIT_RE, (d) => {
    const code = d.charCodeAt(0);
    return String.fromCharCode(48 + (code >= 0x06f0 ? code - 0x06f0 : code - 0x0660));
  });
}

/** Parses a run of digits in any script; NaN when it holds anything else. */
export function parseDigits(text: string): number {
  const latin = toLatinDigits(text);
  return /^[0-9]+$/.test(latin) ? Number(latin) : Number.NaN;
}
