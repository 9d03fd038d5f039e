import { describe, expect, it } from "vitest";
import type { TPlan, TPlanTask } from "@jiaofu/contracts";
import { planApplyChange, planVisibleTasks } from "./plan-model";

const task = (id: string, wbsCode: string, parentId: string | null = null): TPlanTask =>
  ({ id, wbsCode, parentId, name: id, kind: "task", version: 1 }) as unknown as TPlanTask;
const plan = (tasks: TPlanTask[]): TPlan => ({ projectId: "p", start: "2026-09-28", finish: null, tasks, dependencies: [], calendar: {} as TPlan["calendar"], people: {}, statuses: [] });

describe("planApplyChange", () => {
  it("replaces, adds and removes tasks and keeps WBS order", () => {
    const before = plan([task("a", "1"), task("b", "2"), task("c", "3")]);
    const after = planApplyChange(before, {
      taskId: "d",
      tasks: [task("d", "1"), task("a", "2"), task("c", "2.1", "a")],
      removedTaskIds: ["b"],
      dependencies: [],
      removedDependencyIds: [],
      finish: "2026-10-09",
    });
    expect(after.tasks.map((t) => [t.id, t.wbsCode])).toEqual([
      ["d", "1"],
      ["a", "2"],
      ["c", "2.1"],
    ]);
    expect(after.finish).toBe("2026-10-09");
  });
});

describe("planVisibleTasks", () => {
  it("hides everything under a collapsed summary, however deep", () => {
    const tasks = [task("a", "1"), task("b", "1.1", "a"), task("c", "1.1.1", "b"), task("d", "2")];
    expect(planVisibleTasks(tasks, new Set(["a"])).map((t) => t.id)).toEqual(["a", "d"]);
    expect(planVisibleTasks(tasks, new Set(["b"])).map((t) => t.id)).toEqual(["a", "b", "d"]);
  });
});
