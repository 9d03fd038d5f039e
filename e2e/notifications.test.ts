/**
 * Notifications: the delivery manager assigns a task to the developer in the board's task drawer; the developer signs
 * in, sees the bell's unread count, opens the panel, clicks the notification through to the task and finds it read;
 * then marks everything read from the bell, and the notifications page shows nothing unread.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { callApi, memberName, projectIdByCode } from "./support/api";
import { launchBrowser, screenshot } from "./support/browser";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";

let server: E2eServer;
let browser: Browser;
let manager: Page;
let developer: Page;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  manager = await (await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 1000 } })).newPage();
  developer = await (await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const TASK = "Prepare the go-live checklist";

describe("notifications", () => {
  let projectId = "";
  let taskId = "";

  it("the manager assigns a task to the developer on the board", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    projectId = await projectIdByCode(manager, server.url, "HDMG-IM");
    taskId = (await callApi<{ taskId: string }>(manager, server.url, "POST", `/api/v1/projects/${projectId}/plan/tasks`, { name: TASK })).taskId;
    const developerName = await memberName(manager, server.url, projectId, "dev@demo.test");
    await manager.goto(`${server.url}/projects/${projectId}/execution?task=${taskId}`);
    const detail = manager.getByTestId("task-detail");
    await detail.waitFor();
    const checkbox = detail.getByTestId("task-assignees").getByLabel(developerName);
    // The box follows the saved card (it ticks once the server answered), so a click, then the state.
    await checkbox.click();
    await expect.poll(() => checkbox.isChecked()).toBe(true);
    // The manager never hears of their own act.
    const mine = await callApi<{ items: { kind: string; entityId: string }[] }>(manager, server.url, "GET", "/api/v1/me/notifications");
    expect(mine.items.filter((n) => n.entityId === taskId)).toEqual([]);
  });

  it("the developer sees the count, opens the panel and clicks through to the task", async () => {
    await signInInEnglish(developer, server.url, "dev@demo.test");
    const count = developer.getByTestId("notification-count");
    await count.waitFor();
    const before = Number(await count.textContent());
    expect(before).toBeGreaterThanOrEqual(1);
    await developer.getByTestId("notification-bell").click();
    const panel = developer.getByTestId("notification-panel");
    const item = panel.getByTestId("notification-item").filter({ hasText: TASK });
    await item.waitFor();
    expect(await item.textContent()).toContain(`assigned you “${TASK}”`);
    expect(await item.getAttribute("data-unread")).toBe("true");
    await screenshot(developer, "e2e-notifications-panel");
    await item.getByRole("link").click();
    await developer.waitForURL((url) => url.pathname === `/projects/${projectId}/execution` && url.searchParams.get("task") === taskId);
    const drawer = developer.getByRole("dialog");
    await drawer.getByTestId("task-detail").waitFor();
    expect(await drawer.textContent()).toContain(TASK);
    await expect.poll(async () => Number((await count.textContent()) ?? "0")).toBe(before - 1);
  });

  it("marks all read from the bell, and the page has nothing unread", async () => {
    await developer.keyboard.press("Escape");
    await developer.getByRole("dialog").waitFor({ state: "detached" });
    await developer.getByTestId("notification-bell").click();
    await developer.getByTestId("notification-mark-all-read").click();
    await expect.poll(() => developer.getByTestId("notification-count").count()).toBe(0);
    expect(await developer.getByTestId("notification-bell").getAttribute("aria-label")).toBe("Notifications");
    await developer.keyboard.press("Escape");
    await developer.getByTestId("user-menu").click();
    await developer.getByTestId("user-menu-notifications").click();
    await developer.waitForURL((url) => url.pathname === "/notifications");
    await developer.getByTestId("notifications-list").waitFor();
    expect(await developer.locator('[data-testid="notification-item"][data-unread="true"]').count()).toBe(0);
    await developer.getByTestId("notifications-filter-unread").click();
    await developer.getByText("All caught up").waitFor();
    await screenshot(developer, "e2e-notifications-page");
  });
});
