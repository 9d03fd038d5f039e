/**
 * Status reports on the demo project: the delivery manager generates this week's report, writes its summary,
 * publishes it and downloads the PDF, whose extracted text holds the Chinese project name (the font is embedded);
 * then the client's contact reads the published report in the portal.
 */
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { callApi } from "./support/api";
import { launchBrowser, screenshot } from "./support/browser";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";

const PROJECT_NAME = "企业即时通讯与 AI 助手平台建设";

let server: E2eServer;
let browser: Browser;
let manager: Page;
let projectId = "";

async function pdfText(data: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data, disableFontFace: true }).promise;
  let text = "";
  for (let i = 1; i <= pdf.numPages; i++) text += (await (await pdf.getPage(i)).getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join("");
  return text;
}

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
  it("generates, edits and publishes a report whose PDF holds the Chinese project name", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    const projects = await callApi<{ items: { id: string; code: string }[] }>(manager, server.url, "GET", "/api/v1/projects?limit=200");
    projectId = projects.items.find((p) => p.code === "HDMG-IM")?.id ?? "";
    expect(projectId).not.toBe("");

    await manager.goto(`${server.url}/projects/${projectId}/monitoring`);
    await manager.getByTestId("status-reports-tab").click();
    await manager.getByTestId("status-report-generate").click();
    const dialog = manager.getByTestId("status-report-generate-dialog");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Generate report" }).click();
    await manager.getByTestId("status-report-editor").waitFor();
    // Every dimension has a colour and the rule that set it.
    for (const d of ["scope", "schedule", "cost", "quality", "risk"]) {
      expect(await manager.getByTestId(`status-report-dimension-${d}`).getAttribute("data-rag")).toMatch(/^(green|amber|red)$/);
    }
    await manager.getByTestId("status-report-summary").fill("Design review passed; integration starts next week.");
    await manager.getByTestId("status-report-save").click();
    await manager.getByText("Draft saved.").waitFor();
    manager.once("dialog", (d) => void d.accept());
    await manager.getByTestId("status-report-publish").click();
    await manager.getByTestId("status-report-summary-text").waitFor();
    expect(await manager.getByTestId("status-report-summary-text").textContent()).toBe("Design review passed; integration starts next week.");
    await screenshot(manager, "e2e-status-report-published");

    const [download] = await Promise.all([manager.waitForEvent("download"), manager.getByTestId("status-report-pdf").click()]);
    const path = await download.path();
    const bytes = new Uint8Array(await readFile(path));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(await pdfText(bytes)).toContain(PROJECT_NAME);
  });

  it("shows the client contact the published report in the portal", async () => {
    const contact = await (await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } })).newPage();
    await signInInEnglish(contact, server.url, "client@demo.test");
    await contact.goto(`${server.url}/portal/projects/${projectId}?tab=status-reports`);
    await contact.getByTestId("portal-status-reports").waitFor();
    const report = contact.locator('[data-testid="portal-status-report"][data-key="SR-1"]');
    await report.locator("summary").click();
    await report.getByTestId("status-report-summary-text").waitFor();
    expect(await report.getByTestId("status-report-summary-text").textContent()).toBe("Design review passed; integration starts next week.");
    await screenshot(contact, "e2e-portal-status-report");
  });
});
