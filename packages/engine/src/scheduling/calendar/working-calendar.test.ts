import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CalendarSpec, calendarIntervalsFromText } from "./calendar-spec";
import { type CalendarDay, calendarDayFromIso, calendarDayToIso } from "./calendar-units";
import { FIXTURE_FIRST_DAY, FIXTURE_LAST_DAY, fixtureCalendar, referenceAddWorkingDays, referenceModel } from "./calendar.fixture";
import { type HolidaySet, holidaySetLibrary, type HolidaySetLibrary } from "./holiday-set";
import {
  calendarAddWorkingDays,
  calendarCompile,
  calendarDayInfo,
  calendarIsWorkingDay,
  calendarNextWorkingDay,
  calendarPreviousWorkingDay,
  calendarWorkingDaysBetween,
  calendarWorkingIntervalsOfDay,
  calendarWorkingMinutesOfDay,
  type WorkingCalendar,
} from "./working-calendar";

function compile(layers: CalendarSpec | readonly CalendarSpec[], library?: HolidaySetLibrary): WorkingCalendar {
  const outcome = calendarCompile(layers, library);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

const d = calendarDayFromIso;
const iso = (day: number) => calendarDayToIso(day as CalendarDay);
const iv = calendarIntervalsFromText;

describe("calendarCompile", () => {
  it("defaults to Monday–Friday, 09:00–12:00 and 13:00–18:00", () => {
    const calendar = compile({});
    expect(calendarIsWorkingDay(calendar, d("2025-03-07"))).toBe(true); // Friday
    expect(calendarIsWorkingDay(calendar, d("2025-03-08"))).toBe(false);
    expect(calendarWorkingMinutesOfDay(calendar, d("2025-03-07"))).toBe(480);
    expect(calendarWorkingIntervalsOfDay(calendar, d("2025-03-07"))).toEqual(iv("09:00-12:00,13:00-18:00"));
    expect(calendar.minutesPerDay).toBe(480);
    expect(calendarDayInfo(calendar, d("2025-03-08"))).toMatchObject({ date: "2025-03-08", weekday: 6, working: false, source: "week", name: undefined });
  });

  it("refuses unknown holiday sets, bad user sets and bad layers as data", () => {
    expect(calendarCompile({ holidaySets: ["fr"] })).toEqual({
      ok: false,
      error: { kind: "invalid-calendar", code: "unknown-holiday-set", path: "holidaySets[0]", message: 'holidaySets[0]: no holiday set "fr"' },
    });
    expect(calendarCompile([{}, { holidaySets: ["cn", "fr"] }, {}])).toMatchObject({ ok: false, error: { path: "layers[1].holidaySets[1]" } });
    const bad: HolidaySet = { id: "bad", name: {}, entries: [{ from: "2025-01-01", to: "2024-12-31", kind: "off" }] };
    expect(calendarCompile({ holidaySets: ["bad"] }, holidaySetLibrary(bad))).toMatchObject({
      ok: false,
      error: { code: "bad-date", message: 'holiday set "bad" entries[0].to: 2024-12-31 is before 2025-01-01' },
    });
    expect(calendarCompile({ week: { mon: [], tue: [], wed: [], thu: [], fri: [] } })).toMatchObject({ ok: false, error: { code: "no-working-time" } });
  });

  it("lets a library replace the built-in China set", () => {
    const mine: HolidaySet = { id: "cn", name: { en: "my China" }, entries: [{ from: "2025-03-07", kind: "off" }] };
    const calendar = compile({ holidaySets: ["cn"] }, holidaySetLibrary(mine));
    expect(calendarIsWorkingDay(calendar, d("2025-03-07"))).toBe(false);
    expect(calendarIsWorkingDay(calendar, d("2024-10-01"))).toBe(true);
  });
});

describe("inheritance and precedence", () => {
  const companyDays: HolidaySet = {
    id: "acme",
    name: { zh: "公司假期", en: "Company days" },
    entries: [
      { from: "2024-12-30", to: "2024-12-31", kind: "off", name: { en: "Year-end shutdown" } },
      { from: "2024-10-07", kind: "working", name: { en: "Release day" } },
      { from: "2025-03-06", kind: "off", offFromMinute: 15 * 60, name: { en: "Afternoon off" } },
    ],
  };
  const library = holidaySetLibrary(companyDays);
  const workspace: CalendarSpec = { holidaySets: ["cn", "acme"], exceptions: [{ from: "2025-03-03", intervals: [], name: { en: "office move" } }] };
  const project: CalendarSpec = { week: { sat: iv("09:00-12:00") }, exceptions: [{ from: "2024-10-03", intervals: iv("10:00-16:00"), name: { en: "go-live support" } }] };
  const resource: CalendarSpec = { week: { fri: [] }, exceptions: [{ from: "2025-03-03", intervals: iv("14:00-18:00") }] };

  it("applies week, then holiday sets in order, then exceptions base layer first", () => {
    const ws = compile([workspace], library);
    const pr = compile([workspace, project], library);
    const rs = compile([workspace, project, resource], library);
    // a later set wins: acme makes 2024-10-07 (国庆节) a working day
    expect(calendarDayInfo(ws, d("2024-10-07"))).toMatchObject({ working: true, source: "make-up", holidaySetId: "acme" });
    expect(calendarIsWorkingDay(ws, d("2024-12-30"))).toBe(false);
    // partial day off: the normal intervals before 15:00 stay
    expect(calendarWorkingIntervalsOfDay(ws, d("2025-03-06"))).toEqual(iv("09:00-12:00,13:00-15:00"));
    // the project works Saturday mornings and the morning... of a holiday only through an exception
    expect(calendarWorkingMinutesOfDay(pr, d("2025-03-08"))).toBe(180);
    expect(calendarIsWorkingDay(pr, d("2024-10-05"))).toBe(false); // a Saturday inside 国庆节: the holiday wins over the week
    expect(calendarDayInfo(pr, d("2024-10-03"))).toMatchObject({ working: true, minutes: 360, source: "exception", name: { en: "go-live support" } });
    // the resource's own exception overrides the workspace's on the same day; its Fridays are off
    expect(calendarIsWorkingDay(pr, d("2025-03-03"))).toBe(false);
    expect(calendarWorkingIntervalsOfDay(rs, d("2025-03-03"))).toEqual(iv("14:00-18:00"));
    expect(calendarIsWorkingDay(rs, d("2025-03-07"))).toBe(false);
    // …but a make-up working day is worked even on the resource's day off (it is a working day of the calendar)
    expect(calendarIsWorkingDay(rs, d("2024-10-12"))).toBe(true);
  });

  it("uses makeUpDayIntervals for make-up days", () => {
    const calendar = compile({ holidaySets: ["cn"], makeUpDayIntervals: iv("09:00-12:00") });
    expect(calendarWorkingIntervalsOfDay(calendar, d("2024-09-29"))).toEqual(iv("09:00-12:00"));
    expect(calendar.minutesPerDay).toBe(180);
  });
});

describe("working days", () => {
  const china = compile({ holidaySets: ["cn"] });

  it("adds working days like WORKDAY: the start itself never counts", () => {
    expect(iso(calendarAddWorkingDays(china, d("2024-09-27"), 1))).toBe("2024-09-29");
    expect(iso(calendarAddWorkingDays(china, d("2024-09-30"), 1))).toBe("2024-10-08");
    expect(iso(calendarAddWorkingDays(china, d("2024-10-05"), 1))).toBe("2024-10-08");
    expect(iso(calendarAddWorkingDays(china, d("2024-10-08"), -2))).toBe("2024-09-29");
    expect(iso(calendarAddWorkingDays(china, d("2024-10-05"), 0))).toBe("2024-10-05");
    expect(iso(calendarNextWorkingDay(china, d("2024-10-01")))).toBe("2024-10-08");
    expect(iso(calendarPreviousWorkingDay(china, d("2024-10-06")))).toBe("2024-09-30");
    expect(iso(calendarNextWorkingDay(china, d("2024-10-08")))).toBe("2024-10-08");
    expect(calendarWorkingDaysBetween(china, d("2024-09-28"), d("2024-10-08"))).toBe(2);
    expect(calendarWorkingDaysBetween(china, d("2024-10-08"), d("2024-09-28"))).toBe(-2);
    expect(() => calendarAddWorkingDays(china, d("2024-10-08"), 1.5)).toThrow(RangeError);
  });

  it("crosses years and blocks both ways", () => {
    const plain = compile({});
    // every fifth weekday after a Monday is a Monday: 2,600 weekdays are exactly 520 weeks
    const start = d("2024-01-01");
    const later = calendarAddWorkingDays(plain, start, 5 * 52 * 10);
    expect(iso(later)).toBe("2033-12-19");
    expect(calendarAddWorkingDays(plain, later, -5 * 52 * 10)).toBe(start);
    expect(calendarWorkingDaysBetween(plain, start, later)).toBe(2600);
    expect(iso(calendarAddWorkingDays(plain, d("9999-12-30"), 1))).toBe("9999-12-31"); // a Friday
    expect(() => calendarAddWorkingDays(plain, d("9999-12-31"), 1)).toThrow(RangeError);
    expect(() => calendarAddWorkingDays(plain, d("0001-01-01"), -1)).toThrow(RangeError);
  });

  it("throws instead of looping when a calendar has no working time left", () => {
    const closed = compile({ exceptions: [{ from: "2025-01-01", to: "9999-12-31", intervals: [] }] });
    expect(() => calendarAddWorkingDays(closed, d("2025-06-01"), 1)).toThrow(RangeError);
    expect(iso(calendarAddWorkingDays(closed, d("2025-06-01"), -1))).toBe("2024-12-31");
  });

  it("agrees with a day-by-day reference on random calendars (property)", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: FIXTURE_FIRST_DAY - 400, max: FIXTURE_LAST_DAY + 400 }),
        fc.integer({ min: -800, max: 800 }),
        (seed, day, n) => {
          const { layers, library } = fixtureCalendar(seed);
          const calendar = compile(layers, library);
          const model = referenceModel(layers, library);
          const start = day as CalendarDay;
          expect(calendarIsWorkingDay(calendar, start)).toBe(model(day).length > 0);
          expect(calendarWorkingIntervalsOfDay(calendar, start)).toEqual(model(day));
          const result = calendarAddWorkingDays(calendar, start, n);
          expect(result).toBe(n === 0 ? day : referenceAddWorkingDays(model, day, n));
          if (n !== 0) expect(calendarIsWorkingDay(calendar, result)).toBe(true);
          // [start, result) holds the start (when it is worked) and the n − 1 working days between; [result, start) holds |n|
          const startWorks = model(day).length > 0;
          expect(calendarWorkingDaysBetween(calendar, start, result)).toBe(n > 0 ? n - 1 + (startWorks ? 1 : 0) : n);
          if (startWorks) expect(calendarAddWorkingDays(calendar, result, -n)).toBe(day);
        },
      ),
      { numRuns: 300 },
    );
  });
});
