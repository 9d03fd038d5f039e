/**
 * The requirements register, clicked through: a delivery manager writes a requirement, edits it, takes it through
 * analysis to the client, and reads the change in its version history; the client's contact then finds it in the
 * portal. Then the register's own tools: a filter in the address, a saved view and a bulk edit.
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

describe("requirements register", () => {
  const suffix = Date.now().toString(36).toUpperCase();
  const title = `Staff sign in to the portal ${suffix}`;
  let projectUrl = "";
  let requirementUrl = "";
  let key = "";

  it("creates a requirement, edits it, sends it to the client and shows the change in its history", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInInEnglish(page, server.url, "pm@demo.test");

    // The demo engagement's project, then its Requirements area.
    await page.locator('[data-testid="project-row"][data-code="HDMG-IM"]').getByRole("link").first().click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);
    projectUrl = page.url().replace(/(\/projects\/[0-9a-f-]{36}).*$/, "$1");
    await page.getByRole("navigation", { name: "Project areas" }).getByRole("link", { name: "Requirements" }).click();
    await page.waitForURL(/\/requirements$/);

    // New requirement: title, type, description, two acceptance criteria (reordered), a tag, MoSCoW.
    await page.getByTestId("new-requirement").click();
    const dialog = page.getByTestId("new-requirement-dialog");
    await dialog.getByTestId("requirement-title").fill(title);
    await dialog.getByLabel("Type", { exact: true }).selectOption("security");
    await dialog.getByTestId("requirement-description").fill("Staff use their company account.\nNo separate password.");
    await dialog.getByTestId("add-criterion").click();
    await dialog.getByLabel("Criterion 1", { exact: true }).fill("Sessions expire after 8 hours");
    await dialog.getByTestId("add-criterion").click();
    await dialog.getByLabel("Criterion 2", { exact: true }).fill("Staff sign in with the company account");
    await dialog.getByRole("button", { name: "Move criterion 2 up" }).click();
    await expect.poll(() => dialog.getByLabel("Criterion 1", { exact: true }).inputValue()).toBe("Staff sign in with the company account");
    await dialog.getByLabel("Tags", { exact: true }).fill("sso");
    await dialog.getByLabel("Tags", { exact: true }).press("Enter");
    await dialog.getByLabel("MoSCoW", { exact: true }).selectOption("must");
    await dialog.getByRole("button", { name: "Create requirement" }).click();
    await page.waitForURL(/\/requirements\/[0-9a-f-]{36}$/);
    requirementUrl = page.url();
    await expect.poll(() => page.getByTestId("requirement-heading").textContent()).toBe(title);
    key = ((await page.locator(".requirement-key").textContent()) ?? "").trim();
    expect(key).toMatch(/^REQ-\d+$/);

    // Edit: a sharper title and one more line of description; only those fields are sent, with the version.
    await page.getByTestId("requirement-title").fill(`${title} with single sign-on`);
    await page.getByTestId("requirement-description").fill("Staff use their company account.\nNo separate password is needed.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.getByTestId("requirement-heading").textContent()).toBe(`${title} with single sign-on`);

    // The workflow offers the moves the engine allows: draft → in analysis → awaiting client.
    expect(await page.getByTestId("transition-approved").count()).toBe(0);
    await page.getByTestId("transition-in_analysis").click();
    await page.getByTestId("transition-awaiting_client").waitFor();
    await page.getByTestId("transition-awaiting_client").click();
    await page.getByTestId("transition-approved").waitFor();
    await expect.poll(() => page.locator(".requirement-title-row").textContent()).toContain("Awaiting client");

    // History: newest first; the edit shows the words added to the title and the rewritten description line.
    const history = page.getByTestId("version-history");
    await expect.poll(() => history.getByTestId("version-item").count()).toBe(4);
    const edit = history.locator('[data-testid="version-item"][data-version="2"]');
    await expect.poll(() => edit.locator('[data-field="title"] ins').textContent()).toContain("with single sign-on");
    expect(await edit.locator('[data-field="description"] ins').allTextContents()).toEqual([expect.stringContaining("is needed")]);
    const moved = history.locator('[data-testid="version-item"][data-version="4"] [data-field="status"]');
    expect(await moved.textContent()).toContain("In analysis");
    expect(await moved.textContent()).toContain("Awaiting client");
    await screenshot(page, "e2e-requirement-detail");
    await context.close();
  });

  it("shows the requirement to the client's contact in the portal, with the conversation", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signInInEnglish(page, server.url, "client@demo.test");
    await page.waitForURL(/\/portal/);
    const projectId = projectUrl.split("/").at(-1) ?? "";
    await page.goto(`${server.url}/portal/projects/${projectId}`);
    await page.getByRole("tab", { name: "Requirements" }).click();
    const item = page.locator(`[data-testid="portal-requirement"][data-key="${key}"]`);
    await item.waitFor();
    await item.getByRole("link").click();
    await expect.poll(() => page.getByTestId("requirement-heading").textContent()).toBe(`${title} with single sign-on`);
    // Read-only: no edit form, no workflow; the contact may ask the team a question.
    expect(await page.getByTestId("requirement-title").count()).toBe(0);
    expect(await page.locator('[data-testid^="transition-"]').count()).toBe(0);
    await page.getByLabel("Add a comment").fill("Does this include the suppliers' staff?");
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect.poll(() => page.getByText("Does this include the suppliers' staff?").count()).toBe(1);
    await screenshot(page, "e2e-portal-requirement");
    await context.close();
  });

  it("filters through the address, saves a view and edits the selection in bulk", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInInEnglish(page, server.url, "pm@demo.test");
    await page.goto(`${projectUrl}/requirements?status=awaiting_client&q=${encodeURIComponent(suffix)}`);
    const rows = page.getByTestId("requirement-row");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-key")).toBe(key);

    // Saved view: the filters under a name, picked again from the list after clearing them.
    await page.getByTestId("save-view").click();
    await page.getByTestId("saved-view-name").fill(`Waiting ${suffix}`);
    await page.getByRole("button", { name: "Save view", exact: true }).click();
    await expect.poll(() => page.url()).toContain("view=");
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => page.url()).not.toContain("status=");
    await expect.poll(() => page.getByTestId("filter-status").textContent()).toBe("All");
    await page.getByTestId("saved-view-select").selectOption({ label: `Waiting ${suffix}` });
    await expect.poll(() => page.url()).toContain("status=awaiting_client");
    await expect.poll(() => page.getByTestId("filter-status").textContent()).toBe("Awaiting client");
    await expect.poll(() => rows.count()).toBe(1);

    // Bulk edit: select with the keyboard, add a tag, all or nothing.
    await rows.first().getByRole("checkbox").focus();
    await page.keyboard.press("Space");
    await page.getByTestId("bulk-edit").click();
    const bulk = page.getByTestId("bulk-edit-dialog");
    await bulk.getByTestId("bulk-add-tags").fill("phase-1");
    await bulk.getByTestId("bulk-add-tags").press("Enter");
    await bulk.getByRole("button", { name: /Apply to 1 selected/ }).click();
    await expect.poll(() => rows.first().textContent()).toContain("phase-1");
    await screenshot(page, "e2e-requirements-register");

    // And the requirement's history records it.
    await page.goto(requirementUrl);
    await expect.poll(() => page.getByTestId("version-item").count()).toBe(5);
    expect(await page.locator('[data-testid="version-item"][data-version="5"] [data-field="tags"]').textContent()).toContain("phase-1");
    await context.close();
  });

  it("proposes a conflict between two requirements, and confirming it records the relation", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInInEnglish(page, server.url, "pm@demo.test");
    const projectId = projectUrl.split("/").at(-1) ?? "";
    // Both requirements through the API, with the session cookie and the CSRF header the web app sends.
    const csrf = (await context.cookies()).find((cookie) => cookie.name === "jiaofu_csrf")?.value ?? "";
    const create = async (text: string) => {
      const response = await page.request.post(`${server.url}/api/v1/projects/${projectId}/requirements`, {
        data: { title: text },
        headers: { "x-csrf-token": csrf },
      });
      expect(response.status()).toBe(201);
      return (await response.json()) as { id: string; key: string };
    };
    const first = await create("系统需支持 500 个并发用户");
    const second = await create("系统需支持 5000 个并发用户");

    await page.goto(`${projectUrl}/requirements/${second.id}`);
    const panel = page.getByTestId("proposals-panel");
    const proposal = panel.locator(`[data-testid="proposal-item"][data-key="${first.key}"]`);
    await proposal.waitFor();
    expect(await proposal.getAttribute("data-kind")).toBe("conflict");
    expect(await proposal.textContent()).toContain("500");
    await screenshot(page, "e2e-requirement-proposals");

    await proposal.getByTestId("confirm-proposal").click();
    await expect.poll(() => proposal.count()).toBe(0);
    const relation = page.locator('[data-testid="relation-item"][data-kind="conflicts_with"]').filter({ hasText: first.key });
    await expect.poll(() => relation.count()).toBe(1);

    // The project's analysis inbox lists the pairs still open, and no longer the confirmed one.
    await page.getByTestId("analysis-inbox-link").click();
    await page.getByTestId("analysis-inbox").waitFor();
    expect(await page.locator(`[data-testid="inbox-proposal"][data-keys="${first.key} ${second.key}"], [data-testid="inbox-proposal"][data-keys="${second.key} ${first.key}"]`).count()).toBe(0);
    expect(await page.getByTestId("inbox-proposal").count()).toBeGreaterThan(0);
    await screenshot(page, "e2e-analysis-inbox");
    await context.close();
  });
});
