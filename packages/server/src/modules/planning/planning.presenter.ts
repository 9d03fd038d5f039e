import type { TPlanDependency, TPlanTask } from "@jiaofu/contracts";
import type { PlanDependencyRow, PlanTaskRow } from "./planning.repository";

/**
 * A task row as the API shows it. `internal` false (a client contact): the team's notes, owner, work and cost are
 * left out, in the task's own fields and in its roll-ups.
 */
export function presentPlanTask(row: PlanTaskRow, internal: boolean): TPlanTask {
  return {
    id: row.id,
    projectId: row.projectId,
    parentId: row.parentId,
    position: row.position,
    wbsCode: row.wbsCode,
    outlineLevel: row.wbsCode === "" ? 1 : row.wbsCode.split(".").length,
    kind: row.isSummary ? "summary" : row.durationDays === 0 ? "milestone" : "task",
    name: row.name,
    notes: internal ? row.notes : null,
    durationDays: row.durationDays,
    schedulingMode: row.schedulingMode,
    manualStart: row.manualStart,
    constraintType: row.constraintType,
    constraintDate: row.constraintDate,
    deadline: row.deadline,
    percentComplete: row.percentComplete,
    workHours: internal ? row.workHours : null,
    fixedCost: internal ? row.fixedCost : null,
    ownerId: internal ? row.ownerId : null,
    priority: row.priority,
    levellingStart: row.levellingStart,
    statusId: row.statusId,
    schedule: {
      start: row.calcStart,
      finish: row.calcFinish,
      earlyStart: row.calcEarlyStart,
      earlyFinish: row.calcEarlyFinish,
      lateStart: row.calcLateStart,
      lateFinish: row.calcLateFinish,
      startDay: row.calcStartDay,
      finishDay: row.calcFinishDay,
      totalFloatDays: row.calcTotalFloatDays,
      critical: row.calcCritical,
      durationDays: row.calcDurationDays,
      workHours: internal ? row.calcWorkHours : null,
      cost: internal ? row.calcCost : null,
      percentComplete: row.calcPercentComplete,
      violations: row.calcViolations.map((v) => ({ kind: v.kind as TPlanTask["schedule"]["violations"][number]["kind"], byDays: v.byDays })),
    },
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export const presentPlanDependency = (row: PlanDependencyRow): TPlanDependency => ({
  id: row.id,
  predecessorId: row.predecessorId,
  successorId: row.successorId,
  type: row.type,
  lagDays: row.lagDays,
  version: row.version,
});
