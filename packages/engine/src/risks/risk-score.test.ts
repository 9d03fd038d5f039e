import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RISK_LEVELS, RISK_RATINGS, isRiskRating, riskAssessment, riskLevelOfScore, riskLevelScoreRange, riskScore, type RiskLevel } from "./risk-score";

const rating = fc.constantFrom(...RISK_RATINGS);

describe("riskScore and riskLevelOfScore", () => {
  it("works out the worked examples", () => {
    expect(riskScore(4, 3)).toBe(12);
    expect(riskAssessment(1, 1)).toEqual({ score: 1, level: "low" });
    expect(riskAssessment(2, 2)).toEqual({ score: 4, level: "low" });
    expect(riskAssessment(1, 5)).toEqual({ score: 5, level: "medium" });
    expect(riskAssessment(3, 3)).toEqual({ score: 9, level: "medium" });
    expect(riskAssessment(2, 5)).toEqual({ score: 10, level: "high" });
    expect(riskAssessment(4, 4)).toEqual({ score: 16, level: "high" });
    expect(riskAssessment(4, 5)).toEqual({ score: 20, level: "critical" });
    expect(riskAssessment(5, 5)).toEqual({ score: 25, level: "critical" });
  });

  it("draws the matrix of the module comment", () => {
    const letter: Record<RiskLevel, string> = { low: "L", medium: "M", high: "H", critical: "C" };
    const rows = [5, 4, 3, 2, 1].map((p) => RISK_RATINGS.map((i) => letter[riskAssessment(p as 1, i).level]).join(""));
    expect(rows).toEqual(["MHHCC", "LMHHC", "LMMHH", "LLMMH", "LLLLM"]);
  });

  it("is symmetric and never falls when a rating rises", () => {
    fc.assert(
      fc.property(rating, rating, rating, (p, i, higher) => {
        expect(riskScore(p, i)).toBe(riskScore(i, p));
        if (higher >= p) {
          expect(riskScore(higher, i)).toBeGreaterThanOrEqual(riskScore(p, i));
          expect(RISK_LEVELS.indexOf(riskAssessment(higher, i).level)).toBeGreaterThanOrEqual(RISK_LEVELS.indexOf(riskAssessment(p, i).level));
        }
      }),
    );
  });

  it("puts every score in exactly the level whose range holds it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), (score) => {
        const holding = RISK_LEVELS.filter((level) => {
          const { min, max } = riskLevelScoreRange(level);
          return score >= min && score <= max;
        });
        expect(holding).toEqual([riskLevelOfScore(score)]);
      }),
    );
  });

  it("knows a rating", () => {
    expect(RISK_RATINGS.every(isRiskRating)).toBe(true);
    expect([0, 6, 2.5, Number.NaN].some(isRiskRating)).toBe(false);
  });
});
