// The engine never imports date-holidays; the app passes an instance. Tests may load it (a devDependency).
import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { type CalendarDay, calendarDayFromIso } from "./calendar-units";
import { holidaySetLibrary } from "./holiday-set";
import { type DateHolidaysHoliday, type DateHolidaysSource, dateHolidaysEntry, holidaySetFromDateHolidays } from "./holiday-set-date-holidays";
import { calendarCompile, calendarDayInfo, calendarIsWorkingDay, calendarWorkingIntervalsOfDay, type WorkingCalendar } from "./working-calendar";
import { calendarIntervalsFromText } from "./calendar-spec";

function compiled(outcome: ReturnType<typeof calendarCompile>): WorkingCalendar {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

const d = calendarDayFromIso;

describe("holiday sets from date-holidays", () => {
  it("takes Bavaria's public holidays as days off, with Chinese names where the package has them", () => {
    const bavaria = holidaySetFromDateHolidays(new Holidays("DE", "BY"), { id: "dh:DE-BY", name: { en: "Bavaria" }, fromYear: 2024, toYear: 2026 });
    expect(bavaria.coverage).toEqual({ fromYear: 2024, toYear: 2026 });
    const calendar = compiled(calendarCompile({ holidaySets: ["dh:DE-BY"] }, holidaySetLibrary(bavaria)));
    expect(calendarIsWorkingDay(calendar, d("2024-10-03"))).toBe(false); // Tag der Deutschen Einheit
    expect(calendarIsWorkingDay(calendar, d("2024-01-06"))).toBe(false); // Heilige Drei Könige (Bavaria), a Saturday anyway
    expect(calendarIsWorkingDay(calendar, d("2025-01-06"))).toBe(false); // …a Monday in 2025
    expect(calendarIsWorkingDay(calendar, d("2024-12-24"))).toBe(true); // Christmas Eve is a bank holiday, not public
    expect(calendarIsWorkingDay(calendar, d("2024-11-20"))).toBe(true); // Buß- und Bettag: schools only in Bavaria
    expect(calendarIsWorkingDay(calendar, d("2027-10-04"))).toBe(true); // outside the years asked for
    expect(calendarDayInfo(calendar, d("2025-12-25")).name?.en).toBe("Christmas Day");
    const easterMonday = bavaria.entries.find((e) => e.from === "2025-04-21");
    expect(easterMonday?.name?.en).toBe("Easter Monday");
  });

  it("makes afternoon holidays (Christmas Eve from 14:00) partial days with the bank type", () => {
    const bavaria = holidaySetFromDateHolidays(new Holidays("DE", "BY"), { id: "dh:DE-BY", name: {}, fromYear: 2024, toYear: 2024, types: ["public", "bank"] });
    const calendar = compiled(calendarCompile({ holidaySets: ["dh:DE-BY"] }, holidaySetLibrary(bavaria)));
    expect(calendarWorkingIntervalsOfDay(calendar, d("2024-12-24"))).toEqual(calendarIntervalsFromText("09:00-12:00,13:00-14:00"));
    expect(calendarDayInfo(calendar, d("2024-12-24"))).toMatchObject({ working: true, minutes: 240, source: "holiday" });
  });

  it("keeps substitute days (United Kingdom, Christmas 2027 on a weekend)", () => {
    const uk = holidaySetFromDateHolidays(new Holidays("GB"), { id: "dh:GB", name: {}, fromYear: 2027, toYear: 2027 });
    const calendar = compiled(calendarCompile({ holidaySets: ["dh:GB"] }, holidaySetLibrary(uk)));
    expect(calendarIsWorkingDay(calendar, d("2027-12-27"))).toBe(false);
    expect(calendarIsWorkingDay(calendar, d("2027-12-28"))).toBe(false);
    expect(calendarIsWorkingDay(calendar, d("2027-12-29"))).toBe(true);
  });

  it("turns one holiday into an entry: local date, start minute, days spanned despite daylight saving", () => {
    const at = (iso: string) => new Date(iso);
    const entry = (date: string, start: string, end: string) => dateHolidaysEntry({ date, start: at(start), end: at(end), name: "x", type: "public" }, { en: "x" });
    expect(entry("2024-12-24 14:00:00", "2024-12-24T13:00:00Z", "2024-12-24T23:00:00Z")).toEqual({ from: "2024-12-24", to: "2024-12-24", kind: "off", name: { en: "x" }, offFromMinute: 840 });
    // 2024-03-31 has 23 hours in Germany
    expect(entry("2024-03-31 00:00:00", "2024-03-30T23:00:00Z", "2024-03-31T22:00:00Z")).toMatchObject({ from: "2024-03-31", to: "2024-03-31" });
    // a three-day holiday
    expect(entry("2024-02-10 00:00:00", "2024-02-09T16:00:00Z", "2024-02-12T16:00:00Z")).toMatchObject({ from: "2024-02-10", to: "2024-02-12" });
    expect(entry("2024-05-01 00:00:00 -0600", "2024-05-01T06:00:00Z", "2024-05-02T06:00:00Z")).toMatchObject({ from: "2024-05-01", to: "2024-05-01" });
  });

  it("works with any source of the same shape, and filters by type", () => {
    const calls: string[] = [];
    const source: DateHolidaysSource = {
      getHolidays(year, language) {
        calls.push(`${year}:${language ?? ""}`);
        const list: DateHolidaysHoliday[] = [
          { date: `${year}-06-01 00:00:00`, start: new Date(`${year}-06-01T00:00:00Z`), end: new Date(`${year}-06-02T00:00:00Z`), name: language === "zh" ? "节日" : "Fest", type: "public" },
          { date: `${year}-06-02 00:00:00`, start: new Date(`${year}-06-02T00:00:00Z`), end: new Date(`${year}-06-03T00:00:00Z`), name: "Observed", type: "observance" },
        ];
        return list;
      },
    };
    const set = holidaySetFromDateHolidays(source, { id: "x", name: {}, fromYear: 2030, toYear: 2031 });
    expect(calls).toEqual(["2030:en", "2030:zh", "2031:en", "2031:zh"]);
    expect(set.entries).toEqual([
      { from: "2030-06-01", to: "2030-06-01", kind: "off", name: { zh: "节日", en: "Fest" } },
      { from: "2031-06-01", to: "2031-06-01", kind: "off", name: { zh: "节日", en: "Fest" } },
    ]);
    expect(calendarIsWorkingDay(compiled(calendarCompile({ holidaySets: ["x"] }, holidaySetLibrary(set))), (d("2030-06-03") as CalendarDay))).toBe(true);
  });
});
