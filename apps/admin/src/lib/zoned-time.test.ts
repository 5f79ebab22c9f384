// Days and wall-clock times in the newsroom's time zone: the audit log's date filters and scheduled publication.
import { describe, expect, it } from "vitest";
import { startOfDay, zonedWallTime } from "./zoned-time.ts";

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
