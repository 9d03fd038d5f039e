/**
 * Meetings as the delivery manager runs them on the demo project: plan a kick-off (its agenda from the kind's
 * template), record an action item, make it a task and find the task in the plan, take the minutes and mark the
 * meeting held; then the client's contact reads the client review's minutes in the portal, and not the team's
 * internal meeting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { callApi, memberName, projectIdByCode } from "./support/api";
import { launchBrowser, screenshot } from "./support/browser";
import { addActionItemAsTask, createMeeting, holdMeeting } from "./support/meetings";
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
    projectId = await projectIdByCode(manager, server.url, "HDMG-IM");

    const { agenda } = await createMeeting(manager, server.url, projectId, { kind: "ad_hoc", title: "Data migration check-in" });
    expect(agenda).toContain("## Purpose");
    expect(await manager.getByTestId("meeting-heading").textContent()).toBe("Data migration check-in");

    // An action item with an owner and a due date, made a task.
    const taskLink = await addActionItemAsTask(manager, { text: "Export the legacy chat archive sample", owner: await memberName(manager, server.url, projectId, "dev@demo.test"), due: "2027-01-15" });
    expect(await taskLink.textContent()).toContain("Export the legacy chat archive sample");

    // Minutes, then held.
    await holdMeeting(manager, "## Outcome\nThe **sample export** unblocks the migration design.", "sample export");
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

