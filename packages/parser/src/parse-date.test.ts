// Date lines in every digit script and the body dateline that supplies a missing year.

import { describe, expect, it } from "vitest";
import { findBodyDate, parseDateLine } from "./parse-date.ts";

describe("parseDateLine", () => {
  it("reads Arabic-Indic, Persian and Latin digits alike", () => {
    expect(parseDateLine("٠٤ مارس")).toEqual({ year: null, month: 3, day: 4, weekday: null });
    expect(parseDateLine("٣٠ مايو ٢٠٢٢")).toEqual({ year: 2022, month: 5, day: 30, weekday: null });
    expect(parseDateLine("۳۰ مايو ۲۰۲۲")).toEqual({ year: 2022, month: 5, day: 30, weekday: null });
    expect(parseDateLine("30 مايو 2022")).toEqual({ year: 2022, month: 5, day: 30, weekday: null });
    expect(parseDateLine("٣٠ مايو 2022")).toEqual({ year: 2022, month: 5, day: 30, weekday: null });
  });

  it("reads combined and two-word month names, weekdays, the era mark and a time", () => {
    expect(parseDateLine("الخميس 7 نوفمبر/تشرين الثاني 2024")).toEqual({ year: 2024, month: 11, day: 7, weekday: 4 });
    expect(parseDateLine("الإثنين، ٤ مارس/آذار ٢٠٢٤م")).toEqual({ year: 2024, month: 3, day: 4, weekday: 1 });
    expect(parseDateLine("١ كانون الثاني ٢٠٢٣")).toEqual({ year: 2023, month: 1, day: 1, weekday: null });
    expect(parseDateLine("10 يونيو 2020 14:30")).toEqual({ year: 2020, month: 6, day: 10, weekday: null });
    expect(parseDateLine("٤ مارس/اذارر ٢٠٢٤")?.month).toBe(3);
    expect(parseDateLine("٤ مارسس ٢٠٢٤")?.month).toBe(3);
  });

  it("reads numeric dates", () => {
    expect(parseDateLine("04.03.2024")).toEqual({ year: 2024, month: 3, day: 4, weekday: null });
    expect(parseDateLine("٠٤/٠٣/٢٠٢٤")).toEqual({ year: 2024, month: 3, day: 4, weekday: null });
    expect(parseDateLine("2024-03-04")).toEqual({ year: 2024, month: 3, day: 4, weekday: null });
  });

  it("refuses impossible dates and lines that are not dates", () => {
    for (const line of [
      "31 فبراير 2024",
      "29 فبراير 2023",
      "0 مارس",
      "32 مارس",
      "5 مليارات",
      "Ru En",
      "عنوان الخبر",
      "٢٠٢٤",
      "31.02.2024",
    ]) {
      expect(parseDateLine(line)).toBeNull();
    }
    expect(parseDateLine("29 فبراير 2024")).toEqual({ year: 2024, month: 2, day: 29, weekday: null });
    expect(parseDateLine("٢٩ فبراير")).toEqual({ year: null, month: 2, day: 29, weekday: null });
  });
});

describe("findBodyDate", () => {
  it("prefers a date introduced by a weekday or اليوم", () => {
    const found = findBodyDate([
      "وقع الاتفاق في 15 مايو 2019 في موسكو.",
      "وقال الوزير اليوم الإثنين 4 مارس/آذار 2024 إن ...",
    ]);
    expect(found).toMatchObject({ year: 2024, month: 3, day: 4, weekday: 1, isDateline: true });
  });

  it("falls back to the first full date of the lead paragraph only", () => {
    expect(findBodyDate(["اجتمع الطرفان في 10 يونيو 2020 عبر الفيديو."])).toMatchObject({
      year: 2020,
      month: 6,
      day: 10,
      weekday: null,
      isDateline: false,
    });
    expect(findBodyDate(["الفقرة الأولى.", "وقع الاتفاق في 15 مايو 2019."])).toBeNull();
  });

  it("ignores month-and-year mentions without a day, and year ranges", () => {
    expect(findBodyDate(["في يوليو/تموز 2022 وفي العام الدراسي 2019/2020 ونحو 5 مليارات و 800 مليون"])).toBeNull();
  });

  it("reads Persian digits and a misspelt half in running text", () => {
    expect(findBodyDate(["اليوم الخميس ۱۹ أغسطس/آبب ۲۰۲۱."])).toMatchObject({
      year: 2021,
      month: 8,
      day: 19,
      weekday: 4,
    });
  });

  it("keeps looking after a candidate that is not a date", () => {
    expect(findBodyDate(["نحو 5 مليارات 2022 دولار، اليوم الخميس 7 نوفمبر 2024"])).toMatchObject({
      year: 2024,
      month: 11,
      day: 7,
    });
  });
});
