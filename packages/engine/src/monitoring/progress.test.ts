import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planBudgetCurve, planBudgetTotal, type PlanBudgetTask } from "../planning/plan-budget";
import { planCalendarCompile, planDefaultCalendar } from "../planning/plan-calendar";
import { planDayAxis } from "../planning/plan-schedule";
import { earnedValueEarned, earnedValuePlannedAt, earnedValueSCurve, milestoneTrendSeries, progressBurnSeries, progressRollUp, type ProgressTask } from "./progress";

/** Default calendar (Mon–Fri, China's holidays) from Monday 2026-10-26. */
const axis = planDayAxis(planCalendarCompile(planDefaultCalendar()), "2026-10-26");

describe("progressRollUp", () => {
  it("weights by work hours, not by count", () => {
    const r = progressRollUp([
      { workHours: 40, cost: 0, durationDays: 5, percentComplete: 50 },
      { workHours: 2, cost: 0, durationDays: 1, percentComplete: 100 },
    ]);
    expect(r.basis).toBe("work");
    expect(r.percentComplete).toBeCloseTo(2200 / 42, 10); // 52.4 %, where a count would say 75 %
  });

  it("falls back to cost, then duration, then the plain mean", () => {
    expect(progressRollUp([{ workHours: 0, cost: 300, durationDays: 1, percentComplete: 100 }, { workHours: 0, cost: 100, durationDays: 3, percentComplete: 0 }])).toEqual({ percentComplete: 75, basis: "cost" });
    expect(progressRollUp([{ workHours: 0, cost: 0, durationDays: 1, percentComplete: 100 }, { workHours: 0, cost: 0, durationDays: 3, percentComplete: 0 }])).toEqual({ percentComplete: 25, basis: "duration" });
    expect(progressRollUp([{ workHours: 0, cost: 0, durationDays: 0, percentComplete: 100 }, { workHours: 0, cost: 0, durationDays: 0, percentComplete: 0 }])).toEqual({ percentComplete: 50, basis: "count" });
    expect(progressRollUp([])).toEqual({ percentComplete: 0, basis: "count" });
  });

  // Amounts as plans hold them (hundredths and up; no subnormal weights, whose ratios lose all precision).
  const task = fc.record({
    workHours: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1e4, noNaN: true })),
    cost: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1e6, noNaN: true })),
    durationDays: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 100, noNaN: true })),
    percentComplete: fc.double({ min: 0, max: 100, noNaN: true }),
  });

  it("property: the roll-up lies between the least and the most complete task, and equals work-weighted progress", () => {
    fc.assert(
      fc.property(fc.array(task, { minLength: 1, maxLength: 30 }), (tasks: ProgressTask[]) => {
        const { percentComplete, basis } = progressRollUp(tasks);
        const pcs = tasks.map((t) => t.percentComplete);
        expect(percentComplete).toBeGreaterThanOrEqual(Math.min(...pcs) - 1e-9);
        expect(percentComplete).toBeLessThanOrEqual(Math.max(...pcs) + 1e-9);
        const work = tasks.reduce((s, t) => s + t.workHours, 0);
        if (work > 0) {
          expect(basis).toBe("work");
          expect(percentComplete).toBeCloseTo(tasks.reduce((s, t) => s + t.workHours * t.percentComplete, 0) / work, 6);
        }
      }),
    );
  });

  it("property: splitting a task into two halves of its work at the same progress changes nothing", () => {
    fc.assert(
      fc.property(fc.array(task, { minLength: 1, maxLength: 10 }), fc.nat(9), (tasks: ProgressTask[], k) => {
        const i = k % tasks.length;
        const t = tasks[i] as ProgressTask;
        const split = [...tasks.slice(0, i), { ...t, workHours: t.workHours / 2, cost: t.cost / 2, durationDays: t.durationDays / 2 }, { ...t, workHours: t.workHours / 2, cost: t.cost / 2, durationDays: t.durationDays / 2 }, ...tasks.slice(i + 1)];
        const a = progressRollUp(tasks);
        const b = progressRollUp(split);
        if (a.basis !== "count") expect(b.percentComplete).toBeCloseTo(a.percentComplete, 6);
      }),
    );
  });
});

