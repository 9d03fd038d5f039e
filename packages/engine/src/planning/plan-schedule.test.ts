import { describe, expect, it } from "vitest";
import { planCalendarCompile, planDefaultCalendar } from "./plan-calendar";
import { planDayAxis, planDurationUntil, planOutline, planSchedule, type PlanDependencyFacts, type PlanTaskFacts } from "./plan-schedule";

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
const fs = (id: string, from: string, to: string, lagDays = 0): PlanDependencyFacts => ({ id, predecessorId: from, successorId: to, type: "FS", lagDays });
/** Default calendar (Mon–Fri, China's holidays) from Monday 2026-09-28, the week before National Day. */
const axis = planDayAxis(planCalendarCompile(planDefaultCalendar()), "2026-09-28");

describe("planOutline", () => {
  it("orders depth first by position and numbers 1, 1.1, 1.2, 2 whatever gaps the positions have", () => {
    const outline = planOutline([
      task("b", { position: 5 }),
      task("a1", { parentId: "a", position: 3 }),
      task("a", { position: 1 }),
      task("a0", { parentId: "a", position: 0 }),
      task("a0x", { parentId: "a0", position: 0 }),
    ]);
    expect(outline.order.map((t) => t.id)).toEqual(["a", "a0", "a0x", "a1", "b"]);
    expect(outline.wbs).toEqual(["1", "1.1", "1.1.1", "1.2", "2"]);
    expect([...outline.parents]).toEqual([-1, 0, 1, 0, -1]);
    expect([...outline.childCount]).toEqual([2, 1, 0, 0, 0]);
  });
});

describe("planSchedule", () => {
  it("dates tasks on the project calendar, in hundredths of a working day", () => {
    const result = planSchedule([task("a", { durationDays: 2.5 }), task("b", { position: 1, durationDays: 1 }), task("m", { position: 2, durationDays: 0 })], [fs("1", "a", "b"), fs("2", "b", "m")], axis);
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    // a: 09-28, 09-29, half of 09-30; b: the rest of 09-30, half of 10-08 (国庆 10-01..07 off); the milestone at 10-08.
    expect(result.derived.get("a")).toMatchObject({ calcStart: "2026-09-28", calcFinish: "2026-09-30", calcFinishDay: 2.5 });
    expect(result.derived.get("b")).toMatchObject({ calcStart: "2026-09-30", calcFinish: "2026-10-08", calcStartDay: 2.5, calcFinishDay: 3.5 });
    expect(result.derived.get("m")).toMatchObject({ calcStart: "2026-10-08", calcFinish: "2026-10-08", calcCritical: true });
    expect(result.finish).toBe("2026-10-08");
  });

  it("turns constraint and deadline dates into the start or end of their working day", () => {
    const result = planSchedule(
      [task("a", { constraintType: "SNET", constraintDate: "2026-10-03", deadline: "2026-10-08" }), task("b", { position: 1, constraintType: "MFO", constraintDate: "2026-10-09" })],
      [],
      axis,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    // SNET on a holiday: the first working day after it; the deadline is kept.
    expect(result.derived.get("a")).toMatchObject({ calcStart: "2026-10-08", calcFinish: "2026-10-08", calcViolations: [] });
    expect(result.derived.get("b")).toMatchObject({ calcStart: "2026-10-09", calcFinish: "2026-10-09" });
  });

  it("names the tasks of a dependency cycle and the summary a link cannot reach", () => {
    const cycle = planSchedule([task("a"), task("b", { position: 1 })], [fs("1", "a", "b"), fs("2", "b", "a")], axis);
    expect(cycle).toEqual({ ok: false, refusal: { kind: "cycle", taskIds: ["a", "b"] } });
    const nested = planSchedule([task("p"), task("c", { parentId: "p" })], [fs("1", "p", "c")], axis);
    expect(nested).toEqual({ ok: false, refusal: { kind: "summary-link-nested", dependencyId: "1" } });
    const typed = planSchedule([task("p"), task("c", { parentId: "p" }), task("x", { position: 1 })], [{ ...fs("1", "x", "p"), type: "FF" }], axis);
    expect(typed).toEqual({ ok: false, refusal: { kind: "summary-link-type", dependencyId: "1" } });
    const manual = planSchedule([task("p", { schedulingMode: "manual", manualStart: "2026-09-28" }), task("c", { parentId: "p" })], [], axis);
    expect(manual).toEqual({ ok: false, refusal: { kind: "summary-manual", taskId: "p" } });
  });

  it("turns a typed finish into working days from the start", () => {
    expect(planDurationUntil(axis, 0, "2026-10-09")).toBe(5);
    expect(planDurationUntil(axis, 2.5, "2026-10-08")).toBe(1.5);
    expect(planDurationUntil(axis, 3, "2026-09-29")).toBe(-1);
  });

  it("schedules a 10,000-task plan (phases of 20 chained tasks) in one pass", () => {
    const tasks: PlanTaskFacts[] = [];
    const links: PlanDependencyFacts[] = [];
    for (let p = 0; p < 500; p++) {
      tasks.push(task(`p${p}`, { position: p }));
      for (let k = 0; k < 19; k++) {
        tasks.push(task(`t${p}-${k}`, { parentId: `p${p}`, position: k, durationDays: 1 + (k % 3) * 0.5, workHours: 8 }));
        if (k > 0) links.push(fs(`l${p}-${k}`, `t${p}-${k - 1}`, `t${p}-${k}`));
      }
      if (p > 0) links.push(fs(`lp${p}`, `p${p - 1}`, `p${p}`));
    }
    const started = performance.now();
    const result = planSchedule(tasks, links, axis);
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    expect(result.derived.size).toBe(10_000);
    expect(result.derived.get("p499")).toMatchObject({ wbsCode: "500", isSummary: true, calcCritical: true, calcWorkHours: 152 });
    // Informational: the whole computation, dates included (a few tens of milliseconds on a developer machine).
    console.log(`planSchedule: 10,000 tasks, ${links.length} links in ${elapsed.toFixed(1)} ms`);
  });
});
