import { describe, expect, it } from "vitest";
import type { TMilestoneTrend } from "@jiaofu/contracts";
import { burnRows, dayIso, dayNumber, indexTone, lastMeasured, latestBurn, milestoneTrendRows, sCurveRows, statusWeekOf } from "./monitoring-model";

const curve = [
  { from: "2026-11-02", to: "2026-11-08", pv: 5000, ev: 4000, ac: 4200 },
  { from: "2026-11-09", to: "2026-11-15", pv: 15000, ev: 7000, ac: 8600 },
  { from: "2026-11-16", to: "2026-11-22", pv: 15000, ev: null, ac: null },
];

describe("monitoring chart data", () => {
  it("puts each S-curve week at its end date and finds the status date's week", () => {
    expect(sCurveRows(curve)[1]).toEqual({ x: "2026-11-15", from: "2026-11-09", to: "2026-11-15", pv: 15000, ev: 7000, ac: 8600 });
    expect(statusWeekOf(curve, "2026-11-11")).toBe("2026-11-15");
    expect(statusWeekOf(curve, "2027-01-01")).toBeNull();
    expect(lastMeasured(curve)?.to).toBe("2026-11-15");
    expect(lastMeasured([])).toBeNull();
  });

  it("colours indices by threshold", () => {
    expect([1.05, 0.95, 0.5, null].map(indexTone)).toEqual(["green", "amber", "red", "gray"]);
  });

  it("keeps burndown dates without a snapshot for the ideal line only", () => {
    const points = [
      { date: "2026-11-02", scope: null, remaining: null, done: null, ideal: 80 },
      { date: "2026-11-06", scope: 80, remaining: 48, done: 32, ideal: 50.91 },
      { date: "2026-11-13", scope: null, remaining: null, done: null, ideal: 0 },
    ];
    expect(burnRows(points).map((r) => [dayIso(r.x), r.remaining, r.ideal])).toEqual([
      ["2026-11-02", null, 80],
      ["2026-11-06", 48, 50.91],
      ["2026-11-13", null, 0],
    ]);
    expect(latestBurn(points)?.date).toBe("2026-11-06");
  });

  it("turns the milestone trend into rows by status date, with the diagonal and the y range", () => {
    const trend: TMilestoneTrend = {
      projectId: "p",
      dates: ["2026-11-04", "2026-11-11"],
      milestones: [
        { taskId: "m", wbsCode: "2", name: "Go-live", finish: "2026-11-16", slipDays: 4, points: [{ asOf: "2026-11-04", finish: "2026-11-12" }, { asOf: "2026-11-11", finish: "2026-11-16" }] },
        { taskId: "n", wbsCode: "3", name: "Later", finish: "2026-12-01", slipDays: null, points: [{ asOf: "2026-11-04", finish: null }, { asOf: "2026-11-11", finish: "2026-12-01" }] },
      ],
    };
    const { rows, keys, domain } = milestoneTrendRows(trend);
    expect(keys).toEqual(["m", "n"]);
    expect(rows[0]).toEqual({ x: dayNumber("2026-11-04"), diagonal: dayNumber("2026-11-04"), m: dayNumber("2026-11-12"), n: null });
    expect(domain).toEqual([dayNumber("2026-11-04"), dayNumber("2026-12-01")]);
    expect(milestoneTrendRows(trend).xDomain).toEqual([dayNumber("2026-11-04"), dayNumber("2026-11-11")]);
    expect(dayIso(dayNumber("2026-11-16"))).toBe("2026-11-16");
    expect(milestoneTrendRows({ projectId: "p", dates: [], milestones: [] }).domain).toBeNull();
  });
});
