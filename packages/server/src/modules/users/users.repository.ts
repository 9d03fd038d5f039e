import { and, eq, getTableColumns, ilike, or, sql } from "drizzle-orm";
import type { TWorkspaceRole } from "@jiaofu/contracts";
import type { Db } from "../../db/database";
import { clients, sessions, users } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import type { Actor } from "../../platform/policy";
import { afterCursor, orderBy, type SortSpec } from "../../platform/pagination";
import { containsPattern } from "../../platform/text-search";

/** A user as this module reads it: everything but the password hash, which never leaves the auth module. */
export type UserRow = Omit<typeof users.$inferSelect, "passwordHash">;

const { passwordHash: _passwordHash, ...userColumns } = getTableColumns(users);

function withoutHash(row: typeof users.$inferSelect): UserRow {
  const { passwordHash: _omit, ...rest } = row;
  return rest;
}

export type UpdateUserValues = Partial<Pick<typeof users.$inferInsert, "name" | "title" | "active" | "role" | "costPerHour">>;

export function createUsersRepository(db: Db) {
  return {
    list: (
      workspaceId: string,
      opts: {
        role?: TWorkspaceRole | undefined;
        clientId?: string | undefined;
        q?: string | undefined;
        sort: SortSpec;
        cursor?: string | undefined;
        limit: number;
      },
    ): Promise<UserRow[]> =>
      db
        .select(userColumns)
        .from(users)
        .where(
          and(
            eq(users.workspaceId, workspaceId),
            opts.role ? eq(users.role, opts.role) : undefined,
            opts.clientId ? eq(users.clientId, opts.clientId) : undefined,
            opts.q ? or(ilike(users.name, containsPattern(opts.q)), ilike(users.email, containsPattern(opts.q))) : undefined,
            afterCursor(opts.sort, users.id, opts.cursor),
          ),
        )
        .orderBy(...orderBy(opts.sort, users.id))
        .limit(opts.limit + 1),

    get: async (workspaceId: string, id: string): Promise<UserRow | undefined> => {
      const [row] = await db.select(userColumns).from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)));
      return row;
    },

    clientExists: async (workspaceId: string, clientId: string): Promise<boolean> => {
      const [row] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)));
      return row !== undefined;
    },

    create: (actor: Actor, values: Omit<typeof users.$inferInsert, "id" | "workspaceId" | "createdAt" | "updatedAt" | "version">) =>
      db.transaction(async (tx) => {
        const [row] = await tx.insert(users).values({ ...values, workspaceId: actor.workspaceId }).returning();
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "user", entityId: row.id, action: "create", after: row });
        return withoutHash(row);
      }),

    /**
     * Updates only if `version` is still current. Deactivating someone ends their sessions in the same
     * transaction, so they are signed out everywhere the moment the change is committed.
     */
    update: (actor: Actor, id: string, version: number, values: UpdateUserValues, now: Date) =>
      db.transaction(async (tx) => {
        const [before] = await tx.select().from(users).where(and(eq(users.id, id), eq(users.workspaceId, actor.workspaceId)));
        if (!before) return { kind: "not_found" as const };
        const [after] = await tx
          .update(users)
          .set({ ...values, updatedAt: now, version: sql`${users.version} + 1` })
          .where(and(eq(users.id, id), eq(users.version, version)))
          .returning();
        if (!after) return { kind: "stale" as const };
        if (before.active && !after.active) await tx.delete(sessions).where(eq(sessions.userId, id));
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "user", entityId: id, action: "update", before, after });
        return { kind: "ok" as const, row: withoutHash(after) };
      }),

    /** Runs `issue` (which stores the reset token) and records who issued it, in one transaction. */
    issuePasswordResetLink: <T>(actor: Actor, userId: string, issue: (tx: Db) => Promise<T>) =>
      db.transaction(async (tx) => {
        const result = await issue(tx);
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "user", entityId: userId, action: "password_reset_link" });
        return result;
      }),
  };
}
