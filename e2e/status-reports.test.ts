/**
 * Status reports on the demo project: the delivery manager generates this week's report, writes its summary,
 * publishes it and downloads the PDF, whose extracted text holds the Chinese project name (the font is embedded);
 * then the client's contact reads the published reports in the portal (not the demo's draft).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { projectIdByCode } from "./support/api";
import { launchBrowser, screenshot } from "./support/browser";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";
import { downloadReportPdf, generateAndPublishReport, openPortalReport, pdfText } from "./support/status-reports";

const PROJECT_NAME = "企业即时通讯与 AI 助手平台建设";

let server: E2eServer;
let browser: Browser;
let manager: Page;
let projectId = "";

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  manager = await (await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 }, acceptDownloads: true })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("status reports", () => {
  let key = "";

  it("generates, edits and publishes a report whose PDF holds the Chinese project name", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    projectId = await projectIdByCode(manager, server.url, "HDMG-IM");
    // The demo has last week's report published and this week's draft: this one comes after them.
    ({ key } = await generateAndPublishReport(manager, server.url, projectId, "Design review passed; integration starts next week."));
    expect(key).toBe("SR-3");
    expect(await manager.getByTestId("status-report-summary-text").textContent()).toBe("Design review passed; integration starts next week.");
    await screenshot(manager, "e2e-status-report-published");

    const bytes = await downloadReportPdf(manager);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(await pdfText(bytes)).toContain(PROJECT_NAME);
  });

  it("shows the client contact the published reports in the portal, and not the draft", async () => {
    const contact = await (await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } })).newPage();
    await signInInEnglish(contact, server.url, "client@demo.test");
    const report = await openPortalReport(contact, server.url, projectId, key);
    expect(await report.getByTestId("status-report-summary-text").textContent()).toBe("Design review passed; integration starts next week.");
    const keys = await contact.getByTestId("portal-status-report").evaluateAll((items) => items.map((item) => item.getAttribute("data-key")));
    expect(keys.sort()).toEqual(["SR-1", "SR-3"]);
    await screenshot(contact, "e2e-portal-status-report");
  });
});
