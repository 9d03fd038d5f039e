import { describe, expect, it } from "vitest";
import { EMPTY_RISK_FILTERS, riskFiltersActive, riskFiltersFromParams, riskFiltersToParams, riskHeatMapQuery, riskListQuery } from "./risk-filters";

describe("risk filters in the address", () => {
  it("reads what it writes, and leaves the defaults out", () => {
    const filters = { ...EMPTY_RISK_FILTERS, q: "vendor", status: "open" as const, level: "high" as const, overdue: true, cell: { probability: 4, impact: 5 }, sort: "reviewDate" as const };
    const params = riskFiltersToParams(filters);
    expect(params.toString()).toBe("q=vendor&status=open&level=high&overdue=true&p=4&i=5&sort=reviewDate");
    expect(riskFiltersFromParams(params)).toEqual(filters);
    expect(riskFiltersToParams(EMPTY_RISK_FILTERS).toString()).toBe("");
  });

  it("ignores what it does not know", () => {
    const filters = riskFiltersFromParams(new URLSearchParams("status=gone&level=huge&p=9&i=2&sort=random&category=vendor"));
    expect(filters).toEqual({ ...EMPTY_RISK_FILTERS, category: "vendor" });
    expect(riskFiltersActive(filters)).toBe(true);
    expect(riskFiltersActive(EMPTY_RISK_FILTERS)).toBe(false);
  });

  it("asks the list for the cell and the heat map for everything else", () => {
    const filters = { ...EMPTY_RISK_FILTERS, category: "cost" as const, cell: { probability: 2, impact: 3 } };
    expect(riskListQuery(filters)).toMatchObject({ category: "cost", probability: 2, impact: 3, sort: "-score" });
    expect(riskHeatMapQuery(filters)).toEqual({ q: undefined, status: undefined, category: "cost", level: undefined, ownerId: undefined, overdue: undefined });
  });
});
