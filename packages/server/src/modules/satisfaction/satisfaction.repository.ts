/** Client satisfaction ratings of status reports (`client_satisfaction_ratings`): one per person and report. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { clientSatisfactionRatings, users } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import type { Actor } from "../../platform/policy";

export type SatisfactionRatingRecord = typeof clientSatisfactionRatings.$inferSelect;
export type SatisfactionRatingRow = SatisfactionRatingRecord & { userName: string };

export function createSatisfactionRepository(db: Db | Tx) {
  return {
    /** A report's ratings, oldest first; only `userId`'s when given. */
    list: async (statusReportId: string, userId?: string): Promise<SatisfactionRatingRow[]> => {
      const rows = await db
        .select({ rating: clientSatisfactionRatings, userName: users.name })
        .from(clientSatisfactionRatings)
        .innerJoin(users, eq(users.id, clientSatisfactionRatings.userId))
        .where(and(eq(clientSatisfactionRatings.statusReportId, statusReportId), userId ? eq(clientSatisfactionRatings.userId, userId) : undefined))
        .orderBy(asc(clientSatisfactionRatings.createdAt), asc(clientSatisfactionRatings.id));
      return rows.map((r) => ({ ...r.rating, userName: r.userName }));
    },

    /** The person's rating of the report, locked for the write. */
    lockOwn: async (statusReportId: string, userId: string): Promise<SatisfactionRatingRecord | undefined> => {
      const [row] = await db
        .select()
        .from(clientSatisfactionRatings)
        .where(and(eq(clientSatisfactionRatings.statusReportId, statusReportId), eq(clientSatisfactionRatings.userId, userId)))
        .for("update");
      return row;
    },

    /**
     * Gives a first rating; undefined when someone (another tab) gave one meanwhile — the unique index decides, so
     * two first ratings at once never make two rows.
     */
    insert: async (actor: Actor, values: Pick<SatisfactionRatingRecord, "workspaceId" | "projectId" | "statusReportId" | "userId" | "rating" | "comment">) => {
      const [row] = await db.insert(clientSatisfactionRatings).values(values).onConflictDoNothing().returning();
      if (row) await recordAudit(db, actor, values.workspaceId, { entityType: "satisfaction_rating", entityId: row.id, projectId: row.projectId, action: "create", after: row });
      return row;
    },

    /** Changes the rating if still at `version`; undefined otherwise. */
    update: async (actor: Actor, before: SatisfactionRatingRecord, version: number, set: Pick<SatisfactionRatingRecord, "rating" | "comment">, now: Date) => {
      const [after] = await db
        .update(clientSatisfactionRatings)
        .set({ ...set, updatedAt: now, version: sql`${clientSatisfactionRatings.version} + 1` })
        .where(and(eq(clientSatisfactionRatings.id, before.id), eq(clientSatisfactionRatings.version, version)))
        .returning();
      if (after) await recordAudit(db, actor, before.workspaceId, { entityType: "satisfaction_rating", entityId: before.id, projectId: before.projectId, action: "update", before, after });
      return after;
    },
  };
}
