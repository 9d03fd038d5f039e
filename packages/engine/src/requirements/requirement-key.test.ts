import { describe, expect, it } from "vitest";
import { requirementKey, requirementNumberFromText } from "./requirement-key";

describe("requirement keys", () => {
  it("formats and recognises keys", () => {
    expect(requirementKey(1)).toBe("REQ-1");
    expect(requirementNumberFromText("REQ-12")).toBe(12);
    expect(requirementNumberFromText(" req 7 ")).toBe(7);
    expect(requirementNumberFromText("req7")).toBe(7);
    expect(requirementNumberFromText("12 users")).toBeNull();
    expect(requirementNumberFromText("REQ-")).toBeNull();
    expect(requirementNumberFromText("需求 REQ-1")).toBeNull();
  });
});
