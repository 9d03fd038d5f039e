import { describe, expect, it } from "vitest";
import type { TPlanDependency, TPlanTask } from "@jiaofu/contracts";
import { planCalendarCompile, planDayAxis, planDefaultCalendar } from "@jiaofu/engine";
import { ganttArrowRoute, ganttDayMap, ganttLayout, ganttPath, ganttVisibleLinks, ganttWindow } from "./gantt-layout";
import { ganttDayOfIso, ganttIsoOfDay } from "./gantt-scale";

/** Default calendar (Mon–Fri, China's holidays) from Monday 2026-09-28, the week before National Day. */
const axis = planDayAxis(planCalendarCompile(planDefaultCalendar()), "2026-09-28");
const map = ganttDayMap(axis, 30);
const iso = (day: number) => ganttIsoOfDay(Math.floor(day));

describe("working days on the calendar axis", () => {
  it("puts starts at the start of their date and finishes at the end of the last working day, skipping 国庆", () => {
    expect(iso(map.startAt(0))).toBe("2026-09-28");
    expect(map.startAt(0)).toBe(ganttDayOfIso("2026-09-28"));
    // 10-01 to 10-07 are the holiday: working day 3 is Thursday 10-08, and the 调休 Saturday 10-10 is day 5.
    expect(iso(map.startAt(3))).toBe("2026-10-08");
    expect(iso(map.startAt(5))).toBe("2026-10-10");
    // A half day: the middle of the date.
    expect(map.startAt(1.5) - map.startAt(1)).toBeCloseTo(0.5);
    // An exclusive finish at 3 is the end of day 2's date (Wed 09-30).
    expect(map.finishAt(3)).toBe(ganttDayOfIso("2026-09-30") + 1);
    expect(map.finishAt(2.5)).toBeCloseTo(ganttDayOfIso("2026-09-30") + 0.5);
  });

  it("looks up days past its table and before day 0", () => {
    expect(iso(map.startAt(500))).toBe(iso(ganttDayMap(axis, 600).startAt(500)));
    // Friday 09-25 is 中秋节 (Mid-Autumn) in 2026: the working day before day 0 is Thursday 09-24.
    expect(map.startAt(-1)).toBe(ganttDayOfIso("2026-09-24"));
  });
});

const task = (id: string, startDay: number | null, finishDay: number | null, kind: TPlanTask["kind"] = "task"): TPlanTask =>
  ({ id, kind, wbsCode: id, name: id, outlineLevel: 1, schedule: { startDay, finishDay, critical: false, totalFloatDays: 0, violations: [] } }) as unknown as TPlanTask;
const link = (id: string, from: string, to: string): TPlanDependency => ({ id, predecessorId: from, successorId: to, type: "FS", lagDays: 0, version: 1 });

describe("the layout", () => {
  it("spans every row in calendar days, milestones as points, and pads the range", () => {
    const layout = ganttLayout([task("a", 0, 2), task("m", 2, 2, "milestone"), task("u", null, null)], [link("l", "a", "m"), link("x", "a", "hidden")], map, map.startAt(0));
    expect(layout.start[0]).toBe(ganttDayOfIso("2026-09-28"));
    expect(layout.finish[0]).toBe(ganttDayOfIso("2026-09-30"));
    expect(layout.start[1]).toBe(layout.finish[1]);
    expect(Number.isNaN(layout.start[2])).toBe(true);
    // A link to a task not in the rows (under a collapsed summary) is not drawn.
    expect(layout.links.map((l) => l.dependency.id)).toEqual(["l"]);
    expect(layout.from).toBe(ganttDayOfIso("2026-09-28") - 7);
  });
});

