import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { npsCategory, npsFromDistribution } from "./nps";

describe("npsCategory", () => {
  it("splits 0–6, 7–8 and 9–10", () => {
    expect(Array.from({ length: 11 }, (_, s) => npsCategory(s))).toEqual([
      ...Array<string>(7).fill("detractor"),
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);
  });
});

describe("npsFromDistribution", () => {
  it("gives the worked example: 50% promoters − 20% detractors = 30", () => {
    expect(npsFromDistribution([1, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3])).toEqual({ promoters: 5, passives: 3, detractors: 2, score: 30 });
  });

  it("reaches the bounds and is null with no answers", () => {
    expect(npsFromDistribution([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4]).score).toBe(100);
    expect(npsFromDistribution([4]).score).toBe(-100);
    expect(npsFromDistribution(new Array<number>(11).fill(0)).score).toBeNull();
  });

  it("stays within −100..100 and equals %promoters − %detractors", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { minLength: 11, maxLength: 11 }), (distribution) => {
        const { promoters, passives, detractors, score } = npsFromDistribution(distribution);
        const total = distribution.reduce((a, b) => a + b, 0);
        expect(promoters + passives + detractors).toBe(total);
        if (total === 0) return expect(score).toBeNull();
        expect(score).not.toBeNull();
        expect(score as number).toBeGreaterThanOrEqual(-100);
        expect(score as number).toBeLessThanOrEqual(100);
        expect(score as number).toBeCloseTo((100 * promoters) / total - (100 * detractors) / total, 9);
      }),
    );
  });
});
