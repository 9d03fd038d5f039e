import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonEqual, requirementSnapshotDiff, textLineDiff, type LineChange, type RequirementSnapshot } from "./requirement-snapshot";

const v1: RequirementSnapshot = {
  title: "Login",
  description: "Users sign in.\nWith a password.",
  type: "functional",
  status: "draft",
  statusReason: null,
  ownerId: null,
  tags: [],
  acceptanceCriteria: [{ id: "c1", text: "Wrong password is refused" }],
  moscow: null,
  clientPriority: null,
  rank: 1,
};

/** Rebuilds both texts from a line diff. */
const sides = (diff: LineChange[]) => ({
  before: diff.filter((d) => d.op !== "added").map((d) => d.text),
  after: diff.filter((d) => d.op !== "removed").map((d) => d.text),
});

describe("requirementSnapshotDiff", () => {
  it("lists every filled field of a first version", () => {
    expect(requirementSnapshotDiff(null, v1).map((c) => c.field)).toEqual(["title", "description", "type", "status", "acceptanceCriteria", "rank"]);
  });

  it("lists only what changed, in field order, with a line diff for the description", () => {
    const v2: RequirementSnapshot = {
      ...v1,
      title: "SSO login",
      description: "Users sign in.\nWith the client's SSO.",
      tags: ["auth"],
      acceptanceCriteria: [{ text: "Wrong password is refused", id: "c1" }],
    };
    const diff = requirementSnapshotDiff(v1, v2);
    expect(diff.map((c) => [c.field, c.before, c.after])).toEqual([
      ["title", "Login", "SSO login"],
      ["description", v1.description, v2.description],
      ["tags", [], ["auth"]],
    ]);
    expect(diff[1]?.lines).toEqual([
      { op: "same", text: "Users sign in." },
      { op: "removed", text: "With a password." },
      { op: "added", text: "With the client's SSO." },
    ]);
    expect(requirementSnapshotDiff(v1, { ...v1 })).toEqual([]);
  });
});

describe("textLineDiff", () => {
  it("keeps the common lines and marks the rest", () => {
    expect(textLineDiff("a\nb\nc", "a\nB\nc")).toEqual([
      { op: "same", text: "a" },
      { op: "removed", text: "b" },
      { op: "added", text: "B" },
      { op: "same", text: "c" },
    ]);
    expect(textLineDiff("", "x")).toEqual([{ op: "added", text: "x" }]);
    expect(textLineDiff("x", "")).toEqual([{ op: "removed", text: "x" }]);
  });

  it("always rebuilds both texts, and keeps a longest common subsequence", () => {
    const text = fc.array(fc.constantFrom("a", "b", "c", "需求", ""), { maxLength: 12 }).map((l) => l.join("\n"));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = textLineDiff(before, after);
        const { before: b, after: a } = sides(diff);
        expect(b.join("\n")).toBe(before === "" ? "" : before);
        expect(a.join("\n")).toBe(after === "" ? "" : after);
        if (before === after) expect(diff.every((d) => d.op === "same")).toBe(true);
      }),
    );
  });
});

describe("jsonEqual", () => {
  it("compares structurally, ignoring key order", () => {
    expect(jsonEqual({ a: [1, { b: 2, c: 3 }] }, { a: [1, { c: 3, b: 2 }] })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
  });
});
