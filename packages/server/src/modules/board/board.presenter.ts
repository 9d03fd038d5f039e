import { createHash } from "node:crypto";
import type { TBoardCard, TBoardPhase, TBoardStatus, TBoardWorkflow } from "@jiaofu/contracts";
import { boardColumnOf, planWbsCompare } from "@jiaofu/engine";
import type { BoardTaskRow, TaskStatusRow } from "./board.repository";

export const presentBoardStatus = (row: TaskStatusRow): TBoardStatus => ({ id: row.id, name: row.name, category: row.category, wipLimit: row.wipLimit });

/**
 * The workflow's version: a digest of its columns' ids and versions, so adding, removing, renaming or reordering
 * any column changes it (the columns have no row of their own to carry one).
 */
export function workflowVersion(rows: readonly TaskStatusRow[]): string {
  const text = rows.map((r) => `${r.id}:${r.version}:${r.position}`).join(",");
  return createHash("sha256").update(text).digest("base64url").slice(0, 22);
}

export const presentBoardWorkflow = (projectId: string, rows: readonly TaskStatusRow[]): TBoardWorkflow => ({
  projectId,
  statuses: rows.map(presentBoardStatus),
  version: workflowVersion(rows),
});

/** A card is a leaf task with work: summaries are phases, milestones (no duration) stay on the Gantt. */
export const isBoardCard = (row: Pick<BoardTaskRow, "isSummary" | "durationDays">) => !row.isSummary && row.durationDays > 0;

/** The top-level summary tasks by WBS code: the phases. */
export function phasesOf(rows: readonly BoardTaskRow[]): Map<string, TBoardPhase> {
  const phases = new Map<string, TBoardPhase>();
  for (const row of rows) if (row.parentId === null && row.isSummary) phases.set(row.wbsCode, { id: row.id, wbsCode: row.wbsCode, name: row.name });
  return phases;
}

export type CardExtras = {
  statuses: readonly TaskStatusRow[];
  phases: ReadonlyMap<string, TBoardPhase>;
  assignees: ReadonlyMap<string, string[]>;
  commentCounts: ReadonlyMap<string, number>;
};

export function presentBoardCard(row: BoardTaskRow, extras: CardExtras): TBoardCard {
  const top = row.parentId === null ? undefined : extras.phases.get(row.wbsCode.split(".")[0] ?? "");
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    wbsCode: row.wbsCode,
    phaseId: top?.id ?? null,
    statusId: boardColumnOf(extras.statuses, row) ?? "",
    boardPosition: row.boardPosition,
    percentComplete: row.percentComplete,
    priority: row.priority,
    dueDate: row.deadline ?? row.calcFinish,
    deadline: row.deadline,
    start: row.calcStart,
    finish: row.calcFinish,
    assigneeIds: extras.assignees.get(row.id) ?? [],
    estimateHours: row.estimateHours,
    remainingHours: row.remainingHours,
    checklistDone: row.checklistDone,
    checklistTotal: row.checklistTotal,
    commentCount: extras.commentCounts.get(row.id) ?? 0,
    version: row.version,
  };
}


/** Column order: board position, then WBS order (tasks never moved all sit at 0, in plan order). */
export const compareCards = (a: Pick<TBoardCard, "boardPosition" | "wbsCode">, b: Pick<TBoardCard, "boardPosition" | "wbsCode">) =>
  a.boardPosition - b.boardPosition || planWbsCompare(a.wbsCode, b.wbsCode);
