/**
 * The "Predecessors" cell as MS Project writes it: predecessors by WBS code, each with its link type and lag, e.g.
 * `1.2, 3FS+2d, 4SS-1d` (FS without a lag is just the code). Parsing checks every entry and resolves codes to task
 * ids, so the server gets the whole set at once (PUT /plan-tasks/:id/predecessors).
 */
import { PLAN_DEPENDENCY_TYPES, PLAN_MAX_DAYS, type TPlanDependencyType } from "@jiaofu/contracts";
import { planWbsCompare } from "@jiaofu/engine";

export type PredecessorLink = { predecessorId: string; type: TPlanDependencyType; lagDays: number };

/** Why an entry was refused; `entry` is the text of the entry, for the message. */
export type PredecessorTextError = { kind: "syntax" | "unknown-task" | "self" | "duplicate" | "lag-decimals" | "lag-range"; entry: string };

export type PredecessorTextResult = { ok: true; predecessors: PredecessorLink[] } | { ok: false; error: PredecessorTextError };

/** Lag units people type after the number: days in English or Chinese, or none. */
const ENTRY = /^(\d+(?:\.\d+)*)\s*(FS|SS|FF|SF)?\s*(?:([+-])\s*(\d+(?:\.\d+)?)\s*(?:d|days?|天|工作日)?)?$/i;
const SEPARATORS = /[,;，；、]/;

/** `2` → "+2d", `-1.5` → "-1.5d"; 0 → "". */
const lagText = (lagDays: number) => (lagDays === 0 ? "" : `${lagDays > 0 ? "+" : "-"}${Math.abs(lagDays)}d`);

/**
 * The cell's text for a task's predecessors, in WBS order.
 *
 * @example
 * formatPredecessors([{ predecessorId: "a", type: "FS", lagDays: 0 }, { predecessorId: "b", type: "SS", lagDays: -1 }], codeOf);
 * // "1.2, 3SS-1d"
 */
export function formatPredecessors(links: readonly { predecessorId: string; type: TPlanDependencyType; lagDays: number }[], codeOf: (id: string) => string | undefined): string {
  return links
    .map((l) => ({ code: codeOf(l.predecessorId) ?? "?", link: l }))
    .sort((a, b) => planWbsCompare(a.code, b.code))
    .map(({ code, link }) => (link.type === "FS" && link.lagDays === 0 ? code : `${code}${link.type}${lagText(link.lagDays)}`))
    .join(", ");
}

/**
 * Reads the cell's text: entries separated by commas or semicolons (Chinese punctuation too), each
 * `<WBS code>[type][±lag[d]]`; the type defaults to FS and the lag to 0. Codes resolve through `idOf`; a task may
 * not precede itself or be listed twice; lags are whole hundredths of a day within ±9999.
 *
 * @example
 * parsePredecessors("3FS+2d, 1.2", idOf, "self-id");
 * // { ok: true, predecessors: [{ predecessorId: idOf("3"), type: "FS", lagDays: 2 }, { predecessorId: idOf("1.2"), type: "FS", lagDays: 0 }] }
 */
export function parsePredecessors(text: string, idOf: (code: string) => string | undefined, selfId: string): PredecessorTextResult {
  const predecessors: PredecessorLink[] = [];
  for (const raw of text.split(SEPARATORS)) {
    const entry = raw.trim();
    if (entry === "") continue;
    const match = ENTRY.exec(entry.replace(/\s+/g, " "));
    if (!match) return { ok: false, error: { kind: "syntax", entry } };
    const [, code = "", typeText, sign, amount] = match;
    const predecessorId = idOf(code);
    if (predecessorId === undefined) return { ok: false, error: { kind: "unknown-task", entry } };
    if (predecessorId === selfId) return { ok: false, error: { kind: "self", entry } };
    if (predecessors.some((p) => p.predecessorId === predecessorId)) return { ok: false, error: { kind: "duplicate", entry } };
    const type = (typeText ?? "FS").toUpperCase() as TPlanDependencyType;
    if (!(PLAN_DEPENDENCY_TYPES as readonly string[]).includes(type)) return { ok: false, error: { kind: "syntax", entry } };
    const magnitude = amount === undefined ? 0 : Number(amount);
    if (Math.abs(Math.round(magnitude * 100) - magnitude * 100) > 1e-6) return { ok: false, error: { kind: "lag-decimals", entry } };
    if (magnitude > PLAN_MAX_DAYS) return { ok: false, error: { kind: "lag-range", entry } };
    predecessors.push({ predecessorId, type, lagDays: sign === "-" ? -magnitude : magnitude });
  }
  return { ok: true, predecessors };
}

