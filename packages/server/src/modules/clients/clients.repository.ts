import { and, eq, ilike, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { clients } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import type { Actor } from "../../platform/policy";
import { afterCursor, orderBy, type SortSpec } from "../../platform/pagination";

// Written out in full: inside a select list Drizzle renders columns unqualified, which would not correlate.
const counts = {
  projectCount: sql<number>`(select count(*)::int from projects p where p.client_id = "clients"."id")`,
  contactCount: sql<number>`(select count(*)::int from users u where u.client_id = "clients"."id")`,
};

export type ClientRow = typeof clients.$inferSelect & { projectCount: number; contactCount: number };

export function createClientsRepository(db: Db) {
  const selectWithCounts = () => db.select({ client: clients, ...counts }).from(clients);
  const flatten = (r: { client: typeof clients.$inferSelect; projectCount: number; contactCount: number }): ClientRow => ({
    ...r.client,
    projectCount: r.projectCount,
    contactCount: r.contactCount,
  });

  return {
    list: async (workspaceId: string, opts: { onlyClientId: string | null; q?: string | undefined; sort: SortSpec; cursor?: string | undefined; limit: number }) => {
      const rows = await selectWithCounts()
        .where(
          and(
            eq(clients.workspaceId, workspaceId),
            opts.onlyClientId ? eq(clients.id, opts.onlyClientId) : undefined,
            opts.q ? ilike(clients.name, `%${opts.q}%`) : undefined,
            afterCursor(opts.sort, clients.id, opts.cursor),
          ),
        )
        .orderBy(...orderBy(opts.sort, clients.id))
        .limit(opts.limit + 1);
      return rows.map(flatten);
    },
    get: async (workspaceId: string, id: string) => {
      const [row] = await selectWithCounts().where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, id)));
      return row ? flatten(row) : undefined;
    },
    create: (actor: Actor, values: { name: string; industry: string; website: string; notes: string }) =>
      db.transaction(async (tx) => {
        const [row] = await tx.insert(clients).values({ ...values, workspaceId: actor.workspaceId }).returning();
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "client", entityId: row.id, action: "create", after: row });
        return row;
      }),
    /** Updates only if `version` is still current; returns undefined when someone else changed it first. */
    update: (actor: Actor, id: string, version: number, values: Partial<Pick<typeof clients.$inferInsert, "name" | "industry" | "website" | "notes">>, now: Date) =>
      db.transaction(async (tx) => {
        const [before] = await tx.select().from(clients).where(and(eq(clients.id, id), eq(clients.workspaceId, actor.workspaceId)));
        if (!before) return { kind: "not_found" as const };
        const [after] = await tx
          .update(clients)
          .set({ ...values, updatedAt: now, version: before.version + 1 })
          .where(and(eq(clients.id, id), eq(clients.version, version)))
          .returning();
        if (!after) return { kind: "stale" as const };
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "client", entityId: id, action: "update", before, after });
        return { kind: "ok" as const };
      }),
  };
}
