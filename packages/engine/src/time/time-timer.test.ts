import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { timeMidnightInZone, timerSlices } from "./time-timer";

const at = (iso: string) => Date.parse(iso);

describe("timerSlices", () => {
  it("keeps a timer within one day as one entry, rounded to the minute", () => {
    expect(timerSlices(at("2025-03-03T01:00:00Z"), at("2025-03-03T02:29:31Z"), "Asia/Shanghai")).toEqual([{ workDate: "2025-03-03", minutes: 90 }]);
  });

  it("splits at midnight in the person's time zone", () => {
    // 22:30 → 01:15 China Standard Time
    expect(timerSlices(at("2025-03-03T14:30:00Z"), at("2025-03-03T17:15:00Z"), "Asia/Shanghai")).toEqual([
      { workDate: "2025-03-03", minutes: 90 },
      { workDate: "2025-03-04", minutes: 75 },
    ]);
    // The same instants in London are one evening.
    expect(timerSlices(at("2025-03-03T14:30:00Z"), at("2025-03-03T17:15:00Z"), "Europe/London")).toEqual([{ workDate: "2025-03-03", minutes: 165 }]);
  });

  it("finds midnight across a daylight-saving change", () => {
    expect(new Date(timeMidnightInZone("2025-03-30", "Europe/Berlin")).toISOString()).toBe("2025-03-29T23:00:00.000Z");
    expect(new Date(timeMidnightInZone("2025-03-31", "Europe/Berlin")).toISOString()).toBe("2025-03-30T22:00:00.000Z");
    expect(new Date(timeMidnightInZone("2025-03-04", "Asia/Shanghai")).toISOString()).toBe("2025-03-03T16:00:00.000Z");
  });

  it("writes nothing for less than half a minute or a stop before the start", () => {
    expect(timerSlices(at("2025-03-03T01:00:00Z"), at("2025-03-03T01:00:29Z"), "Asia/Shanghai")).toEqual([]);
    expect(timerSlices(at("2025-03-03T02:00:00Z"), at("2025-03-03T01:00:00Z"), "Asia/Shanghai")).toEqual([]);
  });

  it("slices add up to the elapsed time rounded, each within one day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2024-01-01T00:00:00Z"), max: Date.parse("2026-01-01T00:00:00Z") }),
        fc.integer({ min: 0, max: 4 * 24 * 60 * 60 * 1000 }),
        fc.constantFrom("Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC"),
        (start, length, zone) => {
          const slices = timerSlices(start, start + length, zone);
          expect(slices.reduce((sum, s) => sum + s.minutes, 0)).toBe(Math.round(length / 60_000));
          for (const slice of slices) {
            expect(slice.minutes).toBeGreaterThan(0);
            expect(slice.minutes).toBeLessThanOrEqual(1500);
          }
          expect(new Set(slices.map((s) => s.workDate)).size).toBe(slices.length);
        },
      ),
    );
  });
});
