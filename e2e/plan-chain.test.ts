/**
 * The planning chain of issue 5 in one sitting, as a delivery manager would click through it on a new project that
 * starts on Monday 7 September 2026: the SaaS onboarding template writes the plan; in the Gantt chart a link dragged
 * from single sign-on to the trial migration moves the critical path; China's holidays switched off and on again in
 * the project calendar move system integration testing out of Golden Week onto Saturday 10 October, the make-up
 * working day (调休); a developer given two parallel tasks is levelled; the plan is saved as a baseline, user
 * acceptance testing grows by three days, and the Baselines view shows the slip.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { callApi, createProject } from "./support/api";
import { launchBrowser, screenshot } from "./support/browser";
import { assignResource, centreOf, dragWithMouse, planRow } from "./support/plan";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";

let server: E2eServer;
let browser: Browser;
let manager: Page;
let projectId = "";

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  manager = await (await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 1000 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type PlanJson = { finish: string; tasks: { wbsCode: string; schedule: { start: string; finish: string; critical: boolean } }[] };

const row = (wbs: string) => planRow(manager, wbs);
const cellText = (wbs: string, column: string) => row(wbs).getByTestId(`plan-cell-${column}`).textContent();
const bar = (wbs: string) => manager.locator(`[data-testid="gantt-bar"][data-wbs="${wbs}"]`);
const plan = async () => (await (await manager.request.get(`${server.url}/api/v1/projects/${projectId}/plan`)).json()) as PlanJson;
const scheduleOf = async (wbs: string) => (await plan()).tasks.find((t) => t.wbsCode === wbs)?.schedule;

async function setChinaHolidays(on: boolean) {
  await manager.getByTestId("plan-calendar-button").click();
  const dialog = manager.getByTestId("plan-calendar-dialog");
  const china = dialog.getByTestId("plan-calendar-china");
  if (on) await china.check();
  else await china.uncheck();
  await dialog.getByTestId("plan-calendar-save").click();
  await dialog.waitFor({ state: "hidden" });
}

describe("from template to baseline variance", () => {
  it("creates the plan from the SaaS onboarding template", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    projectId = await createProject(manager, server.url, { code: "CHAIN-26", name: "Helpdesk onboarding", startDate: "2026-09-07" });

    await manager.goto(`${server.url}/projects/${projectId}/planning`);
    const saas = manager.locator('[data-testid="plan-template"][data-kind="saas_onboarding"]');
    await saas.getByTestId("plan-template-apply").click();
    await manager.getByTestId("plan-grid").waitFor();
    await expect.poll(() => row("6.2").getAttribute("data-kind")).toBe("milestone");
    expect(await cellText("3.2", "name")).toContain("Single sign-on");
    expect(await cellText("3.4", "name")).toContain("Trial data migration");
  });

  it("links single sign-on to the trial migration by dragging in the Gantt chart, and the critical path moves", async () => {
    await manager.getByTestId("gantt-tab").click();
    await manager.getByTestId("gantt-chart").waitFor();
    await manager.getByTestId("gantt-zoom-week").click();
    await expect.poll(() => manager.getByTestId("gantt-chart").getAttribute("data-zoom")).toBe("week");
    await bar("3.4").waitFor();
    // Configuration (5 days) drives the trial migration; single sign-on (4 days) has a day of float.
    expect(await bar("3.2").getAttribute("data-critical")).toBe("false");
    expect(await bar("3.3").getAttribute("data-critical")).toBe("true");

    await dragWithMouse(manager, await centreOf(bar("3.2").getByTestId("gantt-link-handle")), await centreOf(bar("3.4").getByTestId("gantt-bar-body")));

    // The trial migration now waits for single sign-on, which becomes critical; configuration gets float.
    await expect.poll(() => bar("3.2").getAttribute("data-critical")).toBe("true");
    await expect.poll(() => bar("3.3").getAttribute("data-critical")).toBe("false");
    expect(await scheduleOf("3.4")).toMatchObject({ start: "2026-09-30", critical: true });
    await screenshot(manager, "e2e-plan-chain-gantt");
  });

  it("moves testing past National Day when China's holidays apply, counting the 调休 Saturday", async () => {
    await manager.getByTestId("plan-tab").click();
    await manager.getByTestId("plan-grid").waitFor();
    expect(await cellText("4.1", "start")).toBe("Sat, 10/10/26");

    // Without China's holidays system integration testing would start on 5 October, in the Golden Week.
    await setChinaHolidays(false);
    await expect.poll(() => cellText("4.1", "start")).toBe("Mon, 10/5/26");
    expect((await plan()).finish).toBe("2026-11-03");

    // With them: 1–7 October are off, Saturday 10 October is a working day and testing starts on it.
    await setChinaHolidays(true);
    await expect.poll(() => cellText("4.1", "start")).toBe("Sat, 10/10/26");
    expect(await cellText("4.1", "finish")).toBe("Wed, 10/14/26");
    expect((await plan()).finish).toBe("2026-11-09");
    await screenshot(manager, "e2e-plan-chain-national-day");
  });

  it("levels a developer given two parallel tasks", async () => {
    await callApi(manager, server.url, "POST", `/api/v1/projects/${projectId}/plan/resources`, { name: "Li Wei", role: "Developer", costPerHour: 300 });
    await manager.reload();
    await manager.getByTestId("plan-grid").waitFor();
    // Single sign-on and configuration both start on 23 September.
    await assignResource(manager, "3.2", "Li Wei");
    await assignResource(manager, "3.3", "Li Wei");

    await manager.getByTestId("resources-tab").click();
    await manager.getByTestId("resources-over-banner").waitFor();
    await manager.getByTestId("level-resources").click();
    const dialog = manager.getByTestId("levelling-dialog");
    await dialog.getByTestId("levelling-preview").waitFor();
    expect(await dialog.getByTestId("levelling-moved-row").count()).toBeGreaterThan(0);
    expect(await dialog.locator('[data-testid="levelling-over-row"][data-resource="Li Wei"]').getByTestId("levelling-over-after").textContent()).toBe("0");
    await dialog.getByTestId("levelling-apply").click();
    await dialog.waitFor({ state: "hidden" });
    await manager.getByTestId("resources-over-banner").waitFor({ state: "detached" });

    // The two tasks no longer overlap.
    const sso = await scheduleOf("3.2");
    const configuration = await scheduleOf("3.3");
    expect(sso && configuration && (sso.finish < configuration.start || configuration.finish < sso.start)).toBe(true);
  });

  it("saves a baseline and shows the variance of a longer user acceptance test", async () => {
    await manager.getByTestId("baselines-tab").click();
    await manager.getByTestId("baseline-save").click();
    await manager.getByTestId("baseline-save-name").fill("Levelled plan");
    await manager.getByTestId("save-baseline-dialog").getByRole("button", { name: "Save baseline" }).click();
    await manager.locator('[data-testid="baseline-item"][data-key="PB-1"]').waitFor();
    await expect.poll(() => manager.getByTestId("variance-summary-finish-slip").textContent()).toContain("0 d");

    await manager.getByTestId("plan-tab").click();
    await row("4.3").getByTestId("plan-cell-duration").dblclick();
    await manager.getByTestId("plan-cell-input").fill("8");
    await manager.keyboard.press("Enter");
    await expect.poll(() => cellText("4.3", "duration")).toBe("8d");

    await manager.getByTestId("baselines-tab").click();
    await expect.poll(() => manager.getByTestId("variance-summary-finish-slip").textContent()).toContain("+3 d");
    const uat = manager.locator('[data-testid="variance-row"][data-wbs="4.3"]');
    expect(await uat.getByTestId("variance-finish").textContent()).toBe("+3 d");
    await screenshot(manager, "e2e-plan-chain-variance");
  });
});
