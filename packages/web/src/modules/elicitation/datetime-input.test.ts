import { describe, expect, it } from "vitest";
import { fromLocalInput, toLocalInput } from "./datetime-input";

describe("datetime-local values", () => {
  it("round-trips a moment through the local wall clock", () => {
    const iso = new Date(2025, 2, 1, 14, 30).toISOString();
    expect(toLocalInput(iso)).toBe("2025-03-01T14:30");
    expect(fromLocalInput("2025-03-01T14:30")).toBe(iso);
  });
  it("maps empty to null and back", () => {
    expect(fromLocalInput("  ")).toBeNull();
    expect(toLocalInput(null)).toBe("");
  });
  it("passes text that is not a date on, for the API to reject in the UI language", () => {
    expect(fromLocalInput("soon")).toBe("soon");
  });
});
