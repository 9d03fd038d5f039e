import { describe, expect, it } from "vitest";
import type { TPlan, TPlanDependency, TPlanTask } from "@jiaofu/contracts";
import { planCalendarCompile, planDayAxis, planDefaultCalendar, planSchedule, type PlanTaskFacts } from "@jiaofu/engine";
import { ganttPreviewCreate, ganttPreviewLink, ganttPreviewMove, ganttPreviewResize, ganttPreviewSpan, ganttShiftIso, ganttTaskFacts } from "./gantt-preview";

const axis = planDayAxis(planCalendarCompile(planDefaultCalendar()), "2026-11-02");

/** A plan as the API shows it, scheduled by the engine the server uses. */
function plan(rows: { id: string; days: number; mode?: "auto" | "manual"; manualStart?: string }[], links: [string, string][]): Pick<TPlan, "tasks" | "dependencies"> {
  const facts: PlanTaskFacts[] = rows.map((r, i) => ({
    id: r.id,
    parentId: null,
    position: i,
    durationDays: r.days,
    schedulingMode: r.mode ?? "auto",
    manualStart: r.manualStart ?? null,
    constraintType: "ASAP",
    constraintDate: null,
    deadline: null,
    percentComplete: 0,
    workHours: 0,
    fixedCost: 0,
  }));
  const dependencies: TPlanDependency[] = links.map(([from, to], i) => ({ id: `d${i}`, predecessorId: from, successorId: to, type: "FS", lagDays: 0, version: 1 }));
  const scheduled = planSchedule(facts, dependencies, axis);
  if (!scheduled.ok) throw new Error("refused");
  const tasks = facts.map((f) => {
    const d = scheduled.derived.get(f.id);
    return {
      ...f,
      kind: f.durationDays === 0 ? "milestone" : "task",
      levellingStart: null,
      schedule: { start: d?.calcStart, finish: d?.calcFinish, startDay: d?.calcStartDay, finishDay: d?.calcFinishDay, critical: d?.calcCritical },
    } as unknown as TPlanTask;
  });
  return { tasks, dependencies };
}

describe("the drag preview", () => {
  const base = plan(
    [
      { id: "a", days: 2 },
      { id: "b", days: 3 },
      { id: "c", days: 1 },
      { id: "m", days: 4, mode: "manual", manualStart: "2026-11-02" },
    ],
    [["a", "b"]],
  );

  it("reads the task rows as the server's scheduler does", () => {
    expect(ganttTaskFacts(base.tasks[0] as TPlanTask)).toMatchObject({ id: "a", durationDays: 2, schedulingMode: "auto", workHours: 0, levellingStart: null });
  });

  it("moves an automatic task as start-no-earlier-than, and its successor moves with it", () => {
    const preview = ganttPreviewCreate(base, axis);
    if (!preview) throw new Error("no preview");
    expect(ganttPreviewSpan(preview, "b")).toMatchObject({ startDay: 2, finishDay: 5, critical: true });
    // Monday 11-02 + 7 calendar days = Monday 11-09: working day 5.
    expect(ganttPreviewMove(preview, { id: "a", schedulingMode: "auto" }, ganttShiftIso("2026-11-02", 7), axis)).toBe(true);
    expect(ganttPreviewSpan(preview, "a")).toMatchObject({ startDay: 5, finishDay: 7 });
    expect(ganttPreviewSpan(preview, "b")).toMatchObject({ startDay: 7, finishDay: 10 });
    // Back before its old start: start-no-earlier-than the plan start puts it at day 0 again.
    ganttPreviewMove(preview, { id: "a", schedulingMode: "auto" }, "2026-11-02", axis);
    expect(ganttPreviewSpan(preview, "b")).toMatchObject({ startDay: 2 });
  });

  it("cannot pull a linked successor before its predecessor (the link wins over start-no-earlier-than)", () => {
    const preview = ganttPreviewCreate(base, axis);
    if (!preview) throw new Error("no preview");
    ganttPreviewMove(preview, { id: "b", schedulingMode: "auto" }, "2026-11-02", axis);
    expect(ganttPreviewSpan(preview, "b")).toMatchObject({ startDay: 2 });
  });

  it("moves a manual task by its manual start", () => {
    const preview = ganttPreviewCreate(base, axis);
    if (!preview) throw new Error("no preview");
    ganttPreviewMove(preview, { id: "m", schedulingMode: "manual" }, "2026-11-04", axis);
    expect(ganttPreviewSpan(preview, "m")).toMatchObject({ startDay: 2, finishDay: 6 });
  });

  it("resizes to a finish date, pushing the successor; refuses a finish before the start", () => {
    const preview = ganttPreviewCreate(base, axis);
    if (!preview) throw new Error("no preview");
    // a: Mon–Tue; finishing on Thursday 11-05 makes it 4 days.
    expect(ganttPreviewResize(preview, "a", "2026-11-05", axis)).toBe(true);
    expect(ganttPreviewSpan(preview, "a")).toMatchObject({ startDay: 0, finishDay: 4 });
    expect(ganttPreviewSpan(preview, "b")).toMatchObject({ startDay: 4 });
    expect(ganttPreviewResize(preview, "a", "2026-10-30", axis)).toBe(false);
  });

  it("shows a link while hovering, takes it back when the pointer leaves, and refuses a cycle", () => {
    const preview = ganttPreviewCreate(base, axis);
    if (!preview) throw new Error("no preview");
    expect(ganttPreviewLink(preview, "b", "c")).toBe("ok");
    expect(ganttPreviewSpan(preview, "c")).toMatchObject({ startDay: 5, critical: true });
    expect(ganttPreviewSpan(preview, "b")).toMatchObject({ critical: true });
    expect(ganttPreviewLink(preview, "b", null)).toBe("ok");
    expect(ganttPreviewSpan(preview, "c")).toMatchObject({ startDay: 0 });
    expect(ganttPreviewLink(preview, "b", "a")).toBe("cycle");
    expect(ganttPreviewLink(preview, "a", "a")).toBe("invalid");
  });

  it("shifts ISO dates by calendar days across months", () => {
    expect(ganttShiftIso("2026-11-30", 2)).toBe("2026-12-02");
    expect(ganttShiftIso("2026-03-01", -1)).toBe("2026-02-28");
  });
});
