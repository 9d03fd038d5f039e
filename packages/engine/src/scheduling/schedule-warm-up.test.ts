import { describe, expect, it } from "vitest";
import { scheduleWarmUp } from "./schedule-warm-up";

describe("scheduleWarmUp", () => {
  it("runs the core once per process, then answers at once", () => {
    expect(scheduleWarmUp()).toBeGreaterThan(0);
    expect(scheduleWarmUp()).toBe(0);
  });
});
