// A record's name in the interface language with a visible Arabic fallback, and isolated runs for plain-text places.
import { describe, expect, it } from "vitest";
import { isolate, nameIn } from "../src/index.ts";

const tass = { nameAr: "تاس", nameRu: "ТАСС", nameEn: "TASS" };

describe("nameIn", () => {
  it("gives the interface language's own name where one exists", () => {
    expect(nameIn(tass, "ar")).toEqual({ text: "تاس", lang: "ar", dir: "rtl", fallback: false });
    expect(nameIn(tass, "ru")).toEqual({ text: "ТАСС", lang: "ru", dir: "ltr", fallback: false });
    expect(nameIn(tass, "en")).toEqual({ text: "TASS", lang: "en", dir: "ltr", fallback: false });
  });

  it("falls back to the Arabic name, marked as Arabic and as a fallback, when the language has none", () => {
    const local = { nameAr: "وكالة محلية", nameRu: null, nameEn: "  " };
    expect(nameIn(local, "ru")).toEqual({ text: "وكالة محلية", lang: "ar", dir: "rtl", fallback: true });
    expect(nameIn(local, "en")).toEqual({ text: "وكالة محلية", lang: "ar", dir: "rtl", fallback: true });
    expect(nameIn(local, "ar").fallback).toBe(false);
  });
});

describe("isolate", () => {
  it("puts the run between first-strong isolate and pop directional isolate", () => {
    expect(isolate("ТАСС")).toBe("\u2068ТАСС\u2069");
  });
});
