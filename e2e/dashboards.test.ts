/**
 * Dashboards: the delivery manager opens the Portfolio and sees the demo projects with their health (they manage
 * them), sorts the table, opens a project and finds its dashboard on the Overview; the client contact opens the same
 * project in the portal and sees the client dashboard — progress and milestone dates — with no cost figure, earned
 * value or health anywhere on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot } from "./support/browser";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";
import { projectIdByCode } from "./support/api";

let server: E2eServer;
let browser: Browser;
let manager: Page;
let contact: Page;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  manager = await (await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } })).newPage();
  contact = await (await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("dashboards", () => {
  it("shows the manager every demo project with its health, and the project's dashboard on its Overview", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    await manager.getByTestId("nav-portfolio").click();
    await manager.getByTestId("portfolio-table").waitFor();
    const codes = await manager.getByTestId("portfolio-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")));
    expect(codes).toEqual(expect.arrayContaining(["HDMG-IM", "HDMG-PILOT", "LAW-AI"]));
    // The manager manages the demo projects: each row shows a health score and band.
    expect(await manager.getByTestId("portfolio-health").count()).toBe(codes.length);
    const band = await manager.locator('[data-testid="portfolio-row"][data-code="HDMG-IM"] [data-testid="portfolio-health"]').getAttribute("data-band");
    expect(["healthy", "watch", "at_risk"]).toContain(band);
    await manager.getByTestId("portfolio-health-chart").waitFor();
    await screenshot(manager, "e2e-portfolio");

    // Sorting by overdue tasks puts the demo project with overdue work first, and the URL keeps the choice.
    await manager.getByTestId("portfolio-sort-overdue").click();
    await manager.waitForURL(/sort=overdue&dir=desc/);
    await expect.poll(() => manager.getByTestId("portfolio-row").first().getAttribute("data-code")).toBe("HDMG-IM");

    await manager.locator('[data-testid="portfolio-row"][data-code="HDMG-IM"] [data-testid="portfolio-project-link"]').click();
    await manager.getByTestId("project-dashboard").waitFor();
    expect(await manager.getByTestId("dashboard-progress-value").textContent()).toMatch(/%$/);
    await manager.getByTestId("dashboard-health").waitFor();
    await manager.getByTestId("dashboard-s-curve").waitFor();
    await manager.getByTestId("dashboard-milestones").waitFor();
    await screenshot(manager, "e2e-project-dashboard");
  });

  it("shows the client contact a client-safe dashboard in the portal, without costs or health", async () => {
    await signInInEnglish(contact, server.url, "client@demo.test");
    const projectId = await projectIdByCode(contact, server.url, "HDMG-IM");
    await contact.goto(`${server.url}/portal/projects/${projectId}`);
    await contact.getByTestId("client-dashboard").waitFor();
    expect(await contact.getByTestId("client-dashboard-progress").textContent()).toMatch(/%$/);
    await contact.getByTestId("dashboard-milestones").waitFor();
    const text = (await contact.getByTestId("client-dashboard").textContent()) ?? "";
    for (const internal of ["¥", "CNY", "SPI", "CPI", "Earned value", "Health", "PV", "AC "]) expect(text).not.toContain(internal);
    expect(await contact.getByTestId("project-dashboard").count()).toBe(0);
    // The team's dashboard answers 403 to the contact.
    const teamDashboard = await contact.request.get(`${server.url}/api/v1/projects/${projectId}/dashboard`);
    expect(teamDashboard.status()).toBe(403);
    await screenshot(contact, "e2e-client-dashboard");
  });
});
