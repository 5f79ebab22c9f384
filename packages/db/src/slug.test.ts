// Slugs keep the title's script and stay short; match keys join spelling variants of a name.
import { expect, it } from "vitest";
import { makeMatchKey, makeSlug } from "./slug.ts";

it("makes Arabic slugs from Arabic titles, without punctuation or diacritics", () => {
  expect(makeSlug('ميشوستين: التعاون بين روسيا وكازاخستان "مهم"')).toBe("ميشوستين-التعاون-بين-روسيا-وكازاخستان-مهم");
  expect(makeSlug("مُحَمَّدٌ")).toBe("محمد");
  expect(makeSlug("Lavrov Meets Tileuberdi")).toBe("lavrov-meets-tileuberdi");
  expect(makeSlug("؟!")).toBe("article");
  expect(makeSlug("كلمة ".repeat(40)).length).toBeLessThanOrEqual(80);
});

it("matches names spelt with and without hamza", () => {
  expect(makeMatchKey("مجلس الإتحاد الروسي")).toBe(makeMatchKey("مجلس  الاتحاد الروسي "));
  expect(makeMatchKey("تاس")).not.toBe(makeMatchKey("تاسي"));
});
