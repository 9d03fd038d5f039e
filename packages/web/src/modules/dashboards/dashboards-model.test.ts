import { describe, expect, it } from "vitest";
import type { TPortfolio, TPortfolioProject } from "@jiaofu/contracts";
import { distinctPeople, healthBars, healthTone, nextSort, pageOf, scatterCounts, scatterPoints, statusSlices } from "./dashboards-model";

const project = (over: Partial<TPortfolioProject>): TPortfolioProject => ({
  id: "p",
  code: "P",
  name: "Project",
  stage: "execution",
  client: { id: "c", name: "Client" },
  manager: null,
  percentComplete: null,
  spi: null,
  cpi: null,
  measuredOn: null,
  health: null,
  nextMilestone: null,
  topRisk: null,
  overdueTasks: 0,
  openDefects: 0,
  lastReport: null,
  ...over,
});

describe("dashboards model", () => {
  it("colours health bands", () => {
    expect([healthTone("healthy"), healthTone("watch"), healthTone("at_risk"), healthTone(null)]).toEqual(["green", "amber", "red", "gray"]);
  });

  it("plots only projects with both indices and counts those below 1", () => {
    const points = scatterPoints([
      project({ code: "A", spi: 0.8, cpi: 1.1, health: { score: 70, band: "watch" } }),
      project({ code: "B", spi: null, cpi: 1 }),
      project({ code: "C", spi: 1.05, cpi: 0.9 }),
    ]);
    expect(points.map((p) => [p.code, p.band])).toEqual([
      ["A", "watch"],
      ["C", null],
    ]);
    expect(scatterCounts(points)).toEqual({ behind: 1, over: 1 });
  });

  it("lists the health bars, the hidden one only when some health is hidden", () => {
    const summary = (hidden: number): TPortfolio["summary"] => ({ byStage: {}, byHealth: { healthy: 2, watch: 1, at_risk: 0, unscored: 1, hidden }, overdueTasks: 0, openDefects: 0 });
    expect(healthBars(summary(0)).map((b) => b.key)).toEqual(["healthy", "watch", "at_risk", "unscored"]);
    expect(healthBars(summary(3)).at(-1)).toEqual({ key: "hidden", count: 3 });
  });

  it("pages rows and keeps the page in range", () => {
    const rows = Array.from({ length: 250 }, (_, i) => i);
    expect(pageOf(rows, 1, 100)).toMatchObject({ page: 1, pages: 3 });
    expect(pageOf(rows, 3, 100).rows).toHaveLength(50);
    expect(pageOf(rows, 9, 100).page).toBe(3);
    expect(pageOf([], 1, 100)).toEqual({ rows: [], page: 1, pages: 1 });
  });

  it("flips the direction on the same column and starts trouble columns descending", () => {
    expect(nextSort({ sort: "code", dir: "asc" }, "code")).toEqual({ sort: "code", dir: "desc" });
    expect(nextSort({ sort: "code", dir: "asc" }, "overdue")).toEqual({ sort: "overdue", dir: "desc" });
    expect(nextSort({ sort: "overdue", dir: "desc" }, "spi")).toEqual({ sort: "spi", dir: "asc" });
  });

  it("lists distinct people by name and keeps only non-empty slices", () => {
    expect(distinctPeople([{ id: "2", name: "Wang" }, null, { id: "1", name: "Li" }, { id: "2", name: "Wang" }])).toEqual([
      { id: "1", name: "Li" },
      { id: "2", name: "Wang" },
    ]);
    expect(statusSlices([{ count: 0 }, { count: 3 }])).toEqual([{ count: 3 }]);
  });
});
