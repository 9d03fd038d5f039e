import { and, asc, eq, or } from "drizzle-orm";
import type { Db } from "../../db/database";
import { requirements, traceLinks } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import { afterCursor, orderBy, type SortSpec } from "../../platform/pagination";
import type { Actor } from "../../platform/policy";

export type TraceLinkRow = typeof traceLinks.$inferSelect;
export type NewTraceLink = Pick<TraceLinkRow, "projectId" | "fromType" | "fromId" | "toType" | "toId" | "kind">;

/** Oldest first; ties broken by id. */
const LINK_ORDER: SortSpec = { key: "createdAt", expr: traceLinks.createdAt, desc: false };

/** A link is filed in the history of the requirement it points at, else in the project's. */
const auditTarget = (row: TraceLinkRow) =>
  row.toType === "requirement" ? { entityType: "requirement", entityId: row.toId } : { entityType: "project", entityId: row.projectId };

export function createTraceabilityRepository(db: Db) {
  return {
    list: async (
      workspaceId: string,
      projectId: string,
      opts: { type?: string | undefined; id?: string | undefined; kind?: string | undefined; cursor?: string | undefined; limit: number },
    ) => {
      // A link "touches" the artefact asked for at its from end or at its to end.
      const touches = (typeColumn: typeof traceLinks.fromType | typeof traceLinks.toType, idColumn: typeof traceLinks.fromId | typeof traceLinks.toId) =>
        and(opts.type ? eq(typeColumn, opts.type) : undefined, opts.id ? eq(idColumn, opts.id) : undefined);
      return db
        .select()
        .from(traceLinks)
        .where(
          and(
            eq(traceLinks.workspaceId, workspaceId),
            eq(traceLinks.projectId, projectId),
            opts.type || opts.id ? or(touches(traceLinks.fromType, traceLinks.fromId), touches(traceLinks.toType, traceLinks.toId)) : undefined,
            opts.kind ? eq(traceLinks.kind, opts.kind) : undefined,
            afterCursor(LINK_ORDER, traceLinks.id, opts.cursor),
          ),
        )
        .orderBy(...orderBy(LINK_ORDER, traceLinks.id))
        .limit(opts.limit + 1);
    },

    /** Every link of the project (for the matrix). */
    listAll: (projectId: string) => db.select().from(traceLinks).where(eq(traceLinks.projectId, projectId)),

    /** Every requirement of the project, by key. */
    requirementsOf: (projectId: string) =>
      db
        .select({ id: requirements.id, number: requirements.number, title: requirements.title, status: requirements.status })
        .from(requirements)
        .where(eq(requirements.projectId, projectId))
        .orderBy(asc(requirements.number)),

    get: async (workspaceId: string, id: string) => {
      const [row] = await db.select().from(traceLinks).where(and(eq(traceLinks.workspaceId, workspaceId), eq(traceLinks.id, id)));
      return row;
    },

    create: (actor: Actor, values: NewTraceLink) =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .insert(traceLinks)
          .values({ ...values, workspaceId: actor.workspaceId, createdById: actor.userId })
          .returning();
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, actor, actor.workspaceId, { ...auditTarget(row), projectId: row.projectId, action: "trace.add", after: row });
        return row;
      }),

    remove: (actor: Actor, id: string) =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .delete(traceLinks)
          .where(and(eq(traceLinks.workspaceId, actor.workspaceId), eq(traceLinks.id, id)))
          .returning();
        if (!row) return false;
        await recordAudit(tx, actor, actor.workspaceId, { ...auditTarget(row), projectId: row.projectId, action: "trace.remove", before: row });
        return true;
      }),
  };
}
