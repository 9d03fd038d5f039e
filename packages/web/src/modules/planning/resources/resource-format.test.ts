import { describe, expect, it } from "vitest";
import { formatMoney, formatUnits } from "./resource-format";

describe("resource formats", () => {
  it("formats money in the plan's currency, with cents only when there are some", () => {
    expect(formatMoney(12400, "CNY", "en")).toBe("CN¥12,400");
    expect(formatMoney(0.5, "CNY", "zh-CN")).toBe("¥0.50");
  });
  it("shows a work resource's units as a percentage and a material's as a quantity", () => {
    expect(formatUnits(0.5, "work", "en")).toBe("50%");
    expect(formatUnits(100, "material", "en")).toBe("100");
  });
});
