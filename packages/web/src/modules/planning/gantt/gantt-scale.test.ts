import { describe, expect, it } from "vitest";
import { ganttDayAt, ganttDayOfIso, ganttHeaderCells, ganttIsoOfDay, ganttScale, ganttScrollKeeping, ganttWidth, ganttX, ganttZoomStep, GANTT_PX_PER_DAY } from "./gantt-scale";

describe("the time scale", () => {
  it("counts calendar days from ISO dates and back, without time zones", () => {
    expect(ganttDayOfIso("1970-01-01")).toBe(0);
    expect(ganttDayOfIso("2026-10-01")).toBe(20727);
    for (const iso of ["2024-02-29", "2026-12-31", "2027-01-01"]) expect(ganttIsoOfDay(ganttDayOfIso(iso))).toBe(iso);
  });

  it("maps days to pixels and back at every zoom", () => {
    for (const zoom of ["day", "week", "month", "quarter"] as const) {
      const scale = ganttScale(zoom, 20000, 400);
      expect(ganttX(scale, 20000)).toBe(0);
      expect(ganttX(scale, 20010)).toBeCloseTo(10 * GANTT_PX_PER_DAY[zoom]);
      expect(ganttDayAt(scale, ganttX(scale, 20123.5))).toBeCloseTo(20123.5);
      expect(ganttWidth(scale)).toBeCloseTo(400 * GANTT_PX_PER_DAY[zoom]);
    }
  });

  it("steps the zoom in and out, staying at the ends", () => {
    expect(ganttZoomStep("day", 1)).toBe("week");
    expect(ganttZoomStep("week", -1)).toBe("day");
    expect(ganttZoomStep("day", -1)).toBe("day");
    expect(ganttZoomStep("quarter", 1)).toBe("quarter");
  });

  it("keeps the day under the pointer in place when zooming", () => {
    const before = ganttScale("day", 20000, 400);
    const day = ganttDayAt(before, 1000 + 300); // scrolled to 1000, pointer 300 px in
    const after = ganttScale("week", 20000, 400);
    const scrollLeft = ganttScrollKeeping(after, day, 300);
    expect(ganttDayAt(after, scrollLeft + 300)).toBeCloseTo(day);
  });

  it("cuts the header into weeks from Monday, months, quarters and years", () => {
    const from = ganttDayOfIso("2026-09-30"); // a Wednesday
    const to = ganttDayOfIso("2026-10-15");
    const weeks = ganttHeaderCells("week", from, to);
    expect(weeks.map((c) => ganttIsoOfDay(c.from))).toEqual(["2026-09-28", "2026-10-05", "2026-10-12"]);
    expect(weeks.every((c) => c.to - c.from === 7)).toBe(true);
    expect(ganttHeaderCells("month", from, to).map((c) => [ganttIsoOfDay(c.from), ganttIsoOfDay(c.to)])).toEqual([
      ["2026-09-01", "2026-10-01"],
      ["2026-10-01", "2026-11-01"],
    ]);
    expect(ganttHeaderCells("quarter", from, to).map((c) => ganttIsoOfDay(c.from))).toEqual(["2026-07-01", "2026-10-01"]);
    expect(ganttHeaderCells("year", from, ganttDayOfIso("2027-02-01")).map((c) => ganttIsoOfDay(c.from))).toEqual(["2026-01-01", "2027-01-01"]);
    expect(ganttHeaderCells("day", from, from + 3)).toHaveLength(3);
  });
});
