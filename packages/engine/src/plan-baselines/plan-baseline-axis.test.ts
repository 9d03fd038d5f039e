import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planCalendarCompile, planDefaultCalendar } from "../planning/plan-calendar";
import { planDayAxis } from "../planning/plan-schedule";
import { calendarDayAxisFinishDate, calendarDayAxisStartDate, calendarDayToIso } from "../scheduling/index";
import { planBaselineDaysOnAxis } from "./plan-baseline-axis";
import { planVariance, type PlanVarianceTask } from "./plan-variance";

const calendar = planCalendarCompile(planDefaultCalendar());
// November 2026 has no Chinese holiday: Mondays 11-02, 11-09, 11-16.
const savedAxis = planDayAxis(calendar, "2026-11-02");
const laterAxis = planDayAxis(calendar, "2026-11-09");

const task = (values: Partial<PlanVarianceTask>): PlanVarianceTask => ({
  taskId: "t",
  wbsCode: "1",
  name: "Build",
  isSummary: false,
  start: "2026-11-09",
  finish: "2026-11-13",
  startDay: 5,
  finishDay: 10,
  durationDays: 5,
  cost: 100,
  ...values,
});

describe("planBaselineDaysOnAxis", () => {
  it("re-reads a baseline saved when the plan started a week earlier on today's axis", () => {
    expect(planBaselineDaysOnAxis(laterAxis, task({}))).toMatchObject({ startDay: 0, finishDay: 5 });
    // On the axis it was saved on, nothing changes.
    expect(planBaselineDaysOnAxis(savedAxis, task({}))).toMatchObject({ startDay: 5, finishDay: 10 });
  });

  it("keeps the fraction of a day, and dates a milestone where it starts", () => {
    expect(planBaselineDaysOnAxis(laterAxis, task({ startDay: 5.5, finishDay: 9.5, finish: "2026-11-13" }))).toMatchObject({ startDay: 0.5, finishDay: 4.5 });
    expect(planBaselineDaysOnAxis(laterAxis, task({ start: "2026-11-16", finish: "2026-11-16", startDay: 10, finishDay: 10, durationDays: 0 }))).toMatchObject({ startDay: 5, finishDay: 5 });
    expect(planBaselineDaysOnAxis(laterAxis, task({ start: null, finish: null, startDay: null, finishDay: null }))).toMatchObject({ startDay: null, finishDay: null });
  });

  it("shows a project pushed a week later as a five-day slip (the stored day numbers would show none)", () => {
    const baseline = task({ start: "2026-11-02", finish: "2026-11-06", startDay: 0, finishDay: 5 });
    const current = task({ start: "2026-11-09", finish: "2026-11-13", startDay: 0, finishDay: 5 });
    expect(planVariance([current], [baseline]).rows[0]?.finishVarianceDays).toBe(0);
    expect(planVariance([current], [planBaselineDaysOnAxis(laterAxis, baseline)]).rows[0]?.finishVarianceDays).toBe(5);
  });

  it("is the identity for any task on the axis it was saved on", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 }), fc.constantFrom(0, 0.5), (startDay, duration, half) => {
        const s = startDay + half;
        const f = duration === 0 ? s : s + duration;
        const start = calendarDayToIso(calendarDayAxisStartDate(savedAxis, Math.floor(s) as never));
        const finish = calendarDayToIso(calendarDayAxisFinishDate(savedAxis, Math.ceil(f) as never, duration));
        const t = task({ start, finish, startDay: s, finishDay: f, durationDays: duration });
        expect(planBaselineDaysOnAxis(savedAxis, t)).toMatchObject({ startDay: s, finishDay: f });
      }),
    );
  });
});
