import { describe, expect, it } from "vitest";
import type { TTraceabilityMatrix } from "@jiaofu/contracts";
import { DOWNSTREAM_TYPES, filterTraceRows, traceCell, traceSummary } from "./trace-matrix";

const matrix: TTraceabilityMatrix = {
  rows: [
    {
      requirement: { id: "a", key: "REQ-1", title: "Single sign-on", status: "approved" },
      downstream: [
        {
          type: "task",
          items: [{ type: "task", id: "t1", label: "T-1 Build SSO", kind: "implements", linkId: "l1", depth: 1, viaType: "requirement", viaId: "a" }],
        },
      ],
      gap: false,
    },
    { requirement: { id: "b", key: "REQ-2", title: "Audit log", status: "baselined" }, downstream: [], gap: true },
    { requirement: { id: "c", key: "REQ-3", title: "Dark mode", status: "draft" }, downstream: [], gap: false },
  ],
  gaps: [{ id: "b", key: "REQ-2", title: "Audit log", status: "baselined" }],
};

describe("traceability matrix", () => {
  it("has a column per downstream type", () => {
    expect(DOWNSTREAM_TYPES).toEqual(["task", "acceptance_test", "deliverable", "ticket", "risk"]);
  });

  it("finds a cell's items", () => {
    const [first] = matrix.rows;
    expect(first && traceCell(first, "task").map((i) => i.label)).toEqual(["T-1 Build SSO"]);
    expect(first && traceCell(first, "ticket")).toEqual([]);
  });

  it("sums up coverage", () => {
    expect(traceSummary(matrix)).toEqual({ requirements: 3, committed: 2, gaps: 1, typesInUse: ["task"] });
  });

  it("filters gaps and by text", () => {
    expect(filterTraceRows(matrix.rows, { gapsOnly: true, q: "" }).map((r) => r.requirement.key)).toEqual(["REQ-2"]);
    expect(filterTraceRows(matrix.rows, { gapsOnly: false, q: "req-3" }).map((r) => r.requirement.key)).toEqual(["REQ-3"]);
    expect(filterTraceRows(matrix.rows, { gapsOnly: false, q: "sign" }).map((r) => r.requirement.key)).toEqual(["REQ-1"]);
  });
});
