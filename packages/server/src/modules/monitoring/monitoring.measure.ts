/**
 * Measuring a project on a status date (docs/monitoring.md, "Rules"): the plan scheduled in memory (as the budget
 * page does: work and cost include the assignments), the budget and planned value from the chosen baseline or the
 * current plan, the earned value from each task's percent complete, the actual cost from approved time plus fixed
 * costs accrued by percent complete, and each phase's figures, work and remaining work. Reads only.
 */
import {
  earnedValueEarned,
  earnedValuePlannedAt,
  PLAN_TICKS_PER_DAY,
  type PlanBudgetPeriod,
  type PlanBudgetTask,
  planBudgetCurve,
  type PlanDerived,
  planOutline,
  planSchedule,
  type PlanVarianceTask,
  planBaselineDaysOnAxis,
  planVariance,
  type ProgressBasis,
  progressRollUp,
  type ProgressTask,
} from "@jiaofu/engine";
import type { Db, Tx } from "../../db/database";
import { AppError } from "../../platform/app-error";
import type { ProjectAccess } from "../../platform/project-access";
import { planTaskFactsWithResources } from "../plan-resources/plan-resources.facts";
import type { PlanTaskRow } from "../planning/planning.repository";
import { loadState } from "../planning/planning.service";
import { actualCostOf } from "../time/actual-cost";
import { createMonitoringRepository, type PlanBaselineRow, type PlanBaselineTaskRow } from "./monitoring.repository";

type ProjectRow = ProjectAccess["project"];

const ticksOf = (days: number | null) => Math.round((days ?? 0) * PLAN_TICKS_PER_DAY);

export type PhaseMeasurement = {
  taskId: string;
  wbsCode: string;
  name: string;
  isSummary: boolean;
  start: string | null;
  finish: string | null;
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  workHours: number;
  remainingHours: number;
  progress: number;
};

export type ProjectMeasurement = {
  statusDate: string;
  baseline: PlanBaselineRow | null;
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  progress: { percentComplete: number; basis: ProgressBasis };
  phases: PhaseMeasurement[];
  milestones: { taskId: string; wbsCode: string; name: string; finish: string | null }[];
  /** The planned value by week over the whole plan (the baseline's, when measured against one). */
  plannedWeeks: PlanBudgetPeriod[];
  variance: {
    baselineStart: string | null;
    currentStart: string | null;
    startVarianceDays: number | null;
    baselineFinish: string | null;
    currentFinish: string | null;
    finishVarianceDays: number | null;
    baselineCost: number | null;
    currentCost: number | null;
    costVariance: number | null;
    slipped: number;
  } | null;
};

/** The earliest start, by working day and date. */
function firstStart(tasks: readonly PlanVarianceTask[]): { day: number | null; date: string | null } {
  let day: number | null = null;
  let date: string | null = null;
  for (const t of tasks) {
    if (t.startDay !== null && (day === null || t.startDay < day)) day = t.startDay;
    if (t.start !== null && (date === null || t.start < date)) date = t.start;
  }
  return { day, date };
}

/**
 * Measures the project as of `statusDate` against `baseline` (null: the current plan). Tasks added since the
 * baseline have no budget in it and earn nothing; a task removed since keeps its planned value (it was planned).
 */
