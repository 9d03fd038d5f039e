/**
 * Meetings as the delivery manager runs them on the demo project: plan a kick-off (its agenda from the kind's
 * template), record an action item, make it a task and find the task in the plan, take the minutes and mark the
 * meeting held; then the client's contact reads the client review's minutes in the portal, and not the team's
 * internal meeting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { callApi } from "./support/api";
import { launchBrowser, screenshot } from "./support/browser";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";

let server: E2eServer;
let browser: Browser;
let manager: Page;
let projectId = "";

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  manager = await (await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("meetings", () => {
  it("holds a meeting whose action item becomes a task in the plan", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    const projects = await callApi<{ items: { id: string; code: string }[] }>(manager, server.url, "GET", "/api/v1/projects?limit=200");
    projectId = projects.items.find((p) => p.code === "HDMG-IM")?.id ?? "";
    expect(projectId).not.toBe("");

    await manager.goto(`${server.url}/projects/${projectId}/execution/meetings`);
    await manager.getByTestId("meetings-upcoming").waitFor();
    await manager.getByTestId("meeting-new").click();
    const dialog = manager.getByTestId("meeting-create-dialog");
    await dialog.waitFor();
    await manager.getByTestId("meeting-kind").selectOption("ad_hoc");
    expect(await manager.getByTestId("meeting-agenda-input").inputValue()).toContain("## Purpose");
    await manager.getByTestId("meeting-title").fill("Data migration check-in");
    await dialog.getByRole("button", { name: "Create meeting" }).click();
    await manager.getByTestId("meeting-heading").waitFor();
    expect(await manager.getByTestId("meeting-heading").textContent()).toBe("Data migration check-in");

    // An action item with an owner and a due date, made a task.
    await manager.getByTestId("meeting-action-text").fill("Export the legacy chat archive sample");
    await manager.getByTestId("meeting-action-owner").selectOption({ label: await ownerName(manager, "dev@demo.test") });
    await manager.getByTestId("meeting-action-due").fill("2027-01-15");
    await manager.getByTestId("meeting-action-add").click();
    const item = manager.locator('[data-testid="meeting-item"][data-kind="action"]').filter({ hasText: "Export the legacy chat archive sample" });
    await item.getByTestId("meeting-item-create-task").click();
    const taskLink = item.getByTestId("meeting-item-task");
    await taskLink.waitFor();
    expect(await taskLink.textContent()).toContain("Export the legacy chat archive sample");

    // Minutes, then held.
    await manager.getByTestId("meeting-minutes-edit").click();
    await manager.getByTestId("meeting-minutes-input").fill("## Outcome\nThe **sample export** unblocks the migration design.");
    await manager.getByTestId("meeting-minutes-preview").click();
    await manager.getByTestId("meeting-minutes").getByText("sample export").waitFor();
    await manager.getByTestId("meeting-minutes-save").click();
    await manager.getByTestId("meeting-minutes-html").waitFor();
    await manager.getByTestId("meeting-mark-held").click();
    await manager.getByTestId("meeting-status").getByText("Held").waitFor();
    await screenshot(manager, "e2e-meeting-held");

    // The task is in the plan, with its deadline: the link opens it there.
    await taskLink.click();
    await manager.waitForURL((url) => url.pathname.endsWith("/planning") && url.searchParams.has("task"));
    await manager.locator('[data-testid="plan-row"]').filter({ hasText: "Export the legacy chat archive sample" }).waitFor();
    const plan = await callApi<{ tasks: { name: string; deadline: string | null; ownerId: string | null }[] }>(manager, server.url, "GET", `/api/v1/projects/${projectId}/plan`);
    expect(plan.tasks.find((t) => t.name === "Export the legacy chat archive sample")).toMatchObject({ deadline: "2027-01-15" });
  });

  it("shows the client contact the client review's minutes in the portal, and not the team's internal meeting", async () => {
    await callApi(manager, server.url, "POST", `/api/v1/projects/${projectId}/meetings`, {
      kind: "weekly_status",
      title: "Internal retro on estimates",
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const contact = await (await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } })).newPage();
    await signInInEnglish(contact, server.url, "client@demo.test");
    await contact.goto(`${server.url}/portal/projects/${projectId}?tab=meetings`);
    await contact.getByTestId("portal-meetings").waitFor();
    // The demo's client review (MTG-4, in the demo's language), held and shared with the client.
    const review = contact.locator('[data-testid="portal-meeting"][data-key="MTG-4"]');
    await review.waitFor();
    expect(await review.getByTestId("portal-meeting-minutes").textContent()).toContain("BL-1");
    expect(await contact.getByTestId("portal-meetings").textContent()).not.toContain("Internal retro on estimates");
    expect(await contact.getByTestId("portal-meetings").textContent()).not.toContain("Data migration check-in");
    await screenshot(contact, "e2e-portal-meetings");
  });
});

/** The display name of a demo account (the owner select lists people by name). */
async function ownerName(page: Page, email: string): Promise<string> {
  const project = await callApi<{ items: { email: string; name: string }[] }>(page, server.url, "GET", `/api/v1/projects/${projectId}/members`);
  const member = project.items.find((m) => m.email === email);
  if (!member) throw new Error(`${email} is not on the project`);
  return member.name;
}
