import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CalendarSpec, calendarIntervalsFromText } from "./calendar-spec";
import { type CalendarDay, calendarDayFromIso, type CalendarInstant, calendarInstantFromIso, calendarInstantToIso, type WorkMinutes } from "./calendar-units";
import { FIXTURE_FIRST_DAY, FIXTURE_LAST_DAY, fixtureCalendar, referenceAddForward, referenceModel, referenceWorkingTimeBetween } from "./calendar.fixture";
import { CHINA_HOLIDAY_PERIODS } from "./china-holidays";
import type { HolidaySetLibrary } from "./holiday-set";
import { calendarCompile, type WorkingCalendar } from "./working-calendar";
import {
  calendarAddWorkingTime,
  calendarDayEndInstant,
  calendarDayStartInstant,
  calendarIsWorkingInstant,
  calendarMinutesToWorkDays,
  calendarNextWorkingInstant,
  calendarPreviousWorkingInstant,
  calendarWorkDaysToMinutes,
  calendarWorkingTimeBetween,
} from "./working-time";

function compile(layers: CalendarSpec | readonly CalendarSpec[], library?: HolidaySetLibrary): WorkingCalendar {
  const outcome = calendarCompile(layers, library);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

const t = calendarInstantFromIso;
const show = (instant: CalendarInstant) => calendarInstantToIso(instant);
const china = compile({ holidaySets: ["cn"] });
const add = (calendar: WorkingCalendar, from: string, minutes: number) => show(calendarAddWorkingTime(calendar, t(from), minutes as WorkMinutes));

describe("adding working time", () => {
  it("walks intervals within a day and lands on interval ends going forwards, starts going backwards", () => {
    expect(add(china, "2024-10-08T09:00", 180)).toBe("2024-10-08T12:00"); // not 13:00
    expect(add(china, "2024-10-08T09:00", 181)).toBe("2024-10-08T13:01");
    expect(add(china, "2024-10-08T13:00", -180)).toBe("2024-10-08T09:00");
    expect(add(china, "2024-10-08T12:00", -1)).toBe("2024-10-08T11:59");
    expect(add(china, "2024-10-08T13:00", -1)).toBe("2024-10-08T11:59");
    expect(add(china, "2024-10-08T12:30", 0)).toBe("2024-10-08T12:30");
    expect(add(china, "2024-10-08T12:30", 1)).toBe("2024-10-08T13:01"); // from lunch, work starts at 13:00
  });

  it("skips holidays and works make-up days", () => {
    expect(add(china, "2024-09-30T16:00", 240)).toBe("2024-10-08T11:00");
    expect(add(china, "2024-10-08T11:00", -240)).toBe("2024-09-30T16:00");
    expect(add(china, "2024-09-27T18:00", 60)).toBe("2024-09-29T10:00"); // Sunday make-up day
    expect(add(china, "2024-09-27T17:00", 480)).toBe("2024-09-29T17:00");
    expect(add(china, "2025-01-24T17:00", 60 + 480 + 480)).toBe("2025-01-27T18:00"); // Fri, then Sunday 01-26 (make-up), Monday 01-27
    expect(add(china, "2025-01-24T17:00", 60 + 480 + 480 + 60)).toBe("2025-02-05T10:00"); // …then 春节 until 02-04
  });

  it("turns fractional days into minutes with the day length", () => {
    expect(calendarWorkDaysToMinutes(china, 1.5)).toBe(720);
    expect(calendarWorkDaysToMinutes(china, -0.25)).toBe(-120);
    expect(calendarMinutesToWorkDays(china, 600 as WorkMinutes)).toBe(1.25);
    expect(show(calendarAddWorkingTime(china, t("2024-10-08T09:00"), calendarWorkDaysToMinutes(china, 1.5)))).toBe("2024-10-09T14:00");
    const shortDays = compile({ minutesPerDay: 450 });
    expect(calendarWorkDaysToMinutes(shortDays, 2)).toBe(900);
    expect(() => calendarAddWorkingTime(china, t("2024-10-08T09:00"), 0.5 as WorkMinutes)).toThrow(RangeError);
  });

  it("crosses many blocks", () => {
    const plain = compile({});
    const start = t("2024-01-01T09:00");
    const years = (260 * 10 * 480) as WorkMinutes; // 2,600 weekdays of 8 hours = 520 weeks
    const later = calendarAddWorkingTime(plain, start, years);
    expect(show(later)).toBe("2033-12-16T18:00"); // the Friday that ends the 520th week
    expect(calendarAddWorkingTime(plain, later, -years as WorkMinutes)).toBe(start);
    expect(calendarWorkingTimeBetween(plain, start, later)).toBe(years);
  });

  it("handles intervals that touch midnight", () => {
    const night = compile({ week: { mon: calendarIntervalsFromText("22:00-24:00"), tue: calendarIntervalsFromText("00:00-06:00"), wed: [], thu: [], fri: [] } });
    expect(add(night, "2025-03-03T23:00", 120)).toBe("2025-03-04T01:00");
    expect(add(night, "2025-03-03T22:00", 120)).toBe("2025-03-04T00:00");
    expect(add(night, "2025-03-04T01:00", -120)).toBe("2025-03-03T23:00");
    expect(show(calendarPreviousWorkingInstant(night, t("2025-03-04T00:00")))).toBe("2025-03-04T00:00");
    expect(show(calendarNextWorkingInstant(night, t("2025-03-04T06:00")))).toBe("2025-03-10T22:00");
  });
});

describe("working time between instants", () => {
  it("counts only working minutes", () => {
    expect(calendarWorkingTimeBetween(china, t("2024-09-30T16:00"), t("2024-10-08T11:00"))).toBe(240);
    expect(calendarWorkingTimeBetween(china, t("2024-10-08T11:00"), t("2024-09-30T16:00"))).toBe(-240);
    expect(calendarWorkingTimeBetween(china, t("2024-10-08T12:00"), t("2024-10-08T13:00"))).toBe(0);
    expect(calendarWorkingTimeBetween(china, t("2024-09-01T00:00"), t("2024-10-01T00:00"))).toBe(21 * 480);
  });
});

describe("next and previous working instants", () => {
  it("find where work resumes and where it stopped", () => {
    expect(show(calendarNextWorkingInstant(china, t("2024-09-30T18:00")))).toBe("2024-10-08T09:00");
    expect(show(calendarNextWorkingInstant(china, t("2024-10-08T12:30")))).toBe("2024-10-08T13:00");
    expect(show(calendarNextWorkingInstant(china, t("2024-10-08T10:15")))).toBe("2024-10-08T10:15");
    expect(show(calendarPreviousWorkingInstant(china, t("2024-10-08T09:00")))).toBe("2024-09-30T18:00");
    expect(show(calendarPreviousWorkingInstant(china, t("2024-10-08T12:30")))).toBe("2024-10-08T12:00");
    expect(show(calendarPreviousWorkingInstant(china, t("2024-10-08T10:15")))).toBe("2024-10-08T10:15");
    expect(show(calendarDayStartInstant(china, calendarDayFromIso("2024-10-12")))).toBe("2024-10-12T09:00");
    expect(show(calendarDayEndInstant(china, calendarDayFromIso("2024-09-30")))).toBe("2024-09-30T18:00");
    expect(show(calendarDayStartInstant(china, calendarDayFromIso("2024-10-01")))).toBe("2024-10-08T09:00");
    expect(calendarIsWorkingInstant(china, t("2024-10-08T12:00"))).toBe(false);
    expect(calendarIsWorkingInstant(china, t("2024-10-08T11:59"))).toBe(true);
  });

  it("every make-up working day of the China data is a full working day", () => {
    for (const period of CHINA_HOLIDAY_PERIODS) {
      for (const date of period.working) {
        const day = calendarDayFromIso(date);
        expect(calendarWorkingTimeBetween(china, (day * 1440) as CalendarInstant, ((day + 1) * 1440) as CalendarInstant), date).toBe(480);
        expect(show(calendarNextWorkingInstant(china, calendarPreviousWorkingInstant(china, (day * 1440) as CalendarInstant))), date).toBe(`${date}T09:00`);
      }
    }
  });
});

describe("properties on random calendars", () => {
  const instant = fc.integer({ min: (FIXTURE_FIRST_DAY - 200) * 1440, max: (FIXTURE_LAST_DAY + 200) * 1440 });
  const amount = fc.oneof(fc.integer({ min: -600, max: 600 }), fc.integer({ min: -60_000, max: 60_000 }));

  it("between(a, add(a, m)) = m; results touch working time; add then subtract returns to working instants", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.integer(), instant, amount, (seed, a, m) => {
        const { layers, library } = fixtureCalendar(seed);
        const calendar = compile(layers, library);
        const start = a as CalendarInstant;
        const result = calendarAddWorkingTime(calendar, start, m as WorkMinutes);
        expect(calendarWorkingTimeBetween(calendar, start, result)).toBe(m);
        if (m > 0) {
          expect(result).toBeGreaterThan(a);
          expect(calendarIsWorkingInstant(calendar, (result - 1) as CalendarInstant)).toBe(true);
          expect(result).toBe(referenceAddForward(referenceModel(layers, library), a, m));
          if (calendarIsWorkingInstant(calendar, start)) expect(calendarAddWorkingTime(calendar, result, -m as WorkMinutes)).toBe(a);
        } else if (m < 0) {
          expect(result).toBeLessThan(a);
          expect(calendarIsWorkingInstant(calendar, result)).toBe(true);
          if (calendarIsWorkingInstant(calendar, (start - 1) as CalendarInstant)) expect(calendarAddWorkingTime(calendar, result, -m as WorkMinutes)).toBe(a);
        } else {
          expect(result).toBe(a);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("between agrees with a minute-summing reference; next/previous instants are the nearest working ones", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.integer(), instant, fc.integer({ min: 0, max: 40 * 1440 }), (seed, a, span) => {
        const { layers, library } = fixtureCalendar(seed);
        const calendar = compile(layers, library);
        const model = referenceModel(layers, library);
        const from = a as CalendarInstant;
        const to = (a + span) as CalendarInstant;
        expect(calendarWorkingTimeBetween(calendar, from, to)).toBe(referenceWorkingTimeBetween(model, a, a + span));
        const next = calendarNextWorkingInstant(calendar, from);
        expect(next).toBeGreaterThanOrEqual(a);
        expect(calendarIsWorkingInstant(calendar, next)).toBe(true);
        expect(referenceWorkingTimeBetween(model, a, next)).toBe(0);
        const previous = calendarPreviousWorkingInstant(calendar, from);
        expect(previous).toBeLessThanOrEqual(a);
        expect(calendarIsWorkingInstant(calendar, (previous - 1) as CalendarInstant)).toBe(true);
        expect(referenceWorkingTimeBetween(model, previous, a)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it("make-up days count as working on the China calendar", () => {
    const makeUp = CHINA_HOLIDAY_PERIODS.flatMap((p) => p.working);
    fc.assert(
      fc.property(fc.constantFrom(...makeUp), fc.integer({ min: 1, max: 479 }), (date, m) => {
        const day = calendarDayFromIso(date) as CalendarDay;
        const start = calendarDayStartInstant(china, day);
        expect(show(start).slice(0, 10)).toBe(date);
        expect(show(calendarAddWorkingTime(china, start, m as WorkMinutes)).slice(0, 10)).toBe(date);
      }),
      { numRuns: 200 },
    );
  });
});
