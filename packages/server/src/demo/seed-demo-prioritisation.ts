/**
 * The demo's prioritisation (docs/requirements.md, "Prioritisation"): the main project scores its requirements by
 * weighted criteria it defined, and the team has entered the values of most of them — a few are left incomplete, so
 * the ranked view shows what a missing input looks like. Written through the same code as the API, so each entry is
 * a version of the requirement with its audit row.
 */
import type { TLocale } from "@jiaofu/contracts";
import type { Tx } from "../db/database";
import { requirementScoringModels } from "../db/schema";
import { recordAudit } from "../platform/audit";
import type { Actor } from "../platform/policy";
import { applyRequirementChange, type RequirementRecord } from "../modules/requirements/requirements.repository";

const CRITERIA: Record<TLocale, { id: string; name: string; weight: number }[]> = {
  "zh-CN": [
    { id: "value", name: "业务价值", weight: 3 },
    { id: "risk", name: "合规与安全风险", weight: 2 },
    { id: "urgency", name: "上线紧迫性", weight: 1 },
  ],
  en: [
    { id: "value", name: "Business value", weight: 3 },
    { id: "risk", name: "Compliance and security risk", weight: 2 },
    { id: "urgency", name: "Urgency for go-live", weight: 1 },
  ],
};

/** The values (0–10) per requirement in key order; a missing criterion leaves that requirement without a score. */
const VALUES: Record<string, number>[] = [
  { value: 9, risk: 8, urgency: 8 },
  { value: 7, risk: 9, urgency: 6 },
  { value: 8, risk: 10, urgency: 5 },
  { value: 6, risk: 7 },
  { value: 7, risk: 6, urgency: 4 },
  { value: 3, risk: 2, urgency: 2 },
  { value: 6, risk: 8, urgency: 3 },
];

const HOUR_MS = 3_600_000;

/**
 * Saves the weighted model (`at`) and enters each requirement's values two hours after its last change; returns
 * `rows` as they are afterwards (new versions).
 */
export async function seedDemoPrioritisation(tx: Tx, pm: Actor, projectId: string, rows: readonly RequirementRecord[], at: Date): Promise<RequirementRecord[]> {
  const [model] = await tx
    .insert(requirementScoringModels)
    .values({ projectId, workspaceId: pm.workspaceId, model: "weighted", criteria: CRITERIA[pm.locale], updatedById: pm.userId, updatedAt: at })
    .returning();
  await recordAudit(tx, pm, pm.workspaceId, { entityType: "project", entityId: projectId, projectId, action: "scoring_model.update", before: null, after: model });
  const out: RequirementRecord[] = [];
  for (const [i, row] of rows.entries()) {
    const weighted = VALUES[i];
    out.push(weighted ? await applyRequirementChange(tx, pm, { id: row.id, expectedVersion: row.version, steps: [{ action: "update", set: { priorityInputs: { weighted } } }] }, new Date(row.updatedAt.getTime() + 2 * HOUR_MS)) : row);
  }
  return out;
}
