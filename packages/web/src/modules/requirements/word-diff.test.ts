import { describe, expect, it } from "vitest";
import { diffIsReadable, tokenizeWords, wordDiff, type DiffSegment } from "./word-diff";

const side = (segments: DiffSegment[], which: "before" | "after") =>
  segments
    .filter((s) => s.op === "same" || s.op === (which === "before" ? "removed" : "added"))
    .map((s) => s.text)
    .join("");

describe("tokenizeWords", () => {
  it("keeps every character, so the tokens join back into the text", () => {
    for (const text of ["Support 500 concurrent users.", "系统必须支持企业微信单点登录", "Mixed 中文 and English, 2 个"]) {
      expect(tokenizeWords(text).join("")).toBe(text);
      expect(tokenizeWords(text, false).join("")).toBe(text);
    }
  });

  it("cuts Chinese into words with the segmenter, into characters without", () => {
    const words = tokenizeWords("支持单点登录");
    expect(words.length).toBeLessThan(6);
    expect(tokenizeWords("支持单点登录", false)).toEqual(["支", "持", "单", "点", "登", "录"]);
  });
});

describe("wordDiff", () => {
  it("marks the replaced word only", () => {
    expect(wordDiff("Support 500 concurrent users", "Support 5,000 concurrent users")).toEqual([
      { op: "same", text: "Support " },
      { op: "removed", text: "500" },
      { op: "added", text: "5,000" },
      { op: "same", text: " concurrent users" },
    ]);
  });

  it("rebuilds both texts, in English and Chinese", () => {
    const cases: [string, string][] = [
      ["The system must use the client's SSO", "The system must allow local accounts only"],
      ["系统必须支持 500 个并发用户", "系统必须支持 5000 个并发用户，并在两秒内响应"],
      ["", "new text"],
      ["old text", ""],
    ];
    for (const [before, after] of cases) {
      for (const segmenter of [true, false]) {
        const segments = wordDiff(before, after, segmenter);
        expect(side(segments, "before")).toBe(before);
        expect(side(segments, "after")).toBe(after);
      }
    }
  });

  it("finds the changed Chinese words rather than the whole sentence", () => {
    const segments = wordDiff("用户可以使用企业微信登录", "用户可以使用钉钉登录", false);
    expect(segments[0]).toEqual({ op: "same", text: "用户可以使用" });
    expect(segments.at(-1)).toEqual({ op: "same", text: "登录" });
  });

  it("says when most of the text changed", () => {
    expect(diffIsReadable(wordDiff("Support 500 concurrent users", "Support 5,000 concurrent users"))).toBe(true);
    expect(diffIsReadable(wordDiff("alpha beta gamma", "one two three"))).toBe(false);
  });
});
