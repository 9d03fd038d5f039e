/**
 * Secret calendar feed addresses (`calendar_feed_tokens`): a person's subscription to a project's milestones or
 * meetings. The lifecycle is the same for every kind — one live address per person, project and kind; a new address
 * revokes the old one; only the token's hash is stored; fetching records when — so it lives here, and the modules
 * keep what differs: who may have a feed and what the calendar holds.
 */
import type { TCalendarFeed, TCalendarFeedCreated } from "@jiaofu/contracts";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../db/database";
import { calendarFeedTokens, users } from "../db/schema";
import { randomSecret, sha256 } from "../modules/auth/auth.crypto";
import { recordAudit } from "./audit";
import type { Actor } from "./policy";

export type CalendarFeedKind = (typeof calendarFeedTokens.$inferSelect)["kind"];
type FeedRow = typeof calendarFeedTokens.$inferSelect;
type UserRow = typeof users.$inferSelect;
type FeedProject = { id: string; workspaceId: string };

const presentFeed = (row: Pick<FeedRow, "createdAt" | "lastUsedAt"> | undefined): TCalendarFeed => ({
  exists: row !== undefined,
  createdAt: row?.createdAt.toISOString() ?? null,
  lastUsedAt: row?.lastUsedAt?.toISOString() ?? null,
});

const liveOf = (kind: CalendarFeedKind, projectId: string, userId: string) =>
  and(eq(calendarFeedTokens.kind, kind), eq(calendarFeedTokens.projectId, projectId), eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt));

/**
 * The feeds of one kind. `url(origin, token)` is the feed's public address. The caller authorises before calling
 * `status`, `create` and `revoke`; `find` only resolves a token, and the caller checks its owner may still read.
 */
export function calendarFeeds(db: Db, kind: CalendarFeedKind, url: (origin: string, token: string) => string) {
  async function revokeLive(tx: Tx, actor: Actor, project: FeedProject, now: Date): Promise<FeedRow[]> {
    return tx.update(calendarFeedTokens).set({ revokedAt: now }).where(liveOf(kind, project.id, actor.userId)).returning();
  }
  return {
    /** The caller's live feed of the project. */
    status: async (actor: Actor, projectId: string): Promise<TCalendarFeed> => {
      const [row] = await db.select().from(calendarFeedTokens).where(liveOf(kind, projectId, actor.userId));
      return presentFeed(row);
    },

    /** A new address for the caller (the old one stops working); the address is answered this once. */
    create: async (actor: Actor, project: FeedProject, origin: string, now: Date): Promise<TCalendarFeedCreated> => {
      const token = randomSecret(32);
      const row = await db.transaction(async (tx) => {
        const revoked = await revokeLive(tx, actor, project, now);
        const [created] = await tx
          .insert(calendarFeedTokens)
          .values({ workspaceId: project.workspaceId, projectId: project.id, userId: actor.userId, kind, tokenHash: sha256(token), createdAt: now })
          .returning();
        if (!created) throw new Error("insert returned nothing");
        await recordAudit(tx, actor, project.workspaceId, {
          entityType: "calendar_feed_token",
          entityId: created.id,
          projectId: project.id,
          action: revoked.length > 0 ? "rotate" : "create",
          after: { kind, userId: actor.userId, replaced: revoked.map((f) => f.id) },
        });
        return created;
      });
      return { ...presentFeed(row), url: url(origin, token) };
    },

    revoke: async (actor: Actor, project: FeedProject, now: Date): Promise<void> => {
      await db.transaction(async (tx) => {
        for (const feed of await revokeLive(tx, actor, project, now)) {
          await recordAudit(tx, actor, project.workspaceId, { entityType: "calendar_feed_token", entityId: feed.id, projectId: project.id, action: "revoke", before: { kind, userId: actor.userId } });
        }
      });
    },

    /** A live feed of this kind by its token, with its owner (active or not: the caller decides). */
    find: async (token: string): Promise<{ feed: FeedRow; user: UserRow } | undefined> => {
      const [found] = await db
        .select({ feed: calendarFeedTokens, user: users })
        .from(calendarFeedTokens)
        .innerJoin(users, eq(users.id, calendarFeedTokens.userId))
        .where(and(eq(calendarFeedTokens.tokenHash, sha256(token)), eq(calendarFeedTokens.kind, kind), isNull(calendarFeedTokens.revokedAt)));
      return found;
    },

    /** Records that a feed was served. */
    served: async (feedId: string, now: Date): Promise<void> => {
      await db.update(calendarFeedTokens).set({ lastUsedAt: now }).where(eq(calendarFeedTokens.id, feedId));
    },
  };
}
