/** What people do before and between the steps a test is about: sign in, select text as a mouse drag would. */
import type { Page } from "playwright-core";

/**
 * Signs in at `baseUrl` and switches the interface to English, saved to the account as a person would do it (the
 * demo staff's own language is Chinese), so tests can name buttons by their English labels.
 */
export async function signInInEnglish(page: Page, baseUrl: string, email: string, password = "demo1234"): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByTestId("language-switch").selectOption("en");
  await page.getByTestId("sign-in-email").fill(email);
  await page.getByTestId("sign-in-password").fill(password);
  await page.getByTestId("sign-in-submit").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.getByTestId("user-menu").click();
  await page.getByTestId("language-switch").selectOption("en");
  await page.keyboard.press("Escape");
}

/** Selects `text` inside the session notes view the way a mouse drag does: a DOM Range over the rendered text nodes. */
export async function selectInNotes(page: Page, text: string): Promise<void> {
  await page.getByTestId("session-notes").evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the notes`);
  }, text);
}
