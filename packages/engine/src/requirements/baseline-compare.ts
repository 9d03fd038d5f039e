/**
 * Scope baselines: which requirements a baseline holds, how two baselines (or a baseline and the register today)
 * differ, and the scope-creep figure since the first baseline. Pure; the server loads the snapshots.
 *
 * What counts as a scope change (docs/requirements.md, "Baselines and scope creep"):
 * - `added` / `removed`: the requirement is in scope on one side only. A requirement rejected or deferred since (or
 *   sent back to the client, or gone) is removed.
 * - `changed`: what was agreed differs — title, description, type, acceptance criteria, MoSCoW or the client's
 *   priority (`BASELINE_SCOPE_FIELDS`).
 * - `adjusted`: only other fields differ — owner, tags, rank, scoring inputs. Listed apart and never counted as scope
 *   creep: nobody agreed a different thing.
 * - status and status reason are ignored: approved → baselined → delivered → accepted is progress within scope.
 */
import { requirementSnapshotDiff, type FieldChange, type RequirementSnapshot, type RequirementSnapshotField } from "./requirement-snapshot";
import type { RequirementStatus } from "./requirement-workflow";

/** The prefix of a baseline's key: `BL-1`, `BL-2`, … per project. */
export const BASELINE_KEY_PREFIX = "BL-";

/**
 * The key of baseline `number` of a project.
 *
 * @example
 * baselineKey(3); // "BL-3"
 */
export function baselineKey(number: number): string {
  return `${BASELINE_KEY_PREFIX}${number}`;
}

/** The statuses a baseline holds: agreed with the client, and on. */
export const BASELINE_SCOPE_STATUSES = ["approved", "baselined", "delivered", "accepted"] as const satisfies readonly RequirementStatus[];

/** The statuses left out of a baseline because they are not agreed yet (with the team, or awaiting the client). */
export const BASELINE_PENDING_STATUSES = ["draft", "in_analysis", "awaiting_client"] as const satisfies readonly RequirementStatus[];

/**
 * Whether a requirement in `status` belongs in a baseline.
 *
 * @example
 * baselineScopeIncludes("delivered"); // true
 * baselineScopeIncludes("awaiting_client"); // false: the client has not agreed yet
 */
export function baselineScopeIncludes(status: RequirementStatus): boolean {
  return (BASELINE_SCOPE_STATUSES as readonly RequirementStatus[]).includes(status);
}

/**
 * Whether a requirement in `status` is still on its way to a baseline (a baseline taken now leaves it out).
 *
 * @example
 * baselinePendingIncludes("in_analysis"); // true
 * baselinePendingIncludes("rejected"); // false: out of scope, not pending
 */
export function baselinePendingIncludes(status: RequirementStatus): boolean {
  return (BASELINE_PENDING_STATUSES as readonly RequirementStatus[]).includes(status);
}

/** The fields whose change is a change of scope. */
export const BASELINE_SCOPE_FIELDS = ["title", "description", "type", "acceptanceCriteria", "moscow", "clientPriority"] as const satisfies readonly RequirementSnapshotField[];

/** One requirement as a baseline holds it (or as it stands today). */
export type BaselineItem = { requirementId: string; number: number; version: number; snapshot: RequirementSnapshot };

/** A requirement on both sides whose fields differ; `changes` lists every differing field but status and reason. */
export type BaselineChangedItem = { before: BaselineItem; after: BaselineItem; changes: FieldChange[] };

/** A requirement in scope before and not after; `after` is how it stands out of scope, or null when it is gone. */
export type BaselineRemovedItem = { before: BaselineItem; after: BaselineItem | null };

export type BaselineCompareCounts = {
  /** In scope on each side. */
  from: number;
  to: number;
  added: number;
  removed: number;
  changed: number;
  adjusted: number;
  unchanged: number;
};

export type BaselineComparison = {
  /** By key (`number`), each list. */
  added: BaselineItem[];
  removed: BaselineRemovedItem[];
  changed: BaselineChangedItem[];
  adjusted: BaselineChangedItem[];
  counts: BaselineCompareCounts;
};

const IGNORED_FIELDS: readonly RequirementSnapshotField[] = ["status", "statusReason"];
const byNumber = (a: { number: number }, b: { number: number }) => a.number - b.number;

/** The first item of each requirement id. */
function indexById(items: readonly BaselineItem[]): Map<string, BaselineItem> {
  const map = new Map<string, BaselineItem>();
  for (const item of items) if (!map.has(item.requirementId)) map.set(item.requirementId, item);
  return map;
}

/**
 * How scope differs from `from` to `to`. Either side may hold requirements out of scope (a register read whole, say):
 * those count as absent, and a requirement that left scope is reported with how it stands now. Ids are expected to
 * be unique per side (a repeat is ignored). Invariants: `added + changed + adjusted + unchanged = to` and
 * `removed + changed + adjusted + unchanged = from`.
 *
 * @example
 * // BL-1 held REQ-1 and REQ-2; today REQ-1's title changed, REQ-2 was rejected, REQ-3 was approved.
 * baselineCompare(bl1, today).counts; // { from: 2, to: 2, added: 1, removed: 1, changed: 1, adjusted: 0, unchanged: 0 }
 */
