import { describe, expect, it } from "vitest";
import {
  type CalendarSpec,
  calendarIntervalsCheck,
  calendarIntervalsFromText,
  calendarIntervalsMinutes,
  calendarIntervalsToText,
  calendarLayersCheck,
  calendarSpecCheck,
  calendarSpecResolve,
  DEFAULT_WORKING_DAY,
  type WorkingInterval,
} from "./calendar-spec";
import type { DayMinute } from "./calendar-units";

const iv = (text: string) => calendarIntervalsFromText(text);

describe("intervals", () => {
  it("parse from and print to HH:MM-HH:MM lists", () => {
    expect(iv("09:00-12:00, 13:00-18:00")).toEqual([
      { start: 540, end: 720 },
      { start: 780, end: 1080 },
    ]);
    expect(iv("")).toEqual([]);
    expect(iv("22:00-24:00")).toEqual([{ start: 1320, end: 1440 }]);
    expect(calendarIntervalsToText(DEFAULT_WORKING_DAY)).toBe("09:00-12:00,13:00-18:00");
    expect(calendarIntervalsMinutes(DEFAULT_WORKING_DAY)).toBe(480);
    for (const bad of ["12:00-09:00", "09:00", "09:00-09:00", "9:00-12:00", "09:00-12:00-13:00"]) expect(() => iv(bad), bad).toThrow(RangeError);
  });

  it("are checked: in range, in order, not overlapping (touching is fine)", () => {
    expect(calendarIntervalsCheck(iv("09:00-12:00,12:00-13:00"), "week.mon")).toBeUndefined();
    expect(calendarIntervalsCheck([{ start: 780, end: 1080 }, { start: 540, end: 720 }] as WorkingInterval[], "week.mon")).toEqual({
      kind: "invalid-calendar",
      code: "overlapping-intervals",
      path: "week.mon[1]",
      message: "week.mon[1]: 09:00-12:00 starts before the previous interval ends (18:00)",
    });
    expect(calendarIntervalsCheck([{ start: 720, end: 540 }] as WorkingInterval[], "week.mon")?.message).toBe("week.mon[0]: 12:00-09:00 ends before it starts");
    expect(calendarIntervalsCheck([{ start: 600, end: 600 }] as WorkingInterval[], "x")?.code).toBe("bad-interval");
    expect(calendarIntervalsCheck([{ start: -5, end: 600 }] as WorkingInterval[], "x")?.code).toBe("bad-interval");
    expect(calendarIntervalsCheck([{ start: 0, end: 1441 }] as WorkingInterval[], "x")?.code).toBe("bad-interval");
    expect(calendarIntervalsCheck([{ start: 0.5, end: 60 }] as WorkingInterval[], "x")?.code).toBe("bad-interval");
    expect(calendarIntervalsCheck([{ start: "09:00", end: 600 }] as unknown as WorkingInterval[], "x")?.code).toBe("bad-interval");
  });
});

describe("calendarSpecResolve: workspace → project → resource", () => {
  const workspace: CalendarSpec = { name: "Beijing office", holidaySets: ["cn"], exceptions: [{ from: "2025-03-03", intervals: [], name: { en: "office move" } }] };
  const project: CalendarSpec = { name: "Site rollout", week: { sat: iv("09:00-12:00") }, exceptions: [{ from: "2025-03-08", intervals: iv("10:00-16:00") }] };
  const resource: CalendarSpec = { week: { fri: [] }, holidaySets: ["cn", "acme"], exceptions: [{ from: "2025-07-14", to: "2025-07-18", intervals: [] }] };

  it("fills the defaults for a single empty layer", () => {
    const resolved = calendarSpecResolve([{}]);
    expect(resolved.week.mon).toEqual(DEFAULT_WORKING_DAY);
    expect(resolved.week.sat).toEqual([]);
    expect(resolved.holidaySets).toEqual([]);
    expect(resolved.makeUpDayIntervals).toEqual(DEFAULT_WORKING_DAY);
    expect(resolved.minutesPerDay).toBe(480);
  });

  it("takes each weekday, the holiday sets and the day length from the most specific layer that states them", () => {
    const resolved = calendarSpecResolve([workspace, project, resource]);
    expect(resolved.name).toBe("Site rollout");
    expect(resolved.week.sat).toEqual(iv("09:00-12:00"));
    expect(resolved.week.fri).toEqual([]);
    expect(resolved.week.thu).toEqual(DEFAULT_WORKING_DAY);
    expect(resolved.holidaySets).toEqual(["cn", "acme"]);
    expect(resolved.exceptions.map((e) => e.from)).toEqual(["2025-03-03", "2025-03-08", "2025-07-14"]);
    expect(calendarSpecResolve([workspace, project]).holidaySets).toEqual(["cn"]);
    expect(calendarSpecResolve([workspace, { holidaySets: [] }]).holidaySets).toEqual([]);
  });

  it("derives the make-up day from the first working weekday and the day length from the make-up day", () => {
    const resolved = calendarSpecResolve([{ week: { mon: [], tue: iv("08:00-12:00,13:00-17:30") } }]);
    expect(resolved.makeUpDayIntervals).toEqual(iv("08:00-12:00,13:00-17:30"));
    expect(resolved.minutesPerDay).toBe(510);
    expect(calendarSpecResolve([{ minutesPerDay: 450 }, { makeUpDayIntervals: iv("09:00-12:00") }]).minutesPerDay).toBe(450);
  });
});

describe("calendar validation", () => {
  it("locates errors in layers", () => {
    expect(calendarSpecCheck({ exceptions: [{ from: "2025-02-30", intervals: [] }] })).toMatchObject({
      code: "bad-date",
      path: "exceptions[0].from",
      message: 'exceptions[0].from: "2025-02-30" is not a date (YYYY-MM-DD)',
    });
    expect(calendarSpecCheck({ exceptions: [{ from: "2025-10-01", to: "2025-09-30", intervals: [] }] })?.message).toBe("exceptions[0].to: 2025-09-30 is before 2025-10-01");
    expect(calendarSpecCheck({ minutesPerDay: 0 })?.code).toBe("bad-minutes-per-day");
    expect(calendarSpecCheck({ minutesPerDay: 1441 })?.code).toBe("bad-minutes-per-day");
    expect(calendarSpecCheck({ makeUpDayIntervals: [{ start: 5 as DayMinute, end: 1 as DayMinute }] })?.path).toBe("makeUpDayIntervals[0]");
    expect(calendarLayersCheck([{}, { week: { sun: [{ start: 5 as DayMinute, end: 1 as DayMinute }] } }])?.path).toBe("layers[1].week.sun[0]");
    expect(calendarSpecCheck({ exceptions: [{ from: "2025-01-01", intervals: [{ start: 600, end: 500 }] as WorkingInterval[] }] })?.path).toBe("exceptions[0].intervals[0]");
  });

  it("refuses a week without working time, whatever the layers", () => {
    expect(calendarLayersCheck([{ week: { mon: [], tue: [], wed: [], thu: [], fri: [] } }])).toEqual({
      kind: "invalid-calendar",
      code: "no-working-time",
      path: "week",
      message: "week: no weekday has working time",
    });
    expect(calendarLayersCheck([{ week: { mon: [], tue: [], wed: [], thu: [], fri: [] } }, { week: { sat: iv("09:00-10:00") } }])).toBeUndefined();
  });
});
