/**
 * Elicitation, clicked through as people would: the manager records an interview, selects a passage of the notes
 * and turns it into a requirement (the passage is then highlighted with its REQ key); the manager builds a
 * questionnaire with a rating, an NPS and a free-text question and publishes it with a public link; somebody
 * without an account answers through the link in a fresh browser; the results page shows that response.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, screenshot } from "./support/browser";
import { startE2eServer, type E2eServer } from "./support/server";
import { selectInNotes, signInInEnglish } from "./support/session";

let server: E2eServer;
let browser: Browser;
let manager: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  manager = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  page = await manager.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("elicitation", () => {
  const suffix = Date.now().toString(36);
  const sessionTitle = `Kick-off interview ${suffix}`;
  const questionnaireTitle = `Pilot survey ${suffix}`;
  const passage = "客户需要支持企业微信单点登录";
  const notes = [
    "## 访谈要点",
    "",
    `- ${passage}，员工不再单独注册账号。`,
    "- The system must support 500 concurrent users during the month-end close.",
    "- 聊天记录需要保存 3 年 😀，以满足审计要求。",
  ].join("\n");
  const freeText = "Faster file transfer between desktop and mobile, please.";
  let projectPath = "";
  let publicLink = "";
  let questionnaireUrl = "";

  it("turns a selected passage of interview notes into a requirement, highlighted with its key", async () => {
    await signInInEnglish(page, server.url, "pm@demo.test");
    await page.getByTestId("project-row").first().getByRole("link").first().click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);
    projectPath = new URL(page.url()).pathname.replace(/^(\/projects\/[0-9a-f-]{36}).*$/, "$1");

    await page.getByRole("link", { name: "Elicitation" }).first().click();
    await page.waitForURL(`${server.url}${projectPath}/elicitation`);
    await page.getByTestId("new-session").click();
    const dialog = page.getByTestId("new-session-dialog");
    await dialog.getByTestId("session-title").fill(sessionTitle);
    await dialog.getByRole("button", { name: "Create session" }).click();
    await page.waitForURL(/\/elicitation\/sessions\/[0-9a-f-]{36}$/);

    await page.getByTestId("edit-session").click();
    await page.getByTestId("session-notes-input").fill(notes);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.getByTestId("session-notes").textContent()).toBe(notes);

    await selectInNotes(page, passage);
    const create = page.getByTestId("create-requirement-from-selection");
    await expect.poll(() => create.isEnabled()).toBe(true);
    await create.click();
    const requirementDialog = page.getByTestId("requirement-from-source-dialog");
    expect(await requirementDialog.getByTestId("source-excerpt").textContent()).toBe(passage);
    expect(await requirementDialog.getByTestId("requirement-title").inputValue()).toBe(passage);
    await requirementDialog.getByRole("button", { name: "Create requirement" }).click();

    // The passage is highlighted in the notes, followed by the new requirement's key linking to it.
    const key = page.getByTestId("passage-requirement-link");
    await expect.poll(() => key.count()).toBe(1);
    expect(await key.textContent()).toMatch(/^REQ-\d+$/);
    expect(await key.getAttribute("href")).toMatch(new RegExp(`^${projectPath}/requirements/[0-9a-f-]{36}$`));
    expect(await page.getByTestId("passage-highlight").allTextContents()).toEqual([passage]);
    // The notes themselves are unchanged: the key is a decoration, not text of the notes.
    expect(await page.getByTestId("passage-item").count()).toBe(1);
    await screenshot(page, "e2e-session-passage");
  });

  it("builds a questionnaire with rating, NPS and free-text questions and publishes it with a public link", async () => {
    await page.goto(`${server.url}${projectPath}/elicitation?tab=questionnaires`);
    await page.getByTestId("new-questionnaire").click();
    await page.getByTestId("questionnaire-title-input").fill(questionnaireTitle);
    await page.getByTestId("new-questionnaire-dialog").getByRole("button", { name: "Create and open the builder" }).click();
    await page.waitForURL(/\/elicitation\/questionnaires\/[0-9a-f-]{36}$/);
    questionnaireUrl = page.url();

    await page.getByTestId("add-question-rating").click();
    await page.getByTestId("add-question-nps").click();
    await page.getByTestId("add-question-free_text").click();
    const questions = page.getByTestId("question-editor");
    await questions.nth(0).getByTestId("question-text").fill("How satisfied are you with the pilot?");
    await questions.nth(0).getByTestId("question-required").check();
    await questions.nth(1).getByTestId("question-text").fill("How likely are you to recommend it to a colleague?");
    await questions.nth(2).getByTestId("question-text").fill("What should we improve first?");
    // The keyboard alternative to drag and drop: move the free-text question up and back down.
    await page.getByRole("button", { name: "Move question 3 up" }).click();
    expect(await questions.nth(1).getByTestId("question-text").inputValue()).toBe("What should we improve first?");
    await page.getByRole("button", { name: "Move question 2 down" }).click();
    expect(await questions.nth(2).getByTestId("question-text").inputValue()).toBe("What should we improve first?");
    await page.getByTestId("audience-public").check();

    await page.getByTestId("publish-questionnaire").click();
    const link = page.getByTestId("public-link");
    await expect.poll(() => link.count()).toBe(1);
    publicLink = await link.inputValue();
    expect(publicLink).toMatch(/\/q\/[A-Za-z0-9_-]{20,}$/);
    await screenshot(page, "e2e-questionnaire-builder");
  });

  it("lets somebody without an account answer through the public link", async () => {
    const anonymous = await browser.newContext({ locale: "en-US", viewport: { width: 375, height: 812 } });
    const visitor = await anonymous.newPage();
    await visitor.goto(publicLink);
    const questions = visitor.getByTestId("form-question");
    await expect.poll(() => questions.count()).toBe(3);
    // No sign-in redirect: the public page stays where it is.
    expect(new URL(visitor.url()).pathname).toMatch(/^\/q\//);

    // The API checks the answers: the required rating is missing.
    await visitor.getByTestId("submit-response").click();
    await expect.poll(() => questions.nth(0).getAttribute("aria-invalid")).toBe("true");

    await questions.nth(0).getByRole("radio", { name: "4", exact: true }).check();
    await questions.nth(1).getByRole("radio", { name: "9", exact: true }).check();
    await questions.nth(2).locator("textarea").fill(freeText);
    await visitor.getByTestId("submit-response").click();
    await visitor.getByTestId("response-thanks").waitFor();
    await screenshot(visitor, "e2e-public-answered");

    // The browser keeps its respondent token: opening the link again says it has answered.
    await visitor.reload();
    await visitor.getByTestId("public-already-answered").waitFor();
    await anonymous.close();
  });

  it("shows the response on the manager's results page", async () => {
    await page.goto(`${questionnaireUrl}/results`);
    const count = page.getByTestId("response-count");
    await expect.poll(() => count.textContent()).toBe("1");
    expect(await page.getByTestId("nps-score").textContent()).toBe("+100");
    expect(await page.getByTestId("free-text-answer").allTextContents()).toEqual([expect.stringContaining(freeText)]);
    // The charts render (they are loaded on demand).
    await expect.poll(() => page.locator(".recharts-surface").count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, "e2e-questionnaire-results");
  });
});
