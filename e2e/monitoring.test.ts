/**
 * A delivery manager opens Monitoring on the demo project: the earned-value indicators with SPI and CPI coloured by
 * threshold, the formulas, the S-curve (PV, EV, AC against time) and the variance against PB-1; then the burndown and
 * the milestone trend chart. A client contact of the project gets no figures.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot } from "./support/browser";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";

let server: E2eServer;
let browser: Browser;
let manager: Page;
let demo = "";

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  manager = await (await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } })).newPage();
  await signInInEnglish(manager, server.url, "pm@demo.test");
  const projects = (await (await manager.request.get(`${server.url}/api/v1/projects?limit=200`)).json()) as { items: { id: string; code: string }[] };
  demo = projects.items.find((p) => p.code === "HDMG-IM")?.id ?? "";
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("monitoring", () => {
  it("shows earned value: SPI and CPI, the formulas, the S-curve and the variance against PB-1", async () => {
    await manager.goto(`${server.url}/projects/${demo}`);
    await manager.getByRole("link", { name: "Monitoring" }).click();
    await manager.getByTestId("earned-value").waitFor();
    for (const index of ["spi", "cpi"]) {
      const value = (await manager.getByTestId(`ev-value-${index}`).textContent()) ?? "";
      expect(Number(value)).toBeGreaterThan(0);
      expect(await manager.getByTestId(`ev-card-${index}`).getAttribute("class")).toMatch(/monitoring-card-(green|amber|red)/);
    }
    // The S-curve: three lines (PV, EV, AC) drawn, and its text summary.
    await manager.getByTestId("s-curve-chart").locator("svg .recharts-line").first().waitFor();
    expect(await manager.getByTestId("s-curve-chart").locator("svg .recharts-line").count()).toBe(3);
    expect(await manager.getByTestId("s-curve-summary").textContent()).toContain("earned value");
    await manager.getByTestId("ev-formulas").locator("summary").click();
    expect(await manager.getByTestId("ev-formulas").textContent()).toContain("CPI = EV ÷ AC");
    expect(await manager.getByTestId("ev-variance").textContent()).toContain("PB-1");
    expect(await manager.getByTestId("ev-phase-row").count()).toBe(6);
    await screenshot(manager, "e2e-monitoring-earned-value");

    // Against the current plan instead: no variance table.
    await manager.getByTestId("ev-baseline").selectOption("current");
    await manager.getByTestId("ev-variance").waitFor({ state: "detached" });
  });

  it("draws the burndown of a phase and the milestone trend", async () => {
    await manager.getByTestId("burndown-tab").click();
    await manager.getByTestId("burndown-chart").locator("svg .recharts-line").first().waitFor();
    await manager.getByTestId("burndown-phase").selectOption({ index: 2 });
    await manager.getByTestId("burndown-summary").waitFor();
    await manager.getByTestId("milestone-trend-tab").click();
    await manager.getByTestId("milestone-trend-chart").locator("svg .recharts-line").first().waitFor();
    // The diagonal and one line per milestone of the demo plan (five).
    expect(await manager.getByTestId("milestone-trend-chart").locator("svg .recharts-line").count()).toBe(6);
    expect(await manager.getByTestId("milestone-trend-summary").locator("li").count()).toBe(5);
    await screenshot(manager, "e2e-monitoring-milestone-trend");
  });

  it("gives a client contact no figures", async () => {
    const contact = await (await browser.newContext({ locale: "en-US" })).newPage();
    await signInInEnglish(contact, server.url, "client@demo.test");
    const res = await contact.request.get(`${server.url}/api/v1/projects/${demo}/earned-value`);
    expect(res.status()).toBe(403);
    await contact.close();
  });
});
