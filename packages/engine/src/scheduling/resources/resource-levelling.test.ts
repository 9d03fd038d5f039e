import { describe, expect, it } from "vitest";
import { type SchedulePlanInput, type SchedulePlanTaskSpec, schedulePlanInputFromSpecs } from "../schedule-plan-input";
import type { ScheduleLinkSpec } from "../schedule-input";
import { type ResourceLevelResult, resourceLevel } from "./resource-levelling";
import type { AssignmentSpec, ResourceSpec } from "./resource-model";

function plan(tasks: SchedulePlanTaskSpec[], links: ScheduleLinkSpec[] = []): SchedulePlanInput {
  const outcome = schedulePlanInputFromSpecs(tasks, links);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

function level(
  p: SchedulePlanInput,
  resources: ResourceSpec[],
  assignments: AssignmentSpec[],
  extra: { priorities?: number[]; withinSlackOnly?: boolean } = {},
): ResourceLevelResult {
  const outcome = resourceLevel({ plan: p, resources, assignments, priorities: extra.priorities }, { withinSlackOnly: extra.withinSlackOnly });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

const li: ResourceSpec = { id: "li", name: "Li Wei", kind: "work", role: "developer", maxUnits: 1, costPerHour: 300 };
// Task 0 (3 days, float 3) and task 1 (2 days, float 4) on Li at once; task 2 (6 days) sets the finish.
const parallel = plan([{ id: 0, duration: 3 }, { id: 1, duration: 2 }, { id: 2, duration: 6 }]);
const onLi: AssignmentSpec[] = [{ task: 0, resource: "li", units: 1 }, { task: 1, resource: "li", units: 1 }];

describe("resourceLevel: worked examples", () => {
  it("delays one of two parallel tasks on one person within its float", () => {
    const r = level(parallel, [li], onLi);
    expect(r.overAllocationsBefore).toEqual([{ resourceId: "li", from: 0, to: 2, peakUnits: 2, maxUnits: 1, taskIds: [0, 1] }]);
    // task 0 has less float, so it keeps its days; task 1 goes after it, still before day 6
    expect(r.tasks[0]).toEqual({ id: 0, startBefore: 0, finishBefore: 3, startAfter: 0, finishAfter: 3, shift: 0 });
    expect(r.tasks[1]).toEqual({ id: 1, startBefore: 0, finishBefore: 2, startAfter: 3, finishAfter: 5, shift: 3 });
    expect(r.moved).toEqual([1]);
    expect(r.levellingStarts[1]).toBe(3);
    expect([r.finishBefore, r.finishAfter, r.finishChange]).toEqual([6, 6, 0]);
    expect(r.overAllocationsAfter).toEqual([]);
    expect(r.unlevellable).toEqual([]);
    expect(level(parallel, [li], onLi, { withinSlackOnly: true }).tasks).toEqual(r.tasks);
  });

  it("lets priority decide who moves", () => {
    const r = level(parallel, [li], onLi, { priorities: [500, 800, 500] });
    expect(r.moved).toEqual([0]);
    expect(r.tasks[0]).toMatchObject({ startAfter: 2, finishAfter: 5, shift: 2 });
  });

  it("moves the finish when there is no float, and pushes successors", () => {
    // 0 (2 d) → 1 (2 d); 2 (3 d) beside; 0 and 2 both on Li
    const p = plan([{ id: 0, duration: 2 }, { id: 1, duration: 2 }, { id: 2, duration: 3 }], [{ from: 0, to: 1, type: "FS", lag: 0 }]);
    const assignments: AssignmentSpec[] = [{ task: 0, resource: "li", units: 1 }, { task: 2, resource: "li", units: 1 }];
    const r = level(p, [li], assignments);
    // both have float 0 / 1: task 0 (float 0) stays, task 2 (float 1) goes to days 2–4
    expect(r.tasks.map((t) => [t.startAfter, t.finishAfter])).toEqual([[0, 2], [2, 4], [2, 5]]);
    expect(r.finishChange).toBe(1);
    const first2 = level(p, [li], assignments, { priorities: [500, 500, 900] });
    // task 2 first: task 0 waits until day 3 and its successor 1 follows it
    expect(first2.tasks.map((t) => [t.startAfter, t.finishAfter])).toEqual([[3, 5], [5, 7], [0, 3]]);
    expect(first2.finishChange).toBe(3);

    const within = level(p, [li], assignments, { withinSlackOnly: true });
    expect(within.finishChange).toBe(0);
    expect(within.unlevellable).toEqual([{ taskId: 2, resourceId: null, reason: "no-slack", message: expect.stringContaining("task 2") }]);
    expect(within.overAllocationsAfter).toHaveLength(1);
  });

  it("reports a task with more units than the resource has, and levels the rest around it", () => {
    const r = level(parallel, [li], [{ task: 0, resource: "li", units: 1.5 }, { task: 1, resource: "li", units: 1 }]);
    expect(r.unlevellable).toEqual([
      { taskId: 0, resourceId: "li", reason: "units-above-max", message: 'task 0 needs 1.5 units of "li", which has at most 1' },
    ]);
    expect(r.overAllocationsAfter).toEqual([{ resourceId: "li", from: 0, to: 3, peakUnits: 1.5, maxUnits: 1, taskIds: [0] }]);
    expect(r.tasks[1]).toMatchObject({ startAfter: 3 });
  });

  it("never levels material or cost resources", () => {
    const resources: ResourceSpec[] = [{ id: "cement", kind: "material", maxUnits: 1 }, { id: "travel", kind: "cost", costPerUse: 2000 }];
    const r = level(parallel, resources, [
      { task: 0, resource: "cement", units: 5 },
      { task: 1, resource: "cement", units: 5 },
      { task: 0, resource: "travel", units: 1 },
      { task: 1, resource: "travel", units: 1 },
    ]);
    expect(r.moved).toEqual([]);
    expect(r.overAllocationsBefore).toEqual([]);
  });

  it("keeps manual and must-start-on tasks where they are and levels the others around them", () => {
    const p = plan([{ id: 0, duration: 2, manualStart: 1 }, { id: 1, duration: 2, constraint: { type: "MSO", day: 4 } }, { id: 2, duration: 3 }]);
    const assignments: AssignmentSpec[] = [0, 1, 2].map((task) => ({ task, resource: "li", units: 1 }));
    const r = level(p, [li], assignments);
    // days 1–2 and 4–5 are taken; task 2 (3 days) first fits on days 6–8
    expect(r.tasks.map((t) => t.startAfter)).toEqual([1, 4, 6]);
    expect(r.overAllocationsAfter).toEqual([]);
    // two fixed tasks on top of each other are reported, not moved
    const clash = level(plan([{ id: 0, duration: 2, manualStart: 0 }, { id: 1, duration: 2, constraint: { type: "MFO", day: 2 } }]), [li], [
      { task: 0, resource: "li", units: 1 },
      { task: 1, resource: "li", units: 1 },
    ]);
    expect(clash.moved).toEqual([]);
    expect(clash.unlevellable.map((u) => [u.taskId, u.reason])).toEqual([[0, "fixed"], [1, "fixed"]]);
  });

  it("honours a resource's availability mask", () => {
    const r = level(plan([{ id: 0, duration: 2 }]), [{ id: "li", availability: [0, 1, 0, 1, 1] }], [{ task: 0, resource: "li", units: 1 }]);
    expect(r.overAllocationsBefore.map((o) => [o.from, o.to])).toEqual([[0, 1]]);
    expect(r.tasks[0]).toMatchObject({ startAfter: 3, finishAfter: 5 });
  });

  it("levels tasks under summaries and keeps links into and out of a summary", () => {
    // phase 0 = {1, 2}; 3 follows the phase; 4 beside; 1, 2 and 4 on Li
    const p = plan(
      [{ id: 0, duration: 0 }, { id: 1, duration: 2, parent: 0 }, { id: 2, duration: 2, parent: 0 }, { id: 3, duration: 1 }, { id: 4, duration: 1 }],
      [{ from: 0, to: 3, type: "FS", lag: 0 }],
    );
    const r = level(p, [li], [1, 2, 4].map((task) => ({ task, resource: "li", units: 1 })));
    expect(r.overAllocationsAfter).toEqual([]);
    const after = r.tasks.map((t) => [t.startAfter, t.finishAfter]);
    expect(after[3]?.[0]).toBe(Math.max(after[1]?.[1] ?? 0, after[2]?.[1] ?? 0));
    expect(after[0]).toEqual([Math.min(after[1]?.[0] ?? 0, after[2]?.[0] ?? 0), Math.max(after[1]?.[1] ?? 0, after[2]?.[1] ?? 0)]);
  });

  it("does not change its input", () => {
    const copy = structuredClone(parallel);
    const assignments = structuredClone(onLi);
    level(parallel, [li], assignments);
    expect(parallel).toEqual(copy);
    expect(assignments).toEqual(onLi);
  });

  it("refuses bad resources and assignments with what and where", () => {
    const bad = (resources: ResourceSpec[], assignments: AssignmentSpec[]) => {
      const outcome = resourceLevel({ plan: parallel, resources, assignments });
      return outcome.ok || !("code" in outcome.error) ? undefined : [outcome.error.code, outcome.error.path, outcome.error.message];
    };
    expect(bad([li, li], [])).toEqual(["bad-resource", "resources[1].id", 'resources[1]: duplicate resource id "li"']);
    expect(bad([{ id: "x", maxUnits: -1 }], [])?.[0]).toBe("bad-resource");
    expect(bad([li], [{ task: 9, resource: "li", units: 1 }])).toEqual(["bad-assignment", "assignments[0].task", "assignments[0]: unknown task 9"]);
    expect(bad([li], [{ task: 0, resource: "wang", units: 1 }])?.[2]).toBe('assignments[0] (task 0): unknown resource "wang"');
    expect(bad([li], [{ task: 0, resource: "li", units: Number.NaN }])?.[0]).toBe("bad-assignment");
    expect(bad([li], [onLi[0] as AssignmentSpec, onLi[0] as AssignmentSpec])?.[0]).toBe("duplicate-assignment");
    const summary = resourceLevel({ plan: plan([{ id: 0, duration: 0 }, { id: 1, duration: 1, parent: 0 }]), resources: [li], assignments: [{ task: 0, resource: "li", units: 1 }] });
    expect(summary.ok || !("code" in summary.error) ? undefined : summary.error.code).toBe("summary-assignment");
  });

  it("passes the planner's refusals through", () => {
    const cyclic = plan([{ id: 0, duration: 1 }, { id: 1, duration: 1 }], [{ from: 0, to: 1, type: "FS", lag: 0 }]);
    const withCycle: SchedulePlanInput = { ...cyclic, linkFrom: Int32Array.of(0, 1), linkTo: Int32Array.of(1, 0), linkTypes: Uint8Array.of(0, 0), linkLags: Int32Array.of(0, 0) };
    const outcome = resourceLevel({ plan: withCycle, resources: [li], assignments: [] });
    expect(outcome.ok ? undefined : outcome.error.message).toBe("dependency cycle: 0 -> 1 -> 0");
  });
});
