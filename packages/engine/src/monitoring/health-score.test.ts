import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEALTH_SCORE_PARTS, HEALTH_SCORE_WEIGHTS, type HealthScoreInputs, healthIndexScore, healthQualityScore, healthRiskScore, healthSatisfactionScore, projectHealthScore } from "./health-score";

const calm: HealthScoreInputs = {
  spi: 1,
  cpi: 1,
  openCriticalDefects: 0,
  openMajorDefects: 0,
  openMinorDefects: 0,
  overdueOpenGates: 0,
  highestOpenRiskScore: null,
  satisfactionMean: 5,
  satisfactionCount: 2,
};

describe("projectHealthScore", () => {
  it("weights sum to 100 %", () => {
    expect(HEALTH_SCORE_PARTS.reduce((s, p) => s + HEALTH_SCORE_WEIGHTS[p], 0)).toBe(100);
  });

  it("scores a project on plan, on budget, without defects or risks and with a delighted client 100", () => {
    const r = projectHealthScore(calm);
    expect(r.score).toBe(100);
    expect(r.band).toBe("healthy");
    expect(r.parts.map((p) => p.effectiveWeight)).toEqual([30, 25, 20, 15, 10]);
  });

  it("works a mixed example through by hand", () => {
    // schedule: SPI 0.9 → 100 × 0.3 / 0.4 = 75; cost: CPI 0.8 → 50; quality: 100 − 10 − 3 × 2 = 84;
    // risk: highest 12 → 100 × 13 / 24 = 54.2; satisfaction: mean 4 → 75.
    // 0.30 × 75 + 0.25 × 50 + 0.20 × 84 + 0.15 × 54.2 + 0.10 × 75 = 22.5 + 12.5 + 16.8 + 8.13 + 7.5 = 67.43 → 67.
    const r = projectHealthScore({ ...calm, spi: 0.9, cpi: 0.8, openMajorDefects: 1, openMinorDefects: 2, highestOpenRiskScore: 12, satisfactionMean: 4 });
    expect(r.parts.map((p) => p.score)).toEqual([75, 50, 84, 54.2, 75]);
    expect(r.score).toBe(67);
    expect(r.band).toBe("watch");
  });

  it("leaves out what is not measured and scales the other weights up", () => {
    // No client rating and nothing planned yet: quality (20) and risk (15) share 100 %: 57.1 % and 42.9 %.
    const r = projectHealthScore({ ...calm, spi: null, cpi: null, satisfactionMean: null, satisfactionCount: 0, openCriticalDefects: 2 });
    expect(r.parts.filter((p) => p.score === null).map((p) => p.part)).toEqual(["schedule", "cost", "satisfaction"]);
    expect(r.parts.map((p) => p.effectiveWeight)).toEqual([0, 0, 57.1, 42.9, 0]);
    expect(r.score).toBe(Math.round((50 * 20 + 100 * 15) / 35)); // 71
    expect(r.band).toBe("watch");
  });

  it("maps the status report thresholds onto the index scale", () => {
    expect(healthIndexScore(1.2)).toBe(100);
    expect(healthIndexScore(0.95)).toBe(87.5);
    expect(healthIndexScore(0.8)).toBe(50);
    expect(healthIndexScore(0.5)).toBe(0);
    expect(healthRiskScore(25)).toBe(0);
    expect(healthRiskScore(1)).toBe(100);
    expect(healthSatisfactionScore(1)).toBe(0);
    expect(healthQualityScore({ openCriticalDefects: 5, openMajorDefects: 0, openMinorDefects: 0, overdueOpenGates: 0 })).toBe(0);
  });

  const inputs = fc.record<HealthScoreInputs>({
    spi: fc.option(fc.double({ min: 0, max: 3, noNaN: true })),
    cpi: fc.option(fc.double({ min: 0, max: 3, noNaN: true })),
    openCriticalDefects: fc.nat(10),
    openMajorDefects: fc.nat(10),
    openMinorDefects: fc.nat(40),
    overdueOpenGates: fc.nat(5),
    highestOpenRiskScore: fc.option(fc.integer({ min: 1, max: 25 })),
    satisfactionMean: fc.option(fc.double({ min: 1, max: 5, noNaN: true })),
    satisfactionCount: fc.nat(20),
  });

  it("always lies within 0–100, between its lowest and highest measured part", () => {
    fc.assert(
      fc.property(inputs, (i) => {
        const r = projectHealthScore(i);
        const scores = r.parts.flatMap((p) => (p.score === null ? [] : [p.score]));
        expect(r.score).not.toBeNull(); // quality and risk are always measured
        expect(r.score as number).toBeGreaterThanOrEqual(Math.floor(Math.min(...scores)));
        expect(r.score as number).toBeLessThanOrEqual(Math.ceil(Math.max(...scores)));
        expect(r.parts.reduce((s, p) => s + p.effectiveWeight, 0)).toBeCloseTo(100, 0);
      }),
    );
  });

  it("never rises when a part gets worse", () => {
    fc.assert(
      fc.property(inputs, fc.nat(3), (i, extra) => {
        const worse = projectHealthScore({ ...i, openCriticalDefects: i.openCriticalDefects + extra, spi: i.spi === null ? null : i.spi * 0.9 });
        expect(worse.score as number).toBeLessThanOrEqual(projectHealthScore(i).score as number);
      }),
    );
  });
});
