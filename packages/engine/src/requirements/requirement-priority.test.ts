import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MOSCOW_PRIORITIES } from "./requirement-snapshot";
import {
  priorityInputsIsEmpty,
  priorityInputsMerge,
  priorityInputsNormalise,
  rankBetween,
  rankByScore,
  rankPlace,
  requirementRankCompare,
  requirementScore,
  type ScoredItem,
} from "./requirement-priority";

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

describe("priorityInputsNormalise and priorityInputsMerge", () => {
  it("keeps finite numbers of known fields and drops empty models", () => {
    expect(priorityInputsNormalise({ rice: { reach: 10, bogus: 3, impact: Number.NaN }, wsjf: {}, weighted: { a: 3, b: "x" } })).toEqual({ rice: { reach: 10 }, weighted: { a: 3 } });
    expect(priorityInputsNormalise(null)).toEqual({});
    expect(priorityInputsNormalise([1, 2])).toEqual({});
    expect(priorityInputsIsEmpty({ rice: {}, weighted: {} })).toBe(true);
    expect(priorityInputsIsEmpty({ wsjf: { jobSize: 3 } })).toBe(false);
  });

  it("sets numbers, clears nulls and keeps what the patch leaves out", () => {
    const current = { rice: { reach: 10, impact: 2 }, weighted: { a: 4 } };
    expect(priorityInputsMerge(current, { rice: { impact: null, effort: 1 } })).toEqual({ rice: { reach: 10, effort: 1 }, weighted: { a: 4 } });
    expect(priorityInputsMerge(current, { weighted: { a: null }, wsjf: { jobSize: 5 } })).toEqual({ rice: { reach: 10, impact: 2 }, wsjf: { jobSize: 5 } });
    expect(priorityInputsMerge(current, {})).toEqual(current);
    expect(priorityInputsMerge({}, { rice: { reach: null } })).toEqual({});
  });
});

describe("rankPlace", () => {
  const item = (id: string, rank: number, moscow: ScoredItem["moscow"] = "must") => ({ id, moscow, rank });

  it("puts the item between its neighbours, at either end, or alone", () => {
    const tier = [item("b", 2), item("a", 1), item("c", 3)];
    expect(rankPlace(tier, "a", "b")).toEqual({ rank: 1.5, renumbered: [] });
    expect(rankPlace(tier, null, "a")).toEqual({ rank: 0, renumbered: [] });
    expect(rankPlace(tier, "c", null)).toEqual({ rank: 4, renumbered: [] });
    expect(rankPlace(tier, null, null)).toEqual({ rank: 4, renumbered: [] });
    expect(rankPlace([], null, null)).toEqual({ rank: 1, renumbered: [] });
  });

  it("anchors on the previous item, so a stale next id cannot make it collide", () => {
    // "c" was dropped between a and b, but x has since been put right after a.
    const tier = [item("a", 1), item("x", 1.5), item("b", 2)];
    expect(rankPlace(tier, "a", "b")).toEqual({ rank: 1.25, renumbered: [] });
  });

  it("renumbers the tier when the neighbours are tied or too close to split", () => {
    expect(rankPlace([item("a", 0), item("b", 0)], "a", "b")).toEqual({ rank: 2, renumbered: [{ id: "a", rank: 1 }, { id: "b", rank: 3 }] });
    const close = [item("a", 1), item("b", 1 + Number.EPSILON)];
    expect(rankPlace(close, "a", "b")).toEqual({ rank: 2, renumbered: [{ id: "b", rank: 3 }] });
  });

  it("always lands strictly between its neighbours in the resulting order", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 0, maxLength: 12 }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 12, maxLength: 12 }),
        fc.nat(),
        (ids, ranks, pick) => {
          const tier = ids.map((id, i) => item(`r${id}`, ranks[i] ?? 0));
          const ordered = [...tier].sort(requirementRankCompare);
          const at = ordered.length === 0 ? 0 : pick % (ordered.length + 1);
          const previous = ordered[at - 1]?.id ?? null;
          const next = ordered[at]?.id ?? null;
          const { rank, renumbered } = rankPlace(tier, previous, next);
          const after = tier.map((t) => ({ ...t, rank: renumbered.find((r) => r.id === t.id)?.rank ?? t.rank }));
          const final = [...after, item("moved", rank)].sort(requirementRankCompare);
          const position = final.findIndex((t) => t.id === "moved");
          // Strictly between: no tie with a neighbour, so the order does not depend on ids.
          if (previous) expect(final[position - 1]?.id).toBe(previous);
          if (next) expect(final[position + 1]?.id).toBe(next);
          expect(final.filter((t) => t.rank === rank)).toHaveLength(1);
        },
      ),
    );
  });
});
