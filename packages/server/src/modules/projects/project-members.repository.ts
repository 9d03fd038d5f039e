import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { TProjectRole, TWorkspaceRole } from "@jiaofu/contracts";
import type { Db, Tx } from "../../db/database";
import { projectMembers, projects, users } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import type { Actor } from "../../platform/policy";

/** A membership with the person's name and workspace standing (`userClientId` is for rules, never presented). */
export type MemberRow = typeof projectMembers.$inferSelect & {
  name: string;
  email: string;
  workspaceRole: TWorkspaceRole;
  userClientId: string | null;
};

const memberColumns = {
  member: projectMembers,
  name: users.name,
  email: users.email,
  workspaceRole: users.role,
  userClientId: users.clientId,
};

/**
 * Every membership change of a project first locks the project row: changes to one project's members run one at a
 * time, so two people removing the only two managers at once cannot leave it with none.
 */
async function lockProject(tx: Tx, projectId: string) {
  await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for("update");
}

async function countManagers(tx: Tx, projectId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "manager")));
  return row?.n ?? 0;
}

/**
 * When the project's named manager stops managing it, the earliest-added remaining manager takes the name, so
 * `projects.manager_id` always points at someone who manages the project.
 */
async function handOverNamedManager(tx: Tx, actor: Actor, projectId: string, leavingUserId: string, now: Date) {
  const [before] = await tx.select().from(projects).where(eq(projects.id, projectId));
  if (!before || before.managerId !== leavingUserId) return;
  const [next] = await tx
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "manager"), ne(projectMembers.userId, leavingUserId)))
    .orderBy(asc(projectMembers.createdAt), asc(projectMembers.userId))
    .limit(1);
  const [after] = await tx
    .update(projects)
    .set({ managerId: next?.userId ?? null, updatedAt: now, version: sql`${projects.version} + 1` })
    .where(eq(projects.id, projectId))
    .returning();
  await recordAudit(tx, actor, actor.workspaceId, { entityType: "project", entityId: projectId, projectId, action: "update", before, after });
}

export function createProjectMembersRepository(db: Db) {
  const selectMembers = (d: Db | Tx) => d.select(memberColumns).from(projectMembers).innerJoin(users, eq(users.id, projectMembers.userId));
  const flatten = (r: Omit<MemberRow, keyof typeof projectMembers.$inferSelect> & { member: typeof projectMembers.$inferSelect }): MemberRow => ({
    ...r.member,
    name: r.name,
    email: r.email,
    workspaceRole: r.workspaceRole,
    userClientId: r.userClientId,
  });
  const getIn = async (d: Db | Tx, projectId: string, userId: string) => {
    const [row] = await selectMembers(d).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
    return row ? flatten(row) : undefined;
  };
  const audit = (tx: Tx, actor: Actor, projectId: string, action: string, before?: unknown, after?: unknown) =>
    recordAudit(tx, actor, actor.workspaceId, { entityType: "project", entityId: projectId, projectId, action, before, after });

  return {
    /** Managers first, then members, viewers and client contacts; by name within each. */
    list: async (projectId: string) => {
      const rows = await selectMembers(db)
        .where(eq(projectMembers.projectId, projectId))
        .orderBy(sql`array_position(array['manager','member','viewer','client'], ${projectMembers.role}::text)`, asc(users.name), asc(users.id));
      return rows.map(flatten);
    },

    get: (projectId: string, userId: string) => getIn(db, projectId, userId),

    /** The person being added, if they are in the workspace. */
    findUser: async (workspaceId: string, userId: string) => {
      const [row] = await db
        .select({ id: users.id, role: users.role, clientId: users.clientId })
        .from(users)
        .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
      return row;
    },

    add: (actor: Actor, projectId: string, userId: string, role: TProjectRole): Promise<{ kind: "ok" | "already" }> =>
      db.transaction(async (tx) => {
        await lockProject(tx, projectId);
        const [added] = await tx.insert(projectMembers).values({ projectId, userId, role }).onConflictDoNothing().returning();
        if (!added) return { kind: "already" };
        await audit(tx, actor, projectId, "member.add", undefined, added);
        return { kind: "ok" };
      }),

    /** Changes the role only if `version` is still current; the last manager cannot be demoted. */
    update: (
      actor: Actor,
      projectId: string,
      userId: string,
      version: number,
      role: TProjectRole,
      now: Date,
    ): Promise<{ kind: "ok" | "not_found" | "last_manager" } | { kind: "stale"; current: MemberRow }> =>
      db.transaction(async (tx) => {
        await lockProject(tx, projectId);
        const before = await getIn(tx, projectId, userId);
        if (!before) return { kind: "not_found" };
        if (before.version !== version) return { kind: "stale", current: before };
        const demoted = before.role === "manager" && role !== "manager";
        if (demoted && (await countManagers(tx, projectId)) <= 1) return { kind: "last_manager" };
        const [after] = await tx
          .update(projectMembers)
          .set({ role, version: sql`${projectMembers.version} + 1` })
          .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId), eq(projectMembers.version, version)))
          .returning();
        if (!after) return { kind: "stale", current: before };
        await audit(tx, actor, projectId, "member.update", before, after);
        if (demoted) await handOverNamedManager(tx, actor, projectId, userId, now);
        return { kind: "ok" };
      }),

    /** The last manager cannot be removed. */
    remove: (actor: Actor, projectId: string, userId: string, now: Date): Promise<{ kind: "ok" | "not_found" | "last_manager" }> =>
      db.transaction(async (tx) => {
        await lockProject(tx, projectId);
        const before = await getIn(tx, projectId, userId);
        if (!before) return { kind: "not_found" };
        if (before.role === "manager" && (await countManagers(tx, projectId)) <= 1) return { kind: "last_manager" };
        await tx.delete(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
        await audit(tx, actor, projectId, "member.remove", before);
        if (before.role === "manager") await handOverNamedManager(tx, actor, projectId, userId, now);
        return { kind: "ok" };
      }),
  };
}
