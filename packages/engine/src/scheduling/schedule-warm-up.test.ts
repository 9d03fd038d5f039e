import { describe, expect, it } from "vitest";
import { schedulePlannerWarmUp, scheduleWarmUp } from "./schedule-warm-up";

describe("scheduleWarmUp", () => {
  it("runs the core once per process, then answers at once", () => {
    expect(scheduleWarmUp()).toBeGreaterThan(0);
    expect(scheduleWarmUp()).toBe(0);
  });

  it("warms the planner up once, with edits of every kind", () => {
    expect(schedulePlannerWarmUp()).toBe(240);
    expect(schedulePlannerWarmUp()).toBe(0);
  });
});
