/**
 * The demo project's task board: a card dragged with the mouse from "To do" to "Done" shows as done in the Gantt
 * (the board and the Gantt are two views of the same tasks); a card moved with the keyboard alone (Space to lift,
 * arrows, Space to drop); a task added to a column by name; "My work" lists the tasks assigned to the person.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { boardCard, boardColumn, dragCardToColumn, type BoardWorkflow } from "./support/board";
import { launchBrowser, screenshot } from "./support/browser";
import { ganttRow } from "./support/plan";
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

type PlanJson = { tasks: { id: string; wbsCode: string; percentComplete: number; statusId: string | null }[] };

const card = (wbs: string) => boardCard(manager, wbs);
const column = (statusId: string) => boardColumn(manager, statusId);

describe("the task board", () => {
  let projectId = "";
  let workflow: BoardWorkflow;
  const statusName = (category: string, nth = 0) => workflow.statuses.filter((s) => s.category === category)[nth]?.name ?? "";
  const statusId = (category: string, nth = 0) => workflow.statuses.filter((s) => s.category === category)[nth]?.id ?? "";

  it("moves a card to Done with the mouse, and the Gantt shows the task done", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    const projects = (await (await manager.request.get(`${server.url}/api/v1/projects?limit=200`)).json()) as { items: { id: string; code: string }[] };
    projectId = projects.items.find((p) => p.code === "HDMG-IM")?.id ?? "";
    await manager.goto(`${server.url}/projects/${projectId}`);
    await manager.getByRole("link", { name: "Execution" }).click();
    await manager.getByTestId("board").waitFor();
    workflow = (await (await manager.request.get(`${server.url}/api/v1/projects/${projectId}/board/workflow`)).json()) as BoardWorkflow;
    expect(await card("3.1").getAttribute("data-status")).toBe(statusName("todo"));

    await dragCardToColumn(manager, "3.1", statusId("done"));
    await expect.poll(() => card("3.1").getAttribute("data-status")).toBe(statusName("done"));
    await expect.poll(async () => (await column(statusId("done")).getByTestId("board-card").count()) >= 3).toBe(true);
    const plan = (await (await manager.request.get(`${server.url}/api/v1/projects/${projectId}/plan`)).json()) as PlanJson;
    expect(plan.tasks.find((t) => t.wbsCode === "3.1")).toMatchObject({ percentComplete: 100, statusId: statusId("done") });
    await screenshot(manager, "e2e-board-after-drag");

    await manager.goto(`${server.url}/projects/${projectId}/planning/gantt`);
    const row = ganttRow(manager, "3.1");
    await row.waitFor();
    await expect.poll(() => row.getByTestId("gantt-status").textContent()).toBe(statusName("done"));
    await screenshot(manager, "e2e-board-gantt-status");
  });

  it("moves a card with the keyboard alone: Space lifts it, an arrow moves it, Space drops it", async () => {
    await manager.goto(`${server.url}/projects/${projectId}/execution`);
    await card("3.2").waitFor();
    await card("3.2").focus();
    // dnd-kit listens for the next keys once the lift has been handled: a person's pace between the presses.
    await manager.keyboard.press("Space");
    await manager.waitForTimeout(300);
    await manager.keyboard.press("ArrowRight");
    await manager.waitForTimeout(300);
    await manager.keyboard.press("Space");
    await expect.poll(() => card("3.2").getAttribute("data-status")).toBe(statusName("in_progress"));
    const plan = (await (await manager.request.get(`${server.url}/api/v1/projects/${projectId}/plan`)).json()) as PlanJson;
    expect(plan.tasks.find((t) => t.wbsCode === "3.2")?.statusId).toBe(statusId("in_progress"));
  });

  it("moves a card with its Move to… menu, and adds a task to a column by name", async () => {
    await card("3.3").getByTestId("board-card-move").selectOption({ label: statusName("in_progress", 1) });
    await expect.poll(() => card("3.3").getAttribute("data-status")).toBe(statusName("in_progress", 1));

    const review = column(statusId("in_progress", 1));
    await review.getByTestId("board-quick-add").click();
    await review.getByTestId("board-quick-add-name").fill("Review the SSO claim rules with IT");
    await manager.keyboard.press("Enter");
    await review.getByTestId("board-card").filter({ hasText: "Review the SSO claim rules with IT" }).waitFor();
    const plan = (await (await manager.request.get(`${server.url}/api/v1/projects/${projectId}/plan`)).json()) as { tasks: { name: string; statusId: string | null }[] };
    expect(plan.tasks.find((t) => t.name === "Review the SSO claim rules with IT")?.statusId).toBe(statusId("in_progress", 1));
  });

  it("opens a task's detail from its card and ticks a checklist item", async () => {
    await card("2.2").getByTestId("board-card-open").click();
    const drawer = manager.getByTestId("task-detail");
    await drawer.waitFor();
    const box = drawer.getByTestId("task-checklist").locator("input[type=checkbox]").nth(1);
    // The box is ticked once the server has saved the checklist (a controlled input).
    await box.click();
    await expect.poll(() => card("2.2").locator(".board-checklist").textContent()).toContain("2/3");
    await screenshot(manager, "e2e-board-task");
    await manager.keyboard.press("Escape");
  });

  it("lists the developer's tasks in My work, grouped by due date", async () => {
    const developer = await (await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } })).newPage();
    await signInInEnglish(developer, server.url, "dev@demo.test");
    await developer.getByTestId("nav-my-work").click();
    await developer.getByTestId("my-work").waitFor();
    expect(await developer.getByTestId("my-work-item").count()).toBeGreaterThan(3);
    await screenshot(developer, "e2e-my-work");
  });
});
