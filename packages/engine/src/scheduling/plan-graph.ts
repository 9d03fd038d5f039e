/**
 * The planner's dependency graph: nodes and edges in typed arrays, with per-node edge lists (so that one link can be
 * added or removed without rebuilding anything) and a topological order kept up to date as edges are added
 * (Pearce & Kelly's dynamic topological sort: only the part of the order between the two ends of a new edge is
 * looked at, and a new edge that closes a cycle is found on the way).
 *
 * Internal to the scheduling module: the planner (`schedule-planner.ts`) is its only user. Like the core's kernels,
 * the loops take typed arrays, keep arithmetic in 32 bits, and cast indexed reads with `as number` because every
 * index is in range by construction.
 */

/**
 * Nodes 0..nodeCount−1 and edges in slots 0..edgeTop−1 (a removed edge's slot is reused by the next added one).
 * Each edge says `ES(to) ≥ ES(from) + off` (the core's one-offset form of every link type; `type` and `lag` are kept
 * to recompute `off` when a duration changes). `outHead[u]` / `outNext[e]` list u's outgoing edges, `inHead` /
 * `inNext` its incoming ones; −1 ends a list. `order[0..orderLength)` is a topological order of the nodes in the
 * graph and `pos[u]` each one's place in it (−1 for nodes left out of the graph).
 */
export type PlanGraph = {
  nodeCount: number;
  outHead: Int32Array;
  inHead: Int32Array;
  inDegree: Int32Array;
  pos: Int32Array;
  order: Int32Array;
  orderLength: number;
  edgeTop: number;
  freeEdges: number[];
  eFrom: Int32Array;
  eTo: Int32Array;
  eType: Uint8Array;
  eLag: Int32Array;
  eOff: Int32Array;
  outNext: Int32Array;
  inNext: Int32Array;
  /** Scratch for searches: `mark[u] === stamp` means visited by the current search. */
  mark: Int32Array;
  stamp: number;
  /** Scratch: the node a search reached each node from. */
  via: Int32Array;
};

/**
 * An empty graph of `nodeCount` nodes with room for `edgeCapacity` edges.
 *
 * @example
 * const graph = planGraphCreate(3, 2);
 * planGraphAddEdge(graph, 0, 1, 0, 2, 5); // FS+2 from a 3-day task: off = 5
 */
export function planGraphCreate(nodeCount: number, edgeCapacity: number): PlanGraph {
  const capacity = Math.max(4, edgeCapacity);
  return {
    nodeCount,
    outHead: new Int32Array(nodeCount).fill(-1),
    inHead: new Int32Array(nodeCount).fill(-1),
    inDegree: new Int32Array(nodeCount),
    pos: new Int32Array(nodeCount).fill(-1),
    order: new Int32Array(nodeCount),
    orderLength: 0,
    edgeTop: 0,
    freeEdges: [],
    eFrom: new Int32Array(capacity),
    eTo: new Int32Array(capacity),
    eType: new Uint8Array(capacity),
    eLag: new Int32Array(capacity),
    eOff: new Int32Array(capacity),
    outNext: new Int32Array(capacity),
    inNext: new Int32Array(capacity),
    mark: new Int32Array(nodeCount),
    stamp: 0,
    via: new Int32Array(nodeCount),
  };
}

/**
 * A graph of `nodeCount` nodes whose edges are given sorted by source node (`from` non-decreasing): edge k takes
 * slot k, so each node's outgoing edges are side by side in memory and listed in slot order. `extraCapacity` slots
 * are kept free for edges added later.
 *
 * @example
 * // edges 0 → 1 (FS, off 3) and 1 → 2 (SS, off 0)
 * planGraphFromSorted(3, Int32Array.of(0, 1), Int32Array.of(1, 2), Uint8Array.of(0, 1), Int32Array.of(0, 0), Int32Array.of(3, 0), 16);
 */
