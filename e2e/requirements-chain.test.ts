/**
 * The requirements stage from first interview to controlled scope, clicked through by the two people who do it: the
 * delivery manager turns a passage of interview notes into a requirement; the finder proposes a conflict with one
 * already in the register; the manager confirms and resolves it, prioritises, and sends the requirement to the
 * client; the client's contact approves it in the portal; the manager takes a baseline; a change request is approved
 * by the manager and then by the client, which changes the register, takes a new baseline and moves the project's
 * scope-creep figure.
 *
 * It runs on a project of its own (made through the API), so the demo data's own conflicts and baselines stay apart.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, screenshot } from "./support/browser";
import { startE2eServer, type E2eServer } from "./support/server";
import { selectInNotes, signInInEnglish } from "./support/session";

let server: E2eServer;
let browser: Browser;
let managerContext: BrowserContext;
let manager: Page;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  managerContext = await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } });
  manager = await managerContext.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A JSON API call with the page's session cookie and the CSRF header the web app sends. */
async function api<T>(page: Page, method: "GET" | "POST", path: string, data?: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === "jiaofu_csrf")?.value ?? "";
  const response = await page.request.fetch(`${server.url}/api/v1${path}`, { method, data, headers: { "x-csrf-token": csrf } });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

describe("requirements: interview to controlled scope", () => {
  const suffix = Date.now().toString(36).toUpperCase().slice(-5);
  const passage = "The messenger must support 5,000 concurrent users during the month-end close";
  let projectId = "";
  let projectPath = "";
  let existing = { id: "", key: "" };
  let requirementPath = "";
  let requirementKey = "";

  it("sets up a project for the demo client with its contact on it", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    const clients = await api<{ items: { id: string; name: string }[] }>(manager, "GET", "/clients?limit=100");
    const users = await api<{ items: { id: string; email: string; clientId: string | null }[] }>(manager, "GET", "/users?limit=100");
    const contact = users.items.find((user) => user.email === "client@demo.test");
    const client = clients.items.find((c) => c.id === contact?.clientId);
    expect(client).toBeDefined();
    const project = await api<{ id: string }>(manager, "POST", "/projects", { code: `CH${suffix}`, name: `Scope control ${suffix}`, clientId: client?.id });
    projectId = project.id;
    projectPath = `/projects/${projectId}`;
    await api(manager, "POST", `${projectPath}/members`, { userId: contact?.id, role: "client" });
    // A requirement already in the register, which the interview will contradict.
    existing = await api<{ id: string; key: string }>(manager, "POST", `${projectPath}/requirements`, {
      title: "The messenger must support 500 concurrent users during the month-end close",
    });
  });

  it("turns a passage of interview notes into a requirement, and the finder proposes the conflict", async () => {
    await manager.goto(`${server.url}${projectPath}/elicitation`);
    await manager.getByTestId("new-session").click();
    const dialog = manager.getByTestId("new-session-dialog");
    await dialog.getByTestId("session-title").fill(`Month-end interview ${suffix}`);
    await dialog.getByRole("button", { name: "Create session" }).click();
    await manager.waitForURL(/\/elicitation\/sessions\/[0-9a-f-]{36}$/);
    await manager.getByTestId("edit-session").click();
    await manager.getByTestId("session-notes-input").fill(["## Finance team", "", `- ${passage}.`, "- Reports are exported to Excel."].join("\n"));
    await manager.getByRole("button", { name: "Save changes" }).click();
    await manager.getByTestId("session-notes").waitFor();

    await selectInNotes(manager, passage);
    const create = manager.getByTestId("create-requirement-from-selection");
    await expect.poll(() => create.isEnabled()).toBe(true);
    await create.click();
    const requirementDialog = manager.getByTestId("requirement-from-source-dialog");
    expect(await requirementDialog.getByTestId("source-excerpt").textContent()).toBe(passage);
    await requirementDialog.getByRole("button", { name: "Create requirement" }).click();
    const link = manager.getByTestId("passage-requirement-link");
    await expect.poll(() => link.count()).toBe(1);
    requirementKey = (await link.textContent()) ?? "";
    requirementPath = (await link.getAttribute("href")) ?? "";
    await link.click();
    await manager.waitForURL(`${server.url}${requirementPath}`);

    // The finder: 5,000 against 500 concurrent users is a conflict. Confirm it, then settle it.
    const proposal = manager.getByTestId("proposals-panel").locator(`[data-testid="proposal-item"][data-key="${existing.key}"]`);
    await proposal.waitFor();
    expect(await proposal.getAttribute("data-kind")).toBe("conflict");
    await proposal.getByTestId("confirm-proposal").click();
    const relation = manager.locator('[data-testid="relation-item"][data-kind="conflicts_with"]').filter({ hasText: existing.key });
    await relation.getByTestId("resolve-conflict").click();
    await manager.getByTestId("resolution-note").fill(`Agreed with the client: 5,000 users. ${existing.key} will be rejected.`);
    await manager.getByRole("dialog").getByRole("button", { name: "Resolve…" }).click();
    await expect.poll(() => relation.getByTestId("resolve-conflict").count()).toBe(0);
    await screenshot(manager, "e2e-chain-conflict-resolved");
  });

  it("prioritises the requirement and sends it to the client", async () => {
    // The team's MoSCoW on the requirement, then the project scores with RICE and the requirement gets its inputs.
    await manager.goto(`${server.url}${requirementPath}`);
    await manager.getByLabel("MoSCoW", { exact: true }).selectOption("must");
    await manager.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => manager.getByLabel("MoSCoW", { exact: true }).inputValue()).toBe("must");
    await manager.getByTestId("prioritisation-link").click();
    await manager.getByTestId("prioritisation-view").waitFor();
    await manager.getByTestId("scoring-model-button").click();
    const modelDialog = manager.getByTestId("scoring-model-dialog");
    await modelDialog.getByTestId("model-rice").check();
    await modelDialog.getByRole("button", { name: "Save model" }).click();
    await expect.poll(() => manager.getByTestId("scoring-model-label").textContent()).toContain("RICE");
    const row = manager.locator('[data-testid="priority-tier"][data-tier="must"] [data-testid="priority-row"]').filter({ has: manager.getByText(requirementKey, { exact: true }) });
    await row.getByTestId("edit-inputs").click();
    const inputs = manager.getByTestId("priority-inputs-dialog");
    await inputs.getByTestId("input-rice-reach").fill("800");
    await inputs.getByTestId("input-rice-impact").selectOption("2");
    await inputs.getByTestId("input-rice-confidence").selectOption("80");
    await inputs.getByTestId("input-rice-effort").fill("2");
    await expect.poll(() => inputs.getByTestId("inputs-preview").textContent()).toContain("640");
    await inputs.getByRole("button", { name: "Save inputs" }).click();
    // 800 reached × impact 2 × 80 % ÷ 2 person-months.
    await expect.poll(() => row.textContent()).toContain("640");
    await screenshot(manager, "e2e-chain-prioritisation");

    await manager.goto(`${server.url}${requirementPath}`);
    await manager.getByTestId("transition-in_analysis").click();
    await manager.getByTestId("transition-awaiting_client").click();
    await expect.poll(() => manager.locator(".requirement-title-row").textContent()).toContain("Awaiting client");
  });

  it("lets the client's contact approve it in the portal", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const client = await context.newPage();
    await signInInEnglish(client, server.url, "client@demo.test");
    await client.goto(`${server.url}/portal/projects/${projectId}`);
    const pending = client.locator(`[data-testid="pending-confirmation"][data-key="${requirementKey}"]`);
    await pending.getByRole("link").first().click();
    // The client's own priority, shown to the team beside their MoSCoW and score.
    await client.getByTestId("client-priority-select").selectOption("1");
    await expect.poll(() => client.getByTestId("client-priority-select").isEnabled()).toBe(true);
    await client.reload();
    await expect.poll(() => client.getByTestId("client-priority-select").inputValue()).toBe("1");
    await client.getByTestId("confirm-approve").click();
    await client.getByTestId("confirmation-comment").fill("Yes: 5,000 at month-end.");
    await client.getByTestId("confirmation-dialog").getByRole("button", { name: /^Approve version \d+$/ }).click();
    await expect.poll(() => client.getByTestId("confirmation-item").first().getAttribute("data-decision")).toBe("approved");
    await screenshot(client, "e2e-chain-portal-approved");
    await context.close();

    await manager.goto(`${server.url}${projectPath}/requirements?tab=prioritisation`);
    const row = manager.locator('[data-testid="priority-row"]').filter({ has: manager.getByText(requirementKey, { exact: true }) });
    await expect.poll(() => row.getByTestId("client-priority").textContent()).toContain("1");
  });

  it("takes a baseline of the approved scope", async () => {
    await manager.goto(`${server.url}${projectPath}/requirements/baselines`);
    await manager.getByTestId("take-baseline").click();
    const dialog = manager.getByTestId("take-baseline-dialog");
    await dialog.getByTestId("baseline-preview").waitFor();
    expect(await dialog.getByTestId("baseline-blockers").count()).toBe(0);
    await dialog.getByTestId("baseline-name").fill("Signed-off scope");
    await dialog.getByRole("button", { name: "Take baseline" }).click();
    await manager.locator('[data-testid="baseline-row"][data-key="BL-1"]').waitFor();
    await manager.goto(`${server.url}${requirementPath}`);
    await expect.poll(() => manager.locator(".requirement-title-row").textContent()).toContain("Baselined");
  });

  it("changes the scope through a change request approved by the manager and the client", async () => {
    await manager.goto(`${server.url}${projectPath}/requirements/change-requests`);
    await manager.getByTestId("new-change-request").click();
    await manager.getByTestId("cr-title").fill("Peak load after the merger");
    await manager.getByTestId("cr-reason").fill("The merged finance team doubles the users at month-end.");
    await manager.getByTestId("cr-effort").fill("40");
    await manager.getByTestId("cr-days").fill("5");
    await manager.getByTestId("cr-cost").fill("30000");
    await manager.getByTestId("cr-modify-item").click();
    await manager.locator(`[data-testid="requirement-picker-option"][data-key="${requirementKey}"]`).check();
    await manager.getByTestId("cr-pick-confirm").click();
    await manager.getByTestId("cr-item-title").fill("The messenger must support 10,000 concurrent users during the month-end close");
    await manager.getByTestId("cr-save").click();
    await manager.getByTestId("cr-heading").waitFor();
    const crUrl = manager.url();
    await manager.getByTestId("cr-submit").click();
    await manager.getByTestId("cr-approve").click();
    await manager.getByTestId("cr-decide-comment").fill("Within the budget reserve.");
    await manager.getByTestId("cr-decide-dialog").getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => manager.getByTestId("cr-decision-manager").getAttribute("data-decision")).toBe("approved");

    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const client = await context.newPage();
    await signInInEnglish(client, server.url, "client@demo.test");
    await client.goto(`${server.url}/portal/projects/${projectId}?tab=change-requests`);
    await client.locator('[data-testid="portal-cr"][data-key="CR-1"]').getByRole("link").click();
    await client.getByTestId("cr-approve").click();
    await client.getByTestId("cr-decide-comment").fill("Approved by our CFO.");
    await client.getByTestId("cr-decide-dialog").getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => client.getByTestId("cr-decision-client").getAttribute("data-decision")).toBe("approved");
    await screenshot(client, "e2e-chain-portal-change-request");
    await context.close();

    // Applied: the requirement says 10,000 and a second baseline was taken from the request.
    await manager.goto(crUrl);
    await manager.getByTestId("cr-resulting-baseline").waitFor();
    expect(await manager.getByTestId("cr-resulting-baseline").textContent()).toContain("BL-2");
    await manager.goto(`${server.url}${requirementPath}`);
    await expect.poll(() => manager.getByTestId("requirement-heading").textContent()).toContain("10,000");
  });

  it("shows the new baseline and the scope-creep figure on the project", async () => {
    await manager.goto(`${server.url}${projectPath}/requirements/baselines`);
    await manager.locator('[data-testid="baseline-row"][data-key="BL-2"]').waitFor();
    await manager.goto(`${server.url}${projectPath}`);
    const card = manager.getByTestId("scope-creep-card");
    await card.waitFor();
    await expect.poll(() => card.getByTestId("scope-creep-changed").locator(".scope-creep-value").textContent()).toBe("1");
    expect(await card.getByTestId("scope-creep-added").locator(".scope-creep-value").textContent()).toBe("0");
    expect(await card.getByTestId("scope-creep-since").textContent()).toContain("BL-1");
    await screenshot(manager, "e2e-chain-scope-creep");
  });
});
