/** Steps of running a meeting (Execution → Meetings) that several flows share. */
import type { Locator, Page } from "playwright-core";

/**
 * Opens the project's meetings, creates one of `kind` through the dialog and lands on its page; returns the agenda the
 * dialog offered (the kind's template).
 */
export async function createMeeting(page: Page, baseUrl: string, projectId: string, meeting: { kind: string; title: string }): Promise<{ agenda: string }> {
  await page.goto(`${baseUrl}/projects/${projectId}/execution/meetings`);
  await page.getByTestId("meeting-new").click();
  const dialog = page.getByTestId("meeting-create-dialog");
  await dialog.waitFor();
  await page.getByTestId("meeting-kind").selectOption(meeting.kind);
  const agenda = await page.getByTestId("meeting-agenda-input").inputValue();
  await page.getByTestId("meeting-title").fill(meeting.title);
  await dialog.getByRole("button", { name: "Create meeting" }).click();
  await page.getByTestId("meeting-heading").filter({ hasText: meeting.title }).waitFor();
  return { agenda };
}

/** On a meeting's page: records an action item with an owner and a due date and makes it a task; returns the link to the task. */
export async function addActionItemAsTask(page: Page, action: { text: string; owner: string; due: string }): Promise<Locator> {
  await page.getByTestId("meeting-action-text").fill(action.text);
  await page.getByTestId("meeting-action-owner").selectOption({ label: action.owner });
  await page.getByTestId("meeting-action-due").fill(action.due);
  await page.getByTestId("meeting-action-add").click();
  const item = page.locator('[data-testid="meeting-item"][data-kind="action"]').filter({ hasText: action.text });
  await item.getByTestId("meeting-item-create-task").click();
  const taskLink = item.getByTestId("meeting-item-task");
  await taskLink.waitFor();
  return taskLink;
}

/** On a meeting's page: writes the minutes (Markdown, previewed before saving) and marks the meeting held. */
export async function holdMeeting(page: Page, minutes: string, previewText: string): Promise<void> {
  await page.getByTestId("meeting-minutes-edit").click();
  await page.getByTestId("meeting-minutes-input").fill(minutes);
  await page.getByTestId("meeting-minutes-preview").click();
  await page.getByTestId("meeting-minutes").getByText(previewText).waitFor();
  await page.getByTestId("meeting-minutes-save").click();
  await page.getByTestId("meeting-minutes-html").waitFor();
  await page.getByTestId("meeting-mark-held").click();
  await page.getByTestId("meeting-status").getByText("Held").waitFor();
}
