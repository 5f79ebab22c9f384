// Seeds parsed field by field, and the variations wire copy shows (line ends, BOM, spacing, footers, missing parts).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR, readSeedBytes, readSeedText, type SeedId } from "../test/seeds.ts";
import { BLOCKING_WARNINGS, parseArticle } from "./index.ts";
import type { ParseResult, ParsedArticle } from "./index.ts";

function expectArticle(result: ParseResult): ParsedArticle {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.article;
}

function listCodes(result: ParseResult): string[] {
  return result.warnings.map((warning) => warning.code);
}

function listHeadings(parsed: ParsedArticle): string[] {
  return parsed.blocks.filter((block) => block.type === "heading").map((block) => block.text);
}

const BRAND_HYPHEN = 'مجموعة الرؤية الاستراتيجية "روسيا - العالم الإسلامي"';

describe("seed articles", () => {
  it("000: title, year taken from the body, en-dash brand, no headings", () => {
    const result = parseArticle(readSeedBytes("000"));
    const parsed = expectArticle(result);
    expect(parsed.locale).toBe("ar");
    expect(parsed.title).toBe("ميشوستين يؤكد خلال لقائه رئيس وزراء كازاخستان الجديد استعداده للتعاون");
    expect(parsed.provisionalTitle).toBeNull();
    expect(parsed.publishedOn).toBe("2024-03-04");
    expect(parsed.blocks).toHaveLength(8);
    expect(listHeadings(parsed)).toEqual([]);
    expect(parsed.blocks[0]?.text.startsWith("أكد رئيس الوزراء الروسي - ميخائيل ميشوستين")).toBe(true);
    expect(parsed.blocks[7]?.text).toContain('"روسيا وكازاخستان تعملان بشكل مثمر'); // NBSP inside the line became a space
    expect(parsed.photoCredit).toBe("مجلس الإتحاد الروسي");
    expect(parsed.source).toBe("تاس");
    expect(parsed.brand).toBe('مجموعة الرؤية الاستراتيجية "روسيا – العالم الإسلامي"');
    expect(listCodes(result)).toEqual(["year_from_body"]);
  });

  it("001: full date line, two headings with the double space collapsed", () => {
    const result = parseArticle(readSeedBytes("001"));
    const parsed = expectArticle(result);
    expect(parsed.title).toBe("ميشوستين: التعاون بين روسيا وكازاخستان مهم وبشكل خاص في مواجهة العقوبات");
    expect(parsed.publishedOn).toBe("2022-05-30");
    expect(parsed.blocks).toHaveLength(15);
    expect(listHeadings(parsed)).toEqual([
      'العقود في إطار المعرض الصناعي الدولي "Innoprom" (إينوبروم)',
      "العلاقات الإنسانية",
    ]);
    expect(parsed.blocks.map((block) => block.type)).toEqual([
      ...Array<string>(6).fill("paragraph"),
      "heading",
      ...Array<string>(5).fill("paragraph"),
      "heading",
      "paragraph",
      "paragraph",
    ]);
    expect(parsed.photoCredit).toBe("مجلس الاتحاد الروسي");
    expect(parsed.source).toBe("تاس");
    expect(parsed.brand).toBe(BRAND_HYPHEN);
    expect(listCodes(result)).toEqual([]);
  });

  it("002: year from the body (الخميس 7 نوفمبر/تشرين الثاني 2024), brand spelt الإستراتيجية", () => {
    const result = parseArticle(readSeedBytes("002"));
    const parsed = expectArticle(result);
    expect(parsed.title).toBe("لافروف: الحل المشترك للقضايا يعزز العلاقات بين روسيا وكازاخستان");
    expect(parsed.publishedOn).toBe("2024-11-07");
    expect(parsed.blocks).toHaveLength(7);
    expect(listHeadings(parsed)).toEqual([]);
    expect(parsed.photoCredit).toBe("وزارة الخارجية الروسية");
    expect(parsed.source).toBe("تاس");
    expect(parsed.brand).toBe('مجموعة الرؤية الإستراتيجية "روسيا - العالم الإسلامي"');
    expect(listCodes(result)).toEqual(["year_from_body"]);
  });

  it("003: two headings, no photo credit, long source", () => {
    const result = parseArticle(readSeedBytes("003"));
    const parsed = expectArticle(result);
    expect(parsed.title).toBe("لافروف يناقش مع وزير خارجية كازاخستان قضايا الشراكة الاستراتيجية");
    expect(parsed.publishedOn).toBe("2020-06-10");
    expect(parsed.blocks).toHaveLength(15);
    expect(listHeadings(parsed)).toEqual([
      "توقيت مدروس للتحضير للأحداث السياسية الثنائية الكبرى",
      'التكامل في إطار "رابطة الدول المستقلة"',
    ]);
    expect(parsed.blocks[4]?.type).toBe("heading");
    expect(parsed.blocks[5]?.type).toBe("paragraph");
    expect(parsed.blocks[5]?.text.startsWith('"توقيت مدروس" من حيث')).toBe(true);
    expect(parsed.photoCredit).toBeNull();
    expect(parsed.source).toBe("المكتب الصحفي في وزارة الخارجية الروسية");
    expect(parsed.brand).toBe(BRAND_HYPHEN);
    expect(listCodes(result)).toEqual([]);
  });

  it("004: no title and no date line; date from the body, provisional title from the lead", () => {
    const result = parseArticle(readSeedBytes("004"));
    const parsed = expectArticle(result);
    expect(parsed.title).toBeNull();
    expect(parsed.provisionalTitle).toBe("اقترح أول رئيس لجمهورية كازاخستان، نور سلطان نزارباييف");
    expect(parsed.publishedOn).toBe("2021-08-19");
    expect(parsed.blocks).toHaveLength(10);
    expect(parsed.blocks[6]).toEqual({ type: "heading", text: "الشراكة الاستراتيجية" });
    expect(listHeadings(parsed)).toEqual(["الشراكة الاستراتيجية"]);
    expect(parsed.photoCredit).toBe("الموقع الرسمي لرئيس الاتحاد الروسي");
    expect(parsed.source).toBe("تاس");
    expect(parsed.brand).toBe(BRAND_HYPHEN);
    expect(listCodes(result)).toEqual(["missing_title", "date_from_body"]);
    expect(BLOCKING_WARNINGS).toContain("missing_title");
  });

  it("no block of any seed keeps site chrome or footer text", () => {
    for (const id of ["000", "001", "002", "003", "004"] as const) {
      const parsed = expectArticle(parseArticle(readSeedBytes(id)));
      for (const block of parsed.blocks) {
        expect(block.text).not.toBe("Ru En");
        expect(block.text).not.toMatch(/^(الصورة|المصدر|مجموعة الرؤية)/);
        expect(block.text).not.toMatch(/\s{2}|^\s|\s$|\u00A0/);
      }
    }
  });

  it("a string input gives the same article as the file bytes", () => {
    for (const id of ["000", "001", "002", "003", "004"] as const) {
      expect(parseArticle(readSeedText(id))).toEqual(parseArticle(readSeedBytes(id)));
    }
  });
});

