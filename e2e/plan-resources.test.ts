/**
 * A delivery manager assigns one developer to two tasks that run at the same time, sees the over-allocation on the
 * Resources tab, previews levelling (the task with more float moves after the other, the over-allocation goes), applies
 * it and watches the task move in the plan, then clears levelling and gets the original dates back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { callApi, createProject } from "./support/api";
import { launchBrowser, screenshot } from "./support/browser";
import { assignResource, planRow } from "./support/plan";
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

const row = (wbs: string) => planRow(manager, wbs);

describe("resources and levelling", () => {
  it("assigns one person to two parallel tasks and shows the over-allocation", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    projectId = await createProject(manager, server.url, { code: "LEVEL-26", name: "Levelling", startDate: "2026-10-12" });
    for (const [name, durationDays] of [["Build the API", 3], ["Write the docs", 2], ["Migrate the data", 6]] as const) {
      await callApi(manager, server.url, "POST", `/api/v1/projects/${projectId}/plan/tasks`, { name, durationDays });
    }
    await callApi(manager, server.url, "POST", `/api/v1/projects/${projectId}/plan/resources`, { name: "Li Wei", role: "Developer", costPerHour: 300 });

    await manager.goto(`${server.url}/projects/${projectId}/planning`);
    await manager.getByTestId("plan-grid").waitFor();
    await assignResource(manager, "1", "Li Wei");
    await assignResource(manager, "2", "Li Wei");
    expect(await row("2").getByTestId("plan-cell-start").textContent()).toContain("10/12/26");

    await manager.getByTestId("resources-tab").click();
    await manager.getByTestId("plan-resources").waitFor();
    await manager.getByTestId("resources-over-banner").waitFor();
    expect(await manager.locator('[data-testid="resource-row"][data-name="Li Wei"]').getByTestId("resource-over-badge").textContent()).toContain("2");
    await manager.getByTestId("resource-histogram-chart").waitFor();
    await screenshot(manager, "e2e-plan-resources-over");
  });

  it("previews levelling, applies it (the docs move after the API, nobody is over-allocated) and clears it", async () => {
    await manager.getByTestId("level-resources").click();
    const dialog = manager.getByTestId("levelling-dialog");
    await dialog.getByTestId("levelling-preview").waitFor();
    const moved = dialog.locator('[data-testid="levelling-moved-row"][data-task="Write the docs"]');
    await moved.waitFor();
    expect(await moved.textContent()).toContain("10/15/26");
    expect(await dialog.locator('[data-testid="levelling-over-row"][data-resource="Li Wei"]').getByTestId("levelling-over-after").textContent()).toBe("0");
    await screenshot(manager, "e2e-plan-levelling-preview");

    await dialog.getByTestId("levelling-apply").click();
    await dialog.waitFor({ state: "hidden" });
    await manager.getByTestId("resources-over-banner").waitFor({ state: "detached" });
    expect(await manager.getByTestId("resource-over-badge").count()).toBe(0);

    await manager.getByTestId("plan-tab").click();
    await manager.getByTestId("plan-grid").waitFor();
    await expect.poll(() => row("2").getByTestId("plan-cell-start").textContent()).toContain("10/15/26");

    await manager.getByTestId("resources-tab").click();
    await manager.getByTestId("level-resources").click();
    await dialog.getByTestId("levelling-preview").waitFor();
    await dialog.getByTestId("levelling-clear").click();
    await dialog.waitFor({ state: "hidden" });
    await manager.getByTestId("resources-over-banner").waitFor();

    await manager.getByTestId("plan-tab").click();
    await expect.poll(() => row("2").getByTestId("plan-cell-start").textContent()).toContain("10/12/26");
  });

  it("shows the budget with the planned cost of the assignments", async () => {
    await manager.goto(`${server.url}/projects/${projectId}/planning/budget`);
    await manager.getByTestId("plan-budget").waitFor();
    // Li Wei: 3 + 2 days × 8 h × 300.
    expect(await manager.getByTestId("budget-total").textContent()).toContain("12,000");
    await manager.getByTestId("budget-interval-week").click();
    await manager.getByTestId("budget-chart").waitFor();
    await screenshot(manager, "e2e-plan-budget");
  });
});
