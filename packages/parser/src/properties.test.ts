// Property tests: no string or byte array (Arabic, Russian, English or mixed) makes the parser throw; texts are clean.

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { FIXTURES_DIR, readSeedText, type SeedId } from "../test/seeds.ts";
import { normalizeWhitespace, parseArticle } from "./index.ts";
import { parseDateLine } from "./parse-date.ts";
import type { ParseResult } from "./index.ts";

// Each property runs a hundred parses or more: on a busy 2-core machine that can outlast Vitest's default 5 s.
vi.setConfig({ testTimeout: 60_000 });

const SEED_IDS: SeedId[] = ["000", "001", "002", "003", "004"];
const seedLines = SEED_IDS.flatMap((id) => readSeedText(id).split("\n"));

// Pieces that exercise the parser's special cases, mixed with arbitrary text.
const tricky = fc.constantFrom(
  "\u00A0",
  "\r\n",
  "\r",
  "\n",
  "\uFEFF",
  "\u200F",
  "\u200B",
  "\u0640",
  "\u064E",
  "٠٤ مارس",
  "٣٠ مايو ٢٠٢٢",
  "اليوم الإثنين 4 مارس/آذار 2024",
  "الصورة: ",
  "المصدر - ",
  "مجموعة الرؤية الاستراتيجية",
  "Ru En",
  '"',
  "(",
  ".",
  "؟",
  "29 فبراير",
  "  ",
  "\t",
  "۱۹",
  "كانون الثاني",
);
const arabicishText = fc
  .array(fc.oneof(fc.string({ unit: "grapheme" }), fc.constantFrom(...seedLines), tricky), { maxLength: 30 })
  .map((parts) => parts.join(""));

function collectTexts(result: ParseResult): string[] {
  if (!result.ok) return [result.error.message];
  const { article } = result;
  return [
    article.title,
    article.provisionalTitle,
    article.photoCredit,
    article.source,
    article.brand,
    ...article.blocks.map((block) => block.text),
  ].filter((text): text is string => text !== null);
}

function checkShape(result: ParseResult): void {
  if (!result.ok) {
    expect(typeof result.error.code).toBe("string");
    return;
  }
  expect(result.article.blocks.length).toBeGreaterThan(0);
  if (result.article.publishedOn !== null) expect(result.article.publishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  for (const text of collectTexts(result)) {
    expect(text).not.toMatch(/^\s|\s$|\s\s|[\u00A0\u200B\uFEFF\r\n]/);
    expect(text.length).toBeGreaterThan(0);
  }
}

const RU_EN_FIXTURES = ["ru-full-date", "ru-no-year", "ru-no-title", "en-full-date", "en-no-year", "en-missing-year"];
const ruEnLines = RU_EN_FIXTURES.flatMap((name) => readFileSync(`${FIXTURES_DIR}${name}.txt`, "utf8").split("\n"));
// Russian and English pieces: date forms, footer labels, the group's line, the translation note.
const ruEnTricky = fc.constantFrom(
  "En Ar",
  "Ru Ar",
  "19 июня 2019",
  "4 марта",
  "04 May",
  "01 November 2019",
  "Sept. 9, 2021",
  "в среду, 19 июня 2019 года",
  "on Monday, March 4, 2024",
  "сегодня, 31 февраля 2024 г.",
  "Фото: ",
  "Источник - ",
  "Photo: ",
  "Source:",
  "Группа стратегического видения «Россия – Исламский мир»",
  'Group of Strategic Vision "Russia - Islamic World"',
  "Non-official translation",
  "Неофициальный перевод",
  "1st of ",
  "года",
  "«",
  "”",
  "—",
);
const ruEnText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.stringMatching(/^[а-яА-ЯёЁa-zA-Z0-9 ,.:\-\n]{0,40}$/),
      fc.constantFrom(...ruEnLines),
      ruEnTricky,
      tricky,
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));

describe("parser properties", () => {
  it("never throws on Russian, English or mixed text, and gives clean texts", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          ruEnText,
          fc.tuple(ruEnText, arabicishText).map(([a, b]) => a + b),
        ),
        (input) => {
          const result = parseArticle(input);
          checkShape(result);
          if (result.ok) expect(["ar", "ru", "en"]).toContain(result.article.locale);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("Russian and English fixtures with random bytes flipped or cut never throw", () => {
    const bytes = RU_EN_FIXTURES.map((name) => readFileSync(`${FIXTURES_DIR}${name}.txt`));
    fc.assert(
      fc.property(
        fc.nat({ max: bytes.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(),
        (which, flips, cut) => {
          const copy = Uint8Array.from(bytes[which] as Buffer);
          for (const [at, value] of flips) copy[at % copy.length] = value;
          checkShape(parseArticle(copy.subarray(0, Math.max(1, cut % (copy.length + 1)))));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never throws on any string and gives clean texts", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 400 }), arabicishText), (input) => {
        checkShape(parseArticle(input));
      }),
      { numRuns: 1500 },
    );
  });

  it("never throws on any byte array", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        checkShape(parseArticle(bytes));
      }),
      { numRuns: 1500 },
    );
  });

  it("UTF-8 bytes of any well-formed text parse exactly like the text itself", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 300 }), arabicishText), (text) => {
        expect(parseArticle(Buffer.from(text, "utf8"))).toEqual(parseArticle(text));
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws on seeds with random bytes flipped or cut", () => {
    const seedBytes = SEED_IDS.map((id) => Buffer.from(readSeedText(id), "utf8"));
    fc.assert(
      fc.property(
        fc.nat({ max: seedBytes.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(),
        (which, flips, cut) => {
          const bytes = Uint8Array.from(seedBytes[which] as Buffer);
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          checkShape(parseArticle(bytes.subarray(0, Math.max(1, cut % (bytes.length + 1)))));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("re-parsing the text rebuilt from an article gives the same title and blocks", () => {
    fc.assert(
      fc.property(arabicishText, (input) => {
        const first = parseArticle(input);
        if (!first.ok) return;
        const { article } = first;
        if (article.title === null) return;
        const codes = first.warnings.map((warning) => warning.code);
        if (codes.includes("missing_year")) return;
        // A title that is itself a date line cannot survive being written above one: not a real wire text.
        if (parseDateLine(article.title) !== null) return;
        const hadDateLine = article.publishedOn !== null && !codes.includes("date_from_body");
        const head = hadDateLine ? [article.title, article.publishedOn as string] : [article.title];
        const rebuilt = [...head, ...article.blocks.map((block) => block.text)].join("\n\n");
        const second = parseArticle(rebuilt);
        if (!second.ok) throw new Error(`re-parse failed: ${second.error.code}`);
        expect(second.article.title).toBe(article.title);
        expect(second.article.blocks).toEqual(article.blocks);
      }),
      { numRuns: 1000 },
    );
  });

  it("normalizeWhitespace is idempotent and leaves no runs or edge spaces", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const once = normalizeWhitespace(text);
        expect(normalizeWhitespace(once)).toBe(once);
        expect(once).not.toMatch(/^\s|\s$|\s\s/);
      }),
    );
  });
});
