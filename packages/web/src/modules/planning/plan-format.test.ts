import { describe, expect, it } from "vitest";
import { formatDayCount, formatPlanDate, formatPlanDateCompact, parseDayCount } from "./plan-format";

describe("plan dates", () => {
  it("shows the weekday, so a make-up working day reads as a Saturday", () => {
    expect(formatPlanDate("2026-10-10", "en-US")).toBe("Sat, 10/10/26");
    expect(formatPlanDate("2026-10-10", "zh-CN")).toContain("周六");
  });

  it("leaves the weekday out in the compact form, whatever form was asked for first", () => {
    expect(formatPlanDateCompact("2026-10-10", "en-US")).toBe("10/10/26");
    expect(formatPlanDate("2026-10-10", "en-US")).toBe("Sat, 10/10/26");
    expect(formatPlanDateCompact("2026-10-10", "zh-CN")).not.toContain("周");
  });

  it("never shifts a calendar date by the time zone, and shows nothing for no date", () => {
    expect(formatPlanDate("2026-01-01", "en-US")).toBe("Thu, 1/1/26");
    expect(formatPlanDateCompact(null, "en-US")).toBe("");
    expect(formatPlanDate("not a date", "en-US")).toBe("not a date");
  });
});

describe("day counts", () => {
  it("formats to two decimals without trailing zeros and parses what it shows", () => {
    expect(formatDayCount(2.5, "en-US")).toBe("2.5");
    expect(formatDayCount(2, "en-US")).toBe("2");
    expect(parseDayCount("2.5")).toBe(2.5);
  });
});