export async function measureProject(db: Db | Tx, project: ProjectRow, statusDate: string, baseline: PlanBaselineRow | null): Promise<ProjectMeasurement> {
  const repo = createMonitoringRepository(db);
  const [state, savedBaselineTasks, approved] = await Promise.all([
    loadState(db, project),
    baseline ? repo.baselineTasks(baseline.id) : Promise.resolve([] as PlanBaselineTaskRow[]),
    actualCostOf(db, project.workspaceId, project.id, statusDate),
  ]);
  // The baseline's day numbers count from the plan's day 0 when it was saved: re-read them on today's axis.
  const baselineTasks = savedBaselineTasks.map((t) => planBaselineDaysOnAxis(state.axis, t));
  const approvedByPhase = new Map(approved.phases.map((p) => [p.taskId, p.cost]));
  const rows = [...state.tasks.values()];
  const facts = planTaskFactsWithResources(rows, [...state.resources.values()], [...state.assignments.values()], state.compiled);
  const schedule = planSchedule(facts, [...state.dependencies.values()], state.axis);
  if (!schedule.ok) throw new AppError("conflict", "plan.schedule_refused", { reason: schedule.refusal.kind });
  const derived = schedule.derived;
  const outline = planOutline(rows);

  // The phase of every task: its top-level ancestor (a top-level task is its own phase).
  const phaseOf = new Map<string, string>();
  for (let i = 0; i < outline.order.length; i++) {
    let root = i;
    while ((outline.parents[root] as number) >= 0) root = outline.parents[root] as number;
    phaseOf.set((outline.order[i] as PlanTaskRow).id, (outline.order[root] as PlanTaskRow).id);
  }
  // A task removed since the baseline counts for the phase its baseline top-level task still is.
  const baselineRootByWbs = new Map(baselineTasks.filter((t) => !t.wbsCode.includes(".")).map((t) => [t.wbsCode, t.taskId]));
  const budgetPhaseOf = (task: PlanBaselineTaskRow): string | undefined =>
    phaseOf.get(task.taskId) ?? phaseOf.get(baselineRootByWbs.get(task.wbsCode.split(".")[0] ?? "") ?? "");

  const leaves: { row: PlanTaskRow; d: PlanDerived }[] = [];
  for (const row of rows) {
    const d = derived.get(row.id);
    if (d && !d.isSummary) leaves.push({ row, d });
  }
  const pcOf = new Map(leaves.map(({ row }) => [row.id, row.percentComplete]));

  // The budget: the baseline's leaves where they were planned, or the current plan's.
  const budget: (PlanBudgetTask & { phase: string | undefined })[] = baseline
    ? baselineTasks
        .filter((t) => !t.isSummary)
        .map((t) => ({ id: t.taskId, startTick: ticksOf(t.startDay), finishTick: ticksOf(t.finishDay), cost: t.cost ?? 0, phase: budgetPhaseOf(t) }))
    : leaves.map(({ row, d }) => ({ id: row.id, startTick: ticksOf(d.calcStartDay), finishTick: ticksOf(d.calcFinishDay), cost: d.calcCost ?? 0, phase: phaseOf.get(row.id) }));

  const sumBy = <T>(items: readonly T[], f: (x: T) => number) => items.reduce((s, x) => s + f(x), 0);
  const figuresOf = (tasks: typeof budget) => ({
    bac: sumBy(tasks, (t) => (t.cost > 0 ? t.cost : 0)),
    pv: earnedValuePlannedAt(state.axis, tasks, statusDate),
    ev: earnedValueEarned(tasks.map((t) => ({ ...t, percentComplete: pcOf.get(t.id) ?? 0 }))),
  });

  // Actual cost: approved time (by phase, as the time module answers it), plus each task's own fixed cost accrued by
  // its percent complete.
  const fixedAccrued = (row: PlanTaskRow) => ((row.fixedCost > 0 ? row.fixedCost : 0) * row.percentComplete) / 100;
  let acTotal = approved.cost;
  for (const { row } of leaves) acTotal += fixedAccrued(row);

  const progressTaskOf = ({ row, d }: { row: PlanTaskRow; d: PlanDerived }): ProgressTask => ({
    workHours: d.calcWorkHours ?? 0,
    cost: d.calcCost ?? 0,
    durationDays: d.calcDurationDays ?? 0,
    percentComplete: row.percentComplete,
  });
  const workOf = ({ row, d }: { row: PlanTaskRow; d: PlanDerived }) => {
    const scope = (d.calcWorkHours ?? 0) > 0 ? (d.calcWorkHours as number) : (row.estimateHours ?? 0);
    const done = (scope * row.percentComplete) / 100;
    const remaining = row.remainingHours ?? scope - done;
    return { done, remaining: Math.max(0, remaining) };
  };

  const phases: PhaseMeasurement[] = [];
  for (let i = 0; i < outline.order.length; i++) {
    if ((outline.parents[i] as number) >= 0) continue;
    const root = outline.order[i] as PlanTaskRow;
    const d = derived.get(root.id);
    if (!d) continue;
    const under = leaves.filter((l) => phaseOf.get(l.row.id) === root.id);
    const f = figuresOf(budget.filter((t) => t.phase === root.id));
    let ac = approvedByPhase.get(root.id) ?? 0;
    for (const l of under) ac += fixedAccrued(l.row);
    let done = 0;
    let remaining = 0;
    for (const l of under) {
      const w = workOf(l);
      done += w.done;
      remaining += w.remaining;
    }
    phases.push({
      taskId: root.id,
      wbsCode: d.wbsCode,
      name: root.name,
      isSummary: d.isSummary,
      start: d.calcStart,
      finish: d.calcFinish,
      ...f,
      ac,
      workHours: done + remaining,
      remainingHours: remaining,
      progress: progressRollUp(under.map(progressTaskOf)).percentComplete,
    });
  }

  const milestones = leaves
    .filter(({ d }) => d.calcDurationDays === 0)
    .map(({ row, d }) => ({ taskId: row.id, wbsCode: d.wbsCode, name: row.name, finish: d.calcFinish }))
    .sort((a, b) => (a.finish ?? "9999").localeCompare(b.finish ?? "9999") || a.wbsCode.localeCompare(b.wbsCode));

  let variance: ProjectMeasurement["variance"] = null;
  if (baseline) {
    const current: PlanVarianceTask[] = outline.order.flatMap((fact) => {
      const row = fact as PlanTaskRow;
      const d = derived.get(row.id);
      return d
        ? [{ taskId: row.id, wbsCode: d.wbsCode, name: row.name, isSummary: d.isSummary, start: d.calcStart, finish: d.calcFinish, startDay: d.calcStartDay, finishDay: d.calcFinishDay, durationDays: d.calcDurationDays, cost: d.calcCost ?? 0 }]
        : [];
    });
    const before: PlanVarianceTask[] = baselineTasks.map((t) => ({ ...t }));
    const { summary } = planVariance(current, before);
    const startNow = firstStart(current);
    const startThen = firstStart(before);
    variance = {
      baselineStart: startThen.date,
      currentStart: startNow.date,
      startVarianceDays: startNow.day === null || startThen.day === null ? null : Math.round((startNow.day - startThen.day) * 100) / 100 + 0,
      baselineFinish: summary.baselineFinish,
      currentFinish: summary.currentFinish,
      finishVarianceDays: summary.finishVarianceDays,
      baselineCost: summary.baselineCost,
      currentCost: summary.currentCost,
      costVariance: summary.costVariance,
      slipped: summary.slipped,
    };
  }

  const total = figuresOf(budget);
  return {
    statusDate,
    baseline,
    ...total,
    ac: acTotal,
    progress: progressRollUp(leaves.map(progressTaskOf)),
    phases,
    milestones,
    plannedWeeks: planBudgetCurve(state.axis, budget, "week"),
    variance,
  };
}
