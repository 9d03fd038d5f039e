/**
 * The register's filters as one value, and its round trips: to and from the page's URL query (so a filtered
 * register can be bookmarked, shared and restored by Back), to the API's list query, and to and from a saved view.
 */
import {
  MOSCOW_PRIORITIES,
  REQUIREMENT_SORTS,
  REQUIREMENT_STATUSES,
  REQUIREMENT_TYPES,
  type TListRequirementsQuery,
  type TMoscow,
  type TRequirementStatus,
  type TRequirementType,
  type TSavedView,
} from "@jiaofu/contracts";
import { isOneOf } from "../../lib/is-one-of";

/** MoSCoW tiers as a filter: `none` is a requirement not prioritised yet. */
export const MOSCOW_FILTER_VALUES = [...MOSCOW_PRIORITIES, "none"] as const;
export type TMoscowFilter = TMoscow | "none";

export type TRequirementSortKey = (typeof REQUIREMENT_SORTS)[number];
export type TRequirementSort = TRequirementSortKey | `-${TRequirementSortKey}`;
export const DEFAULT_REQUIREMENT_SORT: TRequirementSort = "key";

export type RequirementFilters = {
  status: TRequirementStatus[];
  type: TRequirementType[];
  moscow: TMoscowFilter[];
  /** "" for anyone. */
  ownerId: string;
  /** "" for any tag. */
  tag: string;
  /** Free text (title, description, or a key such as `REQ-12`); "" for none. */
  q: string;
  sort: TRequirementSort;
};

export const EMPTY_REQUIREMENT_FILTERS: RequirementFilters = { status: [], type: [], moscow: [], ownerId: "", tag: "", q: "", sort: DEFAULT_REQUIREMENT_SORT };

/** The saved view's filters as the API stores them. */
export type RequirementViewFilters = TSavedView["filters"];

export function isRequirementSort(value: string): value is TRequirementSort {
  const key = value.startsWith("-") ? value.slice(1) : value;
  return isOneOf(REQUIREMENT_SORTS, key);
}

/** Values of a comma list that belong to `allowed`, each once, in `allowed` order (so equal filters look equal). */
function listOf<T extends string>(allowed: readonly T[], raw: string | null | readonly string[] | undefined): T[] {
  const values = raw === null || raw === undefined ? [] : typeof raw === "string" ? raw.split(",") : raw;
  const wanted = new Set(values.map((v) => v.trim()));
  return allowed.filter((value) => wanted.has(value));
}

/**
 * Reads the filters from the URL query, ignoring anything unknown (an old bookmark never breaks the page).
 *
 * `filtersFromParams(new URLSearchParams("status=approved,draft&sort=-updatedAt"))`
 * → `{ status: ["draft", "approved"], sort: "-updatedAt", … }` (statuses in workflow order).
 */
export function filtersFromParams(params: URLSearchParams): RequirementFilters {
  const sort = params.get("sort") ?? "";
  return {
    status: listOf(REQUIREMENT_STATUSES, params.get("status")),
    type: listOf(REQUIREMENT_TYPES, params.get("type")),
    moscow: listOf(MOSCOW_FILTER_VALUES, params.get("moscow")),
    ownerId: params.get("owner")?.trim() ?? "",
    tag: params.get("tag")?.trim() ?? "",
    q: params.get("q") ?? "",
    sort: isRequirementSort(sort) ? sort : DEFAULT_REQUIREMENT_SORT,
  };
}

/**
 * The filters as URL query entries; empty filters and the default sort are left out, so an unfiltered register
 * has a clean address.
 *
 * `filtersToParams({ ...EMPTY_REQUIREMENT_FILTERS, status: ["draft"], q: "sso" })` → `{ status: "draft", q: "sso" }`.
 */
export function filtersToParams(filters: RequirementFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.status.length > 0) params.status = filters.status.join(",");
  if (filters.type.length > 0) params.type = filters.type.join(",");
  if (filters.moscow.length > 0) params.moscow = filters.moscow.join(",");
  if (filters.ownerId) params.owner = filters.ownerId;
  if (filters.tag.trim()) params.tag = filters.tag.trim();
  if (filters.q.trim()) params.q = filters.q;
  if (filters.sort !== DEFAULT_REQUIREMENT_SORT) params.sort = filters.sort;
  return params;
}

