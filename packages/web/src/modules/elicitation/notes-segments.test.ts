import { describe, expect, it } from "vitest";
import { notesSegments } from "./notes-segments";

const at = (id: string, start: number, end: number, detached = false) => ({ id, start, end, detached });

describe("notesSegments", () => {
  it("is the whole notes as plain text without passages", () => {
    expect(notesSegments("abc", [])).toEqual([{ start: 0, end: 3, text: "abc", passageIds: [], endsPassageIds: [] }]);
  });

  it("is nothing for empty notes", () => {
    expect(notesSegments("", [at("p", 0, 0)])).toEqual([]);
  });

  it("cuts the notes around a passage", () => {
    const segments = notesSegments("Needs SSO and audit", [at("p1", 6, 9)]);
    expect(segments.map((s) => [s.text, s.passageIds, s.endsPassageIds])).toEqual([
      ["Needs ", [], []],
      ["SSO", ["p1"], ["p1"]],
      [" and audit", [], []],
    ]);
  });

  it("gives overlapping passages shared runs, and each passage ends once", () => {
    //            0123456789012345678
    const notes = "Needs SSO and audit";
    const segments = notesSegments(notes, [at("a", 0, 9), at("b", 6, 19)]);
    expect(segments.map((s) => [s.text, s.passageIds, s.endsPassageIds])).toEqual([
      ["Needs ", ["a"], []],
      ["SSO", ["a", "b"], ["a"]],
      [" and audit", ["b"], ["b"]],
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(notes);
  });

  it("handles a passage nested in another and two passages on the same range", () => {
    const segments = notesSegments("abcdef", [at("outer", 0, 6), at("inner", 2, 4), at("twin", 2, 4)]);
    expect(segments.map((s) => [s.text, s.passageIds, s.endsPassageIds])).toEqual([
      ["ab", ["outer"], []],
      ["cd", ["outer", "inner", "twin"], ["inner", "twin"]],
      ["ef", ["outer"], ["outer"]],
    ]);
  });

  it("leaves out detached passages and ranges outside the notes", () => {
    const segments = notesSegments("abc", [at("gone", 0, 2, true), at("past", 2, 9), at("empty", 1, 1)]);
    expect(segments).toEqual([{ start: 0, end: 3, text: "abc", passageIds: [], endsPassageIds: [] }]);
  });

  it("keeps offsets in UTF-16 code units (emoji, Chinese)", () => {
    const notes = "😀需要审计";
    const segments = notesSegments(notes, [at("p", 2, 4)]);
    expect(segments.map((s) => s.text)).toEqual(["😀", "需要", "审计"]);
  });
});
