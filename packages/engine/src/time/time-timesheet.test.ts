import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { timeCost, timeCostByPeriod } from "./time-cost";
import { timesheetDaysOverLimit, timesheetGrid, timesheetPartEditable, timesheetStatus } from "./time-timesheet";

describe("timesheetGrid", () => {
  it("groups a week's entries by project and task, with day and week totals", () => {
    const grid = timesheetGrid("2025-03-03", [
      { projectId: "p", taskId: "t1", workDate: "2025-03-03", minutes: 60 },
      { projectId: "p", taskId: "t1", workDate: "2025-03-03", minutes: 30 },
      { projectId: "p", taskId: null, workDate: "2025-03-09", minutes: 45 },
      { projectId: "q", taskId: "t1", workDate: "2025-03-04", minutes: 120 },
      { projectId: "p", taskId: "t1", workDate: "2025-03-10", minutes: 999 }, // next week
    ]);
    expect(grid.rows).toEqual([
      { projectId: "p", taskId: "t1", minutes: [90, 0, 0, 0, 0, 0, 0], total: 90 },
      { projectId: "p", taskId: null, minutes: [0, 0, 0, 0, 0, 0, 45], total: 45 },
      { projectId: "q", taskId: "t1", minutes: [0, 120, 0, 0, 0, 0, 0], total: 120 },
    ]);
    expect(grid.dayTotals).toEqual([90, 120, 0, 0, 0, 0, 45]);
    expect(grid.total).toBe(255);
  });

  it("row totals and day totals both add up to the week's total", () => {
    const entry = fc.record({
      projectId: fc.constantFrom("a", "b"),
      taskId: fc.constantFrom("x", "y", null),
      workDate: fc.integer({ min: 3, max: 9 }).map((d) => `2025-03-0${d}`),
      minutes: fc.integer({ min: 1, max: 600 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const grid = timesheetGrid("2025-03-03", entries);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(sum(grid.rows.map((r) => r.total))).toBe(grid.total);
        expect(sum(grid.dayTotals)).toBe(grid.total);
        expect(grid.total).toBe(sum(entries.map((e) => e.minutes)));
      }),
    );
  });
});

describe("timesheet checks", () => {
  it("finds days over 24 hours", () => {
    expect(
      timesheetDaysOverLimit([
        { workDate: "2025-03-04", minutes: 1000 },
        { workDate: "2025-03-04", minutes: 441 },
        { workDate: "2025-03-03", minutes: 1440 },
      ]),
    ).toEqual(["2025-03-04"]);
  });

  it("sums the parts' statuses up", () => {
    expect(timesheetStatus([])).toBe("draft");
    expect(timesheetStatus(["approved", "draft"])).toBe("draft");
    expect(timesheetStatus(["approved", "rejected", "submitted"])).toBe("rejected");
    expect(timesheetStatus(["approved", "submitted"])).toBe("submitted");
    expect(timesheetStatus(["approved", "approved"])).toBe("approved");
    expect(timesheetPartEditable("rejected")).toBe(true);
    expect(timesheetPartEditable("submitted")).toBe(false);
  });
});

describe("time cost", () => {
  it("costs minutes at an hourly rate, to the cent", () => {
    expect(timeCost(90, 200)).toBe(300);
    expect(timeCost(20, 100)).toBe(33.33);
  });

  it("sums approved time by week and by month with running totals", () => {
    const entries = [
      { workDate: "2025-03-03", minutes: 60, costPerHour: 100 },
      { workDate: "2025-03-09", minutes: 30, costPerHour: 200 },
      { workDate: "2025-03-31", minutes: 120, costPerHour: 100 },
    ];
    expect(timeCostByPeriod(entries, "week")).toEqual([
      { start: "2025-03-03", minutes: 90, cost: 200, cumulativeMinutes: 90, cumulativeCost: 200 },
      { start: "2025-03-31", minutes: 120, cost: 200, cumulativeMinutes: 210, cumulativeCost: 400 },
    ]);
    expect(timeCostByPeriod(entries, "month")).toEqual([{ start: "2025-03-01", minutes: 210, cost: 400, cumulativeMinutes: 210, cumulativeCost: 400 }]);
  });
});
