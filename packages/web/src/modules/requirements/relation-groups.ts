/**
 * A requirement's relations as its page lists them: seen from this requirement, so "A depends on B" is "depends on
 * B" on A's page and "needed by A" on B's page.
 */
import type { TRequirementRelation, TRequirementRelationKind } from "@jiaofu/contracts";

/** The groups in the order the page shows them. */
export const RELATION_GROUPS = ["conflicts", "duplicates", "dependsOn", "neededBy", "parent", "children"] as const;
export type TRelationGroup = (typeof RELATION_GROUPS)[number];

export type RelationEntry = {
  relation: TRequirementRelation;
  /** The requirement at the other end. */
  other: TRequirementRelation["from"];
};

/**
 * Which group a relation falls in, from the point of view of `requirementId`.
 *
 * `relationGroupOf({ kind: "refines", from: { id: "a" }, to: { id: "b" } }, "a")` → `"parent"` (a refines b: b is its parent).
 */
export function relationGroupOf(relation: Pick<TRequirementRelation, "kind" | "from" | "to">, requirementId: string): TRelationGroup {
  const outgoing = relation.from.id === requirementId;
  switch (relation.kind) {
    case "conflicts_with":
      return "conflicts";
    case "duplicates":
      return "duplicates";
    case "depends_on":
      return outgoing ? "dependsOn" : "neededBy";
    case "refines":
      return outgoing ? "parent" : "children";
  }
}

/** The relations grouped, each group ordered by the other requirement's key number; empty groups left out. */
export function groupRelations(relations: readonly TRequirementRelation[], requirementId: string): { group: TRelationGroup; entries: RelationEntry[] }[] {
  const byGroup = new Map<TRelationGroup, RelationEntry[]>();
  for (const relation of relations) {
    const group = relationGroupOf(relation, requirementId);
    const other = relation.from.id === requirementId ? relation.to : relation.from;
    byGroup.set(group, [...(byGroup.get(group) ?? []), { relation, other }]);
  }
  return RELATION_GROUPS.flatMap((group) => {
    const entries = byGroup.get(group);
    if (!entries) return [];
    entries.sort((x, y) => keyNumber(x.other.key) - keyNumber(y.other.key));
    return [{ group, entries }];
  });
}

function keyNumber(key: string): number {
  const match = /(\d+)$/.exec(key);
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}

/**
 * What the "add relation" dialog offers, each as "this requirement <choice> the picked one". The reversed choices
 * are stored the other way round: "is needed by X" is "X depends on this".
 */
export const RELATION_CHOICES = ["conflicts_with", "duplicates", "depends_on", "needed_by", "refines", "refined_by"] as const;
export type TRelationChoice = (typeof RELATION_CHOICES)[number];

/**
 * The request that records `choice` between this requirement and `otherId`: whose relations endpoint to call, and
 * with what body.
 *
 * `relationRequestOf("needed_by", "me", "x")` → `{ fromId: "x", body: { toId: "me", kind: "depends_on" } }`.
 */
export function relationRequestOf(
  choice: TRelationChoice,
  requirementId: string,
  otherId: string,
): { fromId: string; body: { toId: string; kind: TRequirementRelationKind } } {
  switch (choice) {
    case "conflicts_with":
    case "duplicates":
    case "depends_on":
    case "refines":
      return { fromId: requirementId, body: { toId: otherId, kind: choice } };
    case "needed_by":
      return { fromId: otherId, body: { toId: requirementId, kind: "depends_on" } };
    case "refined_by":
      return { fromId: otherId, body: { toId: requirementId, kind: "refines" } };
  }
}
