/**
 * Loading the facts the policy needs about a project: its client and the actor's role on it. Every
 * project-scoped route (members, comments, attachments, and each later stage's module) goes through
 * `requireProjectAccess` before any work.
 */
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../db/database";
import { projectMembers, projects } from "../db/schema";
import { AppError } from "./app-error";
import { authorize, canProject, type Actor, type ProjectAction, type ProjectFacts } from "./policy";

export type ProjectAccess = { project: typeof projects.$inferSelect; facts: ProjectFacts };

export async function loadProjectAccess(db: Db | Tx, actor: Actor, projectId: string): Promise<ProjectAccess | undefined> {
  const [row] = await db
    .select({ project: projects, memberRole: projectMembers.role })
    .from(projects)
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, actor.userId)))
    .where(and(eq(projects.id, projectId), eq(projects.workspaceId, actor.workspaceId)));
  if (!row) return undefined;
  return { project: row.project, facts: { clientId: row.project.clientId, memberRole: row.memberRole ?? null } };
}

/**
 * The project, if the actor may do `action` on it. Someone who may not even read the project gets 404 (they
 * do not learn it exists); someone who may read but not do `action` gets 403.
 */
export async function requireProjectAccess(db: Db | Tx, actor: Actor, projectId: string, action: ProjectAction): Promise<ProjectAccess> {
  const access = await loadProjectAccess(db, actor, projectId);
  if (!access || !canProject(actor, "project.read", access.facts)) throw new AppError("not_found", "project.not_found");
  authorize(canProject(actor, action, access.facts));
  return access;
}
