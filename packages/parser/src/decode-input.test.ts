// Bad and legacy input: empty, binary, Windows-1256, UTF-16, undecodable bytes, no known script, over the size limit.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR, readSeedBytes, readSeedText } from "../test/seeds.ts";
import { MAX_INPUT_BYTES, parseArticle } from "./index.ts";
import type { ParseResult } from "./index.ts";

function getErrorCode(result: ParseResult): string | null {
  return result.ok ? null : result.error.code;
}

// Windows-1256 has no Arabic-Indic digits, so legacy files carry Latin ones; the article itself is unchanged.
function replaceIndicDigits(text: string): string {
  return text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

describe("encodings", () => {
  it.each(["000", "004"] as const)(
    "Windows-1256 fixture of seed %s gives the seed's article plus `transcoded`",
    (id) => {
      const legacy = parseArticle(readFileSync(`${FIXTURES_DIR}${id}-windows-1256.txt`));
      const expected = parseArticle(replaceIndicDigits(readSeedText(id)));
      if (!legacy.ok || !expected.ok) throw new Error("both should parse");
      expect(legacy.article).toEqual(expected.article);
      expect(legacy.warnings.map((warning) => warning.code)).toEqual([
        "transcoded",
        ...expected.warnings.map((warning) => warning.code),
      ]);
      expect(parseArticle(readSeedBytes(id)).ok && legacy.article.title).toBe(expected.article.title);
    },
  );

  it("UTF-16 with a byte-order mark is transcoded", () => {
    const text = readSeedText("001");
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const result = parseArticle(le);
    const expected = parseArticle(text);
    if (!result.ok || !expected.ok) throw new Error("both should parse");
    expect(result.article).toEqual(expected.article);
    expect(result.warnings[0]?.code).toBe("transcoded");
  });

  it("bytes that are neither UTF-8 nor Arabic Windows-1256 are refused as not_utf8, naming the encodings", () => {
    // Latin-1 French: invalid UTF-8, and decoded as 1256 it is Latin letters, not Arabic.
    const latin1 = Buffer.from("Le président a déclaré à Moscou que la coopération était très élevée. ", "latin1");
    const result = parseArticle(latin1);
    expect(getErrorCode(result)).toBe("not_utf8");
    expect(result.ok ? "" : result.error.message).toMatch(/UTF-8.*Windows-1256/);
    // Truncated UTF-8 sequences scattered through ASCII.
    expect(getErrorCode(parseArticle(Uint8Array.from([0x61, 0xd8, 0x62, 0xe2, 0x82, 0x63, 0xc3, 0x20, 0x64])))).toBe(
      "not_utf8",
    );
  });
});

describe("refused input", () => {
  it("empty and whitespace-only input: empty", () => {
    for (const input of [
      "",
      " ",
      "\n\n\r\n",
      "\u00A0\n\u00A0",
      "\uFEFF",
      "\t \u200B\u200F",
      new Uint8Array(0),
      Buffer.from("\uFEFF \r\n"),
    ]) {
      expect(getErrorCode(parseArticle(input))).toBe("empty");
    }
  });

  it("binary data: binary", () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(getErrorCode(parseArticle(png))).toBe("binary");
    expect(getErrorCode(parseArticle(Buffer.concat([readSeedBytes("000"), Buffer.from([0])])))).toBe("binary");
    expect(getErrorCode(parseArticle("نص\u0000عربي"))).toBe("binary");
    const controls = Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41));
    expect(getErrorCode(parseArticle(controls))).toBe("binary");
  });

  it("a file with no Arabic, Russian or English letter: no_arabic (the code predates Russian and English)", () => {
    expect(getErrorCode(parseArticle("12345\n\n2024-03-04\n\n!!! ???"))).toBe("no_arabic");
    expect(getErrorCode(parseArticle("Ελληνικά κείμενα\n\n中文文本。"))).toBe("no_arabic");
  });

  it("over MAX_INPUT_BYTES (1 MiB): too_large, for bytes and for strings", () => {
    expect(MAX_INPUT_BYTES).toBe(1024 * 1024);
    const bytes = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x41);
    expect(getErrorCode(parseArticle(bytes))).toBe("too_large");
    // 600,000 Arabic letters are 1.2 MB in UTF-8 although the string is shorter than the limit.
    expect(getErrorCode(parseArticle("ب".repeat(600_000)))).toBe("too_large");
    const atLimit = `عنوان\n٣٠ مايو ٢٠٢٢\n${"ا".repeat(100)}.\n`;
    expect(parseArticle(atLimit).ok).toBe(true);
  });

  it("errors carry only the error: no article, no warnings", () => {
    const result = parseArticle("");
    expect(result).toEqual({ ok: false, error: { code: "empty", message: expect.any(String) }, warnings: [] });
    expect("article" in result).toBe(false);
  });
});

describe("letters of the language only in the footer", () => {
  it("an English text with an Arabic footer is English, the group's line and source still read", () => {
    const result = parseArticle(
      'Title\n\nSome English text.\n\nمجموعة الرؤية الاستراتيجية "روسيا - العالم الإسلامي"\nالمصدر: تاس',
    );
    expect(result.ok && result.article.locale).toBe("en");
    expect(result.ok && result.article.brand).toBe('مجموعة الرؤية الاستراتيجية "روسيا - العالم الإسلامي"');
    expect(result.ok && result.article.source).toBe("تاس");
  });

  it("a title and body of digits with a Russian footer is no_arabic", () => {
    expect(
      getErrorCode(parseArticle("2024\n\n12345.\n\nГруппа стратегического видения «Россия – Исламский мир»")),
    ).toBe("no_arabic");
  });
});
