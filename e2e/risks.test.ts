/**
 * The risk register as the delivery manager keeps it on the demo project: find the risk whose review is overdue from
 * the register's summary, review it, reassess it, and see the heat map and history follow; then the client's contact
 * reads the risks the team shares — and only those — in the portal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot } from "./support/browser";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";

let server: E2eServer;
let browser: Browser;
let manager: Page;
let projectId = "";

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  manager = await (await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("risk register", () => {
  it("shows the demo register with its heat map, and lists the overdue review from the summary", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    const projects = (await (await manager.request.get(`${server.url}/api/v1/projects?limit=200`)).json()) as { items: { id: string; code: string }[] };
    projectId = projects.items.find((p) => p.code === "HDMG-IM")?.id ?? "";
    expect(projectId).not.toBe("");
    await manager.goto(`${server.url}/projects/${projectId}/planning/risks`);
    await manager.getByTestId("risk-heat-map").waitFor();
    await expect.poll(() => manager.getByTestId("risk-row").count()).toBe(7);
    // Highest score first: the late Suzhou servers (3 × 5).
    expect(await manager.getByTestId("risk-row").first().getAttribute("data-key")).toBe("RISK-4");
    await screenshot(manager, "e2e-risk-register");

    // A heat-map cell filters the table, a second click clears it.
    const cell = manager.getByTestId("risk-heat-cell-3-4");
    await cell.click();
    await expect.poll(() => manager.getByTestId("risk-row").count()).toBe(2);
    expect(await cell.getAttribute("aria-pressed")).toBe("true");
    await cell.click();
    await expect.poll(() => manager.getByTestId("risk-row").count()).toBe(7);

    await manager.getByTestId("risk-show-overdue").click();
    await expect.poll(() => manager.getByTestId("risk-row").count()).toBe(1);
  });

  it("records a review and a reassessment, which the history and the heat map show", async () => {
    await manager.getByTestId("risk-row").first().getByRole("link").click();
    await manager.getByTestId("risk-heading").waitFor();
    await manager.getByTestId("risk-review").click();
    await manager.getByTestId("risk-review-note").fill("The vendor confirmed delivery in three weeks.");
    const nextReview = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await manager.getByTestId("risk-review-date").fill(nextReview);
    await manager.getByTestId("review-risk-dialog").getByRole("button", { name: "Record review" }).click();
    await manager.locator('[data-testid="risk-review-entry"][data-kind="review"]').first().waitFor();
    await expect.poll(() => manager.getByTestId("risk-facts").textContent()).not.toContain("Overdue");

    await manager.getByTestId("risk-edit").click();
    await manager.getByTestId("risk-probability").selectOption("2");
    await manager.getByTestId("risk-status").selectOption("monitoring");
    await manager.getByTestId("risk-note").fill("Delivery date confirmed in writing.");
    await manager.getByTestId("edit-risk-dialog").getByRole("button", { name: "Save" }).click();
    const change = manager.locator('[data-testid="risk-review-entry"][data-kind="change"]').first();
    await change.waitFor();
    expect(await change.textContent()).toContain("Probability 3 → 2");
    expect(await change.textContent()).toContain("Open → Monitoring");
    expect(await manager.getByTestId("risk-facts").textContent()).toContain("10");
    await screenshot(manager, "e2e-risk-page");

    await manager.getByRole("link", { name: "Risk register" }).first().click();
    await manager.getByTestId("risk-heat-map").waitFor();
    await expect.poll(() => manager.getByTestId("risk-heat-cell-2-5").textContent()).toBe("2");
  });

  it("shows the client's contact the shared risks only, read-only, in the portal", async () => {
    const client = await (await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } })).newPage();
    await signInInEnglish(client, server.url, "client@demo.test");
    await client.goto(`${server.url}/portal/projects/${projectId}?tab=risks`);
    await client.getByTestId("portal-risks").waitFor();
    await expect.poll(() => client.getByTestId("portal-risk").count()).toBe(3);
    // The shared ones (ADFS tenant, plant key users, Suzhou servers); the load test, MLPS and the others stay internal.
    const keys = await client.getByTestId("portal-risk").evaluateAll((items) => items.map((item) => item.getAttribute("data-key")));
    expect(keys.sort()).toEqual(["RISK-2", "RISK-3", "RISK-4"]);
    expect(await client.getByTestId("new-risk").count()).toBe(0);
    await screenshot(client, "e2e-portal-risks");
  });
});
