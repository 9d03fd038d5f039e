import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  calendarDaysBetween,
  costRating,
  overallRag,
  qualityRating,
  riskRating,
  scheduleRating,
  scopeRating,
  statusReportRatings,
  type StatusReportRag,
} from "./status-report-rag";

describe("scheduleRating", () => {
  it("rates SPI and critical milestone slip by the documented bands", () => {
    expect(scheduleRating({ spi: 0.79, milestoneSlipDays: null, milestoneName: null })).toEqual({ rag: "red", rule: { key: "status_report.rule.schedule.spi_red", params: { spi: 0.79, threshold: 0.8 } } });
    expect(scheduleRating({ spi: 1, milestoneSlipDays: 10, milestoneName: "Go-live" })).toEqual({
      rag: "red",
      rule: { key: "status_report.rule.schedule.milestone_red", params: { milestone: "Go-live", days: 10, threshold: 10 } },
    });
    expect(scheduleRating({ spi: 0.9, milestoneSlipDays: 0, milestoneName: "M" }).rule.key).toBe("status_report.rule.schedule.spi_amber");
    expect(scheduleRating({ spi: 1.02, milestoneSlipDays: 3, milestoneName: "M" })).toMatchObject({ rag: "amber", rule: { params: { days: 3 } } });
    expect(scheduleRating({ spi: 0.95, milestoneSlipDays: -2, milestoneName: "M" })).toMatchObject({ rag: "green", rule: { key: "status_report.rule.schedule.green" } });
    expect(scheduleRating({ spi: null, milestoneSlipDays: null, milestoneName: null })).toMatchObject({ rag: "green", rule: { key: "status_report.rule.schedule.no_data" } });
  });
});

describe("costRating", () => {
  it("rates CPI and the forecast overrun", () => {
    expect(costRating({ cpi: 0.7, vac: 0, bac: 100 }).rag).toBe("red");
    expect(costRating({ cpi: 1, vac: -11, bac: 100 })).toEqual({ rag: "red", rule: { key: "status_report.rule.cost.vac_red", params: { percent: 11, threshold: 10 } } });
    expect(costRating({ cpi: 0.94, vac: 5, bac: 100 }).rule.key).toBe("status_report.rule.cost.cpi_amber");
    expect(costRating({ cpi: 0.99, vac: -1, bac: 100 })).toMatchObject({ rag: "amber", rule: { key: "status_report.rule.cost.vac_amber", params: { percent: 1 } } });
    expect(costRating({ cpi: 1.1, vac: 10, bac: 100 }).rag).toBe("green");
    expect(costRating({ cpi: null, vac: null, bac: 0 }).rule.key).toBe("status_report.rule.cost.no_data");
  });
});

describe("scopeRating", () => {
  it("rates open change requests and scope growth", () => {
    expect(scopeRating({ openChangeRequests: 5, scopeGrowth: 0 }).rag).toBe("red");
    expect(scopeRating({ openChangeRequests: 0, scopeGrowth: 0.2 }).rule.key).toBe("status_report.rule.scope.growth_red");
    expect(scopeRating({ openChangeRequests: 1, scopeGrowth: null })).toEqual({ rag: "amber", rule: { key: "status_report.rule.scope.open_amber", params: { count: 1 } } });
    expect(scopeRating({ openChangeRequests: 0, scopeGrowth: 0.06 }).rag).toBe("amber");
    expect(scopeRating({ openChangeRequests: 0, scopeGrowth: 0.05 }).rag).toBe("green");
  });
});

describe("qualityRating and riskRating", () => {
  it("rates defects and gates", () => {
    expect(qualityRating({ openCriticalDefects: 1, openMajorDefects: 0, overdueOpenGates: 0 }).rag).toBe("red");
    expect(qualityRating({ openCriticalDefects: 0, openMajorDefects: 2, overdueOpenGates: 0 })).toMatchObject({ rag: "amber", rule: { params: { count: 2 } } });
    expect(qualityRating({ openCriticalDefects: 0, openMajorDefects: 0, overdueOpenGates: 1 }).rule.key).toBe("status_report.rule.quality.gates");
    expect(qualityRating({ openCriticalDefects: 0, openMajorDefects: 0, overdueOpenGates: 0 }).rag).toBe("green");
  });

  it("rates the highest open risk by the register's levels", () => {
    expect(riskRating({ highestOpenScore: 17, riskKey: "RISK-1" })).toEqual({ rag: "red", rule: { key: "status_report.rule.risk.red", params: { score: 17, risk: "RISK-1", threshold: 17 } } });
    expect(riskRating({ highestOpenScore: 10, riskKey: "RISK-2" }).rag).toBe("amber");
    expect(riskRating({ highestOpenScore: 9, riskKey: "RISK-3" }).rag).toBe("green");
    expect(riskRating({ highestOpenScore: null, riskKey: null }).rule.key).toBe("status_report.rule.risk.none");
  });
});

describe("overall", () => {
  const rag = fc.constantFrom<StatusReportRag>("green", "amber", "red");
  it("is the worst dimension, and green only when all are", () => {
    fc.assert(
      fc.property(fc.array(rag, { minLength: 1, maxLength: 5 }), (rags) => {
        const overall = overallRag(rags);
        expect(rags).toContain(overall);
        if (rags.includes("red")) expect(overall).toBe("red");
        else if (rags.includes("amber")) expect(overall).toBe("amber");
        else expect(overall).toBe("green");
      }),
    );
  });

  it("rates a whole project", () => {
    const r = statusReportRatings({
      scope: { openChangeRequests: 0, scopeGrowth: null },
      schedule: { spi: 1, milestoneSlipDays: null, milestoneName: null },
      cost: { cpi: 0.9, vac: -5, bac: 100 },
      quality: { openCriticalDefects: 0, openMajorDefects: 0, overdueOpenGates: 0 },
      risk: { highestOpenScore: 4, riskKey: "RISK-1" },
    });
    expect(r.overall).toBe("amber");
    expect(r.dimensions.cost.rag).toBe("amber");
  });

  it("counts calendar days", () => {
    expect(calendarDaysBetween("2026-03-01", "2026-03-11")).toBe(10);
    expect(calendarDaysBetween("2026-03-11", "2026-03-01")).toBe(-10);
  });
});
