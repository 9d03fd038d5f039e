/** Steps with status reports (Monitoring → Status reports, the portal's tab) that several flows share. */
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Locator, Page } from "playwright-core";
import { callApi } from "./api";

/** The text of a PDF, page after page, as pdf.js extracts it. */
export async function pdfText(data: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data, disableFontFace: true }).promise;
  let text = "";
  for (let i = 1; i <= pdf.numPages; i++) text += (await (await pdf.getPage(i)).getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join("");
  return text;
}

/**
 * Generates a report for the default period (the last seven days) from the Status reports tab, checks every dimension
 * got a colour, writes its summary, saves and publishes it (accepting the confirmation); returns its id and key (SR-n).
 */
export async function generateAndPublishReport(page: Page, baseUrl: string, projectId: string, summary: string): Promise<{ id: string; key: string }> {
  await page.goto(`${baseUrl}/projects/${projectId}/monitoring`);
  await page.getByTestId("status-reports-tab").click();
  await page.getByTestId("status-report-generate").click();
  const dialog = page.getByTestId("status-report-generate-dialog");
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "Generate report" }).click();
  await page.getByTestId("status-report-editor").waitFor();
  for (const d of ["scope", "schedule", "cost", "quality", "risk"]) {
    const rag = await page.getByTestId(`status-report-dimension-${d}`).getAttribute("data-rag");
    if (!rag || !["green", "amber", "red"].includes(rag)) throw new Error(`dimension ${d} has no colour: ${rag}`);
  }
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";
  await page.getByTestId("status-report-summary").fill(summary);
  await page.getByTestId("status-report-save").click();
  await page.getByText("Draft saved.").waitFor();
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId("status-report-publish").click();
  await page.getByTestId("status-report-summary-text").waitFor();
  const report = await callApi<{ key: string; status: string }>(page, baseUrl, "GET", `/api/v1/status-reports/${id}`);
  if (report.status !== "published") throw new Error(`report ${report.key} is ${report.status}`);
  return { id, key: report.key };
}

/** Downloads the open report's PDF; returns its bytes. */
export async function downloadReportPdf(page: Page): Promise<Uint8Array> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("status-report-pdf").click()]);
  return new Uint8Array(await readFile(await download.path()));
}

/** In the portal: opens the Status reports tab of the project and the report `key`; returns it once its summary shows. */
export async function openPortalReport(contact: Page, baseUrl: string, projectId: string, key: string): Promise<Locator> {
  await contact.goto(`${baseUrl}/portal/projects/${projectId}?tab=status-reports`);
  await contact.getByTestId("portal-status-reports").waitFor();
  const report = contact.locator(`[data-testid="portal-status-report"][data-key="${key}"]`);
  await report.locator("summary").click();
  await report.getByTestId("status-report-summary-text").waitFor();
  return report;
}
