// Day boundaries in the newsroom's time zone, for the audit log's date filters.
import { describe, expect, it } from "vitest";
import { startOfDay } from "./zoned-day";

describe("startOfDay", () => {
  it("is midnight in the given zone, the next day with days = 1, and null for non-dates", () => {
    expect(startOfDay("2026-11-23", "Europe/Moscow")?.toISOString()).toBe("2026-11-22T21:00:00.000Z");
    expect(startOfDay("2026-11-23", "Europe/Moscow", 1)?.toISOString()).toBe("2026-11-23T21:00:00.000Z");
    expect(startOfDay("2026-12-31", "UTC", 1)?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(startOfDay("2026-02-30", "UTC")).toBeNull();
    expect(startOfDay("23/11/2026", "UTC")).toBeNull();
  });
});
