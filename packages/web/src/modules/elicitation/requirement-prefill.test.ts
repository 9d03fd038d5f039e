import { describe, expect, it } from "vitest";
import { quoteExcerpt, titleFromExcerpt } from "./requirement-prefill";

describe("titleFromExcerpt", () => {
  it("takes the first non-blank line, white space collapsed", () => {
    expect(titleFromExcerpt("  系统必须支持\n企业微信单点登录 ")).toBe("系统必须支持");
    expect(titleFromExcerpt("\n\n  Needs   SSO  \nmore")).toBe("Needs SSO");
  });
  it("cuts long lines at 80 characters, counting characters not code units", () => {
    const long = "😀".repeat(100);
    const title = titleFromExcerpt(long);
    expect([...title]).toHaveLength(80);
    expect(title.endsWith("…")).toBe(true);
  });
});

describe("quoteExcerpt", () => {
  it("quotes every line and names the origin", () => {
    expect(quoteExcerpt("Needs SSO\nand audit\n", "Kick-off (2025-03-01)")).toBe("> Needs SSO\n> and audit\n\n— Kick-off (2025-03-01)");
  });
});
