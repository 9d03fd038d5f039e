/**
 * The public link's respondent token: a random value this browser keeps (localStorage) and sends with its
 * response, so a questionnaire that takes one response per person can tell a second answer from the same browser.
 * The server only stores a hash of it together with the questionnaire id. The browser also remembers that it has
 * answered a link, to say so when the page is opened again.
 */

const TOKEN_KEY = "jiaofu.respondentToken";
const ANSWERED_PREFIX = "jiaofu.answered.";

/** What is used of `localStorage` (so the logic is testable, and a browser that refuses storage still works). */
export type KeyValueStore = { getItem: (key: string) => string | null; setItem: (key: string, value: string) => void };

function browserStore(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** 32 random bytes as base64url (43 characters): within the API's 16–200 characters, and unguessable. */
export function randomToken(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(32));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** This browser's respondent token, made and kept on first use. Without storage, a new one each page load. */
export function respondentToken(store: KeyValueStore | null = browserStore(), make: () => string = randomToken): string {
  const existing = store?.getItem(TOKEN_KEY);
  if (existing && existing.length >= 16 && existing.length <= 200) return existing;
  const token = make();
  try {
    store?.setItem(TOKEN_KEY, token);
  } catch {
    // Storage full or refused: the token lasts for this page.
  }
  return token;
}

/** A short, non-reversible key for a public link, so the stored flag does not hold the link's secret. */
function linkKey(linkToken: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < linkToken.length; i++) {
    hash ^= linkToken.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${ANSWERED_PREFIX}${hash.toString(36)}`;
}

export function hasAnsweredLink(linkToken: string, store: KeyValueStore | null = browserStore()): boolean {
  return typeof store?.getItem(linkKey(linkToken)) === "string";
}

export function rememberAnsweredLink(linkToken: string, store: KeyValueStore | null = browserStore()): void {
  try {
    store?.setItem(linkKey(linkToken), new Date().toISOString());
  } catch {
    // Nothing to remember it in.
  }
}
