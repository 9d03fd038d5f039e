import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { requirementFinderDecisions, requirementRelations, requirements } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import type { Actor } from "../../platform/policy";

export type FinderKind = "duplicate" | "conflict";
export type FinderDecision = "confirmed" | "dismissed";
export type FinderDecisionRow = typeof requirementFinderDecisions.$inferSelect;
/** A requirement as the finder reads it, with what a proposal shows of it. */
export type FinderRequirement = Pick<typeof requirements.$inferSelect, "id" | "number" | "title" | "description" | "status">;

/** The relation kind a confirmed proposal becomes. */
export const FINDER_RELATION_KIND = { duplicate: "duplicates", conflict: "conflicts_with" } as const satisfies Record<FinderKind, string>;

/** A pair is stored and compared smaller id first, so A–B and B–A are the same pair. */
export const finderPair = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);
export const finderPairKey = (x: string, y: string, kind: FinderKind) => `${finderPair(x, y).join(":")}:${kind}`;

export function createRequirementProposalsRepository(db: Db) {
  return {
    /** The project's requirements the finder compares: all but the rejected ones. */
    corpus: (workspaceId: string, projectId: string): Promise<FinderRequirement[]> =>
      db
        .select({ id: requirements.id, number: requirements.number, title: requirements.title, description: requirements.description, status: requirements.status })
        .from(requirements)
        .where(and(eq(requirements.workspaceId, workspaceId), eq(requirements.projectId, projectId), ne(requirements.status, "rejected"))),

    /**
     * Keys (`finderPairKey`) of the pairs the finder must not propose: those decided either way, and those already
     * related as `duplicates` / `conflicts_with` (by hand or by a confirmation).
     */
    settledPairs: async (projectId: string): Promise<Set<string>> => {
      const decided = await db
        .select({ a: requirementFinderDecisions.requirementAId, b: requirementFinderDecisions.requirementBId, kind: requirementFinderDecisions.kind })
        .from(requirementFinderDecisions)
        .where(eq(requirementFinderDecisions.projectId, projectId));
      const related = await db
        .select({ from: requirementRelations.fromId, to: requirementRelations.toId, kind: requirementRelations.kind })
        .from(requirementRelations)
        .where(and(eq(requirementRelations.projectId, projectId), inArray(requirementRelations.kind, ["duplicates", "conflicts_with"])));
      return new Set([
        ...decided.map((d) => finderPairKey(d.a, d.b, d.kind)),
        ...related.map((r) => finderPairKey(r.from, r.to, r.kind === "duplicates" ? "duplicate" : "conflict")),
      ]);
    },

    /**
     * Records (or replaces) the decision about a pair and audits it on both requirements; `then` runs in the same
     * transaction (a confirmation creates the relation there), so the decision and the relation land together.
     */
    decide: <T>(
      actor: Actor,
      values: { projectId: string; requirementId: string; otherId: string; kind: FinderKind; decision: FinderDecision; now: Date },
      then: (tx: Tx) => Promise<T>,
    ) =>
      db.transaction(async (tx) => {
        const [a, b] = finderPair(values.requirementId, values.otherId);
        const [before] = await tx
          .select()
          .from(requirementFinderDecisions)
          .where(and(eq(requirementFinderDecisions.requirementAId, a), eq(requirementFinderDecisions.requirementBId, b), eq(requirementFinderDecisions.kind, values.kind)));
        const set = { decision: values.decision, decidedById: actor.userId, decidedAt: values.now };
        const [row] = before
          ? await tx
              .update(requirementFinderDecisions)
              .set({ ...set, version: before.version + 1 })
              .where(eq(requirementFinderDecisions.id, before.id))
              .returning()
          : await tx
              .insert(requirementFinderDecisions)
              .values({ ...set, workspaceId: actor.workspaceId, projectId: values.projectId, requirementAId: a, requirementBId: b, kind: values.kind })
              .onConflictDoUpdate({
                target: [requirementFinderDecisions.requirementAId, requirementFinderDecisions.requirementBId, requirementFinderDecisions.kind],
                set,
              })
              .returning();
        if (!row) throw new Error("upsert returned nothing");
        for (const entityId of [a, b]) {
          await recordAudit(tx, actor, actor.workspaceId, {
            entityType: "requirement",
            entityId,
            projectId: values.projectId,
            action: values.decision === "confirmed" ? "finder.confirm" : "finder.dismiss",
            ...(before ? { before } : {}),
            after: row,
          });
        }
        return { row, result: await then(tx) };
      }),

    /** The `duplicates` / `conflicts_with` relation between two requirements, in either direction, if any. */
    relationBetween: async (tx: Tx, x: string, y: string, kind: FinderKind) => {
      const [a, b] = finderPair(x, y);
      const rows = await tx
        .select({ id: requirementRelations.id, from: requirementRelations.fromId, to: requirementRelations.toId })
        .from(requirementRelations)
        .where(and(inArray(requirementRelations.fromId, [a, b]), inArray(requirementRelations.toId, [a, b]), eq(requirementRelations.kind, FINDER_RELATION_KIND[kind])));
      return rows.find((r) => r.from !== r.to)?.id;
    },
  };
}
