/**
 * The client's confirmation of requirements, clicked through: the demo client contact finds what awaits their review
 * on the project page, asks about one requirement (a question is required) and approves another that the team had
 * already clarified; the delivery manager then reads both answers on the requirements' pages.
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

describe("client confirmation", () => {
  const requirementUrls = new Map<string, string>();

  it("lets the client contact ask about one requirement and approve another, from the project's review list", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInInEnglish(page, server.url, "client@demo.test");
    await page.locator('[data-testid="project-card"][data-code="HDMG-IM"]').click();
    await page.waitForURL(/\/portal\/projects\/[0-9a-f-]{36}$/);
    const projectUrl = page.url();

    // REQ-4 came back after the contact's question; REQ-7 was never answered.
    const pending = page.getByTestId("pending-confirmations");
    await pending.waitFor();
    await expect.poll(() => pending.getByTestId("pending-confirmation").evaluateAll((items) => items.map((i) => i.getAttribute("data-key")).sort())).toEqual(["REQ-4", "REQ-7"]);
    await expect.poll(() => pending.locator('[data-key="REQ-4"]').textContent()).toContain("Clarified since your question");

    // A question on REQ-7: the dialog insists on one, then sends it; the requirement goes back to the team.
    await pending.locator('[data-key="REQ-7"]').getByRole("link").first().click();
    await page.getByTestId("confirm-clarify").click();
    const dialog = page.getByTestId("confirmation-dialog");
    await dialog.getByRole("button", { name: "Send question" }).click();
    await dialog.getByText("Say what needs clarifying.").waitFor();
    requirementUrls.set("REQ-7", page.url());
    await page.getByTestId("confirmation-comment").fill("Does the 1-hour rule also apply to removing someone from a group?");
    await dialog.getByRole("button", { name: "Send question" }).click();
    await page.waitForURL(projectUrl);
    await expect.poll(() => page.getByTestId("pending-confirmation").evaluateAll((items) => items.map((i) => i.getAttribute("data-key")))).toEqual(["REQ-4"]);

    // REQ-4: the earlier question is in its history; the contact approves the clarified version.
    await page.locator('[data-testid="pending-confirmation"][data-key="REQ-4"]').getByRole("link").first().click();
    await page.getByTestId("portal-confirmation").waitFor();
    requirementUrls.set("REQ-4", page.url());
    await expect.poll(() => page.getByTestId("confirmation-item").evaluateAll((items) => items.map((i) => i.getAttribute("data-decision")))).toEqual(["clarification_requested"]);
    await page.getByTestId("confirm-approve").click();
    await page.getByTestId("confirmation-comment").fill("Agreed with Internal Audit.");
    await page.getByTestId("confirmation-dialog").getByRole("button", { name: /^Approve version \d+$/ }).click();
    await expect.poll(() => page.getByTestId("confirmation-item").evaluateAll((items) => items.map((i) => i.getAttribute("data-decision")))).toEqual(["approved", "clarification_requested"]);
    // The approve button goes once the requirement itself is read again (a second request after the history's).
    await expect.poll(() => page.getByTestId("confirm-approve").count()).toBe(0);
    await screenshot(page, "e2e-portal-confirmation");

    // Nothing is left to review.
    await page.goto(projectUrl);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId("pending-confirmations").count()).toBe(0);
    await context.close();
  });

  it("shows the team who answered which version, and the question in the requirement's comments", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInInEnglish(page, server.url, "pm@demo.test");
    const staffUrl = (key: string) => (requirementUrls.get(key) ?? "").replace("/portal/projects/", "/projects/");

    await page.goto(staffUrl("REQ-4"));
    const panel = page.getByTestId("client-confirmation-panel");
    await panel.waitFor();
    const badge = panel.getByTestId("confirmation-badge");
    await expect.poll(() => badge.getAttribute("data-decision")).toBe("approved");
    expect(await badge.getAttribute("data-changed")).toBeNull();
    await expect.poll(() => panel.getByTestId("confirmation-item").count()).toBe(2);
    await screenshot(page, "e2e-team-confirmation");

    await page.goto(`${staffUrl("REQ-7")}?tab=comments`);
    await expect.poll(() => page.getByTestId("confirmation-badge").getAttribute("data-decision")).toBe("clarification_requested");
    await page.getByText("Does the 1-hour rule also apply to removing someone from a group?").first().waitFor();
    await context.close();
  });
});
