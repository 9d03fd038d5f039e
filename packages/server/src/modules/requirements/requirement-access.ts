/**
 * Loading "who is this actor to this requirement": the row, its project's facts, and what the policy allows. Every
 * requirement-scoped route (and the requirement's comments, files and history) goes through here before any work.
 */
import type { Db, Tx } from "../../db/database";
import { notFound } from "../../platform/app-error";
import { authorize, canRequirement, type Actor, type RequirementAction, type RequirementFacts } from "../../platform/policy";
import { loadProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { createRequirementsRepository, type RequirementRow } from "./requirements.repository";

export type RequirementAccess = { row: RequirementRow; project: ProjectAccess; facts: RequirementFacts };

export const requirementFacts = (project: ProjectAccess, row: Pick<RequirementRow, "status" | "clientSharedAt">): RequirementFacts => ({
  project: project.facts,
  status: row.status,
  sharedWithClient: row.clientSharedAt !== null,
});

export async function loadRequirementAccess(db: Db | Tx, actor: Actor, id: string): Promise<RequirementAccess | undefined> {
  const row = await createRequirementsRepository(db).get(actor.workspaceId, id);
  if (!row) return undefined;
  const project = await loadProjectAccess(db, actor, row.projectId);
  if (!project) return undefined;
  return { row, project, facts: requirementFacts(project, row) };
}

/**
 * The requirement, if the actor may do `action` on it: 404 when it does not exist or the actor may not see it (a
 * contact asking for a draft learns nothing), 403 when they see it but may not act.
 */
export async function requireRequirementAccess(db: Db | Tx, actor: Actor, id: string, action: RequirementAction): Promise<RequirementAccess> {
  const access = await loadRequirementAccess(db, actor, id);
  if (!access || !canRequirement(actor, "requirement.read", access.facts)) throw notFound("requirement.not_found");
  authorize(canRequirement(actor, action, access.facts));
  return access;
}
