/** Comments, files and history on a questionnaire are the delivery team's (policy.ts, `canQuestionnaire`). */
import { and, eq } from "drizzle-orm";
import { questionnaires } from "../../db/schema";
import { registerEntityScope } from "../../platform/entity-scope";
import { canQuestionnaire } from "../../platform/policy";
import { loadProjectAccess } from "../../platform/project-access";

registerEntityScope("questionnaire", {
  notFoundKey: "questionnaire.not_found",
  resolve: async (db, actor, id) => {
    const [row] = await db
      .select({ projectId: questionnaires.projectId, status: questionnaires.status, audiencePortal: questionnaires.audiencePortal })
      .from(questionnaires)
      .where(and(eq(questionnaires.id, id), eq(questionnaires.workspaceId, actor.workspaceId)));
    if (!row) return undefined;
    const access = await loadProjectAccess(db, actor, row.projectId);
    if (!access) return undefined;
    const facts = { project: access.facts, status: row.status, audiencePortal: row.audiencePortal };
    return {
      entityType: "questionnaire",
      entityId: id,
      projectId: row.projectId,
      projectFacts: access.facts,
      visible: canQuestionnaire(actor, "questionnaire.see", facts),
      allows: {
        read: canQuestionnaire(actor, "questionnaire.read", facts),
        comment: canQuestionnaire(actor, "questionnaire.comment", facts),
        attach: canQuestionnaire(actor, "questionnaire.attach", facts),
        "audit.read": canQuestionnaire(actor, "questionnaire.audit.read", facts),
      },
    };
  },
});
