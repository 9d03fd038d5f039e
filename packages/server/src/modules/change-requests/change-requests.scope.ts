/**
 * Change requests as the subject of comments, files and history (entity scope `change_request`): the team and the
 * client discuss a request where it is decided. Imported by change-requests.routes.ts, so it is registered whenever
 * the app is built.
 */
import { registerEntityScope } from "../../platform/entity-scope";
import { canChangeRequest } from "../../platform/policy";
import { loadChangeRequestAccess } from "./change-request-access";

// The visibility rule applies here too: a contact cannot find, comment on or attach to a draft.
registerEntityScope("change_request", {
  notFoundKey: "change_request.not_found",
  resolve: async (db, actor, id) => {
    const access = await loadChangeRequestAccess(db, actor, id);
    if (!access) return undefined;
    const facts = access.facts;
    return {
      entityType: "change_request",
      entityId: id,
      projectId: access.row.projectId,
      projectFacts: access.project.facts,
      visible: canChangeRequest(actor, "change_request.read", facts),
      allows: {
        read: canChangeRequest(actor, "change_request.read", facts),
        comment: canChangeRequest(actor, "change_request.comment", facts),
        attach: canChangeRequest(actor, "change_request.attach", facts),
        "audit.read": canChangeRequest(actor, "change_request.audit.read", facts),
      },
    };
  },
});
