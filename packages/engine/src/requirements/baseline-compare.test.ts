import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BASELINE_PENDING_STATUSES,
  BASELINE_SCOPE_STATUSES,
  baselineCompare,
  baselineConflictBlockers,
  baselineKey,
  baselinePendingIncludes,
  baselineScopeIncludes,
  scopeCreepFigure,
  scopeCreepPercent,
  scopeCreepSeries,
  type BaselineItem,
} from "./baseline-compare";
import { REQUIREMENT_STATUSES, type RequirementStatus } from "./requirement-workflow";
import type { RequirementSnapshot } from "./requirement-snapshot";

const snapshot = (title: string, status: RequirementStatus = "baselined"): RequirementSnapshot => ({
  title,
  description: `${title} in detail`,
  type: "functional",
  status,
  statusReason: null,
  ownerId: null,
  tags: [],
  acceptanceCriteria: [{ id: "c1", text: `${title} works` }],
  moscow: "must",
  clientPriority: null,
  rank: 1,
});

const item = (n: number, snap: Partial<RequirementSnapshot> = {}, version = 1): BaselineItem => ({
  requirementId: `r${n}`,
  number: n,
  version,
  snapshot: { ...snapshot(`Requirement ${n}`), ...snap },
});

describe("baseline statuses and keys", () => {
  it("holds approved and later, leaves out what is not agreed, excludes rejected and deferred", () => {
    expect(REQUIREMENT_STATUSES.filter(baselineScopeIncludes)).toEqual(["approved", "baselined", "delivered", "accepted"]);
    expect(REQUIREMENT_STATUSES.filter(baselinePendingIncludes)).toEqual(["draft", "in_analysis", "awaiting_client"]);
    for (const status of ["rejected", "deferred"] as const) {
      expect(baselineScopeIncludes(status) || baselinePendingIncludes(status)).toBe(false);
    }
    expect(new Set([...BASELINE_SCOPE_STATUSES, ...BASELINE_PENDING_STATUSES]).size).toBe(7);
  });

  it("names baselines BL-n", () => {
    expect(baselineKey(1)).toBe("BL-1");
    expect(baselineKey(12)).toBe("BL-12");
  });
});

describe("baselineCompare", () => {
  it("sorts requirements into added, removed, changed, adjusted and unchanged", () => {
    const bl1 = [item(1), item(2), item(3), item(4), item(5)];
    const today = [
      item(1, { title: "Single sign-on", status: "delivered" }, 3), // changed (and delivered: progress, not a change)
      item(2, { status: "rejected", statusReason: "Dropped by CR-1" }, 2), // removed, still known
      item(3, { ownerId: "u1", rank: 7 }, 2), // adjusted only
      item(4, { status: "accepted" }, 3), // unchanged: progress only
      // 5 is gone
      item(6, { status: "approved" }), // added
      item(7, { status: "awaiting_client" }), // pending: not in scope
    ];
    const result = baselineCompare(bl1, today);
    expect(result.counts).toEqual({ from: 5, to: 4, added: 1, removed: 2, changed: 1, adjusted: 1, unchanged: 1 });
    expect(result.added.map((i) => i.number)).toEqual([6]);
    expect(result.removed.map((r) => [r.before.number, r.after?.snapshot.status ?? null])).toEqual([
      [2, "rejected"],
      [5, null],
    ]);
    expect(result.changed[0]?.changes.map((c) => c.field)).toEqual(["title"]);
    expect(result.adjusted[0]?.changes.map((c) => c.field)).toEqual(["ownerId", "rank"]);
  });

  it("counts a MoSCoW or client-priority change as scope, a tag change as an adjustment", () => {
    const result = baselineCompare([item(1), item(2), item(3)], [item(1, { moscow: "could" }), item(2, { clientPriority: 1 }), item(3, { tags: ["ux"] })]);
    expect(result.changed.map((c) => c.before.number)).toEqual([1, 2]);
    expect(result.adjusted.map((c) => c.before.number)).toEqual([3]);
  });

  it("treats a requirement that was not in scope before as added when it is now", () => {
    const result = baselineCompare([item(1, { status: "awaiting_client" })], [item(1, { status: "approved" })]);
    expect(result.counts).toMatchObject({ from: 0, to: 1, added: 1 });
  });

  it("compares nothing with nothing", () => {
    expect(baselineCompare([], []).counts).toEqual({ from: 0, to: 0, added: 0, removed: 0, changed: 0, adjusted: 0, unchanged: 0 });
  });
});

