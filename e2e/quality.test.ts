/**
 * A delivery manager works through the demo project's quality checks: the open gate of the second phase is waived
 * with a reason; a test case fails and raises a defect from the same dialog, which then shows in the defects list; the
 * defect is moved along its workflow in its dialog. The client's contact raises a defect in the portal and sees the
 * defects raised by the client's side only.
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

describe("quality checks", () => {
  it("waives a gate with a reason, raises a defect from a failed run and moves it along", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    const projects = (await (await manager.request.get(`${server.url}/api/v1/projects?limit=200`)).json()) as { items: { id: string; code: string }[] };
    const demo = projects.items.find((p) => p.code === "HDMG-IM")?.id ?? "";
    await manager.goto(`${server.url}/projects/${demo}/monitoring`);
    await manager.getByTestId("quality-tab").click();
    await manager.getByTestId("quality-view").waitFor();

    // The second phase's gate is open: waive it with a reason.
    const openGate = manager.locator('[data-testid="quality-gate"][data-status="open"]').first();
    await openGate.getByTestId("quality-waive").click();
    const waive = manager.getByTestId("quality-waive-dialog");
    await waive.getByTestId("quality-waive-reason").fill("The client accepted the analysis in the steering meeting.");
    await waive.locator('button[type="submit"]').click();
    await manager.getByTestId("quality-waiver").waitFor();
    expect(await manager.getByTestId("quality-waiver").textContent()).toContain("steering meeting");
    expect(await manager.locator('[data-testid="quality-gate"][data-status="open"]').count()).toBe(0);

    // TC-10 has not run: it fails, and the dialog raises a defect.
    const defectsBefore = await manager.getByTestId("quality-defect").count();
    await manager.locator('[data-testid="quality-test-case"][data-key="TC-10"]').getByTestId("quality-run-failed").click();
    const fail = manager.getByTestId("quality-fail-dialog");
    await fail.getByTestId("quality-fail-defect-title").fill("Approval buttons hidden on a 360 px screen");
    await fail.locator('button[type="submit"]').click();
    await manager.locator('[data-testid="quality-defect"]', { hasText: "Approval buttons hidden" }).waitFor();
    expect(await manager.getByTestId("quality-defect").count()).toBe(defectsBefore + 1);
    const row = manager.locator('[data-testid="quality-defect"]', { hasText: "Approval buttons hidden" });
    expect(await row.getAttribute("data-status")).toBe("open");

    // Move it to "In progress" in its dialog.
    await row.getByTestId("quality-defect-open").click();
    const dialog = manager.getByTestId("quality-defect-dialog");
    await dialog.getByTestId("quality-defect-status").selectOption("in_progress");
    await dialog.locator('button[type="submit"]').click();
    await manager.locator('[data-testid="quality-defect"][data-status="in_progress"]', { hasText: "Approval buttons hidden" }).waitFor();
    await manager.getByTestId("defect-trend-chart").waitFor();
    await screenshot(manager, "e2e-quality");
  });

  it("lets the client's contact raise a defect in the portal and follow the client's defects only", async () => {
    const client = await (await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } })).newPage();
    await signInInEnglish(client, server.url, "client@demo.test");
    const projects = (await (await client.request.get(`${server.url}/api/v1/projects?limit=200`)).json()) as { items: { id: string; code: string }[] };
    const demo = projects.items.find((p) => p.code === "HDMG-IM")?.id ?? "";
    await client.goto(`${server.url}/portal/projects/${demo}?tab=defects`);
    await client.getByTestId("portal-defects").waitFor();
    // The demo has two defects raised by the client (one rejected); the team's own findings are not shown.
    await expect.poll(() => client.getByTestId("portal-defect").count()).toBe(2);
    await client.getByTestId("portal-raise-defect").click();
    const dialog = client.getByTestId("portal-defect-dialog");
    await dialog.getByTestId("quality-defect-title").fill("Read receipts missing in group chats");
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => client.getByTestId("portal-defect").count()).toBe(3);
    expect(await client.locator('[data-testid="portal-defect"]', { hasText: "Read receipts missing" }).getAttribute("data-status")).toBe("open");
    await screenshot(client, "e2e-quality-portal");
  });
});
