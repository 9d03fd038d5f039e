/**
 * The execution and monitoring chain of issue 6 in one sitting, on a new project with a Chinese name that started two
 * weeks ago (the SaaS onboarding template's plan): the delivery manager drags the kick-off's card to Done on the board
 * and the Gantt shows the task done; holds a meeting whose action item becomes a task, on the board with its owner and
 * due date; the developer logs time and submits the week, the manager approves it; the manager generates the week's
 * status report, publishes it and downloads the PDF, which holds the Chinese name; the client's contact reads the
 * report in the portal and gets nothing of the team's performance evaluation — no link, not by the staff address,
 * not from the API.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { callApi, createProject, memberName } from "./support/api";
import { boardCard, boardColumn, boardWorkflow, dragCardToColumn, statusOf } from "./support/board";
import { launchBrowser, screenshot } from "./support/browser";
import { addActionItemAsTask, createMeeting, holdMeeting } from "./support/meetings";
import { ganttProgressShare, ganttRow } from "./support/plan";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";
import { downloadReportPdf, generateAndPublishReport, openPortalReport, pdfText } from "./support/status-reports";
import { approveWeek, logTimeByHand, openTimesheet, openTimesheetsTab, weekAwaitingApproval } from "./support/time";

const CODE = "HDMG-CS";
const NAME = "华东制造集团智能客服上线";
const DAY_MS = 86_400_000;
const isoDay = (daysFromToday: number) => new Date(Date.now() + daysFromToday * DAY_MS).toISOString().slice(0, 10);

let server: E2eServer;
let browser: Browser;
let manager: Page;
let developer: Page;
let projectId = "";
let reportKey = "";

type PlanJson = { tasks: { id: string; wbsCode: string; name: string; percentComplete: number; statusId: string | null; ownerId: string | null; deadline: string | null }[] };
const plan = () => callApi<PlanJson>(manager, server.url, "GET", `/api/v1/projects/${projectId}/plan`);

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  manager = await (await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 1000 }, acceptDownloads: true })).newPage();
  // The browser's zone decides which day logged work falls on.
  developer = await (await browser.newContext({ locale: "en-US", timezoneId: "Asia/Shanghai", viewport: { width: 1440, height: 900 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("issue 6: from the board to the client's status report", () => {
  it("drags the kick-off's card to Done, and the Gantt shows the task done at 100 %", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    // Set-up as the manager would have done it: the project for the first client, its team, the template's plan.
    const people = await callApi<{ items: { id: string; email: string; clientId: string | null }[] }>(manager, server.url, "GET", "/api/v1/users?limit=100");
    const person = (email: string) => {
      const found = people.items.find((p) => p.email === email);
      if (!found) throw new Error(`${email} missing`);
      return found;
    };
    const contact = person("client@demo.test");
    projectId = await createProject(manager, server.url, { code: CODE, name: NAME, startDate: isoDay(-14), clientId: contact.clientId ?? undefined });
    await callApi(manager, server.url, "POST", `/api/v1/projects/${projectId}/members`, { userId: person("dev@demo.test").id, role: "member" });
    await callApi(manager, server.url, "POST", `/api/v1/projects/${projectId}/members`, { userId: contact.id, role: "client" });
    await callApi(manager, server.url, "POST", `/api/v1/projects/${projectId}/plan/template`, { template: "saas_onboarding", language: "en" });

    await manager.goto(`${server.url}/projects/${projectId}/execution`);
    await manager.getByTestId("board").waitFor();
    const workflow = await boardWorkflow(manager, server.url, projectId);
    const done = statusOf(workflow, "done");
    expect(await boardCard(manager, "1.1").getAttribute("data-status")).toBe(statusOf(workflow, "todo").name);
    await dragCardToColumn(manager, "1.1", done.id);
    await expect.poll(() => boardCard(manager, "1.1").getAttribute("data-status")).toBe(done.name);
    expect(await boardColumn(manager, done.id).getByTestId("board-card").count()).toBe(1);
    expect((await plan()).tasks.find((t) => t.wbsCode === "1.1")).toMatchObject({ percentComplete: 100, statusId: done.id });
    await screenshot(manager, "e2e-issue6-board-done");

    await manager.goto(`${server.url}/projects/${projectId}/planning/gantt`);
    await ganttRow(manager, "1.1").waitFor();
    expect(await ganttRow(manager, "1.1").getByTestId("gantt-status").textContent()).toBe(done.name);
    await expect.poll(() => ganttProgressShare(manager, "1.1")).toBeCloseTo(1, 5);
    await screenshot(manager, "e2e-issue6-gantt-done");
  });

  it("holds a meeting whose action item becomes a task on the board, with its owner and due date", async () => {
    const action = { text: "Export the service desk FAQ for the knowledge base", owner: await memberName(manager, server.url, projectId, "dev@demo.test"), due: isoDay(7) };
    await createMeeting(manager, server.url, projectId, { kind: "ad_hoc", title: "Knowledge base review" });
    await addActionItemAsTask(manager, action);
    await holdMeeting(manager, "## Outcome\nThe **FAQ export** seeds the assistant's knowledge base.", "FAQ export");
    await screenshot(manager, "e2e-issue6-meeting-held");

    const task = (await plan()).tasks.find((t) => t.name === action.text);
    expect(task).toMatchObject({ deadline: action.due });
    await manager.goto(`${server.url}/projects/${projectId}/execution`);
    const card = manager.getByTestId("board-card").filter({ hasText: action.text });
    await card.waitFor();
    expect(await card.locator("time").getAttribute("datetime")).toBe(action.due);
    expect(await card.locator(".board-card-people").textContent()).toContain(action.owner);
    await screenshot(manager, "e2e-issue6-board-action-task");
  });

  it("lets the developer log time and submit the week, and the manager approve it", async () => {
    await signInInEnglish(developer, server.url, "dev@demo.test");
    const weekStart = await openTimesheet(developer);
    await logTimeByHand(developer, { projectCode: CODE, wbs: "1.2", day: 0, duration: "3h" });
    const part = developer.getByTestId("timesheet-part").filter({ hasText: CODE });
    await expect.poll(() => part.textContent()).toContain("3h");
    await developer.getByTestId("timesheet-submit").click();
    await expect.poll(() => part.getAttribute("data-status")).toBe("submitted");
    await screenshot(developer, "e2e-issue6-timesheet-submitted");

    await openTimesheetsTab(manager, server.url, projectId);
    await weekAwaitingApproval(manager, weekStart).waitFor();
    expect(await weekAwaitingApproval(manager, weekStart).textContent()).toContain("3h");
    await approveWeek(manager, weekStart);
    const cost = await callApi<{ totalMinutes: number; totalCost: number; pendingMinutes: number }>(manager, server.url, "GET", `/api/v1/projects/${projectId}/actual-cost`);
    expect(cost).toMatchObject({ totalMinutes: 180, pendingMinutes: 0 });
    expect(cost.totalCost).toBeGreaterThan(0);
    await screenshot(manager, "e2e-issue6-timesheet-approved");
    await developer.reload();
    await expect.poll(() => part.getAttribute("data-status")).toBe("approved");
  });

  it("generates and publishes the status report, whose PDF holds the project's Chinese name", async () => {
    ({ key: reportKey } = await generateAndPublishReport(manager, server.url, projectId, "Kick-off held; the knowledge base export is under way."));
    expect(reportKey).toBe("SR-1");
    await screenshot(manager, "e2e-issue6-status-report");
    const bytes = await downloadReportPdf(manager);
    expect(await pdfText(bytes)).toContain(NAME);
  });

  it("shows the client contact the report in the portal, and nothing of the performance evaluation", async () => {
    // The team's view at the staff address, for comparison.
    await manager.goto(`${server.url}/projects/${projectId}/monitoring/performance`);
    await manager.getByTestId("performance").waitFor();
    await screenshot(manager, "e2e-issue6-performance-manager");

    const contact = await (await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } })).newPage();
    await signInInEnglish(contact, server.url, "client@demo.test");
    const report = await openPortalReport(contact, server.url, projectId, reportKey);
    expect(await report.getByTestId("status-report-summary-text").textContent()).toBe("Kick-off held; the knowledge base export is under way.");
    await screenshot(contact, "e2e-issue6-portal-report");

    // No way to it in the portal: no link, no tab.
    const noPerformance = async () => {
      expect(await contact.locator('a[href*="performance"]').count()).toBe(0);
      expect(await contact.getByRole("link", { name: /performance/i }).count()).toBe(0);
      expect(await contact.getByRole("tab", { name: /performance/i }).count()).toBe(0);
      expect(await contact.locator('[data-testid^="performance"]').count()).toBe(0);
    };
    await noPerformance();
    // The staff address sends a client contact to the project in the portal, which does not show it either.
    await contact.goto(`${server.url}/projects/${projectId}/monitoring/performance`);
    await contact.waitForURL((url) => url.pathname === `/portal/projects/${projectId}`);
    await contact.getByRole("tablist").waitFor();
    await noPerformance();
    await screenshot(contact, "e2e-issue6-portal-no-performance");
    // Nor the API.
    expect((await contact.request.get(`${server.url}/api/v1/projects/${projectId}/performance`)).status()).toBe(403);
    await contact.close();
  });
});
