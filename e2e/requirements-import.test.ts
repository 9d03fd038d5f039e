/**
 * Importing requirements from a spreadsheet, clicked through: a delivery manager drops a CSV with a mistake, reads
 * the problem in its cell (Import stays disabled), chooses the corrected file, imports it, and follows the result to
 * a new requirement and to the analysis inbox.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, screenshot } from "./support/browser";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const csv = (rows: string[]) => ({ name: "backlog.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${rows.join("\r\n")}\r\n`, "utf8") });

describe("requirements import", () => {
  it("previews a file, refuses it while a row is wrong, then imports the corrected one", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInInEnglish(page, server.url, "pm@demo.test");
    await page.locator('[data-testid="project-row"][data-code="HDMG-IM"]').getByRole("link").first().click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);
    await page.getByRole("navigation", { name: "Project areas" }).getByRole("link", { name: "Requirements" }).click();
    await page.waitForURL(/\/requirements$/);

    await page.getByTestId("import-requirements").click();
    const dialog = page.getByTestId("import-dialog");
    const header = "Title,Type,MoSCoW,Client priority,Tags,Acceptance criteria";
    await dialog.getByTestId("import-file-input").setInputFiles(csv([header, 'Recall a sent message,functional,must,1,messaging,"Within two minutes\nBoth sides see a notice"', "Share the screen in a call,functional,sometimes,2,,"]));
    await dialog.getByTestId("import-preview").waitFor();
    const bad = dialog.locator('[data-testid="import-row"][data-row="3"]');
    await expect.poll(() => bad.locator('[data-field="moscow"] [data-testid="import-cell-error"]').textContent()).toContain("Unknown MoSCoW value “sometimes”");
    expect(await dialog.getByTestId("import-submit").isDisabled()).toBe(true);
    await screenshot(page, "requirements-import-errors");

    await dialog.getByTestId("import-choose-another").click();
    await dialog.getByTestId("import-file-input").setInputFiles(csv([header, 'Recall a sent message,functional,must,1,messaging,"Within two minutes\nBoth sides see a notice"', "Share the screen in a call,functional,should,2,,"]));
    await dialog.getByTestId("import-preview").waitFor();
    await expect.poll(() => dialog.getByTestId("import-submit").isEnabled()).toBe(true);
    await dialog.getByTestId("import-submit").click();
    await dialog.getByTestId("import-result").waitFor();
    expect(await dialog.getByTestId("import-created-link").count()).toBe(2);
    expect(await dialog.getByTestId("import-proposals").textContent()).toBeTruthy();
    await screenshot(page, "requirements-import-result");

    // The new requirement: a draft whose source names the file and row.
    await dialog.getByTestId("import-created-link").first().click();
    await page.waitForURL(/\/requirements\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId("requirement-heading").textContent()).toBe("Recall a sent message");
    await expect.poll(() => page.locator('[data-testid="requirement-source"][data-kind="document"]').textContent()).toContain("backlog.csv, row 2");

    // Both are in the register.
    await page.goBack();
    await page.waitForURL(/\/requirements$/);
    await expect.poll(() => page.getByTestId("requirement-row").filter({ hasText: "Share the screen in a call" }).count()).toBe(1);
    await context.close();
  }, 120_000);
});