describe("scopeCreepFigure", () => {
  it("gives counts and percentages of the first baseline's size", () => {
    const bl1 = Array.from({ length: 10 }, (_, i) => item(i + 1));
    const today = [...bl1.slice(0, 8), item(9, { description: "Now with exports" }), item(11, { status: "approved" }), item(12, { status: "approved" })];
    // 10 removed, 9 changed, 11 and 12 added
    expect(scopeCreepFigure(bl1, today)).toEqual({
      added: 2,
      changed: 1,
      removed: 1,
      baseSize: 10,
      currentSize: 11,
      netChange: 1,
      addedPercent: 20,
      changedPercent: 10,
      removedPercent: 10,
      totalPercent: 40,
    });
  });

  it("has no percentages against an empty first baseline", () => {
    expect(scopeCreepFigure([], [item(1)])).toMatchObject({ added: 1, baseSize: 0, addedPercent: null, totalPercent: null });
  });

  it("rounds percentages to one decimal", () => {
    expect(scopeCreepPercent(1, 3)).toBe(33.3);
    expect(scopeCreepPercent(2, 3)).toBe(66.7);
    expect(scopeCreepPercent(0, 0)).toBeNull();
  });
});

describe("scopeCreepSeries", () => {
  it("starts at zero and counts since the first and since the previous state", () => {
    const bl1 = [item(1), item(2)];
    const bl2 = [item(1), item(2, { title: "Changed" }), item(3)];
    const today = [item(2, { title: "Changed" }), item(3), item(4)];
    const series = scopeCreepSeries([
      { label: "BL-1", items: bl1 },
      { label: "BL-2", items: bl2 },
      { label: "today", items: today },
    ]);
    expect(series).toEqual([
      { label: "BL-1", size: 2, sinceFirst: { added: 0, changed: 0, removed: 0 }, sincePrevious: { added: 0, changed: 0, removed: 0 } },
      { label: "BL-2", size: 3, sinceFirst: { added: 1, changed: 1, removed: 0 }, sincePrevious: { added: 1, changed: 1, removed: 0 } },
      { label: "today", size: 3, sinceFirst: { added: 2, changed: 1, removed: 1 }, sincePrevious: { added: 1, changed: 0, removed: 1 } },
    ]);
  });

  it("is empty without states", () => {
    expect(scopeCreepSeries([])).toEqual([]);
  });
});

