import { describe, expect, it } from "vitest";
import { boundaryOffset, selectionRange, trimRange, type NodeLike } from "./notes-selection";
import { notesSegments } from "./notes-segments";

/** A tiny stand-in for the DOM the notes view renders. */
type FakeNode = NodeLike & { childNodes: FakeNode[]; parentNode: FakeNode | null; text?: string };

function el(attrs: Record<string, string | number>, ...children: FakeNode[]): FakeNode {
  const node: FakeNode = {
    nodeType: 1,
    parentNode: null,
    childNodes: children,
    getAttribute: (name) => (name in attrs ? String(attrs[name]) : null),
  };
  for (const child of children) child.parentNode = node;
  return node;
}
function text(value: string): FakeNode {
  return { nodeType: 3, parentNode: null, childNodes: [], text: value };
}

/**
 * Renders notes the way the notes view does: a root covering the notes, a run per segment (a `mark` for passages),
 * and after each passage's last run an extra (the REQ key) that is not notes text.
 */
function render(notes: string, passages: { id: string; start: number; end: number }[]) {
  const segments = notesSegments(
    notes,
    passages.map((p) => ({ ...p, detached: false })),
  );
  const texts: FakeNode[] = [];
  const children: FakeNode[] = [];
  for (const segment of segments) {
    const t = text(segment.text);
    texts.push(t);
    children.push(el({ "data-ns": segment.start, "data-ne": segment.end }, t));
    for (const id of segment.endsPassageIds) {
      children.push(el({ "data-ns": segment.end, "data-ne": segment.end, "data-nx": "" }, el({}, text(`REQ-${id}`))));
    }
  }
  const root = el({ "data-ns": 0, "data-ne": notes.length }, ...children);
  return { root, texts, children };
}

describe("boundaryOffset", () => {
  const notes = "Needs SSO and audit";
  const view = render(notes, [{ id: "1", start: 6, end: 9 }]);

  it("maps a point in a run's text node to the notes offset", () => {
    expect(boundaryOffset(view.texts[0]!, 0)).toBe(0);
    expect(boundaryOffset(view.texts[0]!, 3)).toBe(3);
    expect(boundaryOffset(view.texts[1]!, 2)).toBe(8);
    expect(boundaryOffset(view.texts[2]!, 4)).toBe(13);
  });

  it("maps a point inside the REQ key (not notes text) to where the key sits", () => {
    const badge = view.children[2]!;
    const badgeText = badge.childNodes[0]!.childNodes[0]!;
    expect(boundaryOffset(badgeText, 3)).toBe(9);
    expect(boundaryOffset(badge, 0)).toBe(9);
  });

  it("maps element boundaries (between children) to the next child's start or the last child's end", () => {
    expect(boundaryOffset(view.root, 0)).toBe(0);
    expect(boundaryOffset(view.root, 1)).toBe(6);
    expect(boundaryOffset(view.root, 3)).toBe(9);
    expect(boundaryOffset(view.root, view.root.childNodes.length)).toBe(notes.length);
  });

  it("returns null outside the view", () => {
    const outside = el({}, text("elsewhere"));
    expect(boundaryOffset(outside.childNodes[0]!, 2)).toBeNull();
    expect(boundaryOffset(outside, 0)).toBeNull();
  });

  it("counts UTF-16 code units, as String.slice does (Chinese and emoji)", () => {
    const zh = "客户需要单点登录😀和审计";
    const v = render(zh, [{ id: "1", start: 4, end: 8 }]);
    // "单点登录" is the second run.
    expect(boundaryOffset(v.texts[1]!, 0)).toBe(4);
    expect(boundaryOffset(v.texts[1]!, 4)).toBe(8);
    // The emoji is two code units: "和" starts at 10.
    expect(zh.slice(boundaryOffset(v.texts[2]!, 2)!, boundaryOffset(v.texts[2]!, 3)!)).toBe("和");
  });
});

describe("selectionRange", () => {
  const notes = "Needs SSO and audit";
  const view = render(notes, [{ id: "1", start: 6, end: 9 }]);

  it("spans runs and passages, and the excerpt is exactly the notes slice", () => {
    const r = selectionRange({ node: view.texts[0]!, offset: 2 }, { node: view.texts[2]!, offset: 4 });
    expect(r).toEqual({ start: 2, end: 13 });
    expect(notes.slice(r!.start, r!.end)).toBe("eds SSO and");
  });

  it("orders a backwards selection", () => {
    expect(selectionRange({ node: view.texts[2]!, offset: 4 }, { node: view.texts[0]!, offset: 2 })).toEqual({ start: 2, end: 13 });
  });

  it("leaves out the REQ key when the selection runs through it", () => {
    const badgeText = view.children[2]!.childNodes[0]!.childNodes[0]!;
    const r = selectionRange({ node: view.texts[1]!, offset: 0 }, { node: badgeText, offset: 5 });
    expect(notes.slice(r!.start, r!.end)).toBe("SSO");
  });

  it("is null for a collapsed selection or one that leaves the view", () => {
    expect(selectionRange({ node: view.texts[0]!, offset: 2 }, { node: view.texts[0]!, offset: 2 })).toBeNull();
    const outside = text("x");
    expect(selectionRange({ node: view.texts[0]!, offset: 2 }, { node: outside, offset: 0 })).toBeNull();
  });
});

describe("trimRange", () => {
  it("drops white space at both ends", () => {
    expect(trimRange("Needs SSO \n", { start: 5, end: 11 })).toEqual({ start: 6, end: 9 });
  });
  it("is null when only white space was selected", () => {
    expect(trimRange("a  \n b", { start: 1, end: 4 })).toBeNull();
  });
});
