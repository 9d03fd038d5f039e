/**
 * Traceability: generic links between artefacts of a project, read as "from <kind> to", where `from` is the
 * downstream artefact and `to` the one it serves — `task implements requirement`, `acceptance_test verifies
 * requirement`, `deliverable delivers task`, `ticket reported_against deliverable`. Everything that reaches a
 * requirement by following links backwards is downstream of it; a requirement with nothing downstream is a gap.
 */

export type TraceNode = { type: string; id: string };
export type TraceLink = { id: string; fromType: string; fromId: string; toType: string; toId: string; kind: string };

/** One artefact downstream of a root, reached through `linkId` from `via` (the root itself at depth 1). */
export type TraceDownstreamItem = TraceNode & { kind: string; linkId: string; depth: number; via: TraceNode };

/**
 * The key of a node in maps: `"task:0b6f…"`.
 *
 * @example
 * traceNodeKey({ type: "requirement", id: "r1" }); // "requirement:r1"
 */
export function traceNodeKey(node: TraceNode): string {
  return `${node.type}:${node.id}`;
}

/**
 * For each root, every artefact downstream of it (breadth-first, each once, at its smallest depth), in the order
 * found. Cycles in the links are harmless: a node is visited once per root.
 *
 * @example
 * // T1 implements R1, AT1 verifies T1
 * traceGraphDownstream(links, [{ type: "requirement", id: "R1" }]).get("requirement:R1");
 * // [{ type: "task", id: "T1", depth: 1, via: R1, … }, { type: "acceptance_test", id: "AT1", depth: 2, via: T1, … }]
 */
export function traceGraphDownstream(links: readonly TraceLink[], roots: readonly TraceNode[]): Map<string, TraceDownstreamItem[]> {
  const incoming = new Map<string, TraceLink[]>();
  for (const link of links) {
    const key = traceNodeKey({ type: link.toType, id: link.toId });
    const list = incoming.get(key);
    if (list) list.push(link);
    else incoming.set(key, [link]);
  }
  const result = new Map<string, TraceDownstreamItem[]>();
  for (const root of roots) {
    const rootKey = traceNodeKey(root);
    const seen = new Set([rootKey]);
    const items: TraceDownstreamItem[] = [];
    let frontier: TraceNode[] = [root];
    for (let depth = 1; frontier.length > 0; depth++) {
      const next: TraceNode[] = [];
      for (const node of frontier) {
        for (const link of incoming.get(traceNodeKey(node)) ?? []) {
          const child = { type: link.fromType, id: link.fromId };
          const key = traceNodeKey(child);
          if (seen.has(key)) continue;
          seen.add(key);
          items.push({ ...child, kind: link.kind, linkId: link.id, depth, via: node });
          next.push(child);
        }
      }
      frontier = next;
    }
    result.set(rootKey, items);
  }
  return result;
}
