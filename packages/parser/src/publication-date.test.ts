// How the publication date is decided: date line, year from the body, body-only dates, and the warnings on conflict.

import { describe, expect, it } from "vitest";
import { BLOCKING_WARNINGS, parseArticle } from "./index.ts";
import type { ParseResult } from "./index.ts";

function buildArticle(dateLine: string | null, lead: string): string {
  return [
    "Ru En",
    "",
    "عنوان الخبر",
    "",
    ...(dateLine === null ? [] : [dateLine, ""]),
    lead,
    "",
    "فقرة ثانية.",
    "",
    "المصدر: تاس",
  ].join("\n");
}

function describeOutcome(result: ParseResult): { publishedOn: string | null; warnings: string[] } {
  if (!result.ok) throw new Error(result.error.message);
  return { publishedOn: result.article.publishedOn, warnings: result.warnings.map((warning) => warning.code) };
}

describe("publication date", () => {
  it("date line without a year takes the year from the body dateline", () => {
    expect(describeOutcome(parseArticle(buildArticle("٠٤ مارس", "قال اليوم الإثنين 4 مارس/آذار 2024 إن...")))).toEqual({
      publishedOn: "2024-03-04",
      warnings: ["year_from_body"],
    });
  });

  it("no year anywhere: publishedOn null and a blocking missing_year warning", () => {
    const result = parseArticle(buildArticle("٠٤ مارس", "قال الوزير إن العلاقات ممتازة."));
    expect(describeOutcome(result)).toEqual({ publishedOn: null, warnings: ["missing_year"] });
    expect(result.warnings[0]?.message).toContain("مارس");
    expect(BLOCKING_WARNINGS).toContain("missing_year");
  });

  it("a weekday that does not fit the body date is reported", () => {
    // 4 March 2024 was a Monday, not a Thursday.
    const result = parseArticle(buildArticle("٠٤ مارس", "قال اليوم الخميس 4 مارس 2024 إن..."));
    expect(describeOutcome(result)).toEqual({
      publishedOn: "2024-03-04",
      warnings: ["weekday_mismatch", "year_from_body"],
    });
    expect(result.warnings[0]?.message).toContain("الخميس");
    expect(result.warnings[0]?.message).toContain("الاثنين");
  });

  it("a weekday on the date line is checked too", () => {
    expect(describeOutcome(parseArticle(buildArticle("الجمعة ٣٠ مايو ٢٠٢٢", "فقرة أولى.")))).toEqual({
      publishedOn: "2022-05-30",
      warnings: ["weekday_mismatch"],
    });
  });

  it("date line and body disagree: date_mismatch, the date line is kept", () => {
    expect(
      describeOutcome(parseArticle(buildArticle("٣٠ مايو ٢٠٢٢", "قال اليوم الثلاثاء 31 مايو/أيار 2022 إن..."))),
    ).toEqual({
      publishedOn: "2022-05-30",
      warnings: ["date_mismatch"],
    });
    expect(describeOutcome(parseArticle(buildArticle("٠٤ مارس", "قال اليوم الثلاثاء 5 مارس 2024 إن...")))).toEqual({
      publishedOn: "2024-03-04",
      warnings: ["year_from_body", "date_mismatch"],
    });
  });

  it("no date line: the body date is used and reported; with none, missing_date", () => {
    expect(describeOutcome(parseArticle(buildArticle(null, "اجتمع الطرفان اليوم الأربعاء 10 يونيو 2020.")))).toEqual({
      publishedOn: "2020-06-10",
      warnings: ["date_from_body"],
    });
    expect(describeOutcome(parseArticle(buildArticle(null, "اجتمع الطرفان عبر الفيديو.")))).toEqual({
      publishedOn: null,
      warnings: ["missing_date"],
    });
    expect(BLOCKING_WARNINGS).toContain("missing_date");
  });

  it("Latin and Persian digits on the date line", () => {
    expect(describeOutcome(parseArticle(buildArticle("10 يونيو 2020", "فقرة.")))).toEqual({
      publishedOn: "2020-06-10",
      warnings: [],
    });
    expect(describeOutcome(parseArticle(buildArticle("۱۰ يونيو ۲۰۲۰", "فقرة.")))).toEqual({
      publishedOn: "2020-06-10",
      warnings: [],
    });
  });

  it("hamza-less, diacritised and misspelt month names on the date line", () => {
    expect(describeOutcome(parseArticle(buildArticle("٠٧ اكتوبر ٢٠٢٣", "فقرة."))).publishedOn).toBe("2023-10-07");
    expect(describeOutcome(parseArticle(buildArticle("٠٧ أُكْتُوبَر ٢٠٢٣", "فقرة."))).publishedOn).toBe("2023-10-07");
    expect(describeOutcome(parseArticle(buildArticle("٠٤ مارس/اذارر ٢٠٢٤", "فقرة."))).publishedOn).toBe("2024-03-04");
    expect(describeOutcome(parseArticle(buildArticle("٠٤ مارسس/آذار ٢٠٢٤", "فقرة."))).publishedOn).toBe("2024-03-04");
    expect(describeOutcome(parseArticle(buildArticle("١٥ ابريل ٢٠٢١", "فقرة."))).publishedOn).toBe("2021-04-15");
    expect(describeOutcome(parseArticle(buildArticle("١ كانون الثاني ٢٠٢١", "فقرة."))).publishedOn).toBe("2021-01-01");
  });

  it("29 February without a year, and a body year that is not a leap year: missing_year", () => {
    expect(describeOutcome(parseArticle(buildArticle("٢٩ فبراير", "قال اليوم الأحد 1 يناير 2023 إن...")))).toEqual({
      publishedOn: null,
      warnings: ["missing_year"],
    });
  });
});

describe("year across New Year", () => {
  it("date line 31 December, body dateline 1 January: the year before the body's", () => {
    expect(describeOutcome(parseArticle(buildArticle("٣١ ديسمبر", "قال اليوم الأربعاء 1 يناير 2025 إن...")))).toEqual({
      publishedOn: "2024-12-31",
      warnings: ["year_from_body", "date_mismatch"],
    });
  });

  it("date line with a time after a dash", () => {
    expect(describeOutcome(parseArticle(buildArticle("٣٠ مايو ٢٠٢٢ - ١٤:٣٠", "فقرة.")))).toEqual({
      publishedOn: "2022-05-30",
      warnings: [],
    });
  });
});
