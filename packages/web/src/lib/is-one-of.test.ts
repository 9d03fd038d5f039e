import { describe, expect, it } from "vitest";
import { isOneOf } from "./is-one-of";

const STAGES = ["requirements", "planning", "closed"] as const;

describe("isOneOf", () => {
  it("accepts a value from the list", () => {
    expect(isOneOf(STAGES, "planning")).toBe(true);
  });

  it("refuses anything else, including the empty choice of a select", () => {
    expect(isOneOf(STAGES, "")).toBe(false);
    expect(isOneOf(STAGES, "Planning")).toBe(false);
  });
});