describe("the visible window", () => {
  it("covers the rows and pixels in view with overscan, clamped to the plan", () => {
    expect(ganttWindow({ scrollTop: 0, scrollLeft: 0, width: 800, height: 280 }, 28, 10_000, 4, 200)).toEqual({ firstRow: 0, lastRow: 14, fromX: -200, toX: 1000 });
    const deep = ganttWindow({ scrollTop: 28 * 5000 + 10, scrollLeft: 3000, width: 1000, height: 560 }, 28, 10_000, 4, 200);
    expect(deep).toEqual({ firstRow: 4996, lastRow: 5025, fromX: 2800, toX: 4200 });
    expect(ganttWindow({ scrollTop: 28 * 9990, scrollLeft: 0, width: 100, height: 560 }, 28, 10_000).lastRow).toBe(10_000);
  });

  it("keeps the links that cross the window's rows and pixels, even from far above", () => {
    const links = [
      { dependency: link("in", "a", "b"), from: 10, to: 12 },
      { dependency: link("long", "c", "d"), from: 2, to: 5000 },
      { dependency: link("above", "e", "f"), from: 1, to: 3 },
      { dependency: link("right", "g", "h"), from: 11, to: 13 },
    ];
    const xOf = (row: number, edge: "start" | "finish") => (row === 11 || row === 13 ? 50_000 : 100) + (edge === "finish" ? 50 : 0);
    const visible = ganttVisibleLinks(links, { firstRow: 8, lastRow: 30, fromX: 0, toX: 1200 }, xOf);
    expect(visible.map((l) => l.dependency.id)).toEqual(["in", "long"]);
  });
});

describe("arrow routes", () => {
  const a = { x0: 0, x1: 100, y: 14 };
  it("FS: out of the finish, down, into the start", () => {
    expect(ganttArrowRoute("FS", a, { x0: 140, x1: 200, y: 42 }, 8, 28)).toEqual([
      [100, 14],
      [108, 14],
      [108, 42],
      [140, 42],
    ]);
  });
  it("FS into a task that starts before the predecessor ends: back along the row boundary", () => {
    expect(ganttArrowRoute("FS", a, { x0: 40, x1: 200, y: 70 }, 8, 28)).toEqual([
      [100, 14],
      [108, 14],
      [108, 56],
      [32, 56],
      [32, 70],
      [40, 70],
    ]);
    // Upwards: the boundary below the successor's row.
    expect(ganttArrowRoute("FS", { x0: 0, x1: 100, y: 70 }, { x0: 40, x1: 200, y: 14 }, 8, 28)[2]).toEqual([108, 28]);
  });
  it("SS leaves and enters on the left, FF on the right, SF from a start into a finish", () => {
    expect(ganttArrowRoute("SS", { x0: 50, x1: 100, y: 14 }, { x0: 20, x1: 200, y: 42 }, 8, 28)).toEqual([
      [50, 14],
      [12, 14],
      [12, 42],
      [20, 42],
    ]);
    expect(ganttArrowRoute("FF", a, { x0: 10, x1: 60, y: 42 }, 8, 28)).toEqual([
      [100, 14],
      [108, 14],
      [108, 42],
      [60, 42],
    ]);
    expect(ganttArrowRoute("SF", { x0: 100, x1: 200, y: 14 }, { x0: 0, x1: 60, y: 42 }, 8, 28)).toEqual([
      [100, 14],
      [92, 14],
      [92, 42],
      [60, 42],
    ]);
  });
  it("is orthogonal: every segment is horizontal or vertical", () => {
    for (const type of ["FS", "SS", "FF", "SF"] as const) {
      for (const to of [{ x0: -80, x1: -20, y: 98 }, { x0: 60, x1: 300, y: 42 }, { x0: 400, x1: 500, y: -42 }]) {
        const route = ganttArrowRoute(type, a, to, 8, 28);
        for (let i = 1; i < route.length; i++) {
          const [x0, y0] = route[i - 1] as [number, number];
          const [x1, y1] = route[i] as [number, number];
          expect(x0 === x1 || y0 === y1).toBe(true);
        }
      }
    }
    expect(ganttPath([[0, 0], [10.04, 0]])).toBe("M0 0 L10 0");
  });
});
