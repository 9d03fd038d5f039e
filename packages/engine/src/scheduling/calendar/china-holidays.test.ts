import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { type CalendarDay, calendarDayFromIso, calendarDayToIso, calendarDayWeekday } from "./calendar-units";
import { CHINA_HOLIDAY_PERIODS, CHINA_HOLIDAYS_SOURCE, chinaHolidayPeriods, HOLIDAY_SET_CHINA, HOLIDAY_SET_CHINA_ID } from "./china-holidays";
import { holidaySetCheck, holidaySetCoversYear } from "./holiday-set";
import {
  calendarAddWorkingDays,
  calendarCompile,
  calendarDayInfo,
  calendarIsWorkingDay,
  calendarUncoveredYears,
  calendarWorkingDaysBetween,
  type WorkingCalendar,
} from "./working-calendar";

function compiled(): WorkingCalendar {
  const outcome = calendarCompile({ holidaySets: [HOLIDAY_SET_CHINA_ID] });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

const china = compiled();
const d = calendarDayFromIso;
const working = (iso: string) => calendarIsWorkingDay(china, d(iso));
const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let x = d(from); x <= d(to); x++) out.push(calendarDayToIso(x as CalendarDay));
  return out;
};

describe("mainland China's holidays and make-up working days", () => {
  it("covers 2004–2026 (chinese-days 1.5.7), every year of it", () => {
    expect(CHINA_HOLIDAYS_SOURCE).toMatchObject({ package: "chinese-days", licence: "MIT", fromYear: 2004, toYear: 2026 });
    for (let year = CHINA_HOLIDAYS_SOURCE.fromYear; year <= CHINA_HOLIDAYS_SOURCE.toYear; year++) {
      const festivals = chinaHolidayPeriods(year).map((p) => p.festival);
      expect(festivals, String(year)).toContain("spring-festival");
      expect(festivals, String(year)).toContain("national-day");
    }
    expect(holidaySetCoversYear(HOLIDAY_SET_CHINA, 2026)).toBe(true);
    expect(holidaySetCoversYear(HOLIDAY_SET_CHINA, 2027)).toBe(false);
    expect(holidaySetCheck(HOLIDAY_SET_CHINA).ok).toBe(true);
    expect(calendarUncoveredYears(china, 2025, 2028)).toEqual([{ holidaySetId: "cn", years: [2027, 2028] }]);
  });

  it("2024 National Day: 10-01..07 off; Sunday 09-29 and Saturday 10-12 worked", () => {
    for (const day of range("2024-10-01", "2024-10-07")) expect(working(day), day).toBe(false);
    expect(calendarDayWeekday(d("2024-09-29"))).toBe(7);
    expect(calendarDayWeekday(d("2024-10-12"))).toBe(6);
    expect(working("2024-09-29")).toBe(true);
    expect(working("2024-10-12")).toBe(true);
    expect(working("2024-10-13")).toBe(false); // the Sunday after stays a weekend
    expect(calendarDayInfo(china, d("2024-10-03"))).toMatchObject({ working: false, source: "holiday", name: { zh: "国庆节", en: "National Day" }, holidaySetId: "cn" });
    expect(calendarDayInfo(china, d("2024-09-29"))).toMatchObject({ working: true, minutes: 480, source: "make-up", name: { zh: "国庆节" } });
    // September 2024 had 21 weekdays; 09-16 and 09-17 (中秋) off, 09-14 and 09-29 make-up days: 21 working days
    expect(calendarWorkingDaysBetween(china, d("2024-09-01"), d("2024-10-01"))).toBe(21);
  });

  it("2025 Spring Festival: 01-28..02-04 off; Sunday 01-26 and Saturday 02-08 worked", () => {
    for (const day of range("2025-01-28", "2025-02-04")) expect(working(day), day).toBe(false);
    expect(working("2025-01-26")).toBe(true);
    expect(working("2025-02-08")).toBe(true);
    expect(working("2025-01-27")).toBe(true);
    expect(working("2025-02-05")).toBe(true);
    // Friday 01-24 + 1 working day is the make-up Sunday; the day after it, Monday 01-27; then 02-05
    expect(calendarDayToIso(calendarAddWorkingDays(china, d("2025-01-24"), 1))).toBe("2025-01-26");
    expect(calendarDayToIso(calendarAddWorkingDays(china, d("2025-01-24"), 3))).toBe("2025-02-05");
    expect(calendarDayToIso(calendarAddWorkingDays(china, d("2025-02-05"), -2))).toBe("2025-01-26");
  });

  it("2026: Spring Festival 02-15..23 off with Saturdays 02-14 and 02-28 worked; National Day 10-01..07 with 09-20 and 10-10", () => {
    for (const day of range("2026-02-15", "2026-02-23")) expect(working(day), day).toBe(false);
    expect(working("2026-02-14")).toBe(true);
    expect(working("2026-02-28")).toBe(true);
    for (const day of range("2026-10-01", "2026-10-07")) expect(working(day), day).toBe(false);
    expect(working("2026-09-20")).toBe(true);
    expect(working("2026-10-10")).toBe(true);
    expect(working("2026-01-02")).toBe(false); // 元旦 2026: 01-01..03 off, Sunday 01-04 worked
    expect(working("2026-01-04")).toBe(true);
  });

  it("2025 names the Mid-Autumn day inside the National Day week", () => {
    expect(calendarDayInfo(china, d("2025-10-06")).name).toEqual({ zh: "中秋节", en: "Mid-Autumn Festival" });
    expect(calendarDayInfo(china, d("2025-10-08")).name).toEqual({ zh: "国庆节", en: "National Day" });
    const nationalDay = CHINA_HOLIDAY_PERIODS.find((p) => p.year === 2025 && p.festival === "national-day");
    expect(nationalDay).toMatchObject({ statutoryDays: 3, working: ["2025-09-28", "2025-10-11"] });
  });

  it("agrees with the chinese-days package on every day of 2004–2026", () => {
    const require = createRequire(import.meta.url);
    const source = require("chinese-days/dist/chinese-days.json") as { holidays: Record<string, string>; workdays: Record<string, string> };
    const disagreements: string[] = [];
    for (let day = d("2004-01-01"); day <= d("2026-12-31"); day++) {
      const iso = calendarDayToIso(day as CalendarDay);
      const weekday = calendarDayWeekday(day as CalendarDay);
      const expected = iso in source.workdays || (weekday <= 5 && !(iso in source.holidays));
      if (calendarIsWorkingDay(china, day as CalendarDay) !== expected) disagreements.push(iso);
    }
    expect(disagreements).toEqual([]);
    const makeUpDays = CHINA_HOLIDAY_PERIODS.flatMap((p) => p.working);
    expect(makeUpDays.length).toBe(Object.keys(source.workdays).length);
    // every make-up working day falls on a weekend: 调休 moves weekend days, never adds weekdays
    expect(makeUpDays.filter((iso) => calendarDayWeekday(d(iso)) <= 5)).toEqual([]);
  });
});