function parseVariant(id: SeedId, change: (text: string) => string): ParseResult {
  return parseArticle(change(readSeedText(id)));
}

describe("line ends, BOM and spacing", () => {
  const ids: SeedId[] = ["000", "001", "002", "003", "004"];

  it.each(ids)("seed %s with CRLF, a BOM and trailing spaces parses the same", (id) => {
    const expected = parseArticle(readSeedText(id));
    const crlf = parseVariant(id, (text) => `\uFEFF${text.split("\n").join(" \t\u00A0\r\n")}  `);
    expect(crlf).toEqual(expected);
    const bytes = new TextEncoder().encode(`\uFEFF${readSeedText(id).replace(/\n/g, "\r\n")}`);
    expect(parseArticle(bytes)).toEqual(expected);
  });

  it.each(ids)("seed %s with old Mac CR line ends parses the same", (id) => {
    expect(parseVariant(id, (text) => text.replace(/\n/g, "\r"))).toEqual(parseArticle(readSeedText(id)));
  });

  it("zero-width characters and bidi marks are stripped, Unicode spaces collapse", () => {
    const parsed = expectArticle(
      parseArticle(
        [
          "\u200Fعنوان\u200B الخبر\u2003\u2003هنا",
          "٠٤ مارس ٢٠٢٤",
          "فقرة\u202F\u2009 أولى\u200E بها  مسافات\u00A0\u00A0كثيرة.",
          "المصدر: تاس",
        ].join("\n"),
      ),
    );
    expect(parsed.title).toBe("عنوان الخبر هنا");
    expect(parsed.blocks).toEqual([{ type: "paragraph", text: "فقرة أولى بها مسافات كثيرة." }]);
  });

  it("paragraphs separated by NBSP-only lines and by blank lines", () => {
    const parsed = expectArticle(
      parseArticle("عنوان\n\n٣٠ مايو ٢٠٢٢\n\nأولى.\n\u00A0\n\u00A0 \nثانية.\n\n\n\nثالثة.\nالمصدر: تاس"),
    );
    expect(parsed.blocks.map((block) => block.text)).toEqual(["أولى.", "ثانية.", "ثالثة."]);
  });
});

