/**
 * Loading "who is this actor to this risk": the row, its project's facts, and what the policy allows. Every risk
 * route (and its comments, files and history) goes through here before any work.
 */
import type { Db, Tx } from "../../db/database";
import { notFound } from "../../platform/app-error";
import { authorize, canRisk, type Actor, type RiskAction, type RiskFacts } from "../../platform/policy";
import { loadProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { createRisksRepository, type RiskRow } from "./risks.repository";

export type RiskAccess = { row: RiskRow; project: ProjectAccess; facts: RiskFacts };

export async function loadRiskAccess(db: Db | Tx, actor: Actor, id: string): Promise<RiskAccess | undefined> {
  const row = await createRisksRepository(db).get(actor.workspaceId, id);
  if (!row) return undefined;
  const project = await loadProjectAccess(db, actor, row.projectId);
  if (!project) return undefined;
  return { row, project, facts: { project: project.facts, sharedWithClient: row.sharedWithClient } };
}

/**
 * The risk, if the actor may do `action` on it: 404 when it does not exist or the actor may not see it (a contact
 * asking for a risk not shared with the client learns nothing), 403 when they see it but may not act.
 */
export async function requireRiskAccess(db: Db | Tx, actor: Actor, id: string, action: RiskAction): Promise<RiskAccess> {
  const access = await loadRiskAccess(db, actor, id);
  if (!access || !canRisk(actor, "risk.read", access.facts)) throw notFound("risk.not_found");
  authorize(canRisk(actor, action, access.facts));
  return access;
}
