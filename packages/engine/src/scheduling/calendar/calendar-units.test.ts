import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CALENDAR_FIRST_DAY,
  CALENDAR_LAST_DAY,
  type CalendarDay,
  calendarDayFromIso,
  calendarDayFromParts,
  calendarDayParse,
  calendarDayParts,
  calendarDayToIso,
  calendarDayWeekday,
  type CalendarInstant,
  calendarInstantDay,
  calendarInstantFromIso,
  calendarInstantMinute,
  calendarInstantParse,
  calendarInstantToIso,
  type DayMinute,
  dayMinuteParse,
  dayMinuteToText,
} from "./calendar-units";

describe("calendar days", () => {
  it("counts days from 1970-01-01", () => {
    expect(calendarDayFromIso("1970-01-01")).toBe(0);
    expect(calendarDayFromIso("1969-12-31")).toBe(-1);
    expect(calendarDayFromIso("2024-10-01")).toBe(19997);
    expect(calendarDayFromIso("2024-02-29")).toBe(19782);
    expect(calendarDayFromIso("0001-01-01")).toBe(CALENDAR_FIRST_DAY);
    expect(calendarDayFromIso("9999-12-31")).toBe(CALENDAR_LAST_DAY);
    expect(calendarDayParts(19997 as CalendarDay)).toEqual({ year: 2024, month: 10, day: 1 });
  });

  it("knows weekdays (ISO: Monday 1 … Sunday 7)", () => {
    expect(calendarDayWeekday(0 as CalendarDay)).toBe(4); // 1970-01-01 was a Thursday
    expect(calendarDayWeekday(calendarDayFromIso("2024-09-29"))).toBe(7);
    expect(calendarDayWeekday(calendarDayFromIso("2024-10-12"))).toBe(6);
    expect(calendarDayWeekday(calendarDayFromIso("2025-01-27"))).toBe(1);
    expect(calendarDayWeekday(calendarDayFromIso("1900-01-01"))).toBe(1);
  });

  it("refuses what is not a YYYY-MM-DD date", () => {
    for (const bad of ["2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-2-9", "24-02-09", "2024-02-09T00:00", "0000-01-01", "", "2024/02/09"]) {
      expect(calendarDayParse(bad), bad).toBeUndefined();
    }
    expect(() => calendarDayFromIso("2023-02-29")).toThrow(RangeError);
    expect(calendarDayParse("1900-02-29")).toBeUndefined();
    expect(calendarDayParse("2000-02-29")).toBe(calendarDayFromParts(2000, 2, 29));
  });

  it("agrees with Date in UTC on every day of 0001..9999 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: CALENDAR_FIRST_DAY, max: CALENDAR_LAST_DAY }), (n) => {
        const day = n as CalendarDay;
        const date = new Date(n * 86_400_000);
        const iso = calendarDayToIso(day);
        expect(iso).toBe(date.toISOString().slice(0, 10));
        expect(calendarDayWeekday(day)).toBe(((date.getUTCDay() + 6) % 7) + 1);
        expect(calendarDayParse(iso)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("instants and minutes of the day", () => {
  it("are day × 1440 + minute, without time zones", () => {
    const t = calendarInstantFromIso("2024-10-08T09:00");
    expect(t).toBe(28_806_300);
    expect(calendarInstantDay(t)).toBe(calendarDayFromIso("2024-10-08"));
    expect(calendarInstantMinute(t)).toBe(540);
    expect(calendarInstantToIso(t)).toBe("2024-10-08T09:00");
    expect(calendarInstantParse("2024-10-08")).toBe(28_805_760);
    expect(calendarInstantToIso(-1 as CalendarInstant)).toBe("1969-12-31T23:59");
  });

  it("parses times of day", () => {
    expect(dayMinuteParse("13:30")).toBe(810);
    expect(dayMinuteParse("24:00")).toBe(1440);
    expect(dayMinuteParse("00:00")).toBe(0);
    for (const bad of ["9:00", "24:01", "12:60", "1200", "ab:cd"]) expect(dayMinuteParse(bad), bad).toBeUndefined();
    expect(dayMinuteToText(810 as DayMinute)).toBe("13:30");
    expect(dayMinuteToText(1440 as DayMinute)).toBe("24:00");
    expect(calendarInstantParse("2024-10-08T24:00")).toBeUndefined(); // midnight is 00:00 of the next day
    expect(calendarInstantParse("2024-10-08T09:00T1")).toBeUndefined();
  });

  it("round-trips instants (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: CALENDAR_FIRST_DAY * 1440, max: CALENDAR_LAST_DAY * 1440 + 1439 }), (t) => {
        expect(calendarInstantParse(calendarInstantToIso(t as CalendarInstant))).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });
});
