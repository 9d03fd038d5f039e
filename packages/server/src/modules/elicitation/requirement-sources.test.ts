import { describe, expect, it } from "vitest";
import { descriptionFromExcerpt, titleFromExcerpt } from "./requirement-sources";

describe("titleFromExcerpt", () => {
  it("takes the first non-blank line, whitespace collapsed, at most 80 characters", () => {
    expect(titleFromExcerpt("\n  系统必须支持\t企业微信  \n单点登录")).toBe("系统必须支持 企业微信");
    const long = "长".repeat(100);
    expect(titleFromExcerpt(long)).toBe(`${"长".repeat(79)}…`);
    expect([...titleFromExcerpt("😀".repeat(90))]).toHaveLength(80);
  });
});

describe("descriptionFromExcerpt", () => {
  it("quotes every line and names where it came from", () => {
    expect(descriptionFromExcerpt("a\nb", "Interview (2025-01-02)")).toBe("> a\n> b\n\n— Interview (2025-01-02)");
  });
});