/** The API's list query for these filters (without paging). */
export function filtersToListQuery(filters: RequirementFilters): Omit<TListRequirementsQuery, "cursor" | "limit"> {
  const query: Omit<TListRequirementsQuery, "cursor" | "limit"> = { sort: filters.sort };
  if (filters.status.length > 0) query.status = filters.status;
  if (filters.type.length > 0) query.type = filters.type;
  if (filters.moscow.length > 0) query.moscow = filters.moscow;
  if (filters.ownerId) query.ownerId = filters.ownerId;
  if (filters.tag.trim()) query.tag = filters.tag.trim();
  if (filters.q.trim()) query.q = filters.q.trim();
  return query;
}

/** The filters as a saved view stores them: only what is set. */
export function filtersToView(filters: RequirementFilters): RequirementViewFilters {
  const view: RequirementViewFilters = {};
  if (filters.status.length > 0) view.status = filters.status;
  if (filters.type.length > 0) view.type = filters.type;
  if (filters.moscow.length > 0) view.moscow = filters.moscow;
  if (filters.ownerId) view.ownerId = filters.ownerId;
  if (filters.tag.trim()) view.tag = filters.tag.trim();
  if (filters.q.trim()) view.q = filters.q.trim();
  if (filters.sort !== DEFAULT_REQUIREMENT_SORT) view.sort = filters.sort;
  return view;
}

/** The filters a saved view holds (anything it leaves out is "any"). */
export function filtersFromView(view: RequirementViewFilters): RequirementFilters {
  const sort = view.sort ?? "";
  return {
    status: listOf(REQUIREMENT_STATUSES, view.status),
    type: listOf(REQUIREMENT_TYPES, view.type),
    moscow: listOf(MOSCOW_FILTER_VALUES, view.moscow),
    ownerId: view.ownerId ?? "",
    tag: view.tag ?? "",
    q: view.q ?? "",
    sort: isRequirementSort(sort) ? sort : DEFAULT_REQUIREMENT_SORT,
  };
}

/** Whether two filter values select the same requirements in the same order (blank text counts as none). */
export function filtersEqual(a: RequirementFilters, b: RequirementFilters): boolean {
  const pa = filtersToParams(a);
  const pb = filtersToParams(b);
  const keys = new Set([...Object.keys(pa), ...Object.keys(pb)]);
  return [...keys].every((key) => (pa[key] ?? "").trim() === (pb[key] ?? "").trim());
}

/** Anything narrowing the list (the sort does not count). */
export function hasActiveFilters(filters: RequirementFilters): boolean {
  return (
    filters.status.length > 0 || filters.type.length > 0 || filters.moscow.length > 0 || filters.ownerId !== "" || filters.tag.trim() !== "" || filters.q.trim() !== ""
  );
}

/** Columns whose first click sorts newest or highest first. */
const DESCENDING_FIRST: readonly TRequirementSortKey[] = ["updatedAt"];

/**
 * The sort after clicking a column header: the same column flips direction; another column starts in its
 * natural direction (ascending, except "updated" which starts with the most recent).
 *
 * `nextSort("key", "key")` → `"-key"`; `nextSort("-key", "updatedAt")` → `"-updatedAt"`.
 */
export function nextSort(current: TRequirementSort, column: TRequirementSortKey): TRequirementSort {
  if (current === column) return `-${column}`;
  if (current === `-${column}`) return column;
  return DESCENDING_FIRST.includes(column) ? `-${column}` : column;
}

/** The direction a column is sorted in, for `aria-sort`. */
export function sortDirectionOf(current: TRequirementSort, column: TRequirementSortKey): "ascending" | "descending" | "none" {
  if (current === column) return "ascending";
  if (current === `-${column}`) return "descending";
  return "none";
}
