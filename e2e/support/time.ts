/** Steps of time tracking (the Time page's weekly grid, the project's Timesheets tab) that several flows share. */
import type { Locator, Page } from "playwright-core";

/** Opens the Time page from the top navigation; returns the Monday of the week shown ("Week of YYYY-MM-DD"). */
export async function openTimesheet(page: Page): Promise<string> {
  await page.getByTestId("nav-time").click();
  await page.getByTestId("timesheet-grid").locator("table").waitFor();
  return ((await page.getByTestId("timesheet-week-label").textContent()) ?? "").replace("Week of ", "");
}

/** Selects the option whose text matches in a `<select>` once it is there (options load with their project). */
export async function selectOptionByText(select: Locator, text: string | RegExp): Promise<void> {
  const option = select.locator("option", { hasText: text }).first();
  await option.waitFor({ state: "attached" });
  await select.selectOption((await option.getAttribute("value")) ?? "");
}

/** A task's option in the pickers: its WBS code, then its name. */
export const taskOption = (wbs: string) => new RegExp(`^${wbs.replaceAll(".", "\\.")} `);

/** In the weekly grid: adds a row for the task at `wbs` and types `duration` (e.g. "2h30") on `day` (0 = Monday). Returns the row. */
export async function logTimeByHand(page: Page, entry: { projectCode: string; wbs: string; day: number; duration: string }): Promise<Locator> {
  await selectOptionByText(page.getByTestId("timesheet-add-project"), entry.projectCode);
  await selectOptionByText(page.getByTestId("timesheet-add-task"), taskOption(entry.wbs));
  await page.getByTestId("timesheet-add-row").click();
  const row = page.getByTestId("timesheet-row").filter({ hasText: entry.wbs });
  const cell = row.getByTestId(`timesheet-cell-${entry.day}`);
  await cell.fill(entry.duration);
  await cell.press("Enter");
  return row;
}

/** The manager opens the project's Timesheets tab (Execution). */
export async function openTimesheetsTab(manager: Page, baseUrl: string, projectId: string): Promise<void> {
  await manager.goto(`${baseUrl}/projects/${projectId}/execution`);
  await manager.getByTestId("timesheets-tab-link").click();
  await manager.getByTestId("timesheets-tab").waitFor();
}

/** On the Timesheets tab: a person's week awaiting approval. */
export const weekAwaitingApproval = (manager: Page, weekStart: string) => manager.getByTestId("timesheet-approval").filter({ hasText: `Week of ${weekStart}` });

/** On the Timesheets tab: approves the week and waits until it has left the list. */
export async function approveWeek(manager: Page, weekStart: string): Promise<void> {
  await weekAwaitingApproval(manager, weekStart).getByTestId("timesheet-approve").click();
  await weekAwaitingApproval(manager, weekStart).waitFor({ state: "detached" });
}
