/**
 * Measurable constraints in requirement texts: a number, its unit, how it binds (comparator) and the subject it
 * binds, as an interval of canonical values.
 *
 * - "support 500 concurrent users" → subject {concurrent, user}, 500 (a target: the stated sizing);
 * - "响应时间不超过 2 秒" → subject {响应时间}, ≤ 2000 ms (an explicit bound);
 * - "可用性 99.9%" → percent; "保留 3 年" → 3 × 365 days; "单个文件不超过 100MB" → ≤ 100 MB (1 GB = 1024 MB);
 * - "每天备份" → rate 1 per 86 400 s; "每秒 1000 次请求" → rate 1000/s; "2025年6月30日前" → date ≤ day 20269;
 * - "永久保存" → duration ∞.
 *
 * Comparators: explicit bounds ("at least", "不超过", "within", "以上") make half-open intervals; limit words
 * ("maximum", "上限", "up to", "最多") and bare numbers make targets — the value the requirement asks for — which are
 * points. Intersection decides compatibility, which gives the rules of packages/engine/README.md: two lower bounds
 * never conflict; a lower bound above an upper bound does; two targets that differ do; a target outside a bound
 * does.
 */
import { type ComparatorOp, type QuantityDimension, type QuantityUnit } from "./text-lexicon";
import type { ClausePolarity } from "./text-polarity";
import type { TextToken } from "./text-tokens";

/** How the constraint was stated: a bound on measured values, or the target value itself. */
export type ConstraintStated = "bound" | "target";

/** A measurable constraint, as an interval of canonical values (see `QuantityDimension`). */
export type TextConstraint = {
  readonly clause: number;
  readonly dimension: QuantityDimension;
  /** Money only: values in different currencies are never compared. */
  readonly currency?: string;
  readonly lo: number;
  readonly hi: number;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
  /** How it reads: ">=" for "at least 500" and for "support 500" (a target), "<=" for "不超过 2 秒", … */
  readonly comparator: ComparatorOp | "range";
  readonly stated: ConstraintStated;
  /** Subject terms (content terms around the number), unique, sorted. */
  readonly subject: readonly string[];
  /** As a person reads it: "≤ 2 s", "500", "≥ 99.9 %". */
  readonly display: string;
  /** Token index of the number in the text, for ordering. */
  readonly at: number;
};

/**
 * Time subjects that are the same thing in other words: deleting after N days and keeping for N days both state a
 * retention; expiring, logging out after inactivity and a session timeout state a session length.
 */
const TIME_SUBJECT_FOLDS: readonly { readonly into: string; readonly from: readonly string[] }[] = [
  { into: "c:retention", from: ["c:delete", "c:store"] },
  { into: "c:sessionlength", from: ["c:timeout", "c:logout", "c:session", "c:login", "c:online"] },
];

const OP_TEXT: Readonly<Record<ComparatorOp | "range", string>> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "~": "≈", range: "" };

type NumberToken = Extract<TextToken, { kind: "number" }>;
type DateToken = Extract<TextToken, { kind: "date" }>;

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "∞";
  return String(Math.round(value * 1000) / 1000);
}

function formatDay(day: number): string {
  // civil date from day number (inverse of dateDayNumber)
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

type Interval = { lo: number; hi: number; loOpen: boolean; hiOpen: boolean };

function intervalOf(op: ComparatorOp, value: number, target: boolean): Interval {
  if (target) return { lo: value, hi: value, loOpen: false, hiOpen: false };
  switch (op) {
    case ">=":
      return { lo: value, hi: Infinity, loOpen: false, hiOpen: true };
    case ">":
      return { lo: value, hi: Infinity, loOpen: true, hiOpen: true };
    case "<=":
      return { lo: -Infinity, hi: value, loOpen: true, hiOpen: false };
    case "<":
      return { lo: -Infinity, hi: value, loOpen: true, hiOpen: true };
    case "=":
      return { lo: value, hi: value, loOpen: false, hiOpen: false };
    case "~":
      return { lo: value * 0.9, hi: value * 1.1, loOpen: false, hiOpen: false };
  }
}

type Found = {
  index: number;
  end: number;
  dimension: QuantityDimension;
  currency?: string;
  interval: Interval;
  comparator: ComparatorOp | "range";
  stated: ConstraintStated;
  display: string;
};

function isContent(t: TextToken | undefined): boolean {
  return t?.kind === "word" || t?.kind === "concept";
}

function markerAt(tokens: readonly TextToken[], i: number): Extract<TextToken, { kind: "marker" }>["marker"] | undefined {
  const t = tokens[i];
  return t?.kind === "marker" ? t.marker : undefined;
}

/** The comparator written before the number (skipping modal words: "最多支持 500", "must be at least"). */
function comparatorBefore(tokens: readonly TextToken[], at: number): { op: ComparatorOp; target: boolean } | "after" | "before" | "every" | undefined {
  for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
    const m = markerAt(tokens, k);
    if (m === undefined) return undefined;
    if (m.type === "comparator" && !m.after) return { op: m.op, target: m.target };
    if (m.type === "after" || m.type === "before" || m.type === "every") return m.type;
    if (m.type !== "capability" && m.type !== "mandate") return undefined;
  }
  return undefined;
}

