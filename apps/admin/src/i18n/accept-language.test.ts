// The browser's language for the one-time link's page: the most preferred of ar/ru/en, by weight then order.
import { describe, expect, it } from "vitest";
import { preferredLocale } from "./accept-language.ts";

describe("preferredLocale", () => {
  it("picks the most preferred of the admin's languages", () => {
    expect(preferredLocale("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("ru");
    expect(preferredLocale("de-DE,de;q=0.9,en;q=0.8,ar;q=0.7")).toBe("en");
    expect(preferredLocale("fr;q=0.9, ar-EG;q=0.95")).toBe("ar");
    expect(preferredLocale("en;q=0.5,ru;q=0.6")).toBe("ru");
  });

  it("answers null when none of them is acceptable", () => {
    expect(preferredLocale(undefined)).toBeNull();
    expect(preferredLocale("de,fr;q=0.5")).toBeNull();
    expect(preferredLocale("ru;q=0,*;q=0.1")).toBeNull();
  });
});
