/**
 * Time tracking as the demo team does it: the developer times work on a task (the server's and the browser's clocks
 * moved on rather than waited for) and logs more by hand in the weekly timesheet, submits the week; the project manager approves it on the project's Timesheets tab and sees the actual
 * cost grow by the approved hours at the developer's rate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot } from "./support/browser";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";
import { approveWeek, logTimeByHand, openTimesheet, openTimesheetsTab, selectOptionByText, taskOption, weekAwaitingApproval } from "./support/time";

let server: E2eServer;
let browser: Browser;
let developer: Page;
let manager: Page;
let projectId = "";
let weekStart = "";

beforeAll(async () => {
  // The timer's minute passes on the server's clock and the browser's, not on the test's.
  server = await startE2eServer({}, { shiftableClock: true });
  browser = await launchBrowser();
  // The browser's zone decides which day timed work falls on; the test reads "this week" in the same zone.
  developer = await (await browser.newContext({ locale: "en-US", timezoneId: "Asia/Shanghai", viewport: { width: 1440, height: 900 } })).newPage();
  manager = await (await browser.newContext({ locale: "en-US", timezoneId: "Asia/Shanghai", viewport: { width: 1440, height: 900 } })).newPage();
  await developer.clock.install();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const cost = async (page: Page) => (await page.getByTestId("actual-cost-total").textContent()) ?? "";

describe("timesheets", () => {
  it("logs time with the timer and by hand, and submits the week", async () => {
    await signInInEnglish(developer, server.url, "dev@demo.test");
    const projects = (await (await developer.request.get(`${server.url}/api/v1/projects?limit=200`)).json()) as { items: { id: string; code: string }[] };
    projectId = projects.items.find((p) => p.code === "HDMG-IM")?.id ?? "";
    expect(projectId).not.toBe("");

    weekStart = await openTimesheet(developer);
    expect(weekStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The timer, on task 2.2: 45 seconds pass (a whole minute once rounded), then it stops into an entry.
    await selectOptionByText(developer.getByTestId("timer-project"), "HDMG-IM");
    await selectOptionByText(developer.getByTestId("timer-task"), taskOption("2.2"));
    await developer.getByTestId("timer-start").click();
    await developer.getByTestId("timer-elapsed").first().waitFor();
    await server.advanceClock(45_000);
    await developer.clock.fastForward(45_000);
    await expect.poll(() => developer.getByTestId("timer-elapsed").first().textContent()).toMatch(/^00:00:(4[5-9]|5\d)$/);
    await screenshot(developer, "e2e-time-timer");
    await developer.getByTestId("timer-stop").first().click();
    await expect.poll(() => developer.getByTestId("timer-elapsed").count()).toBe(0);
    const timedRow = developer.getByTestId("timesheet-row").filter({ hasText: "2.2" });
    await expect.poll(() => timedRow.count()).toBe(1);
    await expect.poll(() => developer.getByTestId("timesheet-total").textContent()).toBe("1m");

    // By hand: a row for task 2.3, 2h30 on Monday, typed as a person would.
    const manualRow = await logTimeByHand(developer, { projectCode: "HDMG-IM", wbs: "2.3", day: 0, duration: "2h30" });
    await expect.poll(() => developer.getByTestId("timesheet-total").textContent()).toBe("2h31");

    // Nonsense is refused in the cell, before anything is sent.
    await manualRow.getByTestId("timesheet-cell-1").fill("lots");
    await manualRow.getByTestId("timesheet-cell-1").press("Tab");
    expect(await manualRow.getByTestId("timesheet-cell-1").getAttribute("aria-invalid")).toBe("true");
    await manualRow.getByTestId("timesheet-cell-1").fill("");
    await manualRow.getByTestId("timesheet-cell-1").press("Tab");
    await screenshot(developer, "e2e-time-grid");

    await developer.getByTestId("timesheet-submit").click();
    await expect.poll(() => developer.getByTestId("timesheet-part").getAttribute("data-status")).toBe("submitted");
    // Submitted time is read-only.
    await expect.poll(() => manualRow.locator("input").count()).toBe(0);
  });

  it("lets the manager approve the week, and the actual cost shows the approved hours", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    await openTimesheetsTab(manager, server.url, projectId);
    await manager.getByTestId("actual-cost-total").waitFor();
    const before = await cost(manager);

    const card = weekAwaitingApproval(manager, weekStart);
    await card.waitFor();
    expect(await card.textContent()).toContain("2h31");
    await screenshot(manager, "e2e-timesheets-approvals");
    await approveWeek(manager, weekStart);
    // 151 minutes at the developer's plan rate (300/h) add ¥755.
    await expect.poll(() => cost(manager)).not.toBe(before);
    const amount = (text: string) => Number(text.replace(/[^\d.]/g, ""));
    expect(amount(await cost(manager)) - amount(before)).toBeCloseTo(755, 2);
    await manager.getByTestId("actual-cost-chart").waitFor();
    await screenshot(manager, "e2e-timesheets-actual-cost");

    // The developer sees the week approved.
    await developer.reload();
    await expect.poll(() => developer.getByTestId("timesheet-part").getAttribute("data-status")).toBe("approved");
  });
});
