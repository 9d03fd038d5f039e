import { describe, expect, it } from "vitest";
import { traceGraphDownstream, traceNodeKey, type TraceLink } from "./trace-graph";

const link = (id: string, fromType: string, fromId: string, toType: string, toId: string, kind: string): TraceLink => ({ id, fromType, fromId, toType, toId, kind });

describe("traceGraphDownstream", () => {
  it("follows links backwards from each root, once per node, at the smallest depth", () => {
    const links = [
      link("l1", "task", "T1", "requirement", "R1", "implements"),
      link("l2", "acceptance_test", "AT1", "task", "T1", "verifies"),
      link("l3", "acceptance_test", "AT1", "requirement", "R1", "verifies"),
      link("l4", "deliverable", "D1", "task", "T1", "delivers"),
      link("l5", "ticket", "K1", "deliverable", "D1", "reported_against"),
      // A cycle among downstream artefacts does not loop.
      link("l6", "task", "T1", "deliverable", "D1", "relates_to"),
    ];
    const R1 = { type: "requirement", id: "R1" };
    const R2 = { type: "requirement", id: "R2" };
    const result = traceGraphDownstream(links, [R1, R2]);
    const r1 = result.get(traceNodeKey(R1)) ?? [];
    expect(r1.map((i) => [i.type, i.id, i.depth, i.linkId])).toEqual([
      ["task", "T1", 1, "l1"],
      ["acceptance_test", "AT1", 1, "l3"],
      ["deliverable", "D1", 2, "l4"],
      ["ticket", "K1", 3, "l5"],
    ]);
    expect(r1[2]?.via).toEqual({ type: "task", id: "T1" });
    expect(result.get(traceNodeKey(R2))).toEqual([]);
  });
});
