import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planBudgetCurve, planBudgetTotal, type PlanBudgetTask } from "./plan-budget";
import { planCalendarCompile, planDefaultCalendar } from "./plan-calendar";
import { planDayAxis } from "./plan-schedule";

/** Default calendar (Mon–Fri, China's holidays) from Monday 2026-10-26. */
const axis = planDayAxis(planCalendarCompile(planDefaultCalendar()), "2026-10-26");

describe("planBudgetCurve", () => {
  it("spreads a task's cost evenly over its working days (prorated), across a month end", () => {
    // Thursday 10-29 to Tuesday 11-03: 2 working days in October, 2 in November.
    expect(planBudgetCurve(axis, [{ id: "a", startTick: 300, finishTick: 700, cost: 4000 }], "month")).toEqual([
      { from: "2026-10-01", to: "2026-10-31", cost: 2000, cumulative: 2000 },
      { from: "2026-11-01", to: "2026-11-30", cost: 2000, cumulative: 4000 },
    ]);
  });

  it("groups by calendar week (Monday to Sunday), lists empty weeks in between, and puts a milestone's cost on its day", () => {
    const tasks: PlanBudgetTask[] = [
      { id: "a", startTick: 0, finishTick: 250, cost: 500 }, // Mon, Tue, half of Wed: 200 / 200 / 100
      { id: "m", startTick: 1500, finishTick: 1500, cost: 300 }, // a milestone in the fourth week
    ];
    expect(planBudgetCurve(axis, tasks, "week")).toEqual([
      { from: "2026-10-26", to: "2026-11-01", cost: 500, cumulative: 500 },
      { from: "2026-11-02", to: "2026-11-08", cost: 0, cumulative: 500 },
      { from: "2026-11-09", to: "2026-11-15", cost: 0, cumulative: 500 },
      { from: "2026-11-16", to: "2026-11-22", cost: 300, cumulative: 800 },
    ]);
  });

  it("is empty without costs", () => {
    expect(planBudgetCurve(axis, [{ id: "a", startTick: 0, finishTick: 100, cost: 0 }], "month")).toEqual([]);
  });

  it("property: the cumulative curve never decreases, ends at the total, and the periods add up to it", () => {
    const taskArb = fc.record({
      start: fc.integer({ min: 0, max: 20_000 }),
      length: fc.integer({ min: 0, max: 5_000 }),
      cost: fc.oneof(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.integer({ min: 0, max: 100_000 })),
    });
    fc.assert(
      fc.property(fc.array(taskArb, { maxLength: 30 }), fc.constantFrom("week" as const, "month" as const), (specs, interval) => {
        const tasks = specs.map((s, i) => ({ id: String(i), startTick: s.start, finishTick: s.start + s.length, cost: s.cost }));
        const curve = planBudgetCurve(axis, tasks, interval);
        const total = planBudgetTotal(tasks);
        if (total === 0) return curve.length === 0 || curve.every((p) => p.cumulative === 0);
        let previous = 0;
        let sum = 0;
        for (const p of curve) {
          expect(p.cumulative).toBeGreaterThanOrEqual(previous);
          expect(p.from <= p.to).toBe(true);
          previous = p.cumulative;
          sum += p.cost;
        }
        expect(curve[curve.length - 1]?.cumulative).toBe(total);
        expect(Math.abs(sum - total)).toBeLessThan(0.01 * curve.length + 1e-6);
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