describe("earnedValuePlannedAt / earnedValueEarned", () => {
  it("prorates a task's budget over its working days up to the end of the status date", () => {
    const tasks: PlanBudgetTask[] = [
      { id: "a", startTick: 0, finishTick: 400, cost: 4000 }, // Mon 10-26 … Thu 10-29
      { id: "m", startTick: 500, finishTick: 500, cost: 300 }, // a milestone at the start of Mon 11-02 (day 5)
    ];
    expect(earnedValuePlannedAt(axis, tasks, "2026-10-25")).toBe(0);
    expect(earnedValuePlannedAt(axis, tasks, "2026-10-27")).toBe(2000);
    expect(earnedValuePlannedAt(axis, tasks, "2026-10-31")).toBe(4000); // Saturday: the milestone's day is not over
    expect(earnedValuePlannedAt(axis, tasks, "2026-11-02")).toBe(4300);
  });

  it("earns each task's budget times its percent complete", () => {
    expect(earnedValueEarned([{ id: "a", startTick: 0, finishTick: 400, cost: 4000, percentComplete: 25 }, { id: "b", startTick: 0, finishTick: 0, cost: 100, percentComplete: 100 }])).toBe(1100);
  });

  it("property: PV at the plan's last day is the budget; PV never decreases with the status date", () => {
    const taskArb = fc.record({ start: fc.integer({ min: 0, max: 3000 }), length: fc.integer({ min: 0, max: 2000 }), cost: fc.integer({ min: 0, max: 100_000 }) });
    fc.assert(
      fc.property(fc.array(taskArb, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 60 }), (raw, offset) => {
        const tasks = raw.map((t, i) => ({ id: String(i), startTick: t.start, finishTick: t.start + t.length, cost: t.cost }));
        const curve = planBudgetCurve(axis, tasks, "week");
        const last = curve[curve.length - 1];
        if (last) expect(earnedValuePlannedAt(axis, tasks, last.to)).toBeCloseTo(planBudgetTotal(tasks), 2);
        const day = (n: number) => new Date(Date.UTC(2026, 9, 26 + n)).toISOString().slice(0, 10);
        expect(earnedValuePlannedAt(axis, tasks, day(offset + 1))).toBeGreaterThanOrEqual(earnedValuePlannedAt(axis, tasks, day(offset)) - 1e-9);
      }),
    );
  });
});

describe("earnedValueSCurve", () => {
  it("merges the weekly PV with the last measurement of each week up to the status date", () => {
    const planned = [
      { from: "2026-10-26", to: "2026-11-01", cost: 500, cumulative: 500 },
      { from: "2026-11-02", to: "2026-11-08", cost: 500, cumulative: 1000 },
    ];
    const measured = [
      { asOf: "2026-10-27", ev: 100, ac: 120 },
      { asOf: "2026-10-30", ev: 400, ac: 450 },
      { asOf: "2026-11-13", ev: 900, ac: 999 }, // after the status date: left out
    ];
    expect(earnedValueSCurve(planned, measured, "2026-11-04")).toEqual([
      { from: "2026-10-26", to: "2026-11-01", pv: 500, ev: 400, ac: 450 },
      { from: "2026-11-02", to: "2026-11-08", pv: 1000, ev: null, ac: null },
    ]);
  });

  it("carries PV flat into weeks measured after the plan's end", () => {
    const curve = earnedValueSCurve([{ from: "2026-10-26", to: "2026-11-01", cost: 500, cumulative: 500 }], [{ asOf: "2026-11-10", ev: 500, ac: 600 }], "2026-11-10");
    expect(curve.map((p) => [p.to, p.pv, p.ev])).toEqual([
      ["2026-11-01", 500, null],
      ["2026-11-08", 500, null],
      ["2026-11-15", 500, 500],
    ]);
    expect(earnedValueSCurve([], [], "2026-11-10")).toEqual([]);
  });
});

describe("progressBurnSeries", () => {
  it("gives remaining and done per snapshot and the ideal line from the first scope to 0", () => {
    expect(progressBurnSeries([{ asOf: "2026-11-02", workHours: 100, remainingHours: 80 }], "2026-10-26", "2026-11-09")).toEqual([
      { date: "2026-10-26", scope: null, remaining: null, done: null, ideal: 100 },
      { date: "2026-11-02", scope: 100, remaining: 80, done: 20, ideal: 50 },
      { date: "2026-11-09", scope: null, remaining: null, done: null, ideal: 0 },
    ]);
  });

  it("clamps remaining work to the scope and has no ideal line without dates", () => {
    expect(progressBurnSeries([{ asOf: "2026-11-02", workHours: 10, remainingHours: 12 }], null, null)).toEqual([{ date: "2026-11-02", scope: 10, remaining: 10, done: 0, ideal: null }]);
  });
});

describe("milestoneTrendSeries", () => {
  it("lists each milestone's forecast per status date and how far it slipped", () => {
    const lines = milestoneTrendSeries(
      [
        { asOf: "2026-11-09", milestones: [{ taskId: "m", finish: "2026-12-04" }, { taskId: "n", finish: "2026-12-20" }] },
        { asOf: "2026-11-02", milestones: [{ taskId: "m", finish: "2026-12-01" }] },
      ],
      ["m", "n"],
    );
    expect(lines).toEqual([
      { taskId: "m", points: [{ asOf: "2026-11-02", finish: "2026-12-01" }, { asOf: "2026-11-09", finish: "2026-12-04" }], slipDays: 3 },
      { taskId: "n", points: [{ asOf: "2026-11-02", finish: null }, { asOf: "2026-11-09", finish: "2026-12-20" }], slipDays: null },
    ]);
  });
});
