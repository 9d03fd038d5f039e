import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planCalendarCompile, planDefaultCalendar } from "../planning/plan-calendar";
import { planDayAxis } from "../planning/plan-schedule";
import { type PerformanceTask, type PersonPerformanceTotals, performanceFigures, performanceMerge, performancePlannedShares, performanceTotals } from "./performance";

/** Default calendar (Mon–Fri, China's holidays) from Monday 2026-10-26; ticks are 1/100 working day. */
const axis = planDayAxis(planCalendarCompile(planDefaultCalendar()), "2026-10-26");

const task = (over: Partial<PerformanceTask> = {}): PerformanceTask => ({
  id: "t",
  startTick: 0,
  finishTick: 500,
  workHours: 40,
  estimateHours: null,
  assignments: [],
  ownerId: "li",
  assigneeIds: [],
  completedOn: null,
  dueOn: null,
  actualHours: 0,
  ...over,
});

const byId = (rows: readonly PersonPerformanceTotals[]) => new Map(rows.map((r) => [r.personId, performanceFigures(r)]));

describe("performancePlannedShares", () => {
  it("takes the people's assignments first, then the owner, then the assignees in equal shares", () => {
    expect(performancePlannedShares(task({ assignments: [{ personId: "wang", hours: 16 }, { personId: "li", hours: 8 }] }))).toEqual([
      { personId: "wang", hours: 16 },
      { personId: "li", hours: 8 },
    ]);
    expect(performancePlannedShares(task())).toEqual([{ personId: "li", hours: 40 }]);
    expect(performancePlannedShares(task({ ownerId: null, assigneeIds: ["a", "b"], workHours: 0, estimateHours: 12 }))).toEqual([
      { personId: "a", hours: 6 },
      { personId: "b", hours: 6 },
    ]);
    expect(performancePlannedShares(task({ ownerId: null, assigneeIds: [] }))).toEqual([]);
    expect(performancePlannedShares(task({ workHours: 0, estimateHours: null }))).toEqual([]);
  });
});

