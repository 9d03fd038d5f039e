import { describe, expect, it } from "vitest";
import { resourceLoadCompute, resourceLoadHistogram, resourceOverAllocations } from "./resource-load";
import { resourceAssignmentWorkCost, resourceModelBuild } from "./resource-model";

const built = resourceModelBuild(
  3,
  () => false,
  [
    { id: "wang", kind: "work", maxUnits: 0.5, availability: [1, 1, 1, 0] },
    { id: "li", kind: "work", maxUnits: 1, costPerHour: 300, costPerUse: 100 },
    { id: "cement", kind: "material", maxUnits: 0, costPerHour: 50 },
  ],
  [
    { task: 1, resource: "li", units: 0.5 },
    { task: 0, resource: "li", units: 1 },
    { task: 2, resource: "wang", units: 0.5 },
    { task: 0, resource: "cement", units: 2 },
  ],
);
if (!built.ok) throw new Error(built.error.message);
const model = built.value;
const starts = Int32Array.of(0, 1, 2);
const durations = Int32Array.of(2, 2, 2);

describe("resource load", () => {
  it("sorts resources by id and assignments by task", () => {
    expect(model.ids).toEqual(["cement", "li", "wang"]);
    expect([...model.assignmentTask]).toEqual([0, 0, 1, 2]);
    expect([...model.assignmentResource]).toEqual([0, 1, 1, 2]);
  });

  it("computes the daily load in exact thousandths", () => {
    const load = resourceLoadCompute(model, starts, durations);
    expect([load.origin, load.horizon]).toEqual([0, 4]);
    expect([...(load.milli[1] ?? [])]).toEqual([1000, 1500, 500, 0]);
    expect([...(load.milli[0] ?? [])]).toEqual([2000, 2000, 0, 0]);
  });

  it("finds over-allocations, including days a resource is not available", () => {
    const load = resourceLoadCompute(model, starts, durations);
    expect(resourceOverAllocations(model, load, starts, durations)).toEqual([
      { resourceId: "li", from: 1, to: 2, peakUnits: 1.5, maxUnits: 1, taskIds: [0, 1] },
      { resourceId: "wang", from: 3, to: 4, peakUnits: 0.5, maxUnits: 0.5, taskIds: [2] },
    ]);
  });

  it("builds histograms by day, by fixed-size bucket and by given bucket starts", () => {
    const load = resourceLoadCompute(model, starts, durations);
    expect(resourceLoadHistogram(model, load, "li", { size: 1 }).map((b) => b.peakUnits)).toEqual([1, 1.5, 0.5, 0]);
    expect(resourceLoadHistogram(model, load, "li", { size: 5 }, { from: 0, to: 10 })).toEqual([
      { from: 0, to: 5, peakUnits: 1.5, unitDays: 3, capacityUnitDays: 5, overAllocated: true },
      { from: 5, to: 10, peakUnits: 0, unitDays: 0, capacityUnitDays: 5, overAllocated: false },
    ]);
    expect(resourceLoadHistogram(model, load, "wang", { starts: [2] }).map((b) => [b.from, b.to, b.capacityUnitDays, b.overAllocated])).toEqual([
      [0, 2, 1, false],
      [2, 4, 0.5, true],
    ]);
    expect(resourceLoadHistogram(model, load, "cement", { size: 2 }).map((b) => [b.unitDays, b.overAllocated])).toEqual([[4, false], [0, false]]);
    expect(resourceLoadHistogram(model, load, "nobody", { size: 1 })).toEqual([]);
  });

  it("derives work and cost of assignments", () => {
    // Li full time on the 2-day task 0: 16 h × 300 + 100 per use; cement 2 a day for 2 days × 50
    expect(resourceAssignmentWorkCost(model, 1, 2)).toEqual({ work: 16, cost: 4900 });
    expect(resourceAssignmentWorkCost(model, 0, 2)).toEqual({ work: 0, cost: 200 });
  });
});
