import { describe, expect, it } from "vitest";
import { planCalendarCompile, planDefaultCalendar } from "./plan-calendar";
import { type PlanAssignmentFacts, type PlanResourceFacts, planAssignmentAmounts, planLevel, planResourceLoad } from "./plan-resources";
import { type PlanDependencyFacts, type PlanTaskFacts, planDayAxis, planSchedule } from "./plan-schedule";

const task = (id: string, extra: Partial<PlanTaskFacts> = {}): PlanTaskFacts => ({
  id,
  parentId: null,
  position: 0,
  durationDays: 1,
  schedulingMode: "auto",
  manualStart: null,
  constraintType: "ASAP",
  constraintDate: null,
  deadline: null,
  percentComplete: 0,
  workHours: 0,
  fixedCost: 0,
  ...extra,
});
const resource = (id: string, extra: Partial<PlanResourceFacts> = {}): PlanResourceFacts => ({ id, kind: "work", maxUnits: 1, costPerHour: 0, costPerUse: 0, daysOff: [], ...extra });
const assign = (taskId: string, resourceId: string, units = 1): PlanAssignmentFacts => ({ id: `${taskId}:${resourceId}`, taskId, resourceId, units });
const fs = (id: string, from: string, to: string): PlanDependencyFacts => ({ id, predecessorId: from, successorId: to, type: "FS", lagDays: 0 });
/** Default calendar (Mon–Fri 8 h, China's holidays) from Monday 2026-10-12: no holiday for weeks. */
const axis = planDayAxis(planCalendarCompile(planDefaultCalendar()), "2026-10-12");

describe("planAssignmentAmounts", () => {
  it("gives work and cost per assignment and adds them to the task's roll-up facts", () => {
    const tasks = [task("build", { durationDays: 4, fixedCost: 1000, workHours: 99 }), task("pour", { durationDays: 3 }), task("trip", { durationDays: 2, workHours: 5 })];
    const resources = [
      resource("li", { costPerHour: 300 }),
      resource("cement", { kind: "material", costPerHour: 500, costPerUse: 100 }),
      resource("travel", { kind: "cost", costPerUse: 2000 }),
    ];
    const out = planAssignmentAmounts(tasks, resources, [assign("build", "li", 0.5), assign("pour", "cement", 2), assign("trip", "travel")], 8);
    if (!out.ok) throw new Error("refused");
    expect(out.amounts.get("build:li")).toEqual({ workHours: 16, cost: 4800 });
    expect(out.amounts.get("pour:cement")).toEqual({ workHours: 0, cost: 3100 }); // 2 t × 3 days × 500 + 100
    expect(out.amounts.get("trip:travel")).toEqual({ workHours: 0, cost: 2000 });
    expect(out.tasks.map((t) => [t.id, t.workHours, t.fixedCost])).toEqual([
      ["build", 16, 5800], // work from the people assigned replaces the estimate
      ["pour", 0, 3100],
      ["trip", 5, 2000], // no work resource: the task keeps its own estimate
    ]);
  });

  it("uses the calendar's hours per day", () => {
    const out = planAssignmentAmounts([task("a", { durationDays: 2 })], [resource("li", { costPerHour: 100 })], [assign("a", "li", 1.5)], 7.5);
    expect(out.ok && out.amounts.get("a:li")).toEqual({ workHours: 22.5, cost: 2250 });
  });

  it("refuses resources on a summary task, naming it", () => {
    const out = planAssignmentAmounts([task("phase"), task("a", { parentId: "phase" })], [resource("li")], [assign("phase", "li")], 8);
    expect(out).toEqual({ ok: false, summaryTaskIds: ["phase"] });
  });
});

describe("planResourceLoad", () => {
  it("lists each loaded working day with the peak units and capacity, and counts over-allocated days", () => {
    const load = planResourceLoad(axis, [{ id: "a", startTick: 0, finishTick: 200 }, { id: "b", startTick: 100, finishTick: 300 }], [resource("li")], [assign("a", "li"), assign("b", "li")]);
    expect(load.get("li")).toEqual({
      days: [
        { day: 0, date: "2026-10-12", units: 1, capacity: 1, overAllocated: false },
        { day: 1, date: "2026-10-13", units: 2, capacity: 1, overAllocated: true },
        { day: 2, date: "2026-10-14", units: 1, capacity: 1, overAllocated: false },
      ],
      overAllocatedDays: 1,
    });
  });

  it("does not count two half-day tasks one after the other on the same day", () => {
    const load = planResourceLoad(axis, [{ id: "a", startTick: 0, finishTick: 50 }, { id: "b", startTick: 50, finishTick: 100 }], [resource("li")], [assign("a", "li"), assign("b", "li")]);
    expect(load.get("li")).toEqual({ days: [{ day: 0, date: "2026-10-12", units: 1, capacity: 1, overAllocated: false }], overAllocatedDays: 0 });
  });

  it("gives capacity 0 on a resource's days off (any load is over-allocated) and never over-allocates a material", () => {
    const li = resource("li", { daysOff: [{ from: "2026-10-13", to: "2026-10-13" }] });
    const sand = resource("sand", { kind: "material", maxUnits: 0 });
    const load = planResourceLoad(axis, [{ id: "a", startTick: 0, finishTick: 300 }], [li, sand], [assign("a", "li"), assign("a", "sand", 5)]);
    expect(load.get("li")?.days.map((d) => [d.date, d.capacity, d.overAllocated])).toEqual([
      ["2026-10-12", 1, false],
      ["2026-10-13", 0, true],
      ["2026-10-14", 1, false],
    ]);
    expect(load.get("sand")?.overAllocatedDays).toBe(0);
    expect(load.get("sand")?.days.map((d) => d.units)).toEqual([5, 5, 5]);
  });
});