/** The comparator written after the number (and its unit): "500 or more", "2秒以内", "180天后". */
function comparatorAfter(tokens: readonly TextToken[], at: number): { op: ComparatorOp; consumed: number } | "after" | "before" | undefined {
  const m = markerAt(tokens, at);
  if (m === undefined) return undefined;
  if (m.type === "comparator" && (m.after || m.op === "~")) return { op: m.op, consumed: 1 };
  if (m.type === "after" || m.type === "before") return m.type;
  return undefined;
}

/**
 * Extracts the constraints of a tokenised text. `polarityOf(clause)` is −1 when a clause is prohibited ("cannot be
 * recalled after 2 minutes" covers the times after 2 minutes) and +1 otherwise ("deleted after 90 days" states
 * 90 days).
 *
 * @example
 * const t = textTokenize("响应时间不超过2秒");
 * textConstraintsExtract(t.tokens, () => 1)
 * // [{ dimension: "time", lo: -Infinity, hi: 2000, comparator: "<=", stated: "bound", subject: ["c:responsetime"], display: "≤ 2 s", … }]
 */
export function textConstraintsExtract(tokens: readonly TextToken[], polarityOf: (clause: number) => ClausePolarity): TextConstraint[] {
  const found: Found[] = [];
  const consumed = new Set<number>();
  const clauseOf = (i: number) => tokens[i]?.clause ?? -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || consumed.has(i)) continue;
    if (t.kind === "date") {
      found.push(readDate(tokens, i, t));
      continue;
    }
    if (t.kind !== "number") continue;
    let end = i;
    let unit: QuantityUnit | undefined;
    const next = tokens[i + 1];
    if (next?.kind === "unit" && next.clause === t.clause) {
      unit = next.unit;
      end = i + 1;
      if (tokens[i + 2]?.kind === "concept" && tokens[i + 2]?.start === next.start) end = i + 2;
    }
    // A range: "2-3秒", "500~1000人", "2 to 3 seconds".
    let upper: NumberToken | undefined;
    if (markerAt(tokens, end + 1)?.type === "range" && tokens[end + 2]?.kind === "number" && clauseOf(end + 2) === t.clause) {
      const second = tokens[end + 2] as NumberToken;
      const secondUnit = tokens[end + 3]?.kind === "unit" ? (tokens[end + 3] as Extract<TextToken, { kind: "unit" }>).unit : undefined;
      const firstValue = unit === undefined || secondUnit === undefined ? t.value : (t.value * unit.factor) / secondUnit.factor;
      if ((unit === undefined || secondUnit === undefined || unit.dimension === secondUnit.dimension) && second.value >= firstValue) {
        upper = second;
        consumed.add(end + 2);
        unit ??= secondUnit;
        end = secondUnit === undefined ? end + 2 : end + 3;
      }
    }
    const factor = unit?.factor ?? 1;
    const dimension: QuantityDimension = unit?.dimension ?? "count";
    const label = unit === undefined || dimension === "count" ? "" : ` ${unit.label}`;
    if (upper !== undefined) {
      const lo = t.value * factor;
      const hi = upper.value * factor;
      found.push({ index: i, end, dimension, ...(unit?.currency === undefined ? {} : { currency: unit.currency }), interval: { lo, hi, loOpen: false, hiOpen: false }, comparator: "range", stated: "target", display: `${formatNumber(t.value)}–${formatNumber(upper.value)}${label}` });
      continue;
    }
    const before = comparatorBefore(tokens, i);
    let after = comparatorAfter(tokens, end + 1);
    // "500 users or more": the noun may sit between the number and the comparator.
    for (let skip = 1; after === undefined && skip <= 2 && isContent(tokens[end + skip]); skip++) {
      const found = comparatorAfter(tokens, end + 1 + skip);
      if (typeof found === "object" && found.op !== "~") after = { op: found.op, consumed: found.consumed + skip };
    }
    const value = t.value * factor;
    let op: ComparatorOp = "=";
    let target = true;
    if (typeof before === "object") {
      op = before.op;
      target = before.target;
    } else if (typeof after === "object") {
      op = after.op;
      target = false;
      end += after.consumed;
    }
    const afterWord = before === "after" || after === "after";
    if (after === "after" || after === "before") end += 1;
    const negative = polarityOf(t.clause) < 0;
    if (afterWord && dimension === "time") {
      // "after 2 minutes": a threshold; negated, it covers what comes after it.
      if (negative) {
        op = ">";
        target = false;
      }
    } else if (before === "every" && dimension === "time") {
      found.push({ index: i, end, dimension: "rate", interval: intervalOf("=", 1000 / value, true), comparator: "=", stated: "target", display: `every ${formatNumber(t.value)}${label}` });
      continue;
    }
    const interval = intervalOf(op, value, target);
    const capability = tokens.some((x) => x.clause === t.clause && x.kind === "marker" && x.marker.type === "capability");
    const shownOp: ComparatorOp = target && op === "=" && capability && dimension !== "time" ? ">=" : op;
    found.push({
      index: i,
      end,
      dimension,
      ...(unit?.currency === undefined ? {} : { currency: unit.currency }),
      interval,
      comparator: shownOp,
      stated: target ? "target" : "bound",
      display: `${target && op === "=" ? "" : `${OP_TEXT[op]} `}${formatNumber(t.value)}${label}`,
    });
  }
  combineRates(tokens, found);
  addForever(tokens, found);
  return found
    .sort((a, b) => a.index - b.index)
    .map((f, k, all) => {
      const clause = clauseOf(f.index);
      const prevEnd = k > 0 && clauseOf(all[k - 1]?.index ?? -1) === clause ? (all[k - 1]?.end ?? -1) : -1;
      const nextStart = k + 1 < all.length && clauseOf(all[k + 1]?.index ?? -1) === clause ? (all[k + 1]?.index ?? tokens.length) : tokens.length;
      return {
        clause,
        dimension: f.dimension,
        ...(f.currency === undefined ? {} : { currency: f.currency }),
        lo: f.interval.lo,
        hi: f.interval.hi,
        loOpen: f.interval.loOpen,
        hiOpen: f.interval.hiOpen,
        comparator: f.comparator,
        stated: f.stated,
        subject: subjectOf(tokens, clause, prevEnd, nextStart, f.dimension),
        display: f.display,
        at: f.index,
      };
    });
}

