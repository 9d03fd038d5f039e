/**
 * Performance evaluation and client satisfaction (docs/monitoring.md, "Performance evaluation", "Health score"): the
 * demo's manager reads the health score with its formula and a person's row; the client contact changes their rating
 * of the published report in the portal and the manager sees the satisfaction part change; the contact never gets
 * the evaluation (not in the portal, 403 from the API).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot } from "./support/browser";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";
import { projectIdByCode } from "./support/api";
import { openPortalReport } from "./support/status-reports";

let server: E2eServer;
let browser: Browser;
let manager: Page;
let contact: Page;
let projectId: string;

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

const satisfactionScore = () => manager.getByTestId("health-part-satisfaction").getAttribute("data-score");

describe("performance evaluation", () => {
  it("shows the manager the health score with its formula and the people's figures", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    projectId = await projectIdByCode(manager, server.url, "HDMG-IM");
    await manager.goto(`${server.url}/projects/${projectId}/monitoring`);
    await manager.getByTestId("performance-tab").click();
    await manager.getByTestId("health-score-card").waitFor();
    expect(Number(await manager.getByTestId("health-score-value").textContent())).toBeGreaterThan(0);
    // The formula written out with the project's figures: every part, and the sum equal to the score.
    for (const part of ["schedule", "cost", "quality", "risk", "satisfaction"]) await manager.getByTestId(`health-part-${part}`).waitFor();
    const sum = (await manager.getByTestId("health-formula-sum").textContent()) ?? "";
    expect(sum).toContain("× 75");
    expect(sum.endsWith(`= ${await manager.getByTestId("health-score-value").textContent()}`)).toBe(true);
    expect(await satisfactionScore()).toBe("75");
    // The manager's own row: the two kick-off tasks done, one of them late.
    const rows = manager.getByTestId("performance-person");
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    expect(await rows.filter({ hasText: "50% (1 of 2)" }).count()).toBe(1);
    await manager.getByTestId("performance-hours-chart").waitFor();
    await screenshot(manager, "e2e-performance");
  });

  it("takes the client's rating from the portal into the satisfaction part, and never shows the contact the evaluation", async () => {
    await signInInEnglish(contact, server.url, "client@demo.test");
    const report = await openPortalReport(contact, server.url, projectId, "SR-1");
    const form = report.getByTestId("portal-report-rating");
    await form.waitFor();
    expect(await form.getByTestId("portal-rating-mine").textContent()).toContain("4 of 5");
    await form.getByTestId("portal-rating-star-2").check({ force: true });
    await form.getByTestId("portal-rating-comment").fill("The cost increase still needs explaining.");
    await form.getByTestId("portal-rating-save").click();
    await expect.poll(async () => form.getByTestId("portal-rating-mine").textContent()).toContain("2 of 5");

    await manager.reload();
    await manager.getByTestId("health-score-card").waitFor();
    // Mean rating 2: 100 × (2 − 1) / 4 = 25.
    await expect.poll(satisfactionScore).toBe("25");

    // The contact going to the page lands in their portal, without the evaluation; the API refuses them.
    await contact.goto(`${server.url}/projects/${projectId}/monitoring/performance`);
    await contact.waitForURL((url) => url.pathname.startsWith("/portal"));
    expect(await contact.getByTestId("health-score-card").count()).toBe(0);
    const refused = await contact.request.get(`${server.url}/api/v1/projects/${projectId}/performance`);
    expect(refused.status()).toBe(403);
  });
});