describe("footer variations", () => {
  const base = "عنوان الخبر\n\n٣٠ مايو ٢٠٢٢\n\nفقرة الخبر الأولى.\n\n";

  it("missing photo credit, brand and source: fields null, missing_source warned", () => {
    const result = parseArticle(`${base}فقرة ثانية.`);
    const parsed = expectArticle(result);
    expect([parsed.photoCredit, parsed.source, parsed.brand]).toEqual([null, null, null]);
    expect(parsed.blocks).toHaveLength(2);
    expect(listCodes(result)).toEqual(["missing_source"]);
  });

  it("footer lines in another order, with spaced, full-width and dash separators", () => {
    const parsed = expectArticle(
      parseArticle(
        `${base}المصدر - تاس\nالصورة : وزارة الخارجية\nمجموعة الرؤية الإستراتيجية "روسيا – العالم الإسلامي"`,
      ),
    );
    expect(parsed.source).toBe("تاس");
    expect(parsed.photoCredit).toBe("وزارة الخارجية");
    expect(parsed.brand).toBe('مجموعة الرؤية الإستراتيجية "روسيا – العالم الإسلامي"');
    expect(parsed.blocks).toEqual([{ type: "paragraph", text: "فقرة الخبر الأولى." }]);
  });

  it("Arabic-style colon variants and tatweel in the label", () => {
    const parsed = expectArticle(parseArticle(`${base}الصـورة：رويترز\nالمصدر:نوفوستي`));
    expect(parsed.photoCredit).toBe("رويترز");
    expect(parsed.source).toBe("نوفوستي");
  });

  it("a long paragraph that starts like a label stays body text", () => {
    const long = `المصدر: ${"قال المسؤول إن الاجتماع كان مثمراً وبناءً. ".repeat(6)}`.trim();
    const parsed = expectArticle(parseArticle(`${base}${long}\nالمصدر: تاس`));
    expect(parsed.blocks.map((block) => block.text)).toEqual(["فقرة الخبر الأولى.", long]);
    expect(parsed.source).toBe("تاس");
  });
});

