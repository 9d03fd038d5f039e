/**
 * A delivery manager starts a new project's plan from the SaaS onboarding template (WBS, calendar and risks in one
 * click), saves the agreed plan as baseline PB-1, lengthens user acceptance testing by three days in the Plan table,
 * and sees the three-day finish slip against PB-1 in the Baselines view and in the Plan table's variance columns.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createProject } from "./support/api";
import { launchBrowser, screenshot } from "./support/browser";
import { planRow } from "./support/plan";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";

let server: E2eServer;
let browser: Browser;
let manager: Page;

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
const cellText = (wbs: string, column: string) => row(wbs).getByTestId(`plan-cell-${column}`).textContent();

describe("plan templates and baselines", () => {
  it("starts a plan from a template, saves a baseline, and shows the variance of a longer task", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    const projectId = await createProject(manager, server.url, { code: "SAAS-26", name: "Service desk onboarding", startDate: "2026-09-14" });

    // The empty plan offers the templates; SaaS onboarding writes the WBS with its milestones.
    await manager.goto(`${server.url}/projects/${projectId}/planning`);
    const saas = manager.locator('[data-testid="plan-template"][data-kind="saas_onboarding"]');
    await saas.waitFor();
    expect(await saas.getByTestId("plan-template-length").textContent()).toMatch(/\d+ working days/);
    await saas.getByTestId("plan-template-apply").click();
    await manager.getByTestId("plan-grid").waitFor();
    expect(await row("1").getAttribute("data-kind")).toBe("summary");
    await expect.poll(() => row("4.4").getAttribute("data-kind")).toBe("milestone");
    expect(await cellText("4.3", "name")).toContain("User acceptance testing");
    expect(await cellText("4.3", "duration")).toBe("5d");

    // Save the plan as PB-1.
    await manager.getByTestId("baselines-tab").click();
    await manager.getByTestId("baseline-save").click();
    await manager.getByTestId("baseline-save-name").fill("Signed-off plan");
    await manager.getByTestId("save-baseline-dialog").getByRole("button", { name: "Save baseline" }).click();
    await manager.locator('[data-testid="baseline-item"][data-key="PB-1"]').waitFor();
    await expect.poll(() => manager.getByTestId("variance-summary-finish-slip").textContent()).toContain("0 d");

    // UAT (critical) from 5 to 8 days in the Plan table.
    await manager.getByTestId("plan-tab").click();
    await row("4.3").getByTestId("plan-cell-duration").dblclick();
    await manager.getByTestId("plan-cell-input").fill("8");
    await manager.keyboard.press("Enter");
    await expect.poll(() => cellText("4.3", "duration")).toBe("8d");

    // The Baselines view: the project finishes three working days later; UAT's own finish moved by three.
    await manager.getByTestId("baselines-tab").click();
    await expect.poll(() => manager.getByTestId("variance-summary-finish-slip").textContent()).toContain("+3 d");
    const uat = manager.locator('[data-testid="variance-row"][data-wbs="4.3"]');
    expect(await uat.getByTestId("variance-finish").textContent()).toBe("+3 d");
    expect(await uat.getByTestId("variance-duration").textContent()).toBe("+3 d");
    expect(await uat.getByTestId("variance-start").textContent()).toBe("0 d");
    await manager.getByTestId("variance-chart").waitFor();
    await screenshot(manager, "e2e-plan-baselines-variance");

    // The Plan table compares with PB-1 on request.
    await manager.getByTestId("plan-tab").click();
    await manager.getByTestId("plan-compare-baseline").selectOption({ label: "PB-1 Signed-off plan" });
    await expect.poll(() => cellText("4.3", "finishVariance")).toBe("+3 d");
    expect(await cellText("4.3", "durationVariance")).toBe("+3 d");
    expect(await cellText("1.1", "finishVariance")).toBe("0 d");
    await screenshot(manager, "e2e-plan-compare-baseline");
  });
});
