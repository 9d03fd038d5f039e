/**
 * A word-level diff for the version history: which words of a text were removed and which were added. Chinese has
 * no spaces between words, so the text is cut into words with the browser's word segmenter (`Intl.Segmenter`,
 * dictionary-based for Chinese) where there is one, and into single Han characters otherwise.
 */

export type DiffOp = "same" | "added" | "removed";
export type DiffSegment = { op: DiffOp; text: string };

type Segmenter = { segment: (text: string) => Iterable<{ segment: string }> };

function makeSegmenter(): Segmenter | null {
  const Ctor = (Intl as { Segmenter?: new (locale: string, options: { granularity: "word" }) => Segmenter }).Segmenter;
  return Ctor ? new Ctor("zh", { granularity: "word" }) : null;
}

let segmenter: Segmenter | null | undefined;

/** Words, runs of spaces and punctuation marks (each its own token), or single Han characters without a segmenter. */
const FALLBACK_TOKEN = /\p{Script=Han}|[\p{L}\p{N}_]+|\s+|[^\s\p{L}\p{N}_]/gu;

/**
 * Cuts `text` into tokens that join back into it exactly.
 *
 * `tokenizeWords("Support 500 users")` → `["Support", " ", "500", " ", "users"]`;
 * `tokenizeWords("支持单点登录")` → `["支持", "单点", "登录"]` with a segmenter (`["支", "持", …]` without).
 */
export function tokenizeWords(text: string, useSegmenter = true): string[] {
  if (text === "") return [];
  if (useSegmenter) {
    segmenter ??= makeSegmenter();
    if (segmenter) return Array.from(segmenter.segment(text), (s) => s.segment);
  }
  return text.match(FALLBACK_TOKEN) ?? [text];
}

/** Above this many token pairs the diff stops looking for common words and shows "all removed, all added". */
const MAX_CELLS = 1_000_000;

/**
 * The word diff from `before` to `after`: common head and tail kept, the middle by longest common subsequence,
 * adjacent tokens with the same operation merged. A removal is listed before the addition that replaces it.
 *
 * @example
 * wordDiff("Support 500 concurrent users", "Support 5,000 concurrent users")
 * // [{ op: "same", text: "Support " }, { op: "removed", text: "500" }, { op: "added", text: "5,000" },
 * //  { op: "same", text: " concurrent users" }]
 */
export function wordDiff(before: string, after: string, useSegmenter = true): DiffSegment[] {
  const a = tokenizeWords(before, useSegmenter);
  const b = tokenizeWords(after, useSegmenter);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const out: DiffSegment[] = [];
  const push = (op: DiffOp, text: string) => {
    if (text === "") return;
    const last = out.at(-1);
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  for (const token of a.slice(0, head)) push("same", token);
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  for (const segment of middle(midA, midB)) push(segment.op, segment.text);
  for (const token of a.slice(a.length - tail)) push("same", token);
  return out;
}

function middle(a: string[], b: string[]): DiffSegment[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    return [...a.map((text): DiffSegment => ({ op: "removed", text })), ...b.map((text): DiffSegment => ({ op: "added", text }))];
  }
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const out: DiffSegment[] = [];
  // Removals and additions between two common tokens are gathered, so a replaced word reads "old → new".
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    for (const text of removed) out.push({ op: "removed", text });
    for (const text of added) out.push({ op: "added", text });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const ai = a[i] ?? "";
    const bj = b[j] ?? "";
    if (ai === bj) {
      flush();
      out.push({ op: "same", text: ai });
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) {
      removed.push(ai);
      i++;
    } else {
      added.push(bj);
      j++;
    }
  }
  for (; i < n; i++) removed.push(a[i] ?? "");
  for (; j < m; j++) added.push(b[j] ?? "");
  flush();
  return out;
}

/**
 * Whether a diff is worth showing word by word: when most of the text changed, "before → after" in full reads
 * better than a patchwork.
 */
export function diffIsReadable(segments: readonly DiffSegment[]): boolean {
  let same = 0;
  let total = 0;
  for (const s of segments) {
    const length = s.text.trim().length;
    total += length;
    if (s.op === "same") same += length;
  }
  return total === 0 || same / total >= 0.3;
}
