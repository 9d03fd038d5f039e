import { describe, expect, it } from "vitest";
import { criteriaChanges, describeChange, describeLines, foldUnchanged } from "./version-diff";

describe("describeChange", () => {
  it("shows a title change word by word", () => {
    const view = describeChange({ field: "title", before: "Login with password", after: "Login with SSO" });
    expect(view).toMatchObject({ kind: "text", before: "Login with password", after: "Login with SSO" });
    expect(view.kind === "text" && view.segments).toEqual([
      { op: "same", text: "Login with " },
      { op: "removed", text: "password" },
      { op: "added", text: "SSO" },
    ]);
  });

  it("shows a first title (nothing before) without a word diff", () => {
    expect(describeChange({ field: "title", before: null, after: "Login" })).toMatchObject({ kind: "text", before: null, after: "Login", segments: null });
  });

  it("lists tags added and removed", () => {
    expect(describeChange({ field: "tags", before: ["auth", "web"], after: ["auth", "sso"] })).toEqual({
      kind: "tags",
      field: "tags",
      added: ["sso"],
      removed: ["web"],
    });
  });

  it("keeps plain values for the caller to label", () => {
    expect(describeChange({ field: "status", before: "draft", after: "in_analysis" })).toEqual({
      kind: "value",
      field: "status",
      before: "draft",
      after: "in_analysis",
    });
  });

  it("diffs the description even without the server's line diff", () => {
    const view = describeChange({ field: "description", before: "a\nb", after: "a\nb\nc" });
    expect(view).toEqual({ kind: "description", field: "description", collapsed: 0, lines: [{ op: "same", text: "a" }, { op: "same", text: "b" }, { op: "added", text: "c" }] });
  });
});

describe("description lines", () => {
  it("pairs a rewritten line into a word diff", () => {
    const lines = describeLines([
      { op: "same", text: "# Login" },
      { op: "removed", text: "Users sign in with a password." },
      { op: "added", text: "Users sign in with the client's SSO." },
    ]);
    expect(lines[0]).toEqual({ op: "same", text: "# Login" });
    expect(lines[1]?.op).toBe("changed");
  });

  it("keeps unequal runs as removed then added", () => {
    const lines = describeLines([
      { op: "removed", text: "one" },
      { op: "added", text: "two" },
      { op: "added", text: "three" },
    ]);
    expect(lines.map((l) => l.op)).toEqual(["removed", "added", "added"]);
  });

  it("folds long unchanged stretches", () => {
    const same = (n: number) => Array.from({ length: n }, (_, i) => ({ op: "same" as const, text: `line ${i}` }));
    const { lines, collapsed } = foldUnchanged([...same(10), { op: "added", text: "new" }, ...same(10)]);
    expect(lines).toHaveLength(5);
    expect(collapsed).toBe(16);
  });
});

describe("criteriaChanges", () => {
  const a = { id: "a", text: "Users can log in" };
  const b = { id: "b", text: "Users can log out" };
  const c = { id: "c", text: "Sessions expire after 30 minutes" };

  it("matches criteria by id", () => {
    const changes = criteriaChanges([a, b], [{ ...a, text: "Users can log in with SSO" }, c]);
    expect(changes.map((x) => x.op)).toEqual(["removed", "changed", "added"]);
    expect(changes[0]).toEqual({ op: "removed", text: b.text });
    expect(changes[2]).toEqual({ op: "added", text: c.text });
  });

  it("notices a reorder", () => {
    expect(criteriaChanges([a, b], [b, a])).toEqual([
      { op: "moved", text: b.text, from: 2, to: 1 },
      { op: "moved", text: a.text, from: 1, to: 2 },
    ]);
  });

  it("does not call an item moved because another was added before it", () => {
    expect(criteriaChanges([a], [c, a])).toEqual([{ op: "added", text: c.text }]);
  });
});