export function baselineCompare(from: readonly BaselineItem[], to: readonly BaselineItem[]): BaselineComparison {
  const fromAll = indexById(from);
  const toAll = indexById(to);
  const added: BaselineItem[] = [];
  const removed: BaselineRemovedItem[] = [];
  const changed: BaselineChangedItem[] = [];
  const adjusted: BaselineChangedItem[] = [];
  let unchanged = 0;
  let fromCount = 0;
  let toCount = 0;
  for (const before of fromAll.values()) {
    if (!baselineScopeIncludes(before.snapshot.status)) continue;
    fromCount++;
    const after = toAll.get(before.requirementId) ?? null;
    if (after === null || !baselineScopeIncludes(after.snapshot.status)) {
      removed.push({ before, after });
      continue;
    }
    const changes = requirementSnapshotDiff(before.snapshot, after.snapshot).filter((c) => !IGNORED_FIELDS.includes(c.field));
    if (changes.length === 0) unchanged++;
    else if (changes.some((c) => (BASELINE_SCOPE_FIELDS as readonly string[]).includes(c.field))) changed.push({ before, after, changes });
    else adjusted.push({ before, after, changes });
  }
  for (const after of toAll.values()) {
    if (!baselineScopeIncludes(after.snapshot.status)) continue;
    toCount++;
    const before = fromAll.get(after.requirementId);
    if (before === undefined || !baselineScopeIncludes(before.snapshot.status)) added.push(after);
  }
  added.sort(byNumber);
  removed.sort((a, b) => byNumber(a.before, b.before));
  changed.sort((a, b) => byNumber(a.before, b.before));
  adjusted.sort((a, b) => byNumber(a.before, b.before));
  return {
    added,
    removed,
    changed,
    adjusted,
    counts: { from: fromCount, to: toCount, added: added.length, removed: removed.length, changed: changed.length, adjusted: adjusted.length, unchanged },
  };
}

/** Added, changed and removed requirements: the three numbers of scope creep. */
export type ScopeCreepCounts = { added: number; changed: number; removed: number };

/**
 * Scope creep from the first baseline to a later state. Percentages are of the first baseline's size, to one decimal
 * (null when it held nothing); `totalPercent` adds the three, so it can pass 100. `netChange` is the growth in the
 * number of requirements (`added − removed`).
 */
export type ScopeCreepFigure = ScopeCreepCounts & {
  baseSize: number;
  currentSize: number;
  netChange: number;
  addedPercent: number | null;
  changedPercent: number | null;
  removedPercent: number | null;
  totalPercent: number | null;
};

/** `part` as a percentage of `whole`, to one decimal; null when `whole` is 0. */
export function scopeCreepPercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/**
 * The scope-creep figure from `first` (the first baseline) to `later` (a later baseline, or the register today).
 *
 * @example
 * // BL-1 held 10 requirements; since then 2 were added, 1 changed, 1 removed.
 * scopeCreepFigure(bl1, today);
 * // { added: 2, changed: 1, removed: 1, baseSize: 10, currentSize: 11, netChange: 1,
 * //   addedPercent: 20, changedPercent: 10, removedPercent: 10, totalPercent: 40 }
 */
export function scopeCreepFigure(first: readonly BaselineItem[], later: readonly BaselineItem[]): ScopeCreepFigure {
  const { counts } = baselineCompare(first, later);
  return {
    added: counts.added,
    changed: counts.changed,
    removed: counts.removed,
    baseSize: counts.from,
    currentSize: counts.to,
    netChange: counts.to - counts.from,
    addedPercent: scopeCreepPercent(counts.added, counts.from),
    changedPercent: scopeCreepPercent(counts.changed, counts.from),
    removedPercent: scopeCreepPercent(counts.removed, counts.from),
    totalPercent: scopeCreepPercent(counts.added + counts.changed + counts.removed, counts.from),
  };
}

/** One point of the scope-creep chart: a baseline (or today), its size, and what changed since the first and the previous one. */
export type ScopeCreepPoint<L> = { label: L; size: number; sinceFirst: ScopeCreepCounts; sincePrevious: ScopeCreepCounts };

const countsOf = (c: BaselineCompareCounts): ScopeCreepCounts => ({ added: c.added, changed: c.changed, removed: c.removed });

/**
 * The scope-creep series over `states` in order (the baselines oldest first, then today if wanted). The first point
 * is all zeros; each later one holds what changed since the first state and since the one before it.
 *
 * @example
 * scopeCreepSeries([{ label: "BL-1", items: bl1 }, { label: "BL-2", items: bl2 }, { label: "today", items: today }]);
 * // [{ label: "BL-1", size: 10, sinceFirst: {0,0,0}, sincePrevious: {0,0,0} }, { label: "BL-2", … }, …]
 */
export function scopeCreepSeries<L>(states: readonly { label: L; items: readonly BaselineItem[] }[]): ScopeCreepPoint<L>[] {
  const first = states[0];
  if (first === undefined) return [];
  return states.map((state, i) => {
    const previous = states[i - 1] ?? first;
    const sinceFirst = baselineCompare(first.items, state.items).counts;
    return { label: state.label, size: sinceFirst.to, sinceFirst: countsOf(sinceFirst), sincePrevious: countsOf(baselineCompare(previous.items, state.items).counts) };
  });
}

/** An open conflict between two requirements, by id. */
export type BaselineConflictEdge = { id: string; fromId: string; toId: string };

/**
 * The open conflicts that block a baseline: those with at least one end in scope (`inScopeIds`). A conflict between
 * two requirements that are both out of scope (rejected, still in analysis) does not block.
 *
 * @example
 * baselineConflictBlockers([{ id: "c", fromId: "r1", toId: "r9" }], new Set(["r1"])); // [{ id: "c", … }]
 */
export function baselineConflictBlockers<E extends BaselineConflictEdge>(conflicts: readonly E[], inScopeIds: ReadonlySet<string>): E[] {
  return conflicts.filter((c) => inScopeIds.has(c.fromId) || inScopeIds.has(c.toId));
}
