import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { passageCheckRange, passageLocate } from "./passage-anchor";

describe("passageLocate", () => {
  const notes = "客户需要单点登录。Needs SSO and audit.";
  const sso = { start: notes.indexOf("SSO"), end: notes.indexOf("SSO") + 3, excerpt: "SSO" };

  it("keeps a passage whose text is still at its offsets", () => {
    expect(passageLocate(notes, sso)).toEqual({ kind: "anchored", start: sso.start, end: sso.end, moved: false });
  });

  it("follows its text when something is inserted before it", () => {
    const edited = `会议纪要：${notes}`;
    expect(passageLocate(edited, sso)).toEqual({ kind: "anchored", start: sso.start + 5, end: sso.end + 5, moved: true });
  });

  it("picks the occurrence nearest to where it was, the earlier one on a tie", () => {
    // "ab" at 0, 10 and 20; the passage was at 12.
    const text = "ab________ab________ab";
    expect(passageLocate(text, { start: 12, end: 14, excerpt: "ab" })).toMatchObject({ start: 10, moved: true });
    expect(passageLocate(text, { start: 18, end: 20, excerpt: "ab" })).toMatchObject({ start: 20 });
    expect(passageLocate(text, { start: 15, end: 17, excerpt: "ab" })).toMatchObject({ start: 10 });
    expect(passageLocate(text, { start: 500, end: 502, excerpt: "ab" })).toMatchObject({ start: 20 });
  });

  it("is detached when the text is gone, and found again when it comes back", () => {
    expect(passageLocate("客户需要单点登录。Needs audit.", sso)).toEqual({ kind: "detached" });
    expect(passageLocate("SSO first", sso)).toEqual({ kind: "anchored", start: 0, end: 3, moved: true });
  });

  it("always lands on a range whose text is the excerpt", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.nat(80), fc.nat(6), fc.string({ maxLength: 60 }), (text, rawStart, length, edited) => {
        const start = Math.min(rawStart, text.length);
        const end = Math.min(start + length + 1, text.length);
        if (end <= start) return;
        const location = passageLocate(edited, { start, end, excerpt: text.slice(start, end) });
        if (location.kind === "anchored") expect(edited.slice(location.start, location.end)).toBe(text.slice(start, end));
        else expect(edited.includes(text.slice(start, end))).toBe(false);
      }),
    );
  });
});

describe("passageCheckRange", () => {
  it.each([
    ["需要单点登录", 2, 6, "ok"],
    ["需要单点登录", 4, 4, "empty"],
    ["需要单点登录", 5, 2, "empty"],
    ["需要单点登录", 2, 7, "out_of_range"],
    ["需要单点登录", -1, 2, "out_of_range"],
    ["a   b", 1, 4, "blank"],
    // 😀 is two code units: a range may not start or end in the middle of it.
    ["a😀b", 2, 4, "splits_character"],
    ["a😀b", 1, 2, "splits_character"],
    ["a😀b", 1, 3, "ok"],
  ] as const)("%s [%i, %i) is %s", (notes, start, end, expected) => {
    expect(passageCheckRange(notes, start, end)).toBe(expected);
  });
});
