import { describe, expect, it } from "vitest";
import { formatVariance, varianceTone } from "./plan-variance-model";

describe("formatVariance", () => {
  it("signs slips and gains, and shows nothing without a value", () => {
    expect(formatVariance(2, "en")).toBe("+2");
    expect(formatVariance(-0.5, "en")).toBe("−0.5");
    expect(formatVariance(0, "en")).toBe("0");
    expect(formatVariance(null, "en")).toBe("");
    expect(formatVariance(1234.5, "zh-CN")).toBe("+1,234.5");
  });

  it("marks a slip late and a gain early", () => {
    expect(varianceTone(1)).toBe("variance-late");
    expect(varianceTone(-1)).toBe("variance-early");
    expect(varianceTone(0)).toBe("");
  });
});
