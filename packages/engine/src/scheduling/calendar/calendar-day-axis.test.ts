import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CriticalPathSchedule, scheduleCriticalPath } from "../critical-path";
import { scheduleInputFromSpecs } from "../schedule-input";
import type { DayNumber, TaskIndex } from "../schedule-units";
import {
  calendarDayAxisCreate,
  calendarDayAxisDate,
  calendarDayAxisDayNumber,
  calendarDayAxisFinishDate,
  calendarDayAxisFinishInstant,
  calendarDayAxisScheduleDates,
  calendarDayAxisStartInstant,
  calendarDayAxisTable,
  calendarDayAxisTaskDates,
} from "./calendar-day-axis";
import { type CalendarDay, calendarDayFromIso, calendarDayToIso, calendarInstantToIso } from "./calendar-units";
import { FIXTURE_FIRST_DAY, FIXTURE_LAST_DAY, fixtureCalendar } from "./calendar.fixture";
import { calendarCompile, calendarIsWorkingDay, calendarWorkingDaysBetween, type WorkingCalendar } from "./working-calendar";

function compiled(outcome: ReturnType<typeof calendarCompile>): WorkingCalendar {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

const china = compiled(calendarCompile({ holidaySets: ["cn"] }));
const d = calendarDayFromIso;
const iso = (day: number) => calendarDayToIso(day as CalendarDay);

/** The reference README's worked example (shared/scheduling/README.md). */
function readmeExample(): CriticalPathSchedule {
  const input = scheduleInputFromSpecs(
    [3, 2, 4, 5, 0, 2, 9].map((duration, id) => ({ id, duration })),
    [
      { from: 0, to: 1, type: "FS", lag: 2 },
      { from: 0, to: 2, type: "SS", lag: 1 },
      { from: 1, to: 3, type: "FF", lag: 1 },
      { from: 2, to: 3, type: "FS", lag: -2 },
      { from: 2, to: 4, type: "SF", lag: 3 },
      { from: 3, to: 5, type: "FS", lag: 0 },
      { from: 0, to: 6, type: "FF", lag: 0 },
    ],
  );
  if (!input.ok) throw new Error(input.error.message);
  const outcome = scheduleCriticalPath(input.value);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

describe("a project's day axis", () => {
  it("starts on the first working day on or after the project start", () => {
    expect(iso(calendarDayAxisCreate(china, d("2024-09-28")).origin)).toBe("2024-09-29"); // Saturday → make-up Sunday
    expect(iso(calendarDayAxisCreate(china, d("2024-10-01")).origin)).toBe("2024-10-08");
    expect(iso(calendarDayAxisCreate(china, d("2024-09-23")).origin)).toBe("2024-09-23");
  });

  it("maps day numbers to working days and back", () => {
    const axis = calendarDayAxisCreate(china, d("2024-09-23"));
    const dates = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((k) => iso(calendarDayAxisDate(axis, k as DayNumber)));
    expect(dates).toEqual(["2024-09-23", "2024-09-24", "2024-09-25", "2024-09-26", "2024-09-27", "2024-09-29", "2024-09-30", "2024-10-08", "2024-10-09", "2024-10-10", "2024-10-11", "2024-10-12"]);
    expect(iso(calendarDayAxisDate(axis, -1 as DayNumber))).toBe("2024-09-20");
    expect(iso(calendarDayAxisFinishDate(axis, 8 as DayNumber, 3))).toBe("2024-10-08");
    expect(iso(calendarDayAxisFinishDate(axis, 8 as DayNumber, 0))).toBe("2024-10-09");
    expect(calendarDayAxisDayNumber(axis, d("2024-10-03"), "start")).toBe(7);
    expect(calendarDayAxisDayNumber(axis, d("2024-10-03"), "finish")).toBe(7);
    expect(calendarDayAxisDayNumber(axis, d("2024-10-08"), "start")).toBe(7);
    expect(calendarDayAxisDayNumber(axis, d("2024-10-08"), "finish")).toBe(8);
    expect(calendarDayAxisDayNumber(axis, d("2024-09-20"), "start")).toBe(-1);
    expect(calendarInstantToIso(calendarDayAxisStartInstant(axis, 7 as DayNumber))).toBe("2024-10-08T09:00");
    expect(calendarInstantToIso(calendarDayAxisFinishInstant(axis, 7 as DayNumber, 2))).toBe("2024-09-30T18:00");
    expect(calendarInstantToIso(calendarDayAxisFinishInstant(axis, 7 as DayNumber, 0))).toBe("2024-10-08T09:00");
    expect(Array.from(calendarDayAxisTable(axis, 7 as DayNumber), iso)).toEqual(dates.slice(0, 8));
  });

  it("dates the README's worked example across 国庆节 without changing the schedule", () => {
    const schedule = readmeExample();
    expect([schedule.finish, schedule.criticalCount, schedule.checksum]).toEqual([10, 5, 49]);
    const axis = calendarDayAxisCreate(china, d("2024-09-23"));
    const dates = calendarDayAxisScheduleDates(axis, schedule);
    const rows = Array.from({ length: 7 }, (_, id) => [iso(dates.earlyStart[id] as number), iso(dates.earlyFinish[id] as number), iso(dates.lateStart[id] as number), iso(dates.lateFinish[id] as number)].join(" "));
    expect(rows).toEqual([
      "2024-09-23 2024-09-25 2024-09-23 2024-09-25", // 0: ES 0, EF 3 → works days 0..2
      "2024-09-29 2024-09-30 2024-09-29 2024-09-30", // 1: ES 5 = the make-up Sunday, EF 7
      "2024-09-24 2024-09-27 2024-09-24 2024-09-27", // 2: ES 1, EF 5
      "2024-09-26 2024-10-08 2024-09-26 2024-10-08", // 3: ES 3, EF 8 → last day is day 7, after the holiday
      "2024-09-27 2024-09-27 2024-10-11 2024-10-11", // 4: milestone ES 4, LS 10
      "2024-10-09 2024-10-10 2024-10-09 2024-10-10", // 5: ES 8, EF 10
      "2024-09-23 2024-10-09 2024-09-24 2024-10-10", // 6: ES 0, EF 9 → day 8; LS 1, LF 10 → day 9
    ]);
    for (let id = 0; id < 7; id++) {
      const task = calendarDayAxisTaskDates(axis, schedule, id as TaskIndex);
      expect([task.earlyStart, task.earlyFinish, task.lateStart, task.lateFinish]).toEqual([dates.earlyStart[id], dates.earlyFinish[id], dates.lateStart[id], dates.lateFinish[id]]);
    }
  });

  it("round-trips day numbers and dates on random calendars (property)", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: FIXTURE_FIRST_DAY, max: FIXTURE_LAST_DAY }), fc.integer({ min: -300, max: 600 }), fc.integer({ min: 0, max: 60 }), (seed, start, k, duration) => {
        const { layers, library } = fixtureCalendar(seed);
        const calendar = compiled(calendarCompile(layers, library));
        const axis = calendarDayAxisCreate(calendar, start as CalendarDay);
        const date = calendarDayAxisDate(axis, k as DayNumber);
        expect(calendarIsWorkingDay(calendar, date)).toBe(true);
        expect(calendarDayAxisDayNumber(axis, date, "start")).toBe(k);
        expect(calendarDayAxisDayNumber(axis, date, "finish")).toBe(k + 1);
        // a task of d > 0 days works exactly d working days from its start date through its finish date
        if (k >= 0 && duration > 0) {
          const finish = calendarDayAxisFinishDate(axis, (k + duration) as DayNumber, duration);
          expect(calendarWorkingDaysBetween(calendar, date, (finish + 1) as CalendarDay)).toBe(duration);
          expect(calendarDayAxisDayNumber(axis, finish, "finish")).toBe(k + duration);
        }
      }),
      { numRuns: 300 },
    );
  });
});
