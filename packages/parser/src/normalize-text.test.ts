// Text clean-up: the one-pass line splitter must agree with the plain regex definition of "clean".

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldArabic, normalizeWhitespace, splitCleanLines, splitCleanLinesNotingControls } from "./normalize-text.ts";

// The specification, written the slow and obvious way: split at line ends, then clean each line.
function splitLinesByRegex(text: string): string[] {
  return text.split(/\r\n|[\n\r\u2028\u2029\u0085]/).map((line) =>
    line
      .replace(/[\u200B\u2060\uFEFF\u00AD\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g, "")
      .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g, "")
      .replace(/[ \t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g, " ")
      .trim(),
  );
}

const pieces = fc.constantFrom(
  " ",
  "  ",
  "\u00A0",
  "\t",
  "\r\n",
  "\r",
  "\n",
  "\u2028",
  "\u0085",
  "\uFEFF",
  "\u200B",
  "\u200F",
  "\u202E",
  "\u2003",
  "\u3000",
  "\u0001",
  "\u009F",
  "\u00AD",
  "\u200C",
  "ab",
  "عربي",
  "نص",
  "،",
  ".",
  "\u061C",
  "\u0640",
  "\uD83D\uDE00",
);
const messyText = fc
  .array(fc.oneof(pieces, fc.string({ unit: "binary", maxLength: 5 })), { maxLength: 40 })
  .map((parts) => parts.join(""));

describe("splitCleanLines", () => {
  it("agrees with the regex definition on arbitrary text", () => {
    fc.assert(
      fc.property(messyText, (text) => {
        expect(splitCleanLines(text)).toEqual(splitLinesByRegex(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("never misses a control character (parseArticle skips the binary check on that word)", () => {
    fc.assert(
      fc.property(messyText, (text) => {
        if (!/[\u0000-\u0008\u000E-\u001F]/.test(text)) return;
        expect(splitCleanLinesNotingControls(text).mayHaveControls).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("collapses NBSP and Unicode spaces, drops bidi marks and BOM, splits CRLF/CR", () => {
    expect(splitCleanLines("\uFEFFأ\u00A0 ب\r\n\u00A0\rج\u200F  د \u2003")).toEqual(["أ ب", "", "ج د"]);
  });
});

describe("normalizeWhitespace", () => {
  it("collapses every whitespace run, line breaks included", () => {
    expect(normalizeWhitespace(" العقود في\u00A0 إطار\n المعرض\u200B ")).toBe("العقود في إطار المعرض");
  });
});

describe("foldArabic", () => {
  it("folds hamza forms, ى/ي, ة/ه, tatweel and diacritics", () => {
    expect(foldArabic("أُكْتُوبَـــر")).toBe("اكتوبر");
    expect(foldArabic("الإستراتيجية")).toBe(foldArabic("الاستراتيجيه"));
    expect(foldArabic("مستشفى  الرؤية")).toBe("مستشفي الرويه");
    expect(foldArabic("SOURCE")).toBe("source");
  });
});
