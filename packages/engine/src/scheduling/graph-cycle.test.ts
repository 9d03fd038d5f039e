import { describe, expect, it } from "vitest";
import { graphFindCycle } from "./graph-cycle";

/** CSR arrays for the links of n nodes, in the layout of ScheduleNetwork. */
function csr(n: number, links: readonly [number, number][]) {
  const outStart = new Int32Array(n + 1);
  for (const [from] of links) outStart[from + 1]! += 1;
  for (let i = 0; i < n; i++) outStart[i + 1]! += outStart[i]!;
  const cursor = outStart.slice();
  const adjTo = new Int32Array(links.length);
  for (const [from, to] of links) adjTo[cursor[from]!++] = to;
  return { outStart, adjTo };
}

describe("graphFindCycle", () => {
  it("finds the cycle among the blocked nodes, not the nodes merely downstream of it", () => {
    // 0 -> 1, 1 -> 2, 2 -> 3, 3 -> 1, 3 -> 4: Kahn orders 0 only; 1 keeps one blocked predecessor (3), 4 one (3), …
    const { outStart, adjTo } = csr(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 1],
      [3, 4],
    ]);
    expect(graphFindCycle(5, outStart, adjTo, Int32Array.of(0, 1, 1, 1, 1))).toEqual([1, 2, 3]);
  });

  it("starts the cycle at its smallest id and keeps link order", () => {
    const { outStart, adjTo } = csr(4, [
      [3, 1],
      [1, 0],
      [0, 3],
    ]);
    expect(graphFindCycle(4, outStart, adjTo, Int32Array.of(1, 1, 0, 1))).toEqual([0, 3, 1]);
  });

  it("finds a two-task cycle", () => {
    const { outStart, adjTo } = csr(2, [
      [0, 1],
      [1, 0],
    ]);
    expect(graphFindCycle(2, outStart, adjTo, Int32Array.of(1, 1))).toEqual([0, 1]);
  });

  it("returns nothing when no node is blocked", () => {
    const { outStart, adjTo } = csr(2, [[0, 1]]);
    expect(graphFindCycle(2, outStart, adjTo, new Int32Array(2))).toEqual([]);
  });
});
