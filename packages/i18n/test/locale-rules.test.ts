// Checks the locale rules readers actually see: direction, Arabic-Indic dates, and locale validation.
import { describe, expect, it } from "vitest";
import { directionOf, formatInteger, formatPublicationDate, isLocale } from "../src/index.ts";

describe("locale rules", () => {
  it("writes Arabic right to left and Russian/English left to right", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("ru")).toBe("ltr");
    expect(directionOf("en")).toBe("ltr");
  });

  it("formats an Arabic date with an Arabic month name and Arabic-Indic digits", () => {
    const text = formatPublicationDate(new Date("2024-03-04T00:00:00Z"), "ar");
    expect(text).toContain("مارس");
    expect(text).toContain("٢٠٢٤");
    expect(text).not.toMatch(/[0-9]/);
  });

  it("gives the Moscow calendar day even for a late-evening UTC timestamp", () => {
    expect(formatPublicationDate(new Date("2024-03-03T21:30:00Z"), "en")).toBe("March 4, 2024");
    expect(formatPublicationDate(new Date("2024-03-03T21:30:00Z"), "ru")).toBe("4 марта 2024 г.");
  });

  it("writes page numbers in the reader's digits", () => {
    expect(formatInteger(12, "ar")).toBe("١٢");
    expect(formatInteger(12, "en")).toBe("12");
  });

  it("accepts only the three supported locales", () => {
    expect(isLocale("ar")).toBe(true);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
