import { describe, expect, it } from "vitest";
import { GANTT_PNG_MAX_HEIGHT, GANTT_PNG_MAX_WIDTH, ganttPages, ganttPdfRowsPerPage, ganttPngPlan, ganttZoomFor } from "./gantt-export";
import { ganttScale, ganttWidth } from "./gantt-scale";

describe("export sizing", () => {
  it("paginates rows, the last page holding the rest", () => {
    expect(ganttPages(10, 4)).toEqual([
      { from: 0, to: 4 },
      { from: 4, to: 8 },
      { from: 8, to: 10 },
    ]);
    expect(ganttPages(0, 4)).toEqual([{ from: 0, to: 0 }]);
    expect(ganttPdfRowsPerPage()).toBeGreaterThan(20);
  });

  it("picks header tiers that fit a compressed time axis", () => {
    expect(ganttZoomFor(30)).toBe("day");
    expect(ganttZoomFor(9)).toBe("week");
    expect(ganttZoomFor(3)).toBe("month");
    expect(ganttZoomFor(0.2)).toBe("quarter");
  });

  it("caps the PNG: a long plan's time axis is compressed, rows beyond the height cap are left out", () => {
    const small = ganttPngPlan(ganttScale("day", 20000, 60), 30);
    expect(small.rows).toBe(30);
    expect(small.scale.zoom).toBe("day");
    const big = ganttPngPlan(ganttScale("day", 20000, 2000), 10_000);
    expect(big.width).toBeLessThanOrEqual(GANTT_PNG_MAX_WIDTH);
    expect(big.height).toBeLessThanOrEqual(GANTT_PNG_MAX_HEIGHT);
    expect(big.rows).toBeLessThan(10_000);
    expect(ganttWidth(big.scale)).toBeLessThan(ganttWidth(ganttScale("day", 20000, 2000)));
  });
});
