/**
 * Shaping the dashboards' answers for tiles, charts and the portfolio table (pure, tested): the tone of a health
 * band, the scatter points, the health bars, paging and the next sort when a header is clicked.
 */
import type { TPortfolio, TPortfolioProject, TPortfolioSort } from "@jiaofu/contracts";
import type { BadgeTone } from "../../ui";

export type HealthBand = NonNullable<NonNullable<TPortfolioProject["health"]>["band"]>;

export function healthTone(band: HealthBand | null | undefined): BadgeTone {
  switch (band) {
    case "healthy":
      return "green";
    case "watch":
      return "amber";
    case "at_risk":
      return "red";
    case null:
    case undefined:
      return "gray";
  }
}

/** One point of the SPI/CPI scatter: projects with both indices measured. */
export type ScatterPoint = { spi: number; cpi: number; code: string; name: string; band: HealthBand | null };

export function scatterPoints(projects: readonly TPortfolioProject[]): ScatterPoint[] {
  return projects.flatMap((p) => (p.spi === null || p.cpi === null ? [] : [{ spi: p.spi, cpi: p.cpi, code: p.code, name: p.name, band: p.health?.band ?? null }]));
}

/** Behind schedule (SPI < 1) and over budget (CPI < 1) among the measured points. */
export function scatterCounts(points: readonly ScatterPoint[]): { behind: number; over: number } {
  return { behind: points.filter((p) => p.spi < 1).length, over: points.filter((p) => p.cpi < 1).length };
}

export const HEALTH_BAR_KEYS = ["healthy", "watch", "at_risk", "unscored", "hidden"] as const;
export type HealthBarKey = (typeof HEALTH_BAR_KEYS)[number];

/** The health distribution as bars, in band order; the "not shown" bar only when some health is hidden. */
export function healthBars(summary: TPortfolio["summary"]): { key: HealthBarKey; count: number }[] {
  return HEALTH_BAR_KEYS.filter((key) => key !== "hidden" || summary.byHealth.hidden > 0).map((key) => ({ key, count: summary.byHealth[key] }));
}

/** A page of rows (1-based) and the page count; at least one page. */
export function pageOf<T>(rows: readonly T[], page: number, size: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pages };
}

/** Clicking a header: the same column flips the direction; another column starts ascending (numbers of trouble descending). */
export function nextSort(current: { sort: TPortfolioSort; dir: "asc" | "desc" }, column: TPortfolioSort): { sort: TPortfolioSort; dir: "asc" | "desc" } {
  if (current.sort === column) return { sort: column, dir: current.dir === "asc" ? "desc" : "asc" };
  return { sort: column, dir: column === "overdue" || column === "defects" || column === "top_risk" ? "desc" : "asc" };
}

/** Distinct clients or managers of the rows, by name, for the filter choices. */
export function distinctPeople(items: readonly ({ id: string; name: string } | null)[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const item of items) if (item && !seen.has(item.id)) seen.set(item.id, item.name);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The donut's slices: columns with tasks only. */
export function statusSlices<T extends { count: number }>(columns: readonly T[]): T[] {
  return columns.filter((c) => c.count > 0);
}
