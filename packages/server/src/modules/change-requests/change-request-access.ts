/**
 * Loading "who is this actor to this change request": the row, its project's facts, and what the policy allows.
 * Every change-request route (and its comments, files and history) goes through here before any work.
 */
import type { Db, Tx } from "../../db/database";
import { notFound } from "../../platform/app-error";
import { authorize, canChangeRequest, type Actor, type ChangeRequestAction, type ChangeRequestFacts } from "../../platform/policy";
import { loadProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { createChangeRequestsRepository, type ChangeRequestRow } from "./change-requests.repository";

export type ChangeRequestAccess = { row: ChangeRequestRow; project: ProjectAccess; facts: ChangeRequestFacts };

export async function loadChangeRequestAccess(db: Db | Tx, actor: Actor, id: string): Promise<ChangeRequestAccess | undefined> {
  const row = await createChangeRequestsRepository(db).get(actor.workspaceId, id);
  if (!row) return undefined;
  const project = await loadProjectAccess(db, actor, row.projectId);
  if (!project) return undefined;
  return { row, project, facts: { project: project.facts, submitted: row.submitted } };
}

/**
 * The change request, if the actor may do `action` on it: 404 when it does not exist or the actor may not see it (a
 * contact asking for a draft learns nothing), 403 when they see it but may not act.
 */
export async function requireChangeRequestAccess(db: Db | Tx, actor: Actor, id: string, action: ChangeRequestAction): Promise<ChangeRequestAccess> {
  const access = await loadChangeRequestAccess(db, actor, id);
  if (!access || !canChangeRequest(actor, "change_request.read", access.facts)) throw notFound("change_request.not_found");
  authorize(canChangeRequest(actor, action, access.facts));
  return access;
}
