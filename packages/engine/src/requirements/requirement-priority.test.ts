import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MOSCOW_PRIORITIES } from "./requirement-snapshot";
import { rankBetween, rankByScore, requirementRankCompare, requirementScore, type ScoredItem } from "./requirement-priority";

describe("requirementScore", () => {
  it("computes RICE, WSJF and weighted criteria", () => {
    expect(requirementScore("rice", { rice: { reach: 500, impact: 2, confidence: 80, effort: 2 } })).toEqual({ score: 400, missing: [] });
    expect(requirementScore("wsjf", { wsjf: { businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 4 } })).toEqual({ score: 4, missing: [] });
    const criteria = [
      { id: "a", name: "Value", weight: 3 },
      { id: "b", name: "Risk", weight: 1 },
    ];
    expect(requirementScore("weighted", { weighted: { a: 8, b: 4 } }, criteria)).toEqual({ score: 7, missing: [] });
    expect(requirementScore("none", { rice: { reach: 1, impact: 1, confidence: 100, effort: 1 } })).toEqual({ score: null, missing: [] });
  });

  it("names what is missing instead of guessing", () => {
    expect(requirementScore("rice", { rice: { reach: 10, effort: 0 } })).toEqual({ score: null, missing: ["impact", "confidence", "effort"] });
    expect(requirementScore("wsjf", {})).toEqual({ score: null, missing: ["businessValue", "timeCriticality", "riskReduction", "jobSize"] });
    expect(requirementScore("weighted", { weighted: { a: 1 } }, [{ id: "a", name: "A", weight: 1 }, { id: "b", name: "B", weight: 2 }])).toEqual({
      score: null,
      missing: ["b"],
    });
  });

  it("keeps a weighted score within the value range whatever the weights", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0.1, max: 100, noNaN: true }), fc.integer({ min: 0, max: 10 })), { minLength: 1, maxLength: 8 }), (pairs) => {
        const criteria = pairs.map(([weight], i) => ({ id: `c${i}`, name: `C${i}`, weight }));
        const weighted = Object.fromEntries(pairs.map(([, value], i) => [`c${i}`, value]));
        const { score } = requirementScore("weighted", { weighted }, criteria);
        const values = pairs.map(([, v]) => v);
        expect(score).not.toBeNull();
        expect(score as number).toBeGreaterThanOrEqual(Math.min(...values) - 0.01);
        expect(score as number).toBeLessThanOrEqual(Math.max(...values) + 0.01);
      }),
    );
  });
});

describe("rankBetween", () => {
  it("splits neighbours and extends the ends", () => {
    expect(rankBetween(1, 2)).toBe(1.5);
    expect(rankBetween(undefined, 3)).toBe(2);
    expect(rankBetween(7, undefined)).toBe(8);
    expect(rankBetween(undefined, undefined)).toBe(1);
    expect(rankBetween(1, 1 + Number.EPSILON)).toBeNull();
  });

  it("always lands strictly between its neighbours when it returns a rank", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (a, gap) => {
        const r = rankBetween(a, a + gap);
        if (r !== null) {
          expect(r).toBeGreaterThan(a);
          expect(r).toBeLessThan(a + gap);
        }
      }),
    );
  });
});

describe("rankByScore", () => {
  const item = fc.record({
    id: fc.uuid(),
    moscow: fc.constantFrom(...MOSCOW_PRIORITIES, null),
    rank: fc.integer({ min: 1, max: 50 }),
    score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  });

  it("orders each tier by score, highest first, unscored last", () => {
    fc.assert(
      fc.property(fc.uniqueArray(item, { selector: (i) => i.id, maxLength: 30 }), (items) => {
        const changes = new Map(rankByScore(items).map((c) => [c.id, c.rank]));
        const after: ScoredItem[] = items.map((i) => ({ ...i, rank: changes.get(i.id) ?? i.rank }));
        const ordered = [...after].sort(requirementRankCompare);
        for (let i = 1; i < ordered.length; i++) {
          const [prev, next] = [ordered[i - 1], ordered[i]] as [ScoredItem, ScoredItem];
          if (prev.moscow !== next.moscow) continue;
          if (next.score !== null) {
            expect(prev.score).not.toBeNull();
            expect(prev.score as number).toBeGreaterThanOrEqual(next.score);
          }
        }
      }),
    );
  });

  it("returns nothing when the order already holds", () => {
    expect(
      rankByScore([
        { id: "a", moscow: "must", rank: 1, score: 9 },
        { id: "b", moscow: "must", rank: 2, score: 2 },
        { id: "c", moscow: "could", rank: 1, score: null },
      ]),
    ).toEqual([]);
  });
});
