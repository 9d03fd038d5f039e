/**
 * From a text selection in the notes view back to offsets of the stored notes.
 *
 * The view renders the notes' markdown source as it is (`white-space: pre-wrap`), cut into runs. Every element that
 * stands for notes text says which part with `data-ns` (start) and `data-ne` (end, exclusive); a run's single text
 * node is exactly `notes.slice(ns, ne)`. Decorations that are not notes text (the REQ key after a highlighted
 * passage) carry `data-nx` and a zero-length range at the place they sit, so a selection that ends inside one ends
 * there. Offsets count UTF-16 code units, as both the DOM and the API do.
 */

/** The little of a DOM node this needs (so the mapping is testable without a browser). */
export type NodeLike = {
  nodeType: number;
  parentNode: NodeLike | null;
  childNodes: ArrayLike<NodeLike>;
  getAttribute?: (name: string) => string | null;
};

const TEXT_NODE = 3;

export const NOTES_START_ATTR = "data-ns";
export const NOTES_END_ATTR = "data-ne";
/** Marks an element whose text is not part of the notes. */
export const NOTES_EXTRA_ATTR = "data-nx";

function range(node: NodeLike): { start: number; end: number; extra: boolean } | null {
  const start = node.getAttribute?.(NOTES_START_ATTR);
  const end = node.getAttribute?.(NOTES_END_ATTR);
  if (start === null || start === undefined || end === null || end === undefined) return null;
  return { start: Number(start), end: Number(end), extra: node.getAttribute?.(NOTES_EXTRA_ATTR) !== null };
}

/** The nearest element at or above `node` that maps to the notes. */
function mappedAncestor(node: NodeLike | null): { node: NodeLike; start: number; end: number; extra: boolean } | null {
  for (let current = node; current; current = current.parentNode) {
    const r = range(current);
    if (r) return { node: current, ...r };
  }
  return null;
}

/** The notes offset where `node` begins: its own start, or that of the first mapped node inside it. */
function startOf(node: NodeLike): number | null {
  const r = range(node);
  if (r) return r.start;
  if (node.nodeType === TEXT_NODE) {
    const parent = mappedAncestor(node.parentNode);
    if (!parent) return null;
    return parent.extra ? parent.start : boundaryOffset(node, 0);
  }
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i];
    const at = child ? startOf(child) : null;
    if (at !== null) return at;
  }
  return null;
}

/** The notes offset where `node` ends. */
function endOf(node: NodeLike): number | null {
  const r = range(node);
  if (r) return r.end;
  for (let i = node.childNodes.length - 1; i >= 0; i--) {
    const child = node.childNodes[i];
    const at = child ? endOf(child) : null;
    if (at !== null) return at;
  }
  return null;
}

/**
 * The notes offset of a selection boundary (a DOM `(node, offset)` pair as `Selection.anchorNode/anchorOffset`
 * give it), or null when the boundary is not inside the notes view.
 *
 * @example
 * // <div data-ns=0 data-ne=19><span data-ns=0 data-ne=6>"Needs "</span><mark data-ns=6 data-ne=9>…"SSO"…</mark>…
 * boundaryOffset(textNodeOf("SSO"), 2)  // → 8
 */
export function boundaryOffset(node: NodeLike, offset: number): number | null {
  if (node.nodeType === TEXT_NODE) {
    const parent = mappedAncestor(node.parentNode);
    if (!parent) return null;
    if (parent.extra) return parent.start;
    // A run holds exactly one text node; text nested deeper in a mapped element maps to that element's start.
    if (node.parentNode === parent.node) return Math.min(parent.start + offset, parent.end);
    return parent.start;
  }
  const own = mappedAncestor(node);
  if (!own) return null;
  if (own.extra) return own.start;
  if (own.node !== node) return own.start;
  // An element boundary sits before its `offset`-th child; past the last child it is the element's end.
  for (let i = offset; i < node.childNodes.length; i++) {
    const child = node.childNodes[i];
    const at = child ? startOf(child) : null;
    if (at !== null) return at;
  }
  for (let i = Math.min(offset, node.childNodes.length) - 1; i >= 0; i--) {
    const child = node.childNodes[i];
    const at = child ? endOf(child) : null;
    if (at !== null) return at;
  }
  return own.end;
}

/** A selected range of the notes: `start` < `end`, in notes offsets. */
export type NotesRange = { start: number; end: number };

/**
 * The notes range between two selection boundaries, in either order (a selection made backwards has its anchor
 * after its focus). Null when a boundary is outside the view or nothing is selected.
 */
export function selectionRange(a: { node: NodeLike; offset: number }, b: { node: NodeLike; offset: number }): NotesRange | null {
  const x = boundaryOffset(a.node, a.offset);
  const y = boundaryOffset(b.node, b.offset);
  if (x === null || y === null || x === y) return null;
  return { start: Math.min(x, y), end: Math.max(x, y) };
}

/**
 * Trims white space off both ends of a range (a double click or a drag often takes a trailing space or line
 * break), so the passage covers the words.
 *
 * @example
 * trimRange("Needs SSO \n", { start: 5, end: 11 })  // → { start: 6, end: 9 }
 */
export function trimRange(notes: string, r: NotesRange): NotesRange | null {
  let { start, end } = r;
  while (start < end && /\s/.test(notes.charAt(start))) start++;
  while (end > start && /\s/.test(notes.charAt(end - 1))) end--;
  return start < end ? { start, end } : null;
}