function readDate(tokens: readonly TextToken[], i: number, t: DateToken): Found {
  const before = comparatorBefore(tokens, i);
  const after = comparatorAfter(tokens, i + 1);
  let interval: Interval = { lo: t.first, hi: t.last, loOpen: false, hiOpen: false };
  let comparator: ComparatorOp = "=";
  let stated: ConstraintStated = "target";
  const upTo = before === "before" || after === "before" || (typeof before === "object" && (before.op === "<=" || before.op === "<"));
  const from = before === "after" || after === "after" || (typeof before === "object" && (before.op === ">=" || before.op === ">")) || (typeof after === "object" && after.op === ">=");
  if (upTo) {
    interval = { lo: -Infinity, hi: t.last, loOpen: true, hiOpen: false };
    comparator = "<=";
    stated = "bound";
  } else if (from) {
    interval = { lo: t.first, hi: Infinity, loOpen: false, hiOpen: true };
    comparator = ">=";
    stated = "bound";
  }
  const shown = t.first === t.last ? formatDay(t.first) : `${formatDay(t.first)}..${formatDay(t.last)}`;
  return { index: i, end: i + (typeof after === "object" || after !== undefined ? 1 : 0), dimension: "date", interval, comparator, stated, display: `${comparator === "=" ? "" : `${OP_TEXT[comparator]} `}${shown}` };
}

/** "每天处理 10000 条" → 10000 per day; "每天备份" → once per day; "once a week" → once per week. */
function combineRates(tokens: readonly TextToken[], found: Found[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const m = markerAt(tokens, i);
    if (m?.type !== "per") continue;
    const clause = tokens[i]?.clause;
    // The nearest count in the clause becomes the numerator.
    let best: number | undefined;
    for (let k = 0; k < found.length; k++) {
      const f = found[k];
      if (f === undefined || f.dimension !== "count" || tokens[f.index]?.clause !== clause || f.comparator === "range") continue;
      if (best === undefined || Math.abs(f.index - i) < Math.abs((found[best]?.index ?? 0) - i)) best = k;
    }
    const f = best === undefined ? undefined : found[best];
    if (f !== undefined && best !== undefined) {
      const scale = 1 / m.seconds;
      found[best] = {
        ...f,
        dimension: "rate",
        interval: { lo: f.interval.lo * scale, hi: f.interval.hi * scale, loOpen: f.interval.loOpen, hiOpen: f.interval.hiOpen },
        display: `${f.display} per ${periodText(m.seconds)}`,
      };
    } else {
      found.push({ index: i, end: i, dimension: "rate", interval: intervalOf("=", 1 / m.seconds, true), comparator: "=", stated: "target", display: `once per ${periodText(m.seconds)}` });
    }
  }
}

