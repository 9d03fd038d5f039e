import { describe, expect, it } from "vitest";
import { formatMean, formatNps, formatShare, npsCategoryOf } from "./results-model";

describe("NPS", () => {
  it("puts scores in their category", () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategoryOf)).toEqual(["detractor", "detractor", "passive", "passive", "promoter", "promoter"]);
  });
  it("is written as a signed whole number", () => {
    expect(formatNps(41.67)).toBe("+42");
    expect(formatNps(100)).toBe("+100");
    expect(formatNps(-12.5)).toBe("−13");
    expect(formatNps(0.4)).toBe("0");
    expect(formatNps(null)).toBe("—");
  });
});

describe("shares and means", () => {
  it("formats percentages and means in the UI language", () => {
    expect(formatShare(0.666, "en")).toBe("67%");
    expect(formatShare(null, "en")).toBe("—");
    expect(formatMean(4.25, "en")).toBe("4.3");
    expect(formatMean(null, "zh-CN")).toBe("—");
  });
});
