import { and, eq, ilike, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { TProjectRole, TProjectStage } from "@jiaofu/contracts";
import type { Db, Tx } from "../../db/database";
import { clients, projectMembers, projects, users } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import type { Actor, ProjectVisibility } from "../../platform/policy";
import { afterCursor, orderBy, type SortSpec } from "../../platform/pagination";
import { containsPattern } from "../../platform/text-search";

const manager = alias(users, "manager");

export type ProjectRow = typeof projects.$inferSelect & {
  clientName: string;
  managerName: string | null;
  memberCount: number;
  myRole: TProjectRole | null;
};

type ProjectValues = Pick<
  typeof projects.$inferInsert,
  "code" | "name" | "description" | "clientId" | "stage" | "startDate" | "endDate" | "managerId"
>;
export type UpdateProjectValues = Partial<Omit<ProjectValues, "clientId">>;

/** `exists` a membership of `userId` on the project of the outer row (optionally with `role`). */
const isMember = (userId: string, role?: TProjectRole): SQL =>
  sql`exists (select 1 from project_members m where m.project_id = ${projects.id} and m.user_id = ${userId}${role ? sql` and m.role = ${role}` : sql``})`;

/** The visibility decided by the policy, as a where-clause: lists filter in SQL, before paging. */
function visibilityClause(actor: Actor, visibility: ProjectVisibility): SQL | undefined {
  switch (visibility.kind) {
    case "all":
      return undefined;
    case "member":
      return isMember(actor.userId);
    case "client_member":
      return and(eq(projects.clientId, visibility.clientId), isMember(actor.userId, "client"));
    case "none":
      return sql`false`;
  }
}

/** Adds a manager membership, or promotes an existing member to manager; audited on the project. */
async function ensureManagerMember(tx: Tx, actor: Actor, projectId: string, userId: string) {
  const [existing] = await tx
    .select()
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
  if (!existing) {
    const [added] = await tx.insert(projectMembers).values({ projectId, userId, role: "manager" }).returning();
    await recordAudit(tx, actor, actor.workspaceId, { entityType: "project", entityId: projectId, projectId, action: "member.add", after: added });
  } else if (existing.role !== "manager") {
    const [after] = await tx
      .update(projectMembers)
      .set({ role: "manager", version: sql`${projectMembers.version} + 1` })
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
      .returning();
    await recordAudit(tx, actor, actor.workspaceId, {
      entityType: "project",
      entityId: projectId,
      projectId,
      action: "member.update",
      before: existing,
      after,
    });
  }
}

export function createProjectsRepository(db: Db) {
  const selectProjects = (actorId: string) =>
    db
      .select({
        project: projects,
        clientName: clients.name,
        managerName: manager.name,
        memberCount: sql<number>`(select count(*)::int from project_members pmc where pmc.project_id = ${projects.id})`,
        myRole: sql<TProjectRole | null>`(select pmr.role from project_members pmr where pmr.project_id = ${projects.id} and pmr.user_id = ${actorId})`,
      })
      .from(projects)
      .innerJoin(clients, eq(clients.id, projects.clientId))
      .leftJoin(manager, eq(manager.id, projects.managerId));

  const flatten = (r: { project: typeof projects.$inferSelect; clientName: string; managerName: string | null; memberCount: number; myRole: TProjectRole | null }): ProjectRow => ({
    ...r.project,
    clientName: r.clientName,
    managerName: r.managerName,
    memberCount: r.memberCount,
    myRole: r.myRole,
  });

  return {
    list: async (
      actor: Actor,
      visibility: ProjectVisibility,
      opts: {
        clientId?: string | undefined;
        stage?: TProjectStage | undefined;
        q?: string | undefined;
        sort: SortSpec;
        cursor?: string | undefined;
        limit: number;
      },
    ) => {
      const rows = await selectProjects(actor.userId)
        .where(
          and(
            eq(projects.workspaceId, actor.workspaceId),
            visibilityClause(actor, visibility),
            opts.clientId ? eq(projects.clientId, opts.clientId) : undefined,
            opts.stage ? eq(projects.stage, opts.stage) : undefined,
            opts.q ? or(ilike(projects.code, containsPattern(opts.q)), ilike(projects.name, containsPattern(opts.q))) : undefined,
            afterCursor(opts.sort, projects.id, opts.cursor),
          ),
        )
        .orderBy(...orderBy(opts.sort, projects.id))
        .limit(opts.limit + 1);
      return rows.map(flatten);
    },

    get: async (actor: Actor, id: string) => {
      const [row] = await selectProjects(actor.userId).where(and(eq(projects.workspaceId, actor.workspaceId), eq(projects.id, id)));
      return row ? flatten(row) : undefined;
    },

    clientExists: async (workspaceId: string, clientId: string): Promise<boolean> => {
      const [row] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)));
      return row !== undefined;
    },

    /** Whether `userId` is active delivery staff (not a client contact) of the workspace: who may manage a project. */
    isActiveStaff: async (workspaceId: string, userId: string): Promise<boolean> => {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId), ne(users.role, "client"), eq(users.active, true)));
      return row !== undefined;
    },

    /** The project and its first managers, in one transaction. */
    create: (actor: Actor, values: ProjectValues, managerIds: string[]) =>
      db.transaction(async (tx) => {
        const [row] = await tx.insert(projects).values({ ...values, workspaceId: actor.workspaceId }).returning();
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "project", entityId: row.id, projectId: row.id, action: "create", after: row });
        for (const userId of managerIds) await ensureManagerMember(tx, actor, row.id, userId);
        return row;
      }),

    /**
     * Updates only if `version` is still current. A newly named manager becomes a manager member in the same
     * transaction, so `managerId` always points at someone who can manage the project.
     */
    update: (actor: Actor, id: string, version: number, values: UpdateProjectValues, now: Date) =>
      db.transaction(async (tx) => {
        const [before] = await tx.select().from(projects).where(and(eq(projects.id, id), eq(projects.workspaceId, actor.workspaceId)));
        if (!before) return { kind: "not_found" as const };
        const [after] = await tx
          .update(projects)
          .set({ ...values, updatedAt: now, version: sql`${projects.version} + 1` })
          .where(and(eq(projects.id, id), eq(projects.version, version)))
          .returning();
        if (!after) return { kind: "stale" as const };
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "project", entityId: id, projectId: id, action: "update", before, after });
        if (after.managerId && after.managerId !== before.managerId) await ensureManagerMember(tx, actor, id, after.managerId);
        return { kind: "ok" as const };
      }),
  };
}
