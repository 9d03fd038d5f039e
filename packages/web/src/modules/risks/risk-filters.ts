/**
 * The register's filters as the address holds them (`?status=open&level=high&p=4&i=5`), so a filtered register, or a
 * heat-map cell, can be linked to and survives a reload.
 */
import { RISK_CATEGORIES, RISK_LEVELS, RISK_SORTS, RISK_STATUSES, type TListRisksQuery, type TRiskCategory, type TRiskLevel, type TRiskSort, type TRiskStatus } from "@jiaofu/contracts";
import { isOneOf } from "../../lib/is-one-of";

export type RiskFilters = {
  q: string;
  status: TRiskStatus | "";
  category: TRiskCategory | "";
  level: TRiskLevel | "";
  ownerId: string;
  overdue: boolean;
  /** A heat-map cell, or null for all. */
  cell: { probability: number; impact: number } | null;
  sort: TRiskSort;
};

export const DEFAULT_RISK_SORT: TRiskSort = "-score";

export const EMPTY_RISK_FILTERS: RiskFilters = { q: "", status: "", category: "", level: "", ownerId: "", overdue: false, cell: null, sort: DEFAULT_RISK_SORT };

export const RISK_SORT_CHOICES: readonly TRiskSort[] = ["-score", "score", "key", "-key", "reviewDate", "-updatedAt"];

const SORT_VALUES: readonly string[] = RISK_SORTS.flatMap((s) => [s, `-${s}`]);
const isRiskSort = (value: string): value is TRiskSort => SORT_VALUES.includes(value);

const rating = (value: string | null): number | null => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
};

/** The filters in `params`; anything unknown is ignored. */
export function riskFiltersFromParams(params: URLSearchParams): RiskFilters {
  const status = params.get("status") ?? "";
  const category = params.get("category") ?? "";
  const level = params.get("level") ?? "";
  const sort = params.get("sort") ?? "";
  const probability = rating(params.get("p"));
  const impact = rating(params.get("i"));
  return {
    q: params.get("q") ?? "",
    status: isOneOf(RISK_STATUSES, status) ? status : "",
    category: isOneOf(RISK_CATEGORIES, category) ? category : "",
    level: isOneOf(RISK_LEVELS, level) ? level : "",
    ownerId: params.get("owner") ?? "",
    overdue: params.get("overdue") === "true",
    cell: probability !== null && impact !== null ? { probability, impact } : null,
    sort: isRiskSort(sort) ? sort : DEFAULT_RISK_SORT,
  };
}

/** The address of `filters`: only what differs from the defaults. */
export function riskFiltersToParams(filters: RiskFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.status) params.set("status", filters.status);
  if (filters.category) params.set("category", filters.category);
  if (filters.level) params.set("level", filters.level);
  if (filters.ownerId) params.set("owner", filters.ownerId);
  if (filters.overdue) params.set("overdue", "true");
  if (filters.cell) {
    params.set("p", String(filters.cell.probability));
    params.set("i", String(filters.cell.impact));
  }
  if (filters.sort !== DEFAULT_RISK_SORT) params.set("sort", filters.sort);
  return params;
}

/** The list request of `filters`. */
export function riskListQuery(filters: RiskFilters): TListRisksQuery {
  return {
    q: filters.q.trim() || undefined,
    status: filters.status || undefined,
    category: filters.category || undefined,
    level: filters.level || undefined,
    ownerId: filters.ownerId || undefined,
    overdue: filters.overdue ? "true" : undefined,
    probability: filters.cell?.probability,
    impact: filters.cell?.impact,
    sort: filters.sort,
  };
}

/** The heat map's request: the same filters but the cell (the map shows every cell, the chosen one marked). */
export function riskHeatMapQuery(filters: RiskFilters) {
  const { probability: _p, impact: _i, sort: _s, ...rest } = riskListQuery(filters);
  return rest;
}

/** Whether any filter narrows the register (the sort does not). */
export function riskFiltersActive(filters: RiskFilters): boolean {
  return Boolean(filters.q.trim() || filters.status || filters.category || filters.level || filters.ownerId || filters.overdue || filters.cell);
}
