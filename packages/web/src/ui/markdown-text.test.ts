import { describe, expect, it } from "vitest";
import { parseBlocks } from "./markdown-text";

describe("parseBlocks", () => {
  it("splits paragraphs, lists and headings", () => {
    expect(parseBlocks("Intro line\nsecond line\n\n**Scope**\n- SSO\n- Archive\n\n1. one\n2. two\n# Title")).toEqual([
      { kind: "p", lines: ["Intro line", "second line"] },
      { kind: "p", lines: ["**Scope**"] },
      { kind: "ul", items: ["SSO", "Archive"] },
      { kind: "ol", items: ["one", "two"] },
      { kind: "h", text: "Title" },
    ]);
  });

  it("ignores blank input", () => {
    expect(parseBlocks("\n\n")).toEqual([]);
  });
});
