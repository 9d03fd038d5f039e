/**
 * The foundation, clicked through as people would: a delivery manager onboards a client (organisation, contact,
 * project, membership); the contact signs in and sees exactly that project in the portal; the language switch
 * changes the interface's text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot } from "./support/browser";
import { startE2eServer, type E2eServer } from "./support/server";

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

async function signIn(page: Page, email: string, password = "demo1234") {
  await page.goto(`${server.url}/sign-in`);
  await page.getByTestId("sign-in-email").fill(email);
  await page.getByTestId("sign-in-password").fill(password);
  await page.getByTestId("sign-in-submit").click();
}

describe("onboarding a client", () => {
  const suffix = Date.now().toString(36).toUpperCase();
  const clientName = `Northwind Trading ${suffix}`;
  const contactEmail = `li.na.${suffix.toLowerCase()}@northwind.test`;
  const projectCode = `NW-${suffix}`.slice(0, 20);

  it("switches the interface between Chinese and English", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    const submit = page.getByTestId("sign-in-submit");
    await expect.poll(() => submit.textContent()).toBe("登录");
    await page.getByTestId("language-switch").selectOption("en");
    await expect.poll(() => submit.textContent()).toBe("Sign in");
    await page.getByTestId("language-switch").selectOption("zh-CN");
    await expect.poll(() => submit.textContent()).toBe("登录");
    await context.close();
  });

  it("lets the manager create a client, a contact and a project, and add the contact", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId("language-switch").selectOption("en");
    await signIn(page, "pm@demo.test");
    await page.waitForURL(`${server.url}/`);
    // The demo manager's own language is Chinese; switching in the user menu saves English to their account.
    await page.getByTestId("user-menu").click();
    await page.getByTestId("language-switch").selectOption("en");
    await expect.poll(() => page.getByRole("link", { name: "Clients" }).count()).toBeGreaterThan(0);

    // Client organisation.
    await page.getByRole("link", { name: "Clients" }).first().click();
    await page.getByTestId("new-client").click();
    const clientDialog = page.getByTestId("new-client-dialog");
    await clientDialog.getByLabel("Name").fill(clientName);
    await clientDialog.getByRole("button", { name: "Create client" }).click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(clientName);

    // Contact at the client.
    await page.getByTestId("add-contact").click();
    const contactDialog = page.getByRole("dialog");
    await contactDialog.getByLabel("Name").fill("Li Na");
    await contactDialog.getByLabel("Email").fill(contactEmail);
    await contactDialog.getByLabel("Initial password").fill("welcome-2026");
    await contactDialog.getByRole("button", { name: "Add contact" }).click();
    await expect.poll(() => page.getByTestId("contact-row").filter({ hasText: contactEmail }).count()).toBe(1);

    // Project for the client.
    await page.goto(`${server.url}/`);
    await page.getByTestId("new-project").click();
    const projectDialog = page.getByTestId("new-project-dialog");
    await projectDialog.getByLabel("Code").fill(projectCode);
    await projectDialog.getByLabel("Name", { exact: true }).fill("Northwind IM rollout");
    await projectDialog.getByLabel("Client").selectOption({ label: clientName });
    await projectDialog.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);

    // The contact joins the project (as its client).
    const projectUrl = page.url().replace(/\/projects\/([0-9a-f-]{36}).*$/, "/projects/$1");
    await page.goto(`${projectUrl}?tab=members`);
    await page.getByTestId("add-member").click();
    const memberDialog = page.getByRole("dialog");
    await memberDialog.getByLabel("Person").selectOption({ label: "Li Na" });
    await memberDialog.getByRole("button", { name: "Add member" }).click();
    await expect.poll(() => page.getByText(contactEmail).count()).toBeGreaterThan(0);
    await screenshot(page, "e2e-project-members");
    await context.close();
  });

  it("shows the contact exactly that project in the portal", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId("language-switch").selectOption("en");
    await signIn(page, contactEmail, "welcome-2026");
    await page.waitForURL(`${server.url}/portal`);
    const cards = page.getByTestId("project-card");
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.first().getAttribute("data-code")).toBe(projectCode);
    await screenshot(page, "e2e-portal");

    // Staff pages are not theirs: they are sent back to the portal.
    await page.goto(`${server.url}/clients`);
    await page.waitForURL(/\/portal/);
    await context.close();
  });

  it("keeps the demo contact of the other client out of it", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, "client2@demo.test");
    await page.waitForURL(`${server.url}/portal`);
    await expect.poll(() => page.getByTestId("project-card").count()).toBeGreaterThan(0);
    const codes = await page.getByTestId("project-card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-code")));
    expect(codes).not.toContain(projectCode);
    await context.close();
  });
});
