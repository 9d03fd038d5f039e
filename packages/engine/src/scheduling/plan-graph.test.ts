import { describe, expect, it } from "vitest";
import { type PlanGraph, planGraphAddEdge, planGraphCreate, planGraphFindCycle, planGraphFromSorted, planGraphOrderInsert, planGraphRemoveEdge } from "./plan-graph";

/** A graph with the order [0, 1, …, n−1] and the given edges (each must go from a lower to a higher node). */
function ordered(n: number, edges: readonly [number, number][]): PlanGraph {
  const graph = planGraphCreate(n, 1);
  for (const [from, to] of edges) planGraphAddEdge(graph, from, to, 0, 0, 0);
  for (let u = 0; u < n; u++) {
    graph.order[u] = u;
    graph.pos[u] = u;
  }
  graph.orderLength = n;
  return graph;
}

function listOut(graph: PlanGraph, u: number): number[] {
  const list: number[] = [];
  for (let e = graph.outHead[u] as number; e >= 0; e = graph.outNext[e] as number) list.push(graph.eTo[e] as number);
  return list;
}

function isTopological(graph: PlanGraph): boolean {
  for (let e = 0; e < graph.edgeTop; e++) {
    const from = graph.eFrom[e] as number;
    if (from < 0) continue;
    if ((graph.pos[from] as number) >= (graph.pos[graph.eTo[e] as number] as number)) return false;
  }
  return Array.from(graph.order.subarray(0, graph.orderLength)).every((u, k) => graph.pos[u] === k);
}

describe("plan graph", () => {
  it("keeps per-node edge lists through additions and removals, growing and reusing slots", () => {
    const graph = ordered(4, [
      [0, 1],
      [0, 2],
      [1, 3],
    ]);
    expect(listOut(graph, 0)).toEqual([2, 1]);
    const e = planGraphAddEdge(graph, 0, 3, 1, 2, 2); // beyond the initial capacity of 4 slots: grows
    planGraphAddEdge(graph, 2, 3, 0, 0, 0);
    expect(listOut(graph, 0)).toEqual([3, 2, 1]);
    expect(graph.inDegree[3]).toBe(3);
    planGraphRemoveEdge(graph, e);
    expect(listOut(graph, 0)).toEqual([2, 1]);
    expect(graph.inDegree[3]).toBe(2);
    expect(planGraphAddEdge(graph, 1, 2, 0, 0, 0)).toBe(e); // the freed slot
  });

  it("builds from edges sorted by source, each node's edges in slot order", () => {
    const graph = planGraphFromSorted(3, Int32Array.of(0, 0, 1), Int32Array.of(1, 2, 2), Uint8Array.of(0, 1, 0), Int32Array.of(0, 0, 0), Int32Array.of(3, 0, 2), 4);
    expect(listOut(graph, 0)).toEqual([1, 2]);
    expect(Array.from(graph.inDegree)).toEqual([0, 1, 2]);
    expect(graph.eFrom.length).toBe(7);
  });

  it("reorders only what a backward edge needs (Pearce & Kelly)", () => {
    // 0 → 1, 2 → 3, order [0, 1, 2, 3]; a new edge 3 → 1 must put 2 and 3 before 1.
    const graph = ordered(4, [
      [0, 1],
      [2, 3],
    ]);
    expect(planGraphOrderInsert(graph, 3, 1)).toBeUndefined();
    planGraphAddEdge(graph, 3, 1, 0, 0, 0);
    expect(Array.from(graph.order)).toEqual([0, 2, 3, 1]);
    expect(isTopological(graph)).toBe(true);
    // A forward edge moves nothing.
    expect(planGraphOrderInsert(graph, 0, 3)).toBeUndefined();
    expect(Array.from(graph.order)).toEqual([0, 2, 3, 1]);
  });

  it("finds the cycle a new edge would close, in link order from its head", () => {
    const graph = ordered(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(planGraphOrderInsert(graph, 3, 1)).toEqual([1, 2, 3]); // 1 → 2 → 3, then the new 3 → 1
    expect(Array.from(graph.order)).toEqual([0, 1, 2, 3, 4]); // nothing moved
  });

  it("keeps a topological order through many random insertions, refusing exactly the cycles", () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const n = 40;
    const graph = ordered(n, []);
    const reach = (from: number, to: number): boolean => {
      const stack = [from];
      const seen = new Set<number>();
      while (stack.length > 0) {
        const u = stack.pop() as number;
        if (u === to) return true;
        if (seen.has(u)) continue;
        seen.add(u);
        stack.push(...listOut(graph, u));
      }
      return false;
    };
    for (let k = 0; k < 400; k++) {
      const from = random(n);
      const to = random(n);
      if (from === to) continue;
      const cycle = planGraphOrderInsert(graph, from, to);
      expect(cycle !== undefined).toBe(reach(to, from));
      if (cycle === undefined) planGraphAddEdge(graph, from, to, 0, 0, 0);
      expect(isTopological(graph)).toBe(true);
    }
  });

  it("names one cycle among the nodes a Kahn pass left blocked", () => {
    const graph = ordered(4, [[0, 1]]);
    planGraphAddEdge(graph, 1, 2, 0, 0, 0);
    planGraphAddEdge(graph, 2, 1, 0, 0, 0);
    planGraphAddEdge(graph, 2, 3, 0, 0, 0);
    // In link order from wherever the walk closed (the planner rotates it to start at the smallest task id).
    expect(planGraphFindCycle(graph, Int32Array.of(0, 1, 1, 1))).toEqual([2, 1]);
  });
});
