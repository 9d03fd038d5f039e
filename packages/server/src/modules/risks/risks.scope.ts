/**
 * Risks as the subject of comments, files and history (entity scope `risk`), and as the downstream end of trace
 * links (`risk threatens requirement`). Imported by risks.routes.ts, so both are registered whenever the app is built.
 */
import { riskKey } from "@jiaofu/engine";
import { registerEntityScope } from "../../platform/entity-scope";
import { canRisk } from "../../platform/policy";
import { registerTraceTarget } from "../traceability/trace-targets";
import { loadRiskAccess } from "./risk-access";
import { createRisksRepository } from "./risks.repository";

// A contact may know a shared risk exists (404 otherwise) but reads none of the team's discussion of it (403).
registerEntityScope("risk", {
  notFoundKey: "risk.not_found",
  resolve: async (db, actor, id) => {
    const access = await loadRiskAccess(db, actor, id);
    if (!access) return undefined;
    const facts = access.facts;
    return {
      entityType: "risk",
      entityId: id,
      projectId: access.row.projectId,
      projectFacts: access.project.facts,
      visible: canRisk(actor, "risk.read", facts),
      allows: {
        read: canRisk(actor, "risk.read_internal", facts),
        comment: canRisk(actor, "risk.comment", facts),
        attach: canRisk(actor, "risk.attach", facts),
        "audit.read": canRisk(actor, "risk.audit.read", facts),
      },
    };
  },
});

registerTraceTarget("risk", async (db, workspaceId, ids) => {
  const rows = await createRisksRepository(db).labels(workspaceId, ids);
  return new Map(rows.map((r) => [r.id, { projectId: r.projectId, label: `${riskKey(r.number)} ${r.title}` }]));
});
