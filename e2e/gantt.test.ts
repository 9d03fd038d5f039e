/**
 * The Gantt chart of the demo project, edited with the mouse: a link dragged from one bar's handle onto another
 * bar (saved as a finish-to-start dependency, the critical path changing with it), then a bar dragged to a later
 * start (its dates changing in the grid and on the server).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot } from "./support/browser";
import { centreOf, dragWithMouse } from "./support/plan";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";

let server: E2eServer;
let browser: Browser;
let manager: Page;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  manager = await (await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 1300 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type PlanJson = { tasks: { id: string; wbsCode: string; name: string; schedule: { start: string; finish: string; critical: boolean } }[]; dependencies: { predecessorId: string; successorId: string; type: string }[] };

const bar = (wbs: string) => manager.locator(`[data-testid="gantt-bar"][data-wbs="${wbs}"]`);
const gridRow = (wbs: string) => manager.locator(`[data-testid="gantt-row"][data-wbs="${wbs}"]`);
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The grid's date format in English ("Mon, 1/4/27"). */
const shortDate = new Intl.DateTimeFormat("en-US", { weekday: "short", year: "2-digit", month: "numeric", day: "numeric", timeZone: "UTC" });
describe("the Gantt chart", () => {
  let projectId = "";
  const plan = async () => (await (await manager.request.get(`${server.url}/api/v1/projects/${projectId}/plan`)).json()) as PlanJson;

  it("links two tasks by dragging between their bars, and the critical path follows", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    const projects = (await (await manager.request.get(`${server.url}/api/v1/projects?limit=200`)).json()) as { items: { id: string; code: string }[] };
    projectId = projects.items.find((p) => p.code === "HDMG-IM")?.id ?? "";
    await manager.goto(`${server.url}/projects/${projectId}/planning`);
    await manager.getByTestId("gantt-tab").click();
    await manager.getByTestId("gantt-chart").waitFor();
    expect(await manager.getByTestId("gantt-chart").getAttribute("aria-label")).toContain("Gantt chart of HDMG-IM");
    await manager.getByTestId("gantt-zoom-week").click();
    await expect.poll(() => manager.getByTestId("gantt-chart").getAttribute("data-zoom")).toBe("week");
    // December in view: the chart scrolls sideways, the grid stays.
    await manager.getByTestId("gantt-chart-scroll").evaluate((el) => (el.scrollLeft = 260));
    await expect.poll(async () => (await bar("5.1").count()) > 0 && (await bar("3.3").count()) > 0).toBe(true);

    // 3.4 (the MDM roll-out) has float; 3.3 and 3.5 are on the critical path.
    expect(await bar("3.4").getAttribute("data-critical")).toBe("false");
    expect(await bar("3.5").getAttribute("data-critical")).toBe("true");
    expect(await manager.locator('[data-testid="gantt-arrow"][data-from-wbs="3.3"][data-to-wbs="3.4"]').count()).toBe(0);
    await screenshot(manager, "e2e-gantt-before");

    // Drag from 3.3's link handle onto 3.4: 3.4 now follows 3.3 and its 2.5 days outlast 3.5 into testing.
    await dragWithMouse(manager, await centreOf(bar("3.3").getByTestId("gantt-link-handle")), await centreOf(bar("3.4").getByTestId("gantt-bar-body")));
    await expect.poll(() => bar("3.4").getAttribute("data-critical")).toBe("true");
    await expect.poll(() => bar("3.5").getAttribute("data-critical")).toBe("false");
    // The new arrow, 3.3 → 3.4 (counting every arrow would depend on which rows and weeks the virtualised chart draws).
    await expect.poll(() => manager.locator('[data-testid="gantt-arrow"][data-from-wbs="3.3"][data-to-wbs="3.4"]').count()).toBe(1);
    const saved = await plan();
    const id = (wbs: string) => saved.tasks.find((t) => t.wbsCode === wbs)?.id;
    expect(saved.dependencies.some((d) => d.predecessorId === id("3.3") && d.successorId === id("3.4") && d.type === "FS")).toBe(true);
    // The demo plan starts two weeks before today, so dates are compared with each other, not written down.
    const linked = saved.tasks.find((t) => t.wbsCode === "3.4")?.schedule;
    expect(linked?.critical).toBe(true);
    expect(linked && linked.start > (saved.tasks.find((t) => t.wbsCode === "3.3")?.schedule.finish ?? "")).toBe(true);

    // Turning the highlighting off leaves no red bar.
    await manager.getByTestId("gantt-critical-toggle").uncheck();
    await expect.poll(() => manager.locator('[data-testid="gantt-bar"][data-critical="true"]').count()).toBe(0);
    await manager.getByTestId("gantt-critical-toggle").check();
  });

  it("moves a bar by dragging it, and its dates change", async () => {
    const before = await gridRow("5.1").getByTestId("gantt-cell-start").textContent();
    const startBefore = (await plan()).tasks.find((t) => t.wbsCode === "5.1")?.schedule.start ?? "";
    // One week later: 7 calendar days at 10 px a day (then the next working day, should that one be a holiday).
    const from = await centreOf(bar("5.1").getByTestId("gantt-bar-body"));
    await dragWithMouse(manager, from, { x: from.x + 70, y: from.y });
    await expect.poll(() => gridRow("5.1").getByTestId("gantt-cell-start").textContent()).not.toBe(before);
    const startAfter = (await plan()).tasks.find((t) => t.wbsCode === "5.1")?.schedule.start ?? "";
    expect(startAfter >= addDays(startBefore, 7) && startAfter < addDays(startBefore, 14)).toBe(true);
    expect(await gridRow("5.1").getByTestId("gantt-cell-start").textContent()).toBe(shortDate.format(new Date(`${startAfter}T00:00:00Z`)));

    // Escape cancels a drag: nothing is saved.
    const again = await centreOf(bar("5.1").getByTestId("gantt-bar-body"));
    await manager.mouse.move(again.x, again.y);
    await manager.mouse.down();
    await manager.mouse.move(again.x + 140, again.y, { steps: 5 });
    await manager.keyboard.press("Escape");
    await manager.mouse.up();
    expect((await plan()).tasks.find((t) => t.wbsCode === "5.1")?.schedule.start).toBe(startAfter);
    await screenshot(manager, "e2e-gantt-after");
  });

  it("moves through the grid from the keyboard and opens a task's details on the Plan tab", async () => {
    await gridRow("5.1").click();
    await manager.keyboard.press("ArrowDown");
    await expect.poll(() => gridRow("5.2").getAttribute("aria-selected")).toBe("true");
    await manager.keyboard.press("Enter");
    await manager.waitForURL((url) => url.pathname.endsWith("/planning") && url.searchParams.has("task"));
    await manager.getByTestId("plan-task-panel").waitFor();
    expect(await manager.getByTestId("plan-panel-name").inputValue()).toBe((await plan()).tasks.find((t) => t.wbsCode === "5.2")?.name);
  });
});
