/**
 * The portfolio's sort: by the chosen column, projects without a value last whichever the direction (a project
 * without a snapshot is not "the best" or "the worst"), ties by project code so the order is stable.
 */
import type { TPortfolioProject, TPortfolioSort } from "@jiaofu/contracts";

const STAGE_ORDER = ["requirements", "planning", "execution", "delivery", "support", "closed"];

function keyOf(p: TPortfolioProject, sort: TPortfolioSort): string | number | null {
  switch (sort) {
    case "code":
      return p.code;
    case "name":
      return p.name;
    case "client":
      return p.client.name;
    case "stage":
      return STAGE_ORDER.indexOf(p.stage);
    case "manager":
      return p.manager?.name ?? null;
    case "progress":
      return p.percentComplete;
    case "spi":
      return p.spi;
    case "cpi":
      return p.cpi;
    case "health":
      return p.health?.score ?? null;
    case "next_milestone":
      return p.nextMilestone?.date ?? null;
    case "top_risk":
      return p.topRisk?.score ?? null;
    case "overdue":
      return p.overdueTasks;
    case "defects":
      return p.openDefects;
  }
}

/** `dir` 1 ascending, −1 descending. */
export function comparePortfolioRows(a: TPortfolioProject, b: TPortfolioProject, sort: TPortfolioSort, dir: 1 | -1): number {
  const ka = keyOf(a, sort);
  const kb = keyOf(b, sort);
  if (ka === null || kb === null) {
    if (ka !== kb) return ka === null ? 1 : -1;
  } else if (ka !== kb) {
    const c = typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka).localeCompare(String(kb));
    if (c !== 0) return c * dir;
  }
  return a.code.localeCompare(b.code);
}
