import { and, asc, eq, or } from "drizzle-orm";
import type { Db } from "../../db/database";
import { savedViews, users } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import type { Actor } from "../../platform/policy";

export type SavedViewRow = typeof savedViews.$inferSelect & { userName: string };

/** The register's views; the table's `scope` leaves room for other lists later. */
const SCOPE = "requirements";

export function createSavedViewsRepository(db: Db) {
  const selectRows = () =>
    db
      .select({ view: savedViews, userName: users.name })
      .from(savedViews)
      .innerJoin(users, eq(users.id, savedViews.userId));
  const flatten = (r: { view: typeof savedViews.$inferSelect; userName: string }): SavedViewRow => ({ ...r.view, userName: r.userName });

  return {
    /** The actor's own views and those shared with the team, by name. */
    list: async (actor: Actor, projectId: string) => {
      const rows = await selectRows()
        .where(
          and(
            eq(savedViews.workspaceId, actor.workspaceId),
            eq(savedViews.projectId, projectId),
            eq(savedViews.scope, SCOPE),
            or(eq(savedViews.userId, actor.userId), eq(savedViews.shared, true)),
          ),
        )
        .orderBy(asc(savedViews.name), asc(savedViews.id));
      return rows.map(flatten);
    },

    get: async (workspaceId: string, projectId: string, id: string) => {
      const [row] = await selectRows().where(and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.projectId, projectId), eq(savedViews.id, id)));
      return row ? flatten(row) : undefined;
    },

    create: (actor: Actor, projectId: string, values: { name: string; filters: Record<string, unknown>; shared: boolean }) =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .insert(savedViews)
          .values({ ...values, workspaceId: actor.workspaceId, projectId, userId: actor.userId, scope: SCOPE })
          .returning();
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "project", entityId: projectId, projectId, action: "saved_view.create", after: row });
        return row;
      }),

    remove: (actor: Actor, projectId: string, id: string) =>
      db.transaction(async (tx) => {
        const [row] = await tx.delete(savedViews).where(and(eq(savedViews.id, id), eq(savedViews.projectId, projectId))).returning();
        if (!row) return false;
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "project", entityId: projectId, projectId, action: "saved_view.remove", before: row });
        return true;
      }),
  };
}
