import { describe, expect, it } from "vitest";
import { hasAnsweredLink, randomToken, rememberAnsweredLink, respondentToken, type KeyValueStore } from "./respondent-token";

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

describe("respondent token", () => {
  it("is random, url-safe and long enough for the API (16–200 characters)", () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
  });

  it("is made once and then kept in the store", () => {
    const store = memoryStore();
    const first = respondentToken(store);
    expect(respondentToken(store)).toBe(first);
    expect(store.data.size).toBe(1);
  });

  it("replaces a stored value the API would refuse", () => {
    const store = memoryStore();
    store.setItem("jiaofu.respondentToken", "short");
    expect(respondentToken(store, () => "x".repeat(20))).toBe("x".repeat(20));
  });

  it("works without storage", () => {
    expect(respondentToken(null).length).toBe(43);
  });
});

describe("answered links", () => {
  it("remembers a link without storing its secret", () => {
    const store = memoryStore();
    const link = "s3cret-link-token-value";
    expect(hasAnsweredLink(link, store)).toBe(false);
    rememberAnsweredLink(link, store);
    expect(hasAnsweredLink(link, store)).toBe(true);
    expect(hasAnsweredLink("another-link", store)).toBe(false);
    expect([...store.data.keys()].join()).not.toContain(link);
  });
});
