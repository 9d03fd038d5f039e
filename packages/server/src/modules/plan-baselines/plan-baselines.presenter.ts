import { planWbsCompare } from "@jiaofu/engine";
import type { TPlanBaseline, TPlanBaselineSummary } from "@jiaofu/contracts";
import type { PlanBaselineRow, PlanBaselineTaskRow } from "./plan-baselines.repository";

/** `PB-3`. */
export const planBaselineKey = (number: number) => `PB-${number}`;

/** A baseline as the list shows it; `internal` false (a client contact): work and cost are left out. */
export function presentPlanBaselineSummary(row: PlanBaselineRow, internal: boolean): TPlanBaselineSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    number: row.number,
    key: planBaselineKey(row.number),
    name: row.name,
    note: row.note,
    finish: row.finish,
    workHours: internal ? row.workHours : null,
    cost: internal ? row.cost : null,
    taskCount: row.taskCount,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A baseline with its tasks in WBS order. */
export function presentPlanBaseline(row: PlanBaselineRow, tasks: readonly PlanBaselineTaskRow[], internal: boolean): TPlanBaseline {
  return {
    ...presentPlanBaselineSummary(row, internal),
    tasks: [...tasks]
      .sort((a, b) => planWbsCompare(a.wbsCode, b.wbsCode))
      .map((task) => ({
        taskId: task.taskId,
        wbsCode: task.wbsCode,
        name: task.name,
        isSummary: task.isSummary,
        start: task.start,
        finish: task.finish,
        startDay: task.startDay,
        finishDay: task.finishDay,
        durationDays: task.durationDays,
        workHours: internal ? task.workHours : null,
        cost: internal ? task.cost : null,
      })),
  };
}
