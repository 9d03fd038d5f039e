import { and, eq, gt, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { TLocale } from "@jiaofu/contracts";
import { recordAudit } from "../../platform/audit";
import type { Actor } from "../../platform/policy";
import type { Db } from "../../db/database";
import { apiTokens, clients, passwordResets, sessions, users, workspaces } from "../../db/schema";

export function createAuthRepository(db: Db) {
  return {
    findUserByEmail: async (email: string) => {
      const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
      return row;
    },
    findUserById: async (id: string) => {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },
    /** The user with their workspace and client names, for `/me`. */
    loadProfile: async (userId: string) => {
      const [row] = await db
        .select({ user: users, workspaceName: workspaces.name, clientName: clients.name })
        .from(users)
        .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
        .leftJoin(clients, eq(clients.id, users.clientId))
        .where(eq(users.id, userId));
      return row;
    },
    insertSession: async (values: typeof sessions.$inferInsert) => {
      await db.insert(sessions).values(values);
    },
    findLiveSession: async (idHash: string, now: Date) => {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)));
      return row;
    },
    touchSession: async (idHash: string, now: Date) => {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
    },
    deleteSession: async (idHash: string) => {
      await db.delete(sessions).where(eq(sessions.idHash, idHash));
    },
    deleteUserSessions: async (userId: string) => {
      await db.delete(sessions).where(eq(sessions.userId, userId));
    },
    /** Sessions past their expiry are never accepted again; returns how many rows there are (dry run) or were. */
    deleteExpiredSessions: async (now: Date, options: { dryRun?: boolean } = {}) => {
      const expired = lte(sessions.expiresAt, now);
      if (options.dryRun) {
        const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(sessions).where(expired);
        return row?.count ?? 0;
      }
      return (await db.delete(sessions).where(expired).returning({ idHash: sessions.idHash })).length;
    },
    /** Password reset tokens that can no longer be used: used, or past their expiry. */
    deleteDeadPasswordResets: async (now: Date, options: { dryRun?: boolean } = {}) => {
      const dead = or(isNotNull(passwordResets.usedAt), lte(passwordResets.expiresAt, now));
      if (options.dryRun) {
        const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(passwordResets).where(dead);
        return row?.count ?? 0;
      }
      return (await db.delete(passwordResets).where(dead).returning({ id: passwordResets.id })).length;
    },
    findLiveApiToken: async (tokenHash: string, now: Date) => {
      const [row] = await db
        .select({ token: apiTokens, user: users })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
      if (!row || (row.token.expiresAt && row.token.expiresAt <= now)) return undefined;
      return row;
    },
    touchApiToken: async (id: string, now: Date) => {
      await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
    },
    listApiTokens: (userId: string) =>
      db.select().from(apiTokens).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).orderBy(apiTokens.createdAt),
    insertApiToken: async (values: typeof apiTokens.$inferInsert) => {
      const [row] = await db.insert(apiTokens).values(values).returning();
      return row;
    },
    revokeApiToken: async (userId: string, id: string, now: Date) => {
      const rows = await db
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      return rows.length > 0;
    },
    insertPasswordReset: async (values: typeof passwordResets.$inferInsert) => {
      await db.insert(passwordResets).values(values);
    },
    /** Marks the reset used and sets the new password in one transaction; false if the token is not live. */
    completePasswordReset: (tokenHash: string, passwordHash: string, now: Date) =>
      db.transaction(async (tx) => {
        const [reset] = await tx
          .update(passwordResets)
          .set({ usedAt: now })
          .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
          .returning();
        if (!reset) return undefined;
        const [user] = await tx
          .update(users)
          .set({ passwordHash, updatedAt: now })
          .where(eq(users.id, reset.userId))
          .returning({ id: users.id, workspaceId: users.workspaceId });
        await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
        return user;
      }),
    /** A person's own name and language; audited like every other change. */
    updateProfile: (actor: Actor, values: { name?: string; locale?: TLocale }, now: Date) =>
      db.transaction(async (tx) => {
        const [before] = await tx.select().from(users).where(eq(users.id, actor.userId));
        if (!before) return;
        const [after] = await tx
          .update(users)
          .set({ ...values, updatedAt: now, version: sql`${users.version} + 1` })
          .where(eq(users.id, actor.userId))
          .returning();
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "user", entityId: actor.userId, action: "update", before, after });
      }),
    updateUser: async (id: string, values: Partial<typeof users.$inferInsert>) => {
      const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
      return row;
    },
  };
}
export type AuthRepository = ReturnType<typeof createAuthRepository>;
