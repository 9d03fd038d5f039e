import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planVariance, planVarianceTopSlips, planWbsCompare, type PlanVarianceTask } from "./plan-variance";

const task = (taskId: string, wbsCode: string, values: Partial<PlanVarianceTask> = {}): PlanVarianceTask => ({
  taskId,
  wbsCode,
  name: `Task ${wbsCode}`,
  isSummary: false,
  start: "2026-09-28",
  finish: "2026-09-30",
  startDay: 0,
  finishDay: 3,
  durationDays: 3,
  cost: 100,
  ...values,
});

describe("planVariance", () => {
  it("measures current − baseline per task in working days and money", () => {
    const baseline = [
      task("p", "1", { isSummary: true, finishDay: 8, durationDays: 8, cost: 300, finish: "2026-10-09" }),
      task("a", "1.1", { cost: 100 }),
      task("b", "1.2", { startDay: 3, finishDay: 8, durationDays: 5, cost: 200, start: "2026-09-30", finish: "2026-10-09" }),
    ];
    const current = [
      task("p", "1", { isSummary: true, finishDay: 10.5, durationDays: 10.5, cost: 350, finish: "2026-10-13" }),
      task("a", "1.1", { finishDay: 3.5, durationDays: 3.5, cost: 100 }),
      task("b", "1.2", { startDay: 3.5, finishDay: 10.5, durationDays: 7, cost: 250, start: "2026-09-30", finish: "2026-10-13" }),
    ];
    const { rows, summary } = planVariance(current, baseline);
    expect(rows.map((r) => [r.taskId, r.status, r.startVarianceDays, r.finishVarianceDays, r.durationVarianceDays, r.costVariance])).toEqual([
      ["p", "both", 0, 2.5, 2.5, 50],
      ["a", "both", 0, 0.5, 0.5, 0],
      ["b", "both", 0.5, 2.5, 2, 50],
    ]);
    expect(summary).toEqual({ finishVarianceDays: 2.5, baselineFinish: "2026-10-09", currentFinish: "2026-10-13", costVariance: 50, baselineCost: 300, currentCost: 350, slipped: 2, added: 0, removed: 0 });
  });

  it("flags tasks added and removed since the baseline; removed ones follow, by their baseline WBS code", () => {
    const baseline = [task("a", "1"), task("gone2", "3"), task("gone1", "2")];
    const current = [task("a", "1"), task("new", "2", { cost: 40 })];
    const { rows, summary } = planVariance(current, baseline);
    expect(rows.map((r) => [r.taskId, r.status])).toEqual([
      ["a", "both"],
      ["new", "added"],
      ["gone1", "removed"],
      ["gone2", "removed"],
    ]);
    expect(rows[1]?.finishVarianceDays).toBeNull();
    expect(rows[2]?.current).toBeNull();
    expect(summary.added).toBe(1);
    expect(summary.removed).toBe(2);
    expect(summary.costVariance).toBe(40 - 200);
  });

  it("leaves cost variance out when costs are hidden (a client contact)", () => {
    const { rows, summary } = planVariance([task("a", "1", { cost: null })], [task("a", "1", { cost: null })]);
    expect(rows[0]?.costVariance).toBeNull();
    expect(summary.costVariance).toBeNull();
  });

  it("is zero against itself, whatever the plan (property)", () => {
    const arbitraryTask = fc.record({
      startDay: fc.integer({ min: 0, max: 5000 }),
      length: fc.integer({ min: 0, max: 500 }),
      cost: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryTask, { maxLength: 40 }), (specs) => {
        const tasks = specs.map((s, i) => task(`t${i}`, String(i + 1), { startDay: s.startDay / 100, finishDay: (s.startDay + s.length) / 100, durationDays: s.length / 100, cost: s.cost }));
        const { rows, summary } = planVariance(tasks, tasks);
        for (const row of rows) {
          expect(row.status).toBe("both");
          expect(row.startVarianceDays).toBe(0);
          expect(row.finishVarianceDays).toBe(0);
          expect(row.durationVarianceDays).toBe(0);
        }
        expect(summary.slipped).toBe(0);
        expect(summary.finishVarianceDays === null || summary.finishVarianceDays === 0).toBe(true);
      }),
    );
  });

  it("moving every task by k working days is a slip of k everywhere (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: -300, max: 300 }), (starts, shift) => {
        const baseline = starts.map((s, i) => task(`t${i}`, String(i + 1), { startDay: s / 10, finishDay: s / 10 + 2 }));
        const current = baseline.map((b) => ({ ...b, startDay: (b.startDay as number) + shift / 100, finishDay: (b.finishDay as number) + shift / 100 }));
        const { rows, summary } = planVariance(current, baseline);
        for (const row of rows) {
          expect(row.startVarianceDays).toBeCloseTo(shift / 100, 9);
          expect(row.finishVarianceDays).toBeCloseTo(shift / 100, 9);
          expect(row.durationVarianceDays).toBe(0);
        }
        expect(summary.finishVarianceDays).toBeCloseTo(shift / 100, 9);
        expect(summary.slipped).toBe(shift > 0 ? starts.length : 0);
      }),
    );
  });
});

describe("planVarianceTopSlips", () => {
  it("keeps the biggest finish slips of tasks, not summaries or unchanged ones", () => {
    const baseline = [task("s", "1", { isSummary: true }), task("a", "1.1"), task("b", "1.2"), task("c", "1.3"), task("d", "1.4")];
    const current = [
      task("s", "1", { isSummary: true, finishDay: 20 }),
      task("a", "1.1", { finishDay: 5 }),
      task("b", "1.2", { finishDay: 13 }),
      task("c", "1.3"),
      task("d", "1.4", { finishDay: 1 }),
    ];
    const top = planVarianceTopSlips(planVariance(current, baseline).rows, 2);
    expect(top.map((row) => row.taskId)).toEqual(["b", "a"]);
    expect(planVarianceTopSlips(planVariance(current, baseline).rows, 10).map((row) => row.taskId)).toEqual(["b", "a", "d"]);
  });
});

describe("planWbsCompare", () => {
  it("orders codes as the outline does", () => {
    expect(["2", "1.10", "1.2", "1"].sort(planWbsCompare)).toEqual(["1", "1.2", "1.10", "2"]);
  });
});
