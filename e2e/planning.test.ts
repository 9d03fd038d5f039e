/**
 * A delivery manager plans a small project that starts the Monday before National Day 2026 from the keyboard: two
 * tasks typed into the table, a predecessor typed as MS Project writes it, the second task landing on the 调休
 * Saturday, then indented under a phase; and the demo project's plan with its phases and critical path.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot } from "./support/browser";
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

const row = (wbs: string) => manager.locator(`[data-testid="plan-row"][data-wbs="${wbs}"]`);
const cellText = (wbs: string, column: string) => row(wbs).getByTestId(`plan-cell-${column}`).textContent();

describe("the plan", () => {
  it("shows the demo project's WBS with phases, milestones and a critical path", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    const projects = (await (await manager.request.get(`${server.url}/api/v1/projects?limit=200`)).json()) as { items: { id: string; code: string }[] };
    const demo = projects.items.find((p) => p.code === "HDMG-IM")?.id ?? "";
    await manager.goto(`${server.url}/projects/${demo}/planning`);
    await manager.getByTestId("plan-grid").waitFor();
    expect(await row("1").getAttribute("data-kind")).toBe("summary");
    expect(await row("1.3").getAttribute("data-kind")).toBe("milestone");
    expect(await manager.getByTestId("plan-critical").count()).toBeGreaterThan(5);
    await screenshot(manager, "e2e-plan-demo");
  });

  it("plans tasks from the keyboard across National Day, counting the 调休 Saturday", async () => {
    const csrf = (await manager.context().cookies()).find((c) => c.name === "jiaofu_csrf")?.value ?? "";
    const me = (await (await manager.request.get(`${server.url}/api/v1/me`)).json()) as { id: string };
    const clients = (await (await manager.request.get(`${server.url}/api/v1/clients`)).json()) as { items: { id: string }[] };
    const created = await manager.request.post(`${server.url}/api/v1/projects`, {
      data: { code: "NDAY-26", name: "National Day roll-out", clientId: clients.items[0]?.id, managerId: me.id, startDate: "2026-09-28" },
      headers: { "x-csrf-token": csrf, origin: server.url },
    });
    expect(created.status()).toBe(201);
    const projectId = ((await created.json()) as { id: string }).id;
    await manager.goto(`${server.url}/projects/${projectId}/planning`);

    // Add task: the new row's name is being edited; Tab goes on to the duration.
    await manager.getByTestId("plan-add-task").click();
    const input = manager.getByTestId("plan-cell-input");
    await input.waitFor();
    await input.fill("Analyse");
    await manager.keyboard.press("Tab");
    await manager.getByTestId("plan-cell-input").fill("5");
    await manager.keyboard.press("Enter");
    await expect.poll(() => cellText("1", "finish")).toContain("10/9/26");

    // Insert adds the next task below the selected one.
    await row("1").click();
    await row("1").press("Insert");
    await manager.getByTestId("plan-cell-input").fill("Build");
    await manager.keyboard.press("Tab");
    await manager.getByTestId("plan-cell-input").fill("2");
    await manager.keyboard.press("Enter");
    await expect.poll(() => cellText("2", "duration")).toBe("2d");

    // The predecessor, typed: Build starts on Saturday 10-10, a make-up working day after the holiday.
    await row("2").getByTestId("plan-cell-predecessors").dblclick();
    await manager.getByTestId("plan-cell-input").fill("1FS");
    await manager.keyboard.press("Enter");
    await expect.poll(() => cellText("2", "start")).toBe("Sat, 10/10/26");
    expect(await cellText("2", "finish")).toBe("Mon, 10/12/26");
    expect(await cellText("2", "predecessors")).toBe("1");

    // A phase above both: add it first, then indent the tasks under it with Alt+Shift+→.
    await row("1").click();
    await manager.getByTestId("plan-add-task").click();
    await manager.getByTestId("plan-cell-input").fill("Phase 1");
    await manager.keyboard.press("Enter");
    await expect.poll(() => cellText("2", "name")).toContain("Phase 1");
    await row("2").click();
    await row("2").press("Alt+Shift+ArrowUp");
    await expect.poll(() => cellText("1", "name")).toContain("Phase 1");
    for (const wbs of ["2", "2"]) {
      await row(wbs).click();
      await row(wbs).press("Alt+Shift+ArrowRight");
      await expect.poll(async () => (await manager.locator('[data-testid="plan-row"]').count()) > 0 && (await row("1.1").count())).toBeTruthy();
    }
    await expect.poll(() => row("1").getAttribute("data-kind")).toBe("summary");
    await expect.poll(() => cellText("1.2", "name")).toContain("Build");
    expect(await cellText("1", "finish")).toBe("Mon, 10/12/26");
    expect(await manager.getByTestId("plan-critical").count()).toBe(3);
    await screenshot(manager, "e2e-plan-national-day");
  });
});
