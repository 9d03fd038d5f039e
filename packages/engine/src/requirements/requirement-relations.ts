/**
 * Relations between requirements of one project, read as "from <kind> to":
 * - `conflicts_with`: the two cannot both be met as written (symmetric; open until resolved with a note);
 * - `duplicates`: the two say the same thing (symmetric);
 * - `depends_on`: from needs to first;
 * - `refines`: from is a child of to (a more detailed requirement under a broader one).
 * `depends_on` and `refines` are directed and must stay acyclic; a requirement refines at most one parent.
 */

export const REQUIREMENT_RELATION_KINDS = ["conflicts_with", "duplicates", "depends_on", "refines"] as const;
export type RequirementRelationKind = (typeof REQUIREMENT_RELATION_KINDS)[number];

/** Kinds where A–B and B–A mean the same relation. */
export const SYMMETRIC_RELATION_KINDS: readonly RequirementRelationKind[] = ["conflicts_with", "duplicates"];

/** Kinds whose graph must have no cycle. */
export const ACYCLIC_RELATION_KINDS: readonly RequirementRelationKind[] = ["depends_on", "refines"];

export type RelationEdge = { from: string; to: string };

/**
 * The stored direction of a relation: symmetric kinds are kept with the smaller id first, so A–B and B–A are one
 * row and a unique index refuses the second.
 *
 * @example
 * relationNormalise("duplicates", "b", "a"); // { from: "a", to: "b" }
 * relationNormalise("depends_on", "b", "a"); // { from: "b", to: "a" }: direction matters
 */
export function relationNormalise(kind: RequirementRelationKind, from: string, to: string): RelationEdge {
  if (SYMMETRIC_RELATION_KINDS.includes(kind) && to < from) return { from: to, to: from };
  return { from, to };
}

/**
 * The cycle that adding `added` to the directed graph `edges` would close, as the path
 * `[added.from, added.to, …, added.from]`, or null when the graph stays acyclic. A self-edge is the cycle
 * `[x, x]`. Breadth-first, so the cycle named is a shortest one. O(N + M).
 *
 * @example
 * // A depends on B, B depends on C; adding C depends on A closes A → B → C → A
 * relationGraphFindCycle([{ from: "A", to: "B" }, { from: "B", to: "C" }], { from: "C", to: "A" }); // ["C", "A", "B", "C"]
 */
export function relationGraphFindCycle(edges: readonly RelationEdge[], added: RelationEdge): string[] | null {
  if (added.from === added.to) return [added.from, added.to];
  const out = new Map<string, string[]>();
  for (const e of edges) {
    const list = out.get(e.from);
    if (list) list.push(e.to);
    else out.set(e.from, [e.to]);
  }
  // Is added.from reachable from added.to?
  const parent = new Map<string, string>([[added.to, added.to]]);
  const queue = [added.to];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as string;
    for (const next of out.get(node) ?? []) {
      if (parent.has(next)) continue;
      parent.set(next, node);
      if (next === added.from) {
        const path = [next];
        let at = node;
        while (at !== added.to) {
          path.push(at);
          at = parent.get(at) as string;
        }
        path.push(added.to, added.from);
        return path.reverse();
      }
      queue.push(next);
    }
  }
  return null;
}
