import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relationGraphFindCycle, relationNormalise, type RelationEdge } from "./requirement-relations";

describe("relationNormalise", () => {
  it("orders symmetric kinds, keeps directed ones", () => {
    expect(relationNormalise("duplicates", "b", "a")).toEqual({ from: "a", to: "b" });
    expect(relationNormalise("conflicts_with", "a", "b")).toEqual({ from: "a", to: "b" });
    expect(relationNormalise("depends_on", "b", "a")).toEqual({ from: "b", to: "a" });
    expect(relationNormalise("refines", "b", "a")).toEqual({ from: "b", to: "a" });
  });
});

describe("relationGraphFindCycle", () => {
  it("names the cycle an edge would close", () => {
    const edges = [
      { from: "A", to: "B" },
      { from: "B", to: "C" },
      { from: "X", to: "C" },
    ];
    expect(relationGraphFindCycle(edges, { from: "C", to: "A" })).toEqual(["C", "A", "B", "C"]);
    expect(relationGraphFindCycle(edges, { from: "B", to: "A" })).toEqual(["B", "A", "B"]);
    expect(relationGraphFindCycle(edges, { from: "A", to: "C" })).toBeNull();
    expect(relationGraphFindCycle(edges, { from: "C", to: "X" })).toEqual(["C", "X", "C"]);
    expect(relationGraphFindCycle([], { from: "A", to: "A" })).toEqual(["A", "A"]);
  });

  it("finds a cycle exactly when the new edge's end reaches its start, and the cycle is made of edges", () => {
    const node = fc.constantFrom("a", "b", "c", "d", "e");
    fc.assert(
      fc.property(fc.array(fc.record({ from: node, to: node }), { maxLength: 10 }), node, node, (edges, from, to) => {
        const added = { from, to };
        const cycle = relationGraphFindCycle(edges, added);
        const reach = new Set([to]);
        for (let changed = true; changed; ) {
          changed = false;
          for (const e of edges) {
            if (reach.has(e.from) && !reach.has(e.to)) {
              reach.add(e.to);
              changed = true;
            }
          }
        }
        expect(cycle !== null).toBe(from === to || reach.has(from));
        if (cycle) {
          expect(cycle[0]).toBe(from);
          expect(cycle[cycle.length - 1]).toBe(from);
          const all: RelationEdge[] = [...edges, added];
          for (let i = 0; i + 1 < cycle.length; i++) expect(all.some((e) => e.from === cycle[i] && e.to === cycle[i + 1])).toBe(true);
        }
      }),
    );
  });
});