describe("planLevel and levelling starts", () => {
  // A (3 d) and B (2 d) in parallel on Li full time; C (6 d) beside them sets the finish.
  const tasks = [task("a", { durationDays: 3 }), task("b", { durationDays: 2, position: 1 }), task("c", { durationDays: 6, position: 2 })];
  const assignments = [assign("a", "li"), assign("b", "li")];

  it("delays the task with more float past the other and gives its levelling start as a date", () => {
    const out = planLevel(tasks, [], axis, [resource("li")], assignments, new Map(), { withinSlackOnly: false });
    expect(out).toEqual({ ok: true, levellingStarts: new Map([["b", "2026-10-15"]]), unlevellable: [] });
  });

  it("applies priorities: the higher one keeps its place", () => {
    const out = planLevel(tasks, [], axis, [resource("li")], assignments, new Map([["b", 800]]), { withinSlackOnly: false });
    expect(out.ok && [...out.levellingStarts]).toEqual([["a", "2026-10-14"]]);
  });

  it("a stored levelling start gives the levelled schedule: no over-allocation is left, and levelling again moves nothing", () => {
    const out = planLevel(tasks, [], axis, [resource("li")], assignments, new Map(), { withinSlackOnly: false });
    if (!out.ok) throw new Error(out.message);
    const levelled = tasks.map((t) => ({ ...t, levellingStart: out.levellingStarts.get(t.id) ?? null }));
    const scheduled = planSchedule(levelled, [], axis);
    if (!scheduled.ok) throw new Error("refused");
    expect(scheduled.derived.get("b")).toMatchObject({ calcStart: "2026-10-15", calcFinish: "2026-10-16", calcTotalFloatDays: 1 });
    const spans = ["a", "b"].map((id) => {
      const d = scheduled.derived.get(id);
      return { id, startTick: Math.round((d?.calcStartDay ?? 0) * 100), finishTick: Math.round((d?.calcFinishDay ?? 0) * 100) };
    });
    expect(planResourceLoad(axis, spans, [resource("li")], assignments).get("li")?.overAllocatedDays).toBe(0);
    // Levelling always starts from the unlevelled plan, so it finds the same answer again.
    const again = planLevel(levelled, [], axis, [resource("li")], assignments, new Map(), { withinSlackOnly: false });
    expect(again.ok && [...again.levellingStarts]).toEqual([["b", "2026-10-15"]]);
  });

  it("within slack only, a task without room stays and is listed", () => {
    const tight = [task("a", { durationDays: 3 }), task("b", { durationDays: 3, position: 1 })];
    const out = planLevel(tight, [], axis, [resource("li")], [assign("a", "li"), assign("b", "li")], new Map(), { withinSlackOnly: true });
    expect(out).toEqual({ ok: true, levellingStarts: new Map(), unlevellable: [{ taskId: "b", resourceId: null, reason: "no-slack" }] });
  });

  it("levels on half days when the plan has them", () => {
    const halves = [task("a", { durationDays: 0.5 }), task("b", { durationDays: 0.5, position: 1 }), task("c", { durationDays: 1, position: 2 })];
    const out = planLevel(halves, [], axis, [resource("li")], [assign("a", "li"), assign("b", "li")], new Map(), { withinSlackOnly: false });
    // b goes to the afternoon of day 0; a levelling start is a date, so it is rounded up to the next day.
    expect(out.ok && [...out.levellingStarts]).toEqual([["b", "2026-10-13"]]);
  });
});

describe("levelling starts in planSchedule", () => {
  it("is one more start-no-earlier-than: ASAP and SNET tasks start on the later bound, a manual task ignores it", () => {
    const scheduled = planSchedule(
      [
        task("asap", { levellingStart: "2026-10-14" }),
        task("snet-later", { position: 1, constraintType: "SNET", constraintDate: "2026-10-20", levellingStart: "2026-10-14" }),
        task("snet-earlier", { position: 2, constraintType: "SNET", constraintDate: "2026-10-13", levellingStart: "2026-10-15" }),
        task("manual", { position: 3, schedulingMode: "manual", manualStart: "2026-10-12", levellingStart: "2026-10-15" }),
      ],
      [],
      axis,
    );
    if (!scheduled.ok) throw new Error("refused");
    expect([...scheduled.derived].map(([id, d]) => [id, d.calcStart, d.calcViolations])).toEqual([
      ["asap", "2026-10-14", []],
      ["snet-later", "2026-10-20", []],
      ["snet-earlier", "2026-10-15", []],
      ["manual", "2026-10-12", []],
    ]);
  });

  it("keeps an upper-bound constraint and reports it when the levelling start passes it", () => {
    const scheduled = planSchedule([task("snlt", { constraintType: "SNLT", constraintDate: "2026-10-13", levellingStart: "2026-10-15" })], [], axis);
    expect(scheduled.ok && scheduled.derived.get("snlt")).toMatchObject({ calcStart: "2026-10-15", calcViolations: [{ kind: "SNLT", byDays: 2 }] });
  });

  it("delays the successors too", () => {
    const scheduled = planSchedule([task("a", { levellingStart: "2026-10-14" }), task("b", { position: 1 })], [fs("l", "a", "b")], axis);
    expect(scheduled.ok && scheduled.derived.get("b")?.calcStart).toBe("2026-10-15");
  });
});