describe("performanceTotals", () => {
  it("spreads a task's planned hours over its working days and keeps the period's part", () => {
    // 40 h over Mon 10-26 … Fri 10-30 (five working days, 8 h each); the period Wed–Sun holds three of them.
    const r = byId(performanceTotals(axis, { from: "2026-10-28", to: "2026-11-01" }, [task()], []));
    expect(r.get("li")?.plannedHours).toBe(24);
  });

  it("counts submitted and approved time in the period, the approved apart, and the variance", () => {
    const r = byId(
      performanceTotals(axis, { from: "2026-10-26", to: "2026-10-30" }, [task()], [
        { personId: "li", workDate: "2026-10-26", minutes: 600, approved: true },
        { personId: "li", workDate: "2026-10-27", minutes: 300, approved: false },
        { personId: "li", workDate: "2026-11-02", minutes: 480, approved: true },
      ]),
    ).get("li");
    expect(r).toMatchObject({ plannedHours: 40, actualHours: 15, approvedHours: 10, varianceHours: -25 });
  });

  it("works on-time completion and estimate accuracy through by hand", () => {
    // Li completed three tasks in the period: one on its deadline, one a day late, one without a due day.
    // Estimates: 10 h (took 12: APE 0.2) and 20 h (took 15: APE 0.25); the third was never estimated.
    const period = { from: "2026-11-01", to: "2026-11-30" };
    const r = byId(
      performanceTotals(axis, period, [
        task({ id: "a", completedOn: "2026-11-05", dueOn: "2026-11-05", estimateHours: 10, actualHours: 12 }),
        task({ id: "b", completedOn: "2026-11-06", dueOn: "2026-11-05", estimateHours: 20, actualHours: 15 }),
        task({ id: "c", completedOn: "2026-11-07", dueOn: null }),
        task({ id: "d", completedOn: "2026-10-30", dueOn: "2026-10-30", estimateHours: 5, actualHours: 50 }), // before the period
      ], []),
    ).get("li");
    expect(r).toMatchObject({ completedTasks: 3, dueTasks: 2, onTimeTasks: 1, onTimeRate: 50, estimatedTasks: 2, estimateHours: 30, estimatedActualHours: 27, estimateMape: 22.5, estimateRatio: 0.9 });
  });

  it("leaves out of estimate accuracy a task nobody logged time on", () => {
    const r = byId(performanceTotals(axis, { from: "2026-11-01", to: "2026-11-30" }, [task({ completedOn: "2026-11-02", estimateHours: 8, actualHours: 0 })], [])).get("li");
    expect(r).toMatchObject({ completedTasks: 1, estimatedTasks: 0, estimateMape: null, estimateRatio: null, onTimeRate: null });
  });

  const spanTask = fc
    .record({
      start: fc.integer({ min: 0, max: 6000 }),
      length: fc.integer({ min: 0, max: 3000 }),
      hours: fc.integer({ min: 0, max: 400 }),
      owner: fc.constantFrom("a", "b", "c"),
    })
    .map(({ start, length, hours, owner }) => task({ id: "t", startTick: start, finishTick: start + length, workHours: hours, ownerId: owner }));
  const day = fc.integer({ min: 0, max: 200 }).map((n) => new Date(Date.parse("2026-10-20T00:00:00Z") + n * 86_400_000).toISOString().slice(0, 10));

  it("splits planned hours over adjacent periods without losing or inventing any (property)", () => {
    fc.assert(
      fc.property(fc.array(spanTask, { maxLength: 12 }), day, day, day, (drawn, x, y, z) => {
        const tasks = drawn.map((t, i) => ({ ...t, id: `t${i}` }));
        const [a, b, c] = [x, y, z].sort();
        const next = new Date(Date.parse(`${b}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        if (next > (c as string)) return;
        const sum = (rows: PersonPerformanceTotals[]) => rows.reduce((s, r) => s + r.plannedHours, 0);
        const whole = sum(performanceTotals(axis, { from: a as string, to: c as string }, tasks, []));
        const parts = sum(performanceTotals(axis, { from: a as string, to: b as string }, tasks, [])) + sum(performanceTotals(axis, { from: next, to: c as string }, tasks, []));
        expect(parts).toBeCloseTo(whole, 6);
        // A period covering the whole plan holds every hour.
        const all = sum(performanceTotals(axis, { from: "2026-01-01", to: "2030-12-31" }, tasks, []));
        expect(all).toBeCloseTo(tasks.reduce((s, t) => s + t.workHours, 0), 6);
      }),
    );
  });

  it("keeps every figure in range (property)", () => {
    const completed = fc.record({
      estimate: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
      actual: fc.integer({ min: 0, max: 200 }),
      done: day,
      due: fc.option(day, { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(completed, { maxLength: 15 }), (rows) => {
        const tasks = rows.map((r, i) => task({ id: `t${i}`, estimateHours: r.estimate, actualHours: r.actual, completedOn: r.done, dueOn: r.due }));
        const li = byId(performanceTotals(axis, { from: "2026-10-20", to: "2027-06-01" }, tasks, [])).get("li");
        if (!li) return;
        expect(li.onTimeTasks).toBeLessThanOrEqual(li.dueTasks);
        expect(li.dueTasks).toBeLessThanOrEqual(li.completedTasks);
        if (li.onTimeRate !== null) {
          expect(li.onTimeRate).toBeGreaterThanOrEqual(0);
          expect(li.onTimeRate).toBeLessThanOrEqual(100);
        }
        if (li.estimateMape !== null) expect(li.estimateMape).toBeGreaterThanOrEqual(0);
        if (li.estimateRatio !== null) expect(li.estimateRatio).toBeGreaterThan(0);
      }),
    );
  });
});

describe("performanceMerge", () => {
  it("adds sums, so merged figures come from merged sums, not averaged averages (property)", () => {
    const totals = fc.record({
      personId: fc.constantFrom("a", "b"),
      plannedHours: fc.integer({ min: 0, max: 100 }),
      actualHours: fc.integer({ min: 0, max: 100 }),
      approvedHours: fc.constant(0),
      completedTasks: fc.integer({ min: 0, max: 5 }),
      dueTasks: fc.constant(0),
      onTimeTasks: fc.constant(0),
      estimatedTasks: fc.integer({ min: 0, max: 5 }),
      estimateHours: fc.integer({ min: 0, max: 50 }),
      estimatedActualHours: fc.integer({ min: 0, max: 50 }),
      absolutePercentageErrorSum: fc.constant(0),
    });
    fc.assert(
      fc.property(fc.array(fc.array(totals, { maxLength: 4 }), { maxLength: 4 }), (lists) => {
        const merged = performanceMerge(lists);
        for (const m of merged) {
          const parts = lists.flat().filter((t) => t.personId === m.personId);
          expect(m.plannedHours).toBe(parts.reduce((s, t) => s + t.plannedHours, 0));
          expect(m.estimatedTasks).toBe(parts.reduce((s, t) => s + t.estimatedTasks, 0));
        }
        expect(new Set(merged.map((m) => m.personId))).toEqual(new Set(lists.flat().map((t) => t.personId)));
      }),
    );
  });
});
