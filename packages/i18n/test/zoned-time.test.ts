// Days and wall-clock times in the newsroom's time zone: the audit log's date filters and scheduled publication.
import { describe, expect, it } from "vitest";
import {
  asciiDigits,
  composeWallTime,
  dateOrderOf,
  sameClock,
  splitWallTime,
  startOfDay,
  usesTwelveHourClock,
  wallTimeOf,
  zonedWallTime,
} from "../src/zoned-time.ts";

describe("startOfDay", () => {
  it("is midnight in the given zone, the next day with days = 1, and null for non-dates", () => {
    expect(startOfDay("2026-11-23", "Europe/Moscow")?.toISOString()).toBe("2026-11-22T21:00:00.000Z");
    expect(startOfDay("2026-11-23", "Europe/Moscow", 1)?.toISOString()).toBe("2026-11-23T21:00:00.000Z");
    expect(startOfDay("2026-12-31", "UTC", 1)?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(startOfDay("2026-02-30", "UTC")).toBeNull();
    expect(startOfDay("23/11/2026", "UTC")).toBeNull();
  });
});

describe("zonedWallTime", () => {
  it("reads an <input type=datetime-local> value as the zone's clock time", () => {
    expect(zonedWallTime("2026-11-25T10:00", "Europe/Moscow")?.toISOString()).toBe("2026-11-25T07:00:00.000Z");
    expect(zonedWallTime("2026-11-25T01:30", "Europe/Moscow")?.toISOString()).toBe("2026-11-24T22:30:00.000Z");
    expect(zonedWallTime("2026-11-25T10:00", "UTC")?.toISOString()).toBe("2026-11-25T10:00:00.000Z");
  });

  it("takes the offset in force at that time, on either side of a daylight-saving change", () => {
    // Berlin: UTC+1 until 29 March 2026 at 02:00, UTC+2 after; back to UTC+1 on 25 October at 03:00.
    expect(zonedWallTime("2026-03-29T01:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(zonedWallTime("2026-03-29T03:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedWallTime("2026-07-01T12:00", "Europe/Berlin")?.toISOString()).toBe("2026-07-01T10:00:00.000Z");
    expect(zonedWallTime("2026-10-25T04:00", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T03:00:00.000Z");
    // 02:30 on 29 March does not exist in Berlin: a wall clock reads 03:30 then.
    expect(zonedWallTime("2026-03-29T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("refuses what is not a real date and time", () => {
    for (const value of [
      "",
      "2026-02-30T10:00",
      "2026-11-25T24:00",
      "2026-11-25T10:60",
      "2026-11-25 10:00",
      "2026-11-25T10:00:00Z",
      "tomorrow",
    ]) {
      expect(zonedWallTime(value, "Europe/Moscow"), value).toBeNull();
    }
  });
});

describe("wallTimeOf", () => {
  it("is what the zone's clocks show, the inverse of zonedWallTime", () => {
    expect(wallTimeOf(new Date("2026-11-25T07:00:00Z"), "Europe/Moscow")).toBe("2026-11-25T10:00");
    expect(wallTimeOf(new Date("2026-11-24T22:30:00Z"), "Europe/Moscow")).toBe("2026-11-25T01:30");
    expect(wallTimeOf(new Date("2026-07-01T10:00:00Z"), "Europe/Berlin")).toBe("2026-07-01T12:00");
    const there = zonedWallTime(wallTimeOf(new Date("2026-03-29T01:30:00Z"), "Europe/Berlin"), "Europe/Berlin");
    expect(there?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });
});

describe("sameClock", () => {
  it("tells whether the editor's zone reads the newsroom's time at that instant", () => {
    const instant = new Date("2026-11-25T07:00:00Z");
    expect(sameClock(instant, "Europe/Moscow", "Europe/Istanbul")).toBe(true);
    expect(sameClock(instant, "Europe/Moscow", "Asia/Dubai")).toBe(false);
    expect(sameClock(instant, "Europe/Moscow", "America/New_York")).toBe(false);
  });
});

describe("the date-time field's boxes", () => {
  it("read digits in any script", () => {
    expect(asciiDigits("٢٠٢٦")).toBe("2026");
    expect(asciiDigits("۱۰")).toBe("10");
    expect(asciiDigits(" 0٥a")).toBe("05");
  });

  it("compose a wall-clock time on a 24-hour clock, as Russian writes it", () => {
    expect(composeWallTime({ year: "2026", month: "11", day: "25", hour: "10", minute: "00" })).toBe(
      "2026-11-25T10:00",
    );
    expect(composeWallTime({ year: "2026", month: "3", day: "4", hour: "0", minute: "5" })).toBe("2026-03-04T00:05");
  });

  it("compose a wall-clock time on a 12-hour clock, as Arabic and English write it", () => {
    expect(composeWallTime({ year: "٢٠٢٦", month: "١١", day: "٢٥", hour: "١٠", minute: "٠٠", period: "am" })).toBe(
      "2026-11-25T10:00",
    );
    expect(composeWallTime({ year: "2026", month: "11", day: "25", hour: "12", minute: "30", period: "am" })).toBe(
      "2026-11-25T00:30",
    );
    expect(composeWallTime({ year: "2026", month: "11", day: "25", hour: "12", minute: "30", period: "pm" })).toBe(
      "2026-11-25T12:30",
    );
    expect(composeWallTime({ year: "2026", month: "11", day: "25", hour: "3", minute: "15", period: "pm" })).toBe(
      "2026-11-25T15:15",
    );
  });

  it("compose nothing while the boxes name no real day and time", () => {
    const day = { year: "2026", month: "11", day: "25" };
    expect(composeWallTime({ ...day, day: "31" }, true)).toBeNull();
    expect(composeWallTime({ ...day, month: "2", day: "29" }, false)).toBeNull();
    expect(composeWallTime({ ...day, hour: "24", minute: "00" })).toBeNull();
    expect(composeWallTime({ ...day, hour: "13", minute: "00", period: "pm" })).toBeNull();
    expect(composeWallTime({ ...day, hour: "10", minute: "60" })).toBeNull();
    expect(composeWallTime({ ...day, hour: "", minute: "00" })).toBeNull();
    expect(composeWallTime({ ...day, year: "26" }, false)).toBeNull();
    expect(composeWallTime(day, false)).toBe("2026-11-25");
  });

  it("split a value back into boxes, on either clock", () => {
    expect(splitWallTime("2026-11-25T15:05", true)).toEqual({
      year: "2026",
      month: "11",
      day: "25",
      hour: "3",
      minute: "05",
      period: "pm",
    });
    expect(splitWallTime("2026-11-25T00:30", true)).toMatchObject({ hour: "12", period: "am" });
    expect(splitWallTime("2026-03-04T15:05", false)).toEqual({
      year: "2026",
      month: "3",
      day: "4",
      hour: "15",
      minute: "05",
    });
    expect(splitWallTime("2026-03-04", false)).toEqual({ year: "2026", month: "3", day: "4" });
    expect(splitWallTime("", false)).toBeNull();
  });

  it("follow each language's order of day, month and year, and its clock", () => {
    expect(dateOrderOf("ar-EG-u-nu-arab")).toEqual(["day", "month", "year"]);
    expect(dateOrderOf("ru")).toEqual(["day", "month", "year"]);
    expect(dateOrderOf("en")).toEqual(["month", "day", "year"]);
    expect(usesTwelveHourClock("ar-EG-u-nu-arab")).toBe(true);
    expect(usesTwelveHourClock("en")).toBe(true);
    expect(usesTwelveHourClock("ru")).toBe(false);
  });
});