function periodText(seconds: number): string {
  const units: readonly [number, string][] = [[365 * 86_400, "year"], [91 * 86_400, "quarter"], [30 * 86_400, "month"], [7 * 86_400, "week"], [86_400, "day"], [3600, "hour"], [60, "minute"], [1, "second"]];
  for (const [s, name] of units) if (seconds === s) return name;
  return `${formatNumber(seconds)} s`;
}

/** "永久保存" / "kept permanently": an unbounded duration when the clause has no duration of its own. */
function addForever(tokens: readonly TextToken[], found: Found[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (markerAt(tokens, i)?.type !== "forever") continue;
    const clause = tokens[i]?.clause;
    if (found.some((f) => f.dimension === "time" && tokens[f.index]?.clause === clause)) continue;
    found.push({ index: i, end: i, dimension: "time", interval: { lo: Infinity, hi: Infinity, loOpen: false, hiOpen: false }, comparator: "=", stated: "target", display: "permanently" });
  }
}

function subjectOf(tokens: readonly TextToken[], clause: number, from: number, to: number, dimension: QuantityDimension): string[] {
  const terms = new Set<string>();
  for (let k = Math.max(0, from + 1); k < to; k++) {
    const t = tokens[k];
    if (t === undefined || t.clause !== clause) continue;
    if (t.kind === "word" || t.kind === "concept") terms.add(t.term);
  }
  // Nothing between neighbours (e.g. "2-3秒, 5000人"): fall back to the whole clause.
  if (terms.size === 0) for (const t of tokens) if (t.clause === clause && (t.kind === "word" || t.kind === "concept")) terms.add(t.term);
  // A size constraint is about a size, however the text names it ("limit", "up to 2 GB").
  if (dimension === "size") terms.add("c:size");
  if (dimension === "time") {
    for (const fold of TIME_SUBJECT_FOLDS) {
      if (fold.from.some((f) => terms.has(f))) {
        for (const f of fold.from) terms.delete(f);
        terms.add(fold.into);
      }
    }
  }
  return [...terms].sort();
}

/**
 * Subject terms that only say which kind of quantity it is (a retention, a size): they weigh half when subjects are
 * compared, so "audit logs kept 1 year" and "chat messages kept 7 years" are different subjects.
 */
export const CONSTRAINT_GENERIC_SUBJECTS: ReadonlySet<string> = new Set(["c:retention", "c:sessionlength", "c:size"]);

/** How two constraints on the same subject relate. */
export type ConstraintRelation =
  /** Same values. */
  | "equal"
  /** Every value of the first satisfies the second (the first is stricter) — or the reverse. */
  | "implies"
  /** They overlap but neither contains the other. */
  | "overlap"
  /** No value satisfies both. */
  | "disjoint";

function contains(outer: Interval, inner: Interval): boolean {
  const loOk = outer.lo < inner.lo || (outer.lo === inner.lo && (!outer.loOpen || inner.loOpen));
  const hiOk = outer.hi > inner.hi || (outer.hi === inner.hi && (!outer.hiOpen || inner.hiOpen));
  return loOk && hiOk;
}

/**
 * Whether two intervals of the same dimension share a value.
 *
 * @example
 * constraintIntervalsIntersect({ lo: 500, hi: 500, … }, { lo: 5000, hi: 5000, … }) // false: 500 vs 5000 targets
 * constraintIntervalsIntersect({ lo: 500, hi: Infinity, … }, { lo: 300, hi: Infinity, … }) // true: ≥ 500 and ≥ 300
 */
export function constraintIntervalsIntersect(a: Interval, b: Interval): boolean {
  if (a.lo > b.hi || b.lo > a.hi) return false;
  if (a.lo === b.hi && (a.loOpen || b.hiOpen)) return false;
  if (b.lo === a.hi && (b.loOpen || a.hiOpen)) return false;
  return true;
}

/**
 * The relation of two constraints of the same dimension (and currency).
 *
 * @example
 * // ≤ 2 s vs = 5 s → "disjoint";  ≥ 500 vs ≥ 300 → "implies";  = 500 vs ≥ 300 → "implies";  ≤ 2 s vs ≤ 2 s → "equal"
 */
export function constraintRelation(a: TextConstraint, b: TextConstraint): ConstraintRelation {
  if (!constraintIntervalsIntersect(a, b)) return "disjoint";
  const aInB = contains(b, a);
  const bInA = contains(a, b);
  if (aInB && bInA) return "equal";
  if (aInB || bInA) return "implies";
  return "overlap";
}

/** Whether two constraints can be compared at all: same dimension, and the same currency for money. */
export function constraintsComparable(a: TextConstraint, b: TextConstraint): boolean {
  return a.dimension === b.dimension && (a.dimension !== "money" || a.currency === b.currency);
}
