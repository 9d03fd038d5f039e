import { and, asc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { RelationEdge, RequirementRelationKind } from "@jiaofu/engine";
import type { Db, Tx } from "../../db/database";
import { projects, requirementRelations, requirements } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import type { Actor } from "../../platform/policy";

const fromReq = alias(requirements, "from_req");
const toReq = alias(requirements, "to_req");

const endColumns = (t: typeof fromReq | typeof toReq) => ({
  id: t.id,
  number: t.number,
  title: t.title,
  status: t.status,
  clientSharedAt: t.clientSharedAt,
});

type RelationRecord = typeof requirementRelations.$inferSelect;
export type RelationEnd = { id: string; number: number; title: string; status: (typeof requirements.$inferSelect)["status"]; clientSharedAt: Date | null };
export type RelationRow = RelationRecord & { from: RelationEnd; to: RelationEnd };

export type NewRelation = { projectId: string; fromId: string; toId: string; kind: RequirementRelationKind };

/** Both requirements' audit trails record a relation change. */
async function auditBoth(tx: Tx, actor: Actor, row: RelationRecord, action: string, before?: RelationRecord) {
  for (const entityId of [row.fromId, row.toId]) {
    await recordAudit(tx, actor, actor.workspaceId, {
      entityType: "requirement",
      entityId,
      projectId: row.projectId,
      action,
      ...(before ? { before } : {}),
      after: row,
    });
  }
}

export function createRequirementRelationsRepository(db: Db) {
  const selectRows = () =>
    db
      .select({ relation: requirementRelations, from: endColumns(fromReq), to: endColumns(toReq) })
      .from(requirementRelations)
      .innerJoin(fromReq, eq(fromReq.id, requirementRelations.fromId))
      .innerJoin(toReq, eq(toReq.id, requirementRelations.toId));
  const flatten = (r: { relation: RelationRecord; from: RelationEnd; to: RelationEnd }): RelationRow => ({ ...r.relation, from: r.from, to: r.to });

  return {
    /** The relations with `requirementId` at either end, oldest first. */
    listFor: async (workspaceId: string, requirementId: string): Promise<RelationRow[]> => {
      const rows = await selectRows()
        .where(
          and(
            eq(requirementRelations.workspaceId, workspaceId),
            or(eq(requirementRelations.fromId, requirementId), eq(requirementRelations.toId, requirementId)),
          ),
        )
        .orderBy(asc(requirementRelations.createdAt), asc(requirementRelations.id));
      return rows.map(flatten);
    },

    get: async (workspaceId: string, id: string): Promise<RelationRow | undefined> => {
      const [row] = await selectRows().where(and(eq(requirementRelations.workspaceId, workspaceId), eq(requirementRelations.id, id)));
      return row ? flatten(row) : undefined;
    },

    /**
     * Inserts the relation unless `check`, given the project's existing edges of the same kind, finds a problem (a
     * cycle, a second parent). The project row is locked first, so two concurrent additions cannot together close
     * a cycle that neither would alone.
     */
    create: <P>(actor: Actor, values: NewRelation, check: (edges: RelationEdge[]) => P | null) =>
      db.transaction(async (tx): Promise<{ kind: "ok"; id: string } | { kind: "problem"; problem: P }> => {
        await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, values.projectId)).for("update");
        const edges = await tx
          .select({ from: requirementRelations.fromId, to: requirementRelations.toId })
          .from(requirementRelations)
          .where(and(eq(requirementRelations.projectId, values.projectId), eq(requirementRelations.kind, values.kind)));
        const problem = check(edges);
        if (problem !== null) return { kind: "problem", problem };
        const [row] = await tx
          .insert(requirementRelations)
          .values({
            ...values,
            workspaceId: actor.workspaceId,
            status: values.kind === "conflicts_with" ? "open" : null,
            createdById: actor.userId,
          })
          .returning();
        if (!row) throw new Error("insert returned nothing");
        await auditBoth(tx, actor, row, "relation.add");
        return { kind: "ok", id: row.id };
      }),

    /** Resolves or reopens a conflict if `version` is still current. */
    setStatus: (actor: Actor, id: string, version: number, status: "open" | "resolved", note: string, now: Date) =>
      db.transaction(async (tx) => {
        const [before] = await tx.select().from(requirementRelations).where(and(eq(requirementRelations.id, id), eq(requirementRelations.workspaceId, actor.workspaceId)));
        if (!before) return { kind: "not_found" as const };
        const resolved = status === "resolved";
        const [after] = await tx
          .update(requirementRelations)
          .set({
            status,
            resolutionNote: note,
            resolvedById: resolved ? actor.userId : null,
            resolvedAt: resolved ? now : null,
            updatedAt: now,
            version: before.version + 1,
          })
          .where(and(eq(requirementRelations.id, id), eq(requirementRelations.version, version)))
          .returning();
        if (!after) return { kind: "stale" as const };
        await auditBoth(tx, actor, after, resolved ? "relation.resolve" : "relation.reopen", before);
        return { kind: "ok" as const };
      }),

    remove: (actor: Actor, id: string) =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .delete(requirementRelations)
          .where(and(eq(requirementRelations.id, id), eq(requirementRelations.workspaceId, actor.workspaceId)))
          .returning();
        if (!row) return false;
        for (const entityId of [row.fromId, row.toId]) {
          await recordAudit(tx, actor, actor.workspaceId, { entityType: "requirement", entityId, projectId: row.projectId, action: "relation.remove", before: row });
        }
        return true;
      }),
  };
}
