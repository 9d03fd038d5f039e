/**
 * The plan as the page holds it: applying what a write changed (`PlanChange`) to the loaded plan, and the rows the
 * table shows once collapsed summaries hide their tasks.
 */
import type { TPlan, TPlanChange, TPlanDependency, TPlanTask } from "@jiaofu/contracts";
import { planWbsCompare } from "@jiaofu/engine";

/**
 * The plan after a write: changed tasks replaced (or added), removed ones dropped, tasks in WBS order again (a move
 * renumbers them), dependencies likewise, and the new finish.
 */
export function planApplyChange(plan: TPlan, change: TPlanChange): TPlan {
  const removedTasks = new Set(change.removedTaskIds);
  const tasks = new Map(plan.tasks.filter((t) => !removedTasks.has(t.id)).map((t) => [t.id, t]));
  for (const task of change.tasks) tasks.set(task.id, task);
  const removedDependencies = new Set(change.removedDependencyIds);
  const dependencies = new Map(plan.dependencies.filter((d) => !removedDependencies.has(d.id) && !removedTasks.has(d.predecessorId) && !removedTasks.has(d.successorId)).map((d) => [d.id, d]));
  for (const dependency of change.dependencies) dependencies.set(dependency.id, dependency);
  return {
    ...plan,
    finish: change.finish,
    tasks: [...tasks.values()].sort((a, b) => planWbsCompare(a.wbsCode, b.wbsCode)),
    dependencies: [...dependencies.values()],
  };
}

/** The tasks the table shows: every task whose summaries above it are all expanded. */
export function planVisibleTasks(tasks: readonly TPlanTask[], collapsed: ReadonlySet<string>): TPlanTask[] {
  if (collapsed.size === 0) return [...tasks];
  const hidden = new Set<string>();
  const out: TPlanTask[] = [];
  for (const task of tasks) {
    // Tasks come in WBS order, so a task's parent is decided before the task.
    if (task.parentId !== null && (hidden.has(task.parentId) || collapsed.has(task.parentId))) {
      hidden.add(task.id);
      continue;
    }
    out.push(task);
  }
  return out;
}

/** Each task's predecessors, by successor id. */
export function planPredecessorsBySuccessor(dependencies: readonly TPlanDependency[]): Map<string, TPlanDependency[]> {
  const out = new Map<string, TPlanDependency[]>();
  for (const d of dependencies) {
    const list = out.get(d.successorId) ?? [];
    list.push(d);
    out.set(d.successorId, list);
  }
  return out;
}
