/**
 * The phase-close rule (docs/monitoring.md, "Quality"): a phase (a top-level task of the plan) cannot be closed —
 * every task under it at 100 % — while its quality gate is open; a passed or waived gate lets it close. Every change
 * of the plan (the plan table's percent complete, a board move into a done column, quick add, imports) runs through
 * `PlanningService.runChange`, which calls this after the change and before rescheduling: a refusal rolls the whole
 * change back.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/database";
import { qualityGates } from "../../db/schema";
import { AppError } from "../../platform/app-error";

type PhaseTask = { id: string; parentId: string | null; percentComplete: number; wbsCode: string; name: string };

/** The leaves under `rootId` (the root itself when it has no children). */
function leavesOf(rootId: string, children: ReadonlyMap<string, readonly string[]>): string[] {
  const leaves: string[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const kids = children.get(id);
    if (!kids || kids.length === 0) leaves.push(id);
    else stack.push(...kids);
  }
  return leaves;
}

/**
 * Throws 409 `quality.phase_gate_open` when this change closes a phase whose gate is open: all of the phase's tasks
 * are at 100 % now, and were not before the change (`percentBefore`: the tasks' percent complete before it; tasks
 * added by the change are not counted for "before"). A phase that was already closed is left alone.
 */
export async function refuseClosingGatedPhases(tx: Tx, projectId: string, tasks: ReadonlyMap<string, PhaseTask>, percentBefore: ReadonlyMap<string, number>): Promise<void> {
  const children = new Map<string, string[]>();
  for (const task of tasks.values()) {
    if (task.parentId === null) continue;
    const list = children.get(task.parentId) ?? [];
    list.push(task.id);
    children.set(task.parentId, list);
  }
  const closing: PhaseTask[] = [];
  for (const phase of tasks.values()) {
    if (phase.parentId !== null) continue;
    const leaves = leavesOf(phase.id, children);
    const doneNow = leaves.every((id) => tasks.get(id)?.percentComplete === 100);
    if (!doneNow) continue;
    const existed = leaves.filter((id) => percentBefore.has(id));
    const doneBefore = existed.length > 0 && existed.every((id) => percentBefore.get(id) === 100);
    if (!doneBefore) closing.push(phase);
  }
  if (closing.length === 0) return;
  const open = await tx
    .select({ phaseTaskId: qualityGates.phaseTaskId, name: qualityGates.name })
    .from(qualityGates)
    .where(and(eq(qualityGates.projectId, projectId), eq(qualityGates.status, "open"), inArray(qualityGates.phaseTaskId, closing.map((p) => p.id))));
  const first = open[0];
  if (!first) return;
  const phase = closing.find((p) => p.id === first.phaseTaskId) as PhaseTask;
  throw new AppError("conflict", "quality.phase_gate_open", { phase: phase.wbsCode ? `${phase.wbsCode} ${phase.name}` : phase.name, gate: first.name }, { phaseTaskId: phase.id });
}
