import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { riskExposure, riskExposureSeries, riskHeatMap, riskHeatMapCell, type RiskHistory } from "./risk-heat-map";
import { RISK_STATUSES, riskIsActive } from "./risk-register";
import { RISK_RATINGS, riskAssessment, type RiskRating } from "./risk-score";

const rating = fc.constantFrom(...RISK_RATINGS);
const DAY = 86_400_000;
const day = (n: number) => n * DAY;

describe("riskHeatMap", () => {
  it("works out the worked example", () => {
    const map = riskHeatMap([
      { key: "RISK-1", probability: 4, impact: 5 },
      { key: "RISK-2", probability: 4, impact: 5 },
      { key: "RISK-3", probability: 1, impact: 2 },
    ]);
    expect(map.total).toBe(3);
    expect(riskHeatMapCell(map, 4, 5)).toEqual({ probability: 4, impact: 5, score: 20, level: "critical", count: 2, keys: ["RISK-1", "RISK-2"] });
    expect(riskHeatMapCell(map, 1, 2)).toMatchObject({ count: 1, keys: ["RISK-3"], level: "low" });
    expect(map.cells[0]).toEqual({ probability: 5, impact: 1, score: 5, level: "medium", count: 0, keys: [] });
    expect(map.cells[24]).toMatchObject({ probability: 1, impact: 5 });
  });

  it("has 25 distinct cells in reading order whose counts add up to the risks, each risk in its own cell", () => {
    const risk = fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), probability: rating, impact: rating });
    fc.assert(
      fc.property(fc.array(risk, { maxLength: 60 }), (risks) => {
        const map = riskHeatMap(risks);
        expect(map.cells).toHaveLength(25);
        expect(map.cells.map((c) => `${c.probability}${c.impact}`)).toEqual([5, 4, 3, 2, 1].flatMap((p) => [1, 2, 3, 4, 5].map((i) => `${p}${i}`)));
        expect(map.cells.reduce((sum, c) => sum + c.count, 0)).toBe(risks.length);
        for (const cell of map.cells) {
          expect(cell.keys).toHaveLength(cell.count);
          expect({ score: cell.score, level: cell.level }).toEqual(riskAssessment(cell.probability, cell.impact));
          expect(cell.keys).toEqual(risks.filter((r) => r.probability === cell.probability && r.impact === cell.impact).map((r) => r.key));
        }
      }),
    );
  });
});

describe("riskExposure", () => {
  it("adds the scores of the active risks only", () => {
    expect(riskExposure([{ probability: 4, impact: 5, status: "open" }, { probability: 2, impact: 2, status: "closed" }])).toBe(20);
    expect(riskExposure([{ probability: 3, impact: 3, status: "monitoring" }, { probability: 5, impact: 5, status: "occurred" }])).toBe(9);
    expect(riskExposure([])).toBe(0);
  });
});

describe("riskExposureSeries", () => {
  const risk1: RiskHistory = [
    { at: day(0), state: { probability: 4, impact: 5, status: "open" } },
    { at: day(10), state: { probability: 2, impact: 5, status: "monitoring" } },
  ];
  const risk2: RiskHistory = [
    { at: day(5), state: { probability: 3, impact: 3, status: "open" } },
    { at: day(12), state: { probability: 3, impact: 3, status: "closed" } },
  ];

  it("works out the worked example", () => {
    expect(riskExposureSeries([risk1, risk2], [day(1), day(6), day(11), day(13)])).toEqual([20, 29, 19, 10]);
    // Before anything existed, and at the very instant of a change.
    expect(riskExposureSeries([risk1, risk2], [day(-1), day(5), day(12)])).toEqual([0, 29, 10]);
  });

  it("agrees with riskExposure of the states at each instant", () => {
    const entry = fc.record({
      at: fc.integer({ min: 0, max: 100 }).map(day),
      state: fc.record({ probability: rating, impact: rating, status: fc.constantFrom(...RISK_STATUSES) }),
    });
    const history = fc.array(entry, { maxLength: 6 }).map((entries) => [...entries].sort((a, b) => a.at - b.at));
    fc.assert(
      fc.property(fc.array(history, { maxLength: 8 }), fc.array(fc.integer({ min: -5, max: 105 }).map(day), { maxLength: 6 }), (histories, instants) => {
        const series = riskExposureSeries(histories, instants);
        instants.forEach((instant, index) => {
          const states = histories.flatMap((h) => {
            const upTo = h.filter((e) => e.at <= instant);
            const last = upTo[upTo.length - 1];
            return last ? [last.state] : [];
          });
          expect(series[index]).toBe(riskExposure(states));
          expect(series[index]).toBe(states.filter((s) => riskIsActive(s.status)).reduce((sum, s) => sum + (s.probability as RiskRating) * s.impact, 0));
        });
      }),
    );
  });
});
