// Month and weekday names as copy writes them: hamza, ى/ي, ة/ه, tatweel, diacritics, misspelt halves of pairs.

import { describe, expect, it } from "vitest";
import { resolveMonth, resolveWeekday } from "./month-names.ts";

describe("resolveMonth", () => {
  const cases: Array<[string, number]> = [
    ["يناير", 1],
    ["كانون الثاني", 1],
    ["كانون الثانى", 1],
    ["كانون الثاني/يناير", 1],
    ["فبراير", 2],
    ["شباط", 2],
    ["شباط/فبراير", 2],
    ["مارس", 3],
    ["آذار", 3],
    ["اذار", 3],
    ["مارس/آذار", 3],
    ["مارس / آذار", 3],
    ["أبريل", 4],
    ["ابريل", 4],
    ["إبريل", 4],
    ["نيسان", 4],
    ["نيسان/أبريل", 4],
    ["مايو", 5],
    ["أيار", 5],
    ["ايار", 5],
    ["أيار/مايو", 5],
    ["يونيو", 6],
    ["يونيه", 6],
    ["يونية", 6],
    ["حزيران", 6],
    ["حزيران/يونيو", 6],
    ["يوليو", 7],
    ["يوليه", 7],
    ["تموز", 7],
    ["تموز/يوليو", 7],
    ["أغسطس", 8],
    ["اغسطس", 8],
    ["آب", 8],
    ["اب", 8],
    ["آب/أغسطس", 8],
    ["سبتمبر", 9],
    ["أيلول", 9],
    ["أيلول/سبتمبر", 9],
    ["أكتوبر", 10],
    ["اكتوبر", 10],
    ["تشرين الأول", 10],
    ["تشرين الاول", 10],
    ["تشرين الأول/أكتوبر", 10],
    ["نوفمبر", 11],
    ["تشرين الثاني", 11],
    ["تشرين الثاني/نوفمبر", 11],
    ["نوفمبر/تشرين الثاني", 11],
    ["ديسمبر", 12],
    ["كانون الأول", 12],
    ["كانون الأول/ديسمبر", 12],
    // Tatweel and harakat inside the word.
    ["مـــارس", 3],
    ["مَارِس", 3],
    ["أُكْتُوبَر", 10],
    ["نُوفَمْبِر/تِشْرِين الثَّانِي", 11],
    ["آذَار", 3],
    // A misspelt half is resolved by the other half.
    ["مارس/اذارر", 3],
    ["مارسس/آذار", 3],
    ["نوفمبرر/تشرين الثاني", 11],
    ["مايو/ايارر", 5],
  ];
  it.each(cases)("%s → %i", (text, month) => {
    expect(resolveMonth(text)).toBe(month);
  });

  it("a misspelt single name resolves only when fuzzy matching is allowed and unambiguous", () => {
    expect(resolveMonth("ديسمبرر")).toBeNull();
    expect(resolveMonth("ديسمبرر", { fuzzy: true })).toBe(12);
    // One edit from both ايار (May) and اذار (March): refused rather than guessed.
    expect(resolveMonth("ابار", { fuzzy: true })).toBeNull();
    // Short names get no tolerance.
    expect(resolveMonth("اث", { fuzzy: true })).toBeNull();
  });

  it("rejects words that are not months", () => {
    for (const word of ["مليارات", "عاماً", "الماضي", "كانون", "تشرين", "مارس/نيسان/أيار", ""]) {
      expect(resolveMonth(word, { fuzzy: true })).toBeNull();
    }
  });
});

describe("resolveWeekday", () => {
  const cases: Array<[string, number]> = [
    ["الأحد", 0],
    ["الاحد", 0],
    ["الإثنين", 1],
    ["الاثنين", 1],
    ["اثنين", 1],
    ["الثلاثاء", 2],
    ["الثلاثا", 2],
    ["الأربعاء", 3],
    ["الاربعاء", 3],
    ["الخميس", 4],
    ["الخمـيس", 4],
    ["الجمعة", 5],
    ["الجمعه", 5],
    ["السبت", 6],
    ["الْخَمِيس", 4],
    ["الخميسس", 4],
  ];
  it.each(cases)("%s → %i", (word, day) => {
    expect(resolveWeekday(word)).toBe(day);
  });

  it("rejects other words", () => {
    for (const word of ["اليوم", "يوم", "خلال", "الماضي", "مارس"]) expect(resolveWeekday(word)).toBeNull();
  });
});
