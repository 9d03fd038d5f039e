import { describe, expect, it } from "vitest";
import { bandTone, healthPoints, isValidPeriod, presetPeriod } from "./performance-model";

describe("performance model", () => {
  it("makes preset periods ending today", () => {
    expect(presetPeriod("last30", "2026-11-13")).toEqual({ from: "2026-10-15", to: "2026-11-13" });
    expect(presetPeriod("last90", "2026-11-13")).toEqual({ from: "2026-08-16", to: "2026-11-13" });
    expect(presetPeriod("thisMonth", "2026-11-13")).toEqual({ from: "2026-11-01", to: "2026-11-13" });
  });

  it("checks a period", () => {
    expect(isValidPeriod({ from: "2026-11-01", to: "2026-11-01" })).toBe(true);
    expect(isValidPeriod({ from: "2026-11-02", to: "2026-11-01" })).toBe(false);
    expect(isValidPeriod({ from: "", to: "2026-11-01" })).toBe(false);
  });

  it("colours bands and works out a part's points", () => {
    expect([bandTone("healthy"), bandTone("watch"), bandTone("at_risk"), bandTone(null)]).toEqual(["green", "amber", "red", "gray"]);
    expect(healthPoints({ part: "quality", score: 84, weight: 20, effectiveWeight: 57.1, figures: {} })).toBeCloseTo(47.96, 2);
    expect(healthPoints({ part: "satisfaction", score: null, weight: 10, effectiveWeight: 0, figures: {} })).toBeNull();
  });
});