export function planGraphFromSorted(
  nodeCount: number,
  from: Int32Array,
  to: Int32Array,
  type: Uint8Array,
  lag: Int32Array,
  off: Int32Array,
  extraCapacity: number,
): PlanGraph {
  const m = from.length;
  const graph = planGraphCreate(nodeCount, m + extraCapacity);
  graph.eFrom.set(from);
  graph.eTo.set(to);
  graph.eType.set(type);
  graph.eLag.set(lag);
  graph.eOff.set(off);
  graph.edgeTop = m;
  const { outHead, outNext, inHead, inNext, inDegree } = graph;
  for (let e = m - 1; e >= 0; e--) {
    const u = from[e] as number;
    const v = to[e] as number;
    outNext[e] = outHead[u] as number;
    outHead[u] = e;
    inNext[e] = inHead[v] as number;
    inHead[v] = e;
    inDegree[v] = (inDegree[v] as number) + 1;
  }
  return graph;
}

/**
 * Adds the edge `from → to` at the head of both lists and returns its slot. Does not touch the order: call
 * `planGraphOrderInsert` first for an edge added after the order was built.
 *
 * @example
 * const e = planGraphAddEdge(graph, 2, 5, 1, 0, 0); // SS from node 2 to node 5
 */
export function planGraphAddEdge(graph: PlanGraph, from: number, to: number, type: number, lag: number, off: number): number {
  let e = graph.freeEdges.pop();
  if (e === undefined) {
    e = graph.edgeTop;
    if (e === graph.eFrom.length) grow(graph, e * 2);
    graph.edgeTop = e + 1;
  }
  graph.eFrom[e] = from;
  graph.eTo[e] = to;
  graph.eType[e] = type;
  graph.eLag[e] = lag;
  graph.eOff[e] = off;
  graph.outNext[e] = graph.outHead[from] as number;
  graph.outHead[from] = e;
  graph.inNext[e] = graph.inHead[to] as number;
  graph.inHead[to] = e;
  graph.inDegree[to] = (graph.inDegree[to] as number) + 1;
  return e;
}

/**
 * Removes edge `e` from both lists (a walk along each) and frees its slot. Removing an edge never invalidates the
 * order.
 *
 * @example
 * planGraphRemoveEdge(graph, e);
 */
export function planGraphRemoveEdge(graph: PlanGraph, e: number): void {
  const from = graph.eFrom[e] as number;
  const to = graph.eTo[e] as number;
  unlink(graph.outHead, graph.outNext, from, e);
  unlink(graph.inHead, graph.inNext, to, e);
  graph.inDegree[to] = (graph.inDegree[to] as number) - 1;
  graph.eFrom[e] = -1;
  graph.eTo[e] = -1;
  graph.freeEdges.push(e);
}

function unlink(head: Int32Array, next: Int32Array, u: number, e: number): void {
  let previous = -1;
  for (let k = head[u] as number; k >= 0; k = next[k] as number) {
    if (k === e) {
      if (previous < 0) head[u] = next[k] as number;
      else next[previous] = next[k] as number;
      return;
    }
    previous = k;
  }
  throw new Error(`planGraphRemoveEdge: edge ${e} is not in the list of node ${u}`);
}

function grow(graph: PlanGraph, capacity: number): void {
  const widen = <T extends Int32Array | Uint8Array>(array: T): T => {
    const wider = new (array.constructor as new (n: number) => T)(capacity);
    wider.set(array);
    return wider;
  };
  graph.eFrom = widen(graph.eFrom);
  graph.eTo = widen(graph.eTo);
  graph.eType = widen(graph.eType);
  graph.eLag = widen(graph.eLag);
  graph.eOff = widen(graph.eOff);
  graph.outNext = widen(graph.outNext);
  graph.inNext = widen(graph.inNext);
}

