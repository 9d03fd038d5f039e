/**
 * The traceability matrix as the page shows it: one column per downstream type, the items of each cell, and the
 * gaps (approved or baselined requirements with nothing downstream).
 */
import { TRACE_ENTITY_TYPES, type TTraceabilityMatrix, type TTraceEntityType } from "@jiaofu/contracts";

export type TraceRow = TTraceabilityMatrix["rows"][number];
export type TraceItem = TraceRow["downstream"][number]["items"][number];

/** The matrix's columns: everything a requirement can be traced to, in life-cycle order. */
export const DOWNSTREAM_TYPES = TRACE_ENTITY_TYPES.filter((type): type is Exclude<TTraceEntityType, "requirement"> => type !== "requirement");
export type TDownstreamType = (typeof DOWNSTREAM_TYPES)[number];

/** The items of one cell (empty when the requirement has nothing of that type downstream). */
export function traceCell(row: TraceRow, type: TDownstreamType): TraceItem[] {
  return row.downstream.find((group) => group.type === type)?.items ?? [];
}

export type TraceSummary = {
  requirements: number;
  /** Approved or baselined: the ones expected to have something downstream. */
  committed: number;
  gaps: number;
  /** Downstream types that have at least one item anywhere in the project. */
  typesInUse: TDownstreamType[];
};

const COMMITTED = new Set(["approved", "baselined"]);

/** Counts for the summary line above the matrix. */
export function traceSummary(matrix: TTraceabilityMatrix): TraceSummary {
  const inUse = new Set<TTraceEntityType>();
  for (const row of matrix.rows) for (const group of row.downstream) if (group.items.length > 0) inUse.add(group.type);
  return {
    requirements: matrix.rows.length,
    committed: matrix.rows.filter((row) => COMMITTED.has(row.requirement.status)).length,
    gaps: matrix.rows.filter((row) => row.gap).length,
    typesInUse: DOWNSTREAM_TYPES.filter((type) => inUse.has(type)),
  };
}

/** The rows to show: gaps only when asked, and those whose key or title contains the search text. */
export function filterTraceRows(rows: readonly TraceRow[], options: { gapsOnly: boolean; q: string }): TraceRow[] {
  const q = options.q.trim().toLocaleLowerCase();
  return rows.filter((row) => {
    if (options.gapsOnly && !row.gap) return false;
    if (!q) return true;
    return row.requirement.key.toLocaleLowerCase().includes(q) || row.requirement.title.toLocaleLowerCase().includes(q);
  });
}
