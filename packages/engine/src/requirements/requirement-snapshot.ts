/**
 * A requirement's user-visible fields as one value (what every version stores), and the field-level difference
 * between two versions that the history shows.
 */
import type { RequirementPriorityInputs } from "./requirement-priority";
import type { RequirementStatus } from "./requirement-workflow";

/** `functional`, then the non-functional kinds. */
export const REQUIREMENT_TYPES = ["functional", "performance", "security", "usability", "reliability", "compliance", "other"] as const;
export type RequirementType = (typeof REQUIREMENT_TYPES)[number];

/**
 * Whether a type is a non-functional (quality) requirement.
 *
 * @example
 * requirementTypeIsNonFunctional("performance"); // true
 */
export function requirementTypeIsNonFunctional(type: RequirementType): boolean {
  return type !== "functional";
}

/** MoSCoW tiers, most important first (`wont` = agreed out of scope for now). */
export const MOSCOW_PRIORITIES = ["must", "should", "could", "wont"] as const;
export type MoscowPriority = (typeof MOSCOW_PRIORITIES)[number];

export type AcceptanceCriterion = { id: string; text: string };

export type RequirementSnapshot = {
  title: string;
  description: string;
  type: RequirementType;
  status: RequirementStatus;
  statusReason: string | null;
  ownerId: string | null;
  tags: string[];
  acceptanceCriteria: AcceptanceCriterion[];
  moscow: MoscowPriority | null;
  /** The client's own priority, 1 (highest) to 5, or null when they have not said. */
  clientPriority: number | null;
  rank: number;
  /**
   * The scoring models' inputs (RICE, WSJF, weighted criteria), left out while none is entered — so the versions
   * written before prioritisation existed compare equal to those written since.
   */
  priorityInputs?: RequirementPriorityInputs;
};

/** The snapshot's fields in the order a history lists their changes. */
export const REQUIREMENT_SNAPSHOT_FIELDS = [
  "title",
  "description",
  "type",
  "status",
  "statusReason",
  "ownerId",
  "tags",
  "acceptanceCriteria",
  "moscow",
  "clientPriority",
  "rank",
  "priorityInputs",
] as const satisfies readonly (keyof RequirementSnapshot)[];
export type RequirementSnapshotField = (typeof REQUIREMENT_SNAPSHOT_FIELDS)[number];

export type LineChange = { op: "same" | "added" | "removed"; text: string };

export type FieldChange = {
  field: RequirementSnapshotField;
  before: unknown;
  after: unknown;
  /** For the markdown description: a line-by-line diff, for a readable history. */
  lines?: LineChange[];
};

/**
 * Structural equality of JSON values (objects compared key by key, whatever their key order).
 *
 * @example
 * jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }); // true
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The fields that differ from `before` to `after`, in `REQUIREMENT_SNAPSHOT_FIELDS` order. With no `before` (the
 * first version) every field that holds something is listed, with `before: null`. A changed description also
 * carries its line diff.
 *
 * @example
 * requirementSnapshotDiff(v1, { ...v1, title: "SSO login", tags: ["auth"] });
 * // [{ field: "title", before: "Login", after: "SSO login" }, { field: "tags", before: [], after: ["auth"] }]
 */
export function requirementSnapshotDiff(before: RequirementSnapshot | null, after: RequirementSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of REQUIREMENT_SNAPSHOT_FIELDS) {
    // An optional field left out reads as null, so "never set" and "cleared" are the same.
    const b: unknown = before ? (before[field] ?? null) : null;
    const a: unknown = after[field] ?? null;
    if (before === null && isEmptyValue(a)) continue;
    if (before !== null && jsonEqual(b, a)) continue;
    const change: FieldChange = { field, before: b, after: a };
    if (field === "description") change.lines = textLineDiff(typeof b === "string" ? b : "", after.description);
    changes.push(change);
  }
  return changes;
}

function isEmptyValue(value: unknown): boolean {
  return value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** Above this many cells the line diff stops looking for common lines inside the changed block. */
const LINE_DIFF_MAX_CELLS = 4_000_000;

/**
 * A line-by-line diff (longest common subsequence), common head and tail kept as `same`. Very large changed blocks
 * (more than ~2,000 × 2,000 lines) are shown as removed-then-added rather than searched.
 *
 * @example
 * textLineDiff("a\nb\nc", "a\nB\nc");
 * // [{ op: "same", text: "a" }, { op: "removed", text: "b" }, { op: "added", text: "B" }, { op: "same", text: "c" }]
 */
export function textLineDiff(before: string, after: string): LineChange[] {
  const a = before === "" ? [] : before.split("\n");
  const b = after === "" ? [] : after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const out: LineChange[] = a.slice(0, head).map((text) => ({ op: "same", text }));
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  out.push(...middleDiff(midA, midB));
  out.push(...a.slice(a.length - tail).map((text): LineChange => ({ op: "same", text })));
  return out;
}

function middleDiff(a: string[], b: string[]): LineChange[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > LINE_DIFF_MAX_CELLS) {
    return [...a.map((text): LineChange => ({ op: "removed", text })), ...b.map((text): LineChange => ({ op: "added", text }))];
  }
  // lcs[i * (m + 1) + j] = length of the LCS of a[i..] and b[j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const ai = a[i] ?? "";
    const bj = b[j] ?? "";
    if (ai === bj) {
      out.push({ op: "same", text: ai });
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) {
      out.push({ op: "removed", text: ai });
      i++;
    } else {
      out.push({ op: "added", text: bj });
      j++;
    }
  }
  for (; i < n; i++) out.push({ op: "removed", text: a[i] ?? "" });
  for (; j < m; j++) out.push({ op: "added", text: b[j] ?? "" });
  return out;
}
