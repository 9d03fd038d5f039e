import { describe, expect, it } from "vitest";
import { mspdiDurationMinutes, mspdiRead } from "./mspdi-read";
import { exchangeCalendarAdopt, exchangeMinutesPerDay } from "./plan-exchange.model";

describe("MSPDI reading", () => {
  it("reads MS Project's durations in working time", () => {
    expect(mspdiDurationMinutes("PT40H30M0S")).toBe(2430);
    expect(mspdiDurationMinutes("PT0H4M48S")).toBeCloseTo(4.8);
    expect(mspdiDurationMinutes("P1DT2H")).toBe(1560);
    expect(mspdiDurationMinutes("40h")).toBeUndefined();
  });

  it("takes an old-style exception (a WeekDay of DayType 0) and skips the project summary task and blank rows", () => {
    const plan = mspdiRead(
      `<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><MinutesPerDay>420</MinutesPerDay><CalendarUID>1</CalendarUID>
      <Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar><WeekDays>
        <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
        <WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod><FromDate>2026-05-01T00:00:00</FromDate><ToDate>2026-05-05T23:59:00</ToDate></TimePeriod></WeekDay>
      </WeekDays></Calendar></Calendars>
      <Tasks><Task><UID>0</UID><OutlineLevel>0</OutlineLevel><Name>P</Name></Task><Task><UID>1</UID><IsNull>1</IsNull></Task>
      <Task><UID>2</UID><ID>2</ID><Name>A</Name><OutlineLevel>1</OutlineLevel><Duration>PT14H0M0S</Duration></Task></Tasks></Project>`,
      "en",
    );
    expect(plan.errors).toEqual([]);
    expect(plan.tasks.map((t) => [t.key, t.name, t.durationDays])).toEqual([["2", "A", 2]]);
    expect(plan.calendar?.exceptions).toEqual([{ from: "2026-05-01", to: "2026-05-05", intervals: [] }]);
    // MS Project's default working day for a weekday it does not list.
    expect(plan.calendar?.week.mon).toEqual([
      { start: 480, end: 720 },
      { start: 780, end: 1020 },
    ]);
  });

  it("recognises China's arrangement in a calendar's exceptions and keeps only the project's own days", () => {
    const week = { mon: [{ start: 540, end: 1080 }], tue: [{ start: 540, end: 1080 }], wed: [{ start: 540, end: 1080 }], thu: [{ start: 540, end: 1080 }], fri: [{ start: 540, end: 1080 }], sat: [], sun: [] };
    expect(exchangeMinutesPerDay(week)).toBe(540);
    const partial = exchangeCalendarAdopt({ week, exceptions: [{ from: "2026-10-01", to: "2026-10-07", intervals: [] }] }, { from: 2026, to: 2026 });
    expect(partial.holidaySets).toEqual([]);
    expect(partial.exceptions).toHaveLength(1);
  });
});
