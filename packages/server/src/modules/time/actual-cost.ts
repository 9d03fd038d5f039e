/**
 * The actual cost of a project (AC in earned-value terms): approved time × the hourly rate fixed when its weekly part
 * was approved (`time_entries.cost_per_hour`, set only then, and the entries are locked from then on). Exported for
 * the monitoring module (earned value, S-curve), so both read the same numbers.
 */
import { timeCost, timeCostByPeriod, type CostInterval, type CostPeriod } from "@jiaofu/engine";
import type { Db, Tx } from "../../db/database";
import { createTimeRepository, type TimeEntryRow } from "./time.repository";

export type ActualCostLine = { minutes: number; cost: number };
export type ActualCostPhase = ActualCostLine & { taskId: string | null; wbsCode: string | null; name: string | null };
export type ActualCostPerson = ActualCostLine & { userId: string; name: string };

export type ActualCostSummary = ActualCostLine & {
  /** By phase: each task's top-level summary (a top-level task is its own phase); time on no task is `taskId: null`, last. */
  phases: ActualCostPhase[];
  people: ActualCostPerson[];
};

async function approvedEntries(db: Db | Tx, workspaceId: string, projectId: string, upToDate?: string): Promise<TimeEntryRow[]> {
  return createTimeRepository(db).entries(workspaceId, { projectId, to: upToDate, approvedOnly: true });
}

const add = (line: ActualCostLine, entry: TimeEntryRow) => {
  line.minutes += entry.minutes;
  line.cost = Math.round((line.cost + timeCost(entry.minutes, entry.costPerHour ?? 0)) * 100) / 100;
};

/**
 * Approved minutes and cost on the project up to and including `upToDate` (`YYYY-MM-DD`; all when omitted), in
 * total, by phase and by person.
 */
export async function actualCostOf(db: Db | Tx, workspaceId: string, projectId: string, upToDate?: string): Promise<ActualCostSummary> {
  const entries = await approvedEntries(db, workspaceId, projectId, upToDate);
  const outline = await createTimeRepository(db).projectOutline(projectId);
  const byId = new Map(outline.map((t) => [t.id, t]));
  const phaseOf = (taskId: string | null) => {
    let task = taskId ? byId.get(taskId) : undefined;
    while (task?.parentId) task = byId.get(task.parentId) ?? undefined;
    return task;
  };
  const total: ActualCostLine = { minutes: 0, cost: 0 };
  const phases = new Map<string | null, ActualCostPhase>();
  const people = new Map<string, ActualCostPerson>();
  for (const entry of entries) {
    add(total, entry);
    const phase = phaseOf(entry.taskId);
    const key = phase?.id ?? null;
    const line = phases.get(key) ?? { taskId: key, wbsCode: phase?.wbsCode ?? null, name: phase?.name ?? null, minutes: 0, cost: 0 };
    add(line, entry);
    phases.set(key, line);
    const person = people.get(entry.userId) ?? { userId: entry.userId, name: entry.userName, minutes: 0, cost: 0 };
    add(person, entry);
    people.set(entry.userId, person);
  }
  const phaseOrder = (p: ActualCostPhase) => (p.taskId ? (byId.get(p.taskId)?.position ?? 0) : Number.MAX_SAFE_INTEGER);
  return {
    ...total,
    phases: [...phases.values()].sort((a, b) => phaseOrder(a) - phaseOrder(b)),
    people: [...people.values()].sort((a, b) => b.cost - a.cost || a.name.localeCompare(b.name)),
  };
}

/**
 * Approved minutes and cost per week (from Monday) or calendar month, earliest first, with running totals, up to and
 * including `upToDate` when given: the AC curve.
 */
export async function actualCostByPeriod(db: Db | Tx, workspaceId: string, projectId: string, interval: CostInterval, upToDate?: string): Promise<CostPeriod[]> {
  const entries = await approvedEntries(db, workspaceId, projectId, upToDate);
  return timeCostByPeriod(
    entries.map((e) => ({ workDate: e.workDate, minutes: e.minutes, costPerHour: e.costPerHour ?? 0 })),
    interval,
  );
}
