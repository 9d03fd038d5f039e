/**
 * Finding one cycle among the tasks Kahn's algorithm could not order, so that a refusal can name the tasks that
 * depend on each other in a circle (and not every task merely downstream of one).
 */
import type { TaskIndex } from "./schedule-units";

/**
 * One cycle of a graph in CSR form (`outStart`, `adjTo`, as in `ScheduleNetwork`), among the nodes v with
 * `blocked[v] > 0`: the nodes left over by Kahn's algorithm, whose counters still hold the number of their
 * predecessors that were never ordered. Each such node has a blocked predecessor, so walking from predecessor to
 * predecessor must come back to a node already seen; the nodes from there on are a cycle. Returns it in link order
 * starting at its smallest id (each node links to the next, the last to the first), or `[]` if no node is blocked.
 * O(N + M); allocates, as it only runs on the error path.
 *
 * @example
 * // links 0 -> 1, 1 -> 2, 2 -> 3, 3 -> 1 and 3 -> 4: Kahn orders only task 0, leaving 1, 2, 3 and 4 blocked
 * graphFindCycle(5, outStart, adjTo, pending); // [1, 2, 3]: 1 -> 2 -> 3 -> 1 (4 is only downstream)
 */
export function graphFindCycle(taskCount: number, outStart: Int32Array, adjTo: Int32Array, blocked: Int32Array): TaskIndex[] {
  const predecessor = new Int32Array(taskCount).fill(-1);
  let start = -1;
  for (let u = 0; u < taskCount; u++) {
    if ((blocked[u] ?? 0) <= 0) continue;
    if (start < 0) start = u;
    const last = outStart[u + 1] ?? 0;
    for (let k = outStart[u] ?? 0; k < last; k++) {
      const s = adjTo[k] ?? 0;
      if ((blocked[s] ?? 0) > 0) predecessor[s] = u;
    }
  }
  if (start < 0) return [];
  // Walk backwards, remembering at which step each node was reached, until a node repeats.
  const reachedAt = new Int32Array(taskCount).fill(-1);
  const walk: number[] = [];
  let v = start;
  while ((reachedAt[v] ?? 0) < 0) {
    reachedAt[v] = walk.length;
    walk.push(v);
    v = predecessor[v] ?? -1;
    if (v < 0) throw new Error(`graphFindCycle: blocked node ${walk[walk.length - 1]} has no blocked predecessor`);
  }
  const cycle = walk.slice(reachedAt[v]).reverse();
  let smallest = 0;
  for (let i = 1; i < cycle.length; i++) if ((cycle[i] ?? 0) < (cycle[smallest] ?? 0)) smallest = i;
  return [...cycle.slice(smallest), ...cycle.slice(0, smallest)] as TaskIndex[];
}
