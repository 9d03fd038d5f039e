import type { TCreateSavedViewRequest, TSavedView } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { fieldError, notFound } from "../../platform/app-error";
import { isUniqueViolation } from "../../platform/database-errors";
import { authorize, canRemoveSavedView, canRequirements, type Actor } from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { createSavedViewsRepository, type SavedViewRow } from "./saved-views.repository";

function presentSavedView(row: SavedViewRow): TSavedView {
  return {
    id: row.id,
    projectId: row.projectId,
    userId: row.userId,
    userName: row.userName,
    name: row.name,
    filters: row.filters as TSavedView["filters"],
    shared: row.shared,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Saved views of the register: the team's (staff who read the project; never client contacts). Anyone on the team
 * saves private views; sharing one with the team takes the right to edit requirements.
 */
export function createSavedViewsService(deps: AppDeps) {
  const repo = createSavedViewsRepository(deps.db);

  async function requireViews(actor: Actor, projectId: string) {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canRequirements(actor, "requirements.internal.read", access.facts));
    return access;
  }

  return {
    listSavedViews: async (actor: Actor, projectId: string) => {
      await requireViews(actor, projectId);
      return { items: (await repo.list(actor, projectId)).map(presentSavedView) };
    },

    createSavedView: async (actor: Actor, projectId: string, input: TCreateSavedViewRequest) => {
      const { facts } = await requireViews(actor, projectId);
      if (input.shared) authorize(canRequirements(actor, "requirements.write", facts));
      try {
        const row = await repo.create(actor, projectId, { name: input.name, filters: input.filters, shared: input.shared });
        const created = await repo.get(actor.workspaceId, projectId, row.id);
        if (!created) throw notFound("saved_view.not_found");
        return presentSavedView(created);
      } catch (error) {
        if (isUniqueViolation(error, "saved_views_user_name_uq")) throw fieldError("body.name", "saved_view.name_taken", "conflict");
        throw error;
      }
    },

    /** Someone else's private view is not even there for the actor (404). */
    deleteSavedView: async (actor: Actor, projectId: string, viewId: string) => {
      const { facts } = await requireViews(actor, projectId);
      const view = await repo.get(actor.workspaceId, projectId, viewId);
      if (!view || (!view.shared && view.userId !== actor.userId)) throw notFound("saved_view.not_found");
      authorize(canRemoveSavedView(actor, view, facts));
      if (!(await repo.remove(actor, projectId, viewId))) throw notFound("saved_view.not_found");
    },
  };
}
