import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { timeZoneIsValid, wallClockAsUtc, zoneOffsetMinutes, zonedInstant, zonedWallClock } from "./zoned-time";

const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({ year, month, day, hour, minute });

describe("wall-clock time in a time zone", () => {
  it("knows IANA zones", () => {
    expect(timeZoneIsValid("Asia/Shanghai")).toBe(true);
    expect(timeZoneIsValid("Europe/Berlin")).toBe(true);
    expect(timeZoneIsValid("Mars/Olympus")).toBe(false);
    expect(timeZoneIsValid("")).toBe(false);
  });

  it("reads Asia/Shanghai at a fixed +08:00 all year (no DST)", () => {
    expect(zoneOffsetMinutes(new Date("2026-01-15T00:00:00Z"), "Asia/Shanghai")).toBe(480);
    expect(zoneOffsetMinutes(new Date("2026-07-15T00:00:00Z"), "Asia/Shanghai")).toBe(480);
    expect(zonedInstant(wall(2026, 3, 2, 9, 30), "Asia/Shanghai").toISOString()).toBe("2026-03-02T01:30:00.000Z");
    expect(zonedWallClock(new Date("2026-03-02T01:30:00Z"), "Asia/Shanghai")).toEqual(wall(2026, 3, 2, 9, 30));
  });

  it("follows Europe/Berlin across the March DST change (CET +01:00 → CEST +02:00, 29 March 2026)", () => {
    expect(zonedInstant(wall(2026, 3, 23, 9, 30), "Europe/Berlin").toISOString()).toBe("2026-03-23T08:30:00.000Z");
    expect(zonedInstant(wall(2026, 3, 30, 9, 30), "Europe/Berlin").toISOString()).toBe("2026-03-30T07:30:00.000Z");
  });

  it("puts a skipped time after the gap and an ambiguous time at its first instant", () => {
    // 02:30 does not exist in Berlin on 29 March 2026; it lands at 03:30 CEST.
    expect(zonedInstant(wall(2026, 3, 29, 2, 30), "Europe/Berlin").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // 02:30 exists twice on 25 October 2026: first in CEST.
    expect(zonedInstant(wall(2026, 10, 25, 2, 30), "Europe/Berlin").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("round-trips every instant on a minute through its wall clock (property)", () => {
    const zones = ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Sydney", "UTC"];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * 365 * 24 * 60 }), fc.constantFrom(...zones), (minutes, zone) => {
        const instant = new Date(Date.UTC(2020, 0, 1) + minutes * 60_000);
        const local = zonedWallClock(instant, zone);
        const back = zonedInstant(local, zone);
        // Ambiguous wall clocks map to their first instant: the same wall clock either way.
        expect(wallClockAsUtc(zonedWallClock(back, zone))).toBe(wallClockAsUtc(local));
        expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
      }),
      { numRuns: 300 },
    );
  });
});
