/** Steps on the task board (Execution) that several flows share. */
import type { Page } from "playwright-core";
import { callApi } from "./api";
import { centreOf, dragWithMouse } from "./plan";

export type BoardWorkflow = { statuses: { id: string; name: string; category: string }[] };

export const boardWorkflow = (page: Page, baseUrl: string, projectId: string) => callApi<BoardWorkflow>(page, baseUrl, "GET", `/api/v1/projects/${projectId}/board/workflow`);

/** The `nth` column of a category (todo, in_progress, done) in the workflow. */
export const statusOf = (workflow: BoardWorkflow, category: string, nth = 0) => {
  const status = workflow.statuses.filter((s) => s.category === category)[nth];
  if (!status) throw new Error(`the workflow has no ${category} column #${nth}`);
  return status;
};

/** A card on the board by its task's WBS code. */
export const boardCard = (page: Page, wbs: string) =>
  page.locator('[data-testid="board-card"]').filter({ has: page.locator(".board-card-wbs", { hasText: new RegExp(`^${wbs.replaceAll(".", "\\.")}$`) }) });

export const boardColumn = (page: Page, statusId: string) => page.locator(`[data-testid="board-column"][data-status-id="${statusId}"]`);

/** Drags the card with the mouse onto the column's header. */
export async function dragCardToColumn(page: Page, wbs: string, statusId: string): Promise<void> {
  await dragWithMouse(page, await centreOf(boardCard(page, wbs).locator(".board-card-wbs")), await centreOf(boardColumn(page, statusId).locator(".board-column-header")));
}
