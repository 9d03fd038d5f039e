/**
 * Requirements as the subject of comments, files and history (entity scope `requirement`), and as the upstream end
 * of trace links. Imported by requirements.routes.ts, so both are registered whenever the app is built.
 */
import { requirementKey } from "@jiaofu/engine";
import { registerEntityScope } from "../../platform/entity-scope";
import { canRequirement } from "../../platform/policy";
import { registerTraceTarget } from "../traceability/trace-targets";
import { loadRequirementAccess } from "./requirement-access";
import { createRequirementsRepository } from "./requirements.repository";

// The client-visibility rule applies here too: a contact cannot find, comment on or attach to a draft.
registerEntityScope("requirement", {
  notFoundKey: "requirement.not_found",
  resolve: async (db, actor, id) => {
    const access = await loadRequirementAccess(db, actor, id);
    if (!access) return undefined;
    const facts = access.facts;
    return {
      entityType: "requirement",
      entityId: id,
      projectId: access.row.projectId,
      projectFacts: access.project.facts,
      visible: canRequirement(actor, "requirement.read", facts),
      allows: {
        read: canRequirement(actor, "requirement.read", facts),
        comment: canRequirement(actor, "requirement.comment", facts),
        attach: canRequirement(actor, "requirement.attach", facts),
        "audit.read": canRequirement(actor, "requirement.audit.read", facts),
      },
    };
  },
});

registerTraceTarget("requirement", async (db, workspaceId, ids) => {
  const rows = await createRequirementsRepository(db).labels(workspaceId, ids);
  return new Map(rows.map((r) => [r.id, { projectId: r.projectId, label: `${requirementKey(r.number)} ${r.title}` }]));
});