/**
 * Makes room in the order for a new edge `from → to` (Pearce & Kelly). When `from` already comes before `to` nothing
 * moves. Otherwise the nodes reachable from `to` that sit before `from`, and the nodes reaching `from` that sit after
 * `to`, are found by two bounded searches and laid out again in the places they held: those reaching `from` first,
 * then those reached from `to`, each group in its old relative order. If the forward search meets `from`, the edge
 * would close a cycle: nothing moves, and the cycle's nodes are returned in link order starting at `to`
 * (`to → … → from`, then the new edge back to `to`).
 *
 * @example
 * // edges 0 → 1 → 2, order [0, 1, 2]
 * planGraphOrderInsert(graph, 2, 0); // [0, 1, 2]: 2 → 0 would close 0 → 1 → 2 → 0
 * planGraphOrderInsert(graph, 1, 0); // (on a graph with only 0 → 2) undefined; the order becomes [1, 0, 2]
 */
export function planGraphOrderInsert(graph: PlanGraph, from: number, to: number): number[] | undefined {
  const { pos, order, mark, via, outHead, outNext, eTo, inHead, inNext, eFrom } = graph;
  const lower = pos[to] as number;
  const upper = pos[from] as number;
  if (lower > upper) return undefined;
  // Forward from `to`, within positions ≤ upper.
  const forwardStamp = ++graph.stamp;
  const reached: number[] = [to];
  mark[to] = forwardStamp;
  via[to] = -1;
  for (let i = 0; i < reached.length; i++) {
    const w = reached[i] as number;
    for (let e = outHead[w] as number; e >= 0; e = outNext[e] as number) {
      const x = eTo[e] as number;
      if (x === from) {
        const cycle = [from];
        for (let v = w; v >= 0; v = via[v] as number) cycle.push(v);
        cycle.reverse(); // to … w, from
        return cycle;
      }
      if (mark[x] !== forwardStamp && (pos[x] as number) < upper) {
        mark[x] = forwardStamp;
        via[x] = w;
        reached.push(x);
      }
    }
  }
  // Backward from `from`, within positions > lower.
  const backwardStamp = ++graph.stamp;
  const reaching: number[] = [from];
  mark[from] = backwardStamp;
  for (let i = 0; i < reaching.length; i++) {
    const w = reaching[i] as number;
    for (let e = inHead[w] as number; e >= 0; e = inNext[e] as number) {
      const x = eFrom[e] as number;
      if (mark[x] !== backwardStamp && (pos[x] as number) > lower) {
        mark[x] = backwardStamp;
        reaching.push(x);
      }
    }
  }
  const byPos = (a: number, b: number) => (pos[a] as number) - (pos[b] as number);
  reaching.sort(byPos);
  reached.sort(byPos);
  const places = [...reaching, ...reached].map((u) => pos[u] as number).sort((a, b) => a - b);
  let k = 0;
  for (const u of reaching) {
    const place = places[k++] as number;
    order[place] = u;
    pos[u] = place;
  }
  for (const u of reached) {
    const place = places[k++] as number;
    order[place] = u;
    pos[u] = place;
  }
  return undefined;
}

/**
 * One cycle among the nodes a Kahn pass left with `pending[u] > 0` (each has such a predecessor, so walking
 * predecessors must repeat a node), in link order. Error path only.
 *
 * @example
 * // edges 0 → 1, 1 → 2, 2 → 1: Kahn orders 0 only
 * planGraphFindCycle(graph, pending); // [2, 1]: 2 → 1 → 2
 */
export function planGraphFindCycle(graph: PlanGraph, pending: Int32Array): number[] {
  const { nodeCount, inHead, inNext, eFrom } = graph;
  let start = -1;
  for (let u = 0; u < nodeCount && start < 0; u++) if ((pending[u] as number) > 0) start = u;
  if (start < 0) return [];
  const predecessor = (v: number) => {
    for (let e = inHead[v] as number; e >= 0; e = inNext[e] as number) {
      const u = eFrom[e] as number;
      if ((pending[u] as number) > 0) return u;
    }
    throw new Error(`planGraphFindCycle: blocked node ${v} has no blocked predecessor`);
  };
  const reachedAt = new Map<number, number>();
  const walk: number[] = [];
  let v = start;
  while (!reachedAt.has(v)) {
    reachedAt.set(v, walk.length);
    walk.push(v);
    v = predecessor(v);
  }
  return walk.slice(reachedAt.get(v)).reverse();
}