describe("baselineConflictBlockers", () => {
  it("keeps the open conflicts with an end in scope", () => {
    const conflicts = [
      { id: "a", fromId: "r1", toId: "r2" },
      { id: "b", fromId: "r8", toId: "r1" },
      { id: "c", fromId: "r8", toId: "r9" },
    ];
    expect(baselineConflictBlockers(conflicts, new Set(["r1"])).map((c) => c.id)).toEqual(["a", "b"]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------------

const arbSnapshot: fc.Arbitrary<RequirementSnapshot> = fc.record({
  title: fc.constantFrom("A", "B"),
  description: fc.constantFrom("", "x", "x\ny"),
  type: fc.constantFrom("functional" as const, "security" as const),
  status: fc.constantFrom(...REQUIREMENT_STATUSES),
  statusReason: fc.constantFrom(null, "why"),
  ownerId: fc.constantFrom(null, "u1", "u2"),
  tags: fc.constantFrom([], ["a"]),
  acceptanceCriteria: fc.constantFrom([], [{ id: "c", text: "ok" }]),
  moscow: fc.constantFrom(null, "must" as const, "could" as const),
  clientPriority: fc.constantFrom(null, 1, 3),
  rank: fc.constantFrom(1, 2),
});

/** A register: unique ids r0…r9, each present or not, with some snapshot. */
const arbSide: fc.Arbitrary<BaselineItem[]> = fc
  .array(fc.tuple(fc.boolean(), arbSnapshot, fc.integer({ min: 1, max: 9 })), { minLength: 10, maxLength: 10 })
  .map((slots) => slots.flatMap(([present, snap, version], i) => (present ? [{ requirementId: `r${i}`, number: i + 1, version, snapshot: snap }] : [])));

describe("baselineCompare properties", () => {
  it("accounts for every requirement in scope on each side exactly once", () => {
    fc.assert(
      fc.property(arbSide, arbSide, (from, to) => {
        const { counts, added, removed, changed, adjusted } = baselineCompare(from, to);
        expect(counts.from).toBe(from.filter((i) => baselineScopeIncludes(i.snapshot.status)).length);
        expect(counts.to).toBe(to.filter((i) => baselineScopeIncludes(i.snapshot.status)).length);
        expect(counts.added + counts.changed + counts.adjusted + counts.unchanged).toBe(counts.to);
        expect(counts.removed + counts.changed + counts.adjusted + counts.unchanged).toBe(counts.from);
        expect([added.length, removed.length, changed.length, adjusted.length]).toEqual([counts.added, counts.removed, counts.changed, counts.adjusted]);
      }),
    );
  });

  it("finds nothing between a state and itself", () => {
    fc.assert(
      fc.property(arbSide, (side) => {
        const { counts } = baselineCompare(side, side);
        expect(counts.added + counts.removed + counts.changed + counts.adjusted).toBe(0);
      }),
    );
  });

  it("is symmetric: swapping the sides swaps added and removed and keeps the changes", () => {
    fc.assert(
      fc.property(arbSide, arbSide, (a, b) => {
        const ab = baselineCompare(a, b);
        const ba = baselineCompare(b, a);
        expect(ba.counts).toEqual({ ...ab.counts, from: ab.counts.to, to: ab.counts.from, added: ab.counts.removed, removed: ab.counts.added });
        expect(ba.added.map((i) => i.requirementId)).toEqual(ab.removed.map((r) => r.before.requirementId));
      }),
    );
  });

  it("never counts a status-only difference", () => {
    fc.assert(
      fc.property(arbSide, fc.constantFrom(...BASELINE_SCOPE_STATUSES), (side, status) => {
        const inScope = side.filter((i) => baselineScopeIncludes(i.snapshot.status));
        const progressed = inScope.map((i) => ({ ...i, version: i.version + 1, snapshot: { ...i.snapshot, status, statusReason: null } }));
        expect(baselineCompare(inScope, progressed).counts.unchanged).toBe(inScope.length);
      }),
    );
  });
});

describe("scope creep properties", () => {
  it("grows by added minus removed, and its percentages follow its counts", () => {
    fc.assert(
      fc.property(arbSide, arbSide, (first, later) => {
        const figure = scopeCreepFigure(first, later);
        expect(figure.currentSize - figure.baseSize).toBe(figure.added - figure.removed);
        expect(figure.netChange).toBe(figure.added - figure.removed);
        if (figure.baseSize === 0) expect(figure.totalPercent).toBeNull();
        else expect(figure.addedPercent).toBeCloseTo((figure.added / figure.baseSize) * 100, 0);
      }),
    );
  });

  it("ends its series on the figure of the last state", () => {
    fc.assert(
      fc.property(fc.array(arbSide, { minLength: 1, maxLength: 4 }), (states) => {
        const series = scopeCreepSeries(states.map((items, i) => ({ label: i, items })));
        const last = series.at(-1);
        const figure = scopeCreepFigure(states[0] ?? [], states.at(-1) ?? []);
        expect(last?.sinceFirst).toEqual({ added: figure.added, changed: figure.changed, removed: figure.removed });
        expect(series[0]?.sinceFirst).toEqual({ added: 0, changed: 0, removed: 0 });
      }),
    );
  });
});
