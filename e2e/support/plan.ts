/** Steps on the Planning pages that several flows share. */
import type { Locator, Page } from "playwright-core";

/** A row of the Plan table by its WBS code. */
export const planRow = (page: Page, wbs: string) => page.locator(`[data-testid="plan-row"][data-wbs="${wbs}"]`);

/** Selects the task at `wbs` in the Plan table and assigns it `resource` full time through the task panel. */
export async function assignResource(page: Page, wbs: string, resource: string): Promise<void> {
  await planRow(page, wbs).click();
  const details = page.getByTestId("plan-details");
  if ((await details.getAttribute("aria-pressed")) !== "true") await details.click();
  const section = page.getByTestId("task-resources");
  await section.waitFor();
  await section.getByTestId("task-resource-choose").selectOption({ label: resource });
  await section.getByTestId("task-resource-add-units").fill("1");
  await section.getByTestId("task-resource-add").click();
  await section.locator(`[data-testid="task-resource"][data-name="${resource}"]`).waitFor();
}

export async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not on screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags with the mouse in small steps, as a hand would (the Gantt chart reacts to the moves in between). */
export async function dragWithMouse(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** A row of the Gantt chart's grid by its WBS code (rows in view only). */
export const ganttRow = (page: Page, wbs: string) => page.locator(`[data-testid="gantt-row"][data-wbs="${wbs}"]`);

/** How much of a task's Gantt bar its progress line fills, 0…1 (1: the task is 100 % complete). */
export async function ganttProgressShare(page: Page, wbs: string): Promise<number> {
  const bar = page.locator(`[data-testid="gantt-bar"][data-wbs="${wbs}"]`);
  const progress = bar.locator(".gantt-progress");
  if ((await progress.count()) === 0) return 0;
  const width = async (locator: Locator) => Number(await locator.getAttribute("width"));
  return (await width(progress)) / (await width(bar.locator(".gantt-task-bar")));
}
