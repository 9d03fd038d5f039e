import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFECT_STATUSES,
  defectKey,
  defectStatusStamps,
  defectTransitionAllowed,
  defectTrend,
  qualityGateCanPass,
  qualityGateDefaultChecklist,
  qualityGateKindOf,
  testCaseKey,
} from "./quality";

describe("keys", () => {
  it("numbers test cases and defects", () => {
    expect(testCaseKey(3)).toBe("TC-3");
    expect(defectKey(12)).toBe("DEF-12");
  });
});

describe("defect workflow", () => {
  it("follows open → in progress → resolved → closed, with reject and reopen", () => {
    expect(defectTransitionAllowed("open", "in_progress")).toBe(true);
    expect(defectTransitionAllowed("in_progress", "resolved")).toBe(true);
    expect(defectTransitionAllowed("resolved", "closed")).toBe(true);
    expect(defectTransitionAllowed("open", "rejected")).toBe(true);
    expect(defectTransitionAllowed("closed", "open")).toBe(true);
    expect(defectTransitionAllowed("rejected", "open")).toBe(true);
    expect(defectTransitionAllowed("open", "closed")).toBe(false);
    expect(defectTransitionAllowed("closed", "resolved")).toBe(false);
  });

  it("lets every status reach closed and come back to open", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DEFECT_STATUSES), (from) => {
        const reachable = new Set([from]);
        for (let step = 0; step < 5; step++) for (const s of [...reachable]) for (const to of DEFECT_STATUSES) if (defectTransitionAllowed(s, to)) reachable.add(to);
        return reachable.has("closed") && reachable.has("open");
      }),
    );
  });

  it("stamps resolved and closed dates and clears them on reopen", () => {
    const now = new Date("2025-03-10T08:00:00Z");
    const earlier = new Date("2025-03-01T08:00:00Z");
    expect(defectStatusStamps("resolved", { resolvedAt: null, closedAt: null }, now)).toEqual({ resolvedAt: now, closedAt: null });
    expect(defectStatusStamps("closed", { resolvedAt: earlier, closedAt: null }, now)).toEqual({ resolvedAt: earlier, closedAt: now });
    expect(defectStatusStamps("open", { resolvedAt: earlier, closedAt: earlier }, now)).toEqual({ resolvedAt: null, closedAt: null });
  });
});

describe("defect trend", () => {
  it("counts opened, closed and open per Monday week (the worked example)", () => {
    const trend = defectTrend(
      [
        { openedOn: "2025-03-03", closedOn: "2025-03-13" },
        { openedOn: "2025-03-12", closedOn: null },
      ],
      "2025-03-14",
      2,
    );
    expect(trend).toEqual([
      { weekStart: "2025-03-03", opened: 1, closed: 0, open: 1 },
      { weekStart: "2025-03-10", opened: 1, closed: 1, open: 1 },
    ]);
  });

  it("keeps open = previous open + opened − closed for defects raised inside the window", () => {
    const day = fc.integer({ min: 0, max: 69 }).map((n) => new Date(Date.UTC(2025, 0, 6 + n)).toISOString().slice(0, 10));
    const defect = fc.tuple(day, fc.option(fc.integer({ min: 0, max: 30 }))).map(([openedOn, after]) => ({
      openedOn,
      closedOn: after === null ? null : new Date(Date.parse(openedOn) + after * 86_400_000).toISOString().slice(0, 10),
    }));
    fc.assert(
      fc.property(fc.array(defect, { maxLength: 30 }), (defects) => {
        const trend = defectTrend(defects, "2025-04-13", 14);
        let open = 0;
        for (const week of trend) {
          open += week.opened - week.closed;
          if (week.open !== open) return false;
        }
        return true;
      }),
    );
  });
});

describe("gate checklists", () => {
  it("picks a checklist from the phase's name in either language", () => {
    expect(qualityGateKindOf("需求调研")).toBe("requirements");
    expect(qualityGateKindOf("System testing")).toBe("test");
    expect(qualityGateKindOf("上线切换")).toBe("deploy");
    expect(qualityGateKindOf("Kick-off")).toBe("generic");
    expect(qualityGateDefaultChecklist("UAT", "zh-CN")[3]).toBe("客户已签署用户验收");
    expect(qualityGateDefaultChecklist("UAT", "en")).toHaveLength(4);
  });

  it("passes only with every item done", () => {
    expect(qualityGateCanPass([])).toBe(false);
    expect(qualityGateCanPass([{ done: true }, { done: false }])).toBe(false);
    expect(qualityGateCanPass([{ done: true }, { done: true }])).toBe(true);
  });
});