describe("a headline that begins with the group's own name", () => {
  it("stays the title; the date line wins over an event date in the body; the footer line after the body is the brand", () => {
    const result = parseArticle(readFileSync(FIXTURES_DIR + "ar-headline-group-name.txt"));
    const parsed = expectArticle(result);
    expect(parsed.title).toBe('مجموعة الرؤية الاستراتيجية "روسيا – العالم الإسلامي" تعقد اجتماعها السنوي في قازان');
    expect(parsed.provisionalTitle).toBeNull();
    expect(parsed.publishedOn).toBe("2024-05-20");
    expect(parsed.blocks).toHaveLength(2);
    expect(parsed.blocks[0]?.text.startsWith("أعلنت المجموعة")).toBe(true);
    expect(parsed.brand).toBe('مجموعة الرؤية الاستراتيجية "روسيا – العالم الإسلامي"');
    expect(listCodes(result)).toEqual(["date_mismatch"]);
  });

  it("the group's exact line in the middle of the body is body text; a line that only begins with its name is never the brand", () => {
    const parsed = expectArticle(
      parseArticle(
        `عنوان الخبر\n٣٠ مايو ٢٠٢٢\nفقرة أولى.\n${BRAND_HYPHEN}\nفقرة ثانية.\nمجموعة الرؤية الاستراتيجية تدعو إلى الحوار.\nالمصدر: تاس`,
      ),
    );
    expect(parsed.brand).toBeNull();
    expect(parsed.blocks.map((block) => block.text)).toEqual([
      "فقرة أولى.",
      BRAND_HYPHEN,
      "فقرة ثانية.",
      "مجموعة الرؤية الاستراتيجية تدعو إلى الحوار.",
    ]);
  });

  it("the group's name alone, or with either quotes and dash, closing the text is the brand", () => {
    for (const line of [
      "مجموعة الرؤية الاستراتيجية",
      "مجموعة الرؤية الاستراتيجية «روسيا – العالم الإسلامي»",
      "مجموعة الرؤية الإستراتيجيّة “روسيا—العالم الاسلامي”",
    ]) {
      const parsed = expectArticle(parseArticle(`عنوان الخبر\n٣٠ مايو ٢٠٢٢\nفقرة أولى.\n${line}\nالمصدر: تاس`));
      expect(parsed.brand, line).toBe(line);
      expect(parsed.blocks).toHaveLength(1);
    }
  });
});

describe("title, headings and body", () => {
  it("without the language switch line, title and date are still found", () => {
    const parsed = expectArticle(parseArticle(readSeedText("001").replace("Ru En\n\n", "")));
    expect(parsed.title).toBe("ميشوستين: التعاون بين روسيا وكازاخستان مهم وبشكل خاص في مواجهة العقوبات");
    expect(parsed.publishedOn).toBe("2022-05-30");
  });

  it("a date line above the title is accepted", () => {
    const parsed = expectArticle(parseArticle("٣٠ مايو ٢٠٢٢\nعنوان الخبر\nفقرة الخبر.\nالمصدر: تاس"));
    expect(parsed.title).toBe("عنوان الخبر");
    expect(parsed.publishedOn).toBe("2022-05-30");
  });

  it("a short unpunctuated last line is a paragraph, not a heading", () => {
    const parsed = expectArticle(parseArticle("عنوان\n٣٠ مايو ٢٠٢٢\nفقرة.\nسطر أخير بلا نقطة\nالمصدر: تاس"));
    expect(parsed.blocks.map((block) => block.type)).toEqual(["paragraph", "paragraph"]);
  });

  it("title without body: no_body", () => {
    const result = parseArticle("Ru En\n\nعنوان الخبر\n\n٣٠ مايو ٢٠٢٢\n\nالمصدر: تاس");
    expect(result).toEqual({
      ok: false,
      error: { code: "no_body", message: expect.stringContaining("عنوان الخبر") },
      warnings: [],
    });
  });

  it("a file of one sentence has no title: provisional title is that sentence without its period", () => {
    const result = parseArticle("قال الوزير إن العلاقات بين البلدين ممتازة.");
    const parsed = expectArticle(result);
    expect(parsed.title).toBeNull();
    expect(parsed.provisionalTitle).toBe("قال الوزير إن العلاقات بين البلدين ممتازة");
    expect(listCodes(result)).toEqual(["missing_title", "missing_date", "missing_source"]);
  });

  it("provisional title is cut at a word boundary to at most 90 characters, without trailing punctuation", () => {
    const lead = `${"كلمة ".repeat(40)}نهاية.`;
    const parsed = expectArticle(parseArticle(`${lead}\nفقرة أخرى.`));
    const provisional = parsed.provisionalTitle ?? "";
    expect(provisional.length).toBeLessThanOrEqual(90);
    expect(provisional).toMatch(/^كلمة( كلمة)*$/);
  });
});
