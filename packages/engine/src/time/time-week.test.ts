import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { timeAddDays, timeDateInZone, timeDaysBetween, timeIsIsoDate, timeIsoWeekday, timeMonthStart, timeNextMonth, timeWeekDays, timeWeekStart } from "./time-week";

const arbDate = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2060-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe("time-week", () => {
  it("finds the Monday of a week", () => {
    expect(timeWeekStart("2025-03-09")).toBe("2025-03-03"); // a Sunday
    expect(timeWeekStart("2025-03-03")).toBe("2025-03-03"); // a Monday
    expect(timeWeekStart("2025-01-01")).toBe("2024-12-30"); // across the year
    expect(timeWeekDays("2025-03-03")).toEqual(["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07", "2025-03-08", "2025-03-09"]);
  });

  it("adds days across months and leap years", () => {
    expect(timeAddDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(timeAddDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(timeDaysBetween("2025-03-03", "2025-03-09")).toBe(6);
    expect(timeMonthStart("2025-03-19")).toBe("2025-03-01");
    expect(timeNextMonth("2025-12-01")).toBe("2026-01-01");
  });

  it("rejects dates that do not exist", () => {
    expect(timeIsIsoDate("2025-02-29")).toBe(false);
    expect(timeIsIsoDate("2024-02-29")).toBe(true);
    expect(timeIsIsoDate("2025-3-1")).toBe(false);
  });

  it("reads the wall-clock date in a time zone", () => {
    expect(timeDateInZone(new Date("2025-03-03T16:30:00Z"), "Asia/Shanghai")).toBe("2025-03-04");
    expect(timeDateInZone(new Date("2025-03-03T16:30:00Z"), "Europe/London")).toBe("2025-03-03");
  });

  it("every date's week starts on a Monday at most six days before it", () => {
    fc.assert(
      fc.property(arbDate, (date) => {
        const monday = timeWeekStart(date);
        expect(timeIsoWeekday(monday)).toBe(1);
        const gap = timeDaysBetween(monday, date);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(6);
        expect(timeWeekDays(monday)).toContain(date);
      }),
    );
  });
});
