import { requirementConfirmationCheck, requirementKey } from "@jiaofu/engine";
import type { TConfirmRequirementRequest, TPendingConfirmations, TRequirementConfirmationOutcome } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { AppError, fieldError } from "../../platform/app-error";
import { requireEntityScope } from "../../platform/entity-scope";
import { localisedParam, type MessageKey } from "../../platform/messages";
import { authorize, canRequirement, canRequirements, type Actor } from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { loadRequirementAccess, requireRequirementAccess, type RequirementAccess } from "./requirement-access";
import { presentConfirmation, presentPendingConfirmation } from "./requirement-confirmations.presenter";
import { createRequirementConfirmationsRepository } from "./requirement-confirmations.repository";
import { createRequirementsService, requirementTransitionStep } from "./requirements.service";

/** The client's confirmation of requirements (docs/requirements.md, "Client confirmation"). */
export function createRequirementConfirmationsService(deps: AppDeps) {
  const repo = createRequirementConfirmationsRepository(deps.db);
  const register = createRequirementsService(deps);

  /**
   * Why the answer cannot be taken on the requirement as it is now: it is no longer awaiting the client (409
   * `conflict`), or it changed since the contact read version `seen` (409 `version_conflict`). Either way with the
   * requirement as it is now in `details.current`, so the portal shows what there is to confirm.
   */
  async function refusal(actor: Actor, access: RequirementAccess, seen: number): Promise<AppError> {
    const { row } = access;
    const current = await register.getRequirement(actor, row.id);
    const key = requirementKey(row.number);
    if (row.status !== "awaiting_client") {
      const status = localisedParam(`requirement.status.${row.status}` satisfies MessageKey);
      return new AppError("conflict", "confirmation.not_awaiting", { key, status }, { current });
    }
    return new AppError("version_conflict", "confirmation.version_changed", { key, seen, current: row.version }, { current });
  }

  return {
    /**
     * A contact's answer on a requirement awaiting the client, for the version they read: approve it, or ask for
     * clarification with a comment. One transaction: the move (origin `client`: approved, or back to in_analysis), its
     * version and audit rows, the confirmation, and for a question the comment on the requirement's thread.
     */
    confirmRequirement: async (actor: Actor, id: string, input: TConfirmRequirementRequest): Promise<TRequirementConfirmationOutcome> => {
      const access = await requireRequirementAccess(deps.db, actor, id, "requirement.read");
      if (!canRequirement(actor, "requirement.confirm", access.facts)) throw new AppError("forbidden", "confirmation.contacts_only");
      const { row } = access;
      const comment = input.comment.trim();
      const check = requirementConfirmationCheck({ status: row.status, currentVersion: row.version }, { decision: input.decision, seenVersion: input.version, comment });
      if (!check.ok) {
        switch (check.problem) {
          case "not_awaiting":
          case "stale":
            throw await refusal(actor, access, input.version);
          case "comment_required":
            throw fieldError("body.comment", "confirmation.comment_required");
        }
      }
      const step = requirementTransitionStep(row, check.to, "client", comment === "" ? null : comment);
      const thread = input.decision === "clarification_requested" ? await requireEntityScope(deps.db, actor, "requirement", id, "comment") : null;
      const result = await repo.record(
        actor,
        { requirementId: id, projectId: row.projectId, seenVersion: input.version, decision: input.decision, comment, step, thread },
        deps.now(),
      );
      if (result.kind === "stale") {
        // Someone changed it between our read and the write. A colleague's question takes it out of the portal: then
        // the contact, like anyone who may not see it, gets 404.
        const now = await loadRequirementAccess(deps.db, actor, id);
        if (!now || !canRequirement(actor, "requirement.read", now.facts)) throw new AppError("not_found", "requirement.not_found");
        throw await refusal(actor, now, input.version);
      }
      const moved = result.requirement;
      return {
        confirmation: presentConfirmation(result.confirmation),
        requirement: { id: moved.id, key: requirementKey(moved.number), status: moved.status, version: moved.version },
      };
    },

    /** Every confirmation of a requirement, newest first: for staff and the contacts who can see the requirement. */
    listConfirmations: async (actor: Actor, id: string) => {
      await requireRequirementAccess(deps.db, actor, id, "requirement.read");
      return { items: (await repo.listFor(id)).map(presentConfirmation) };
    },

    /** The project's requirements awaiting the client, with the client's previous answer on each (if any). */
    pendingConfirmations: async (actor: Actor, projectId: string): Promise<TPendingConfirmations> => {
      const { facts } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
      authorize(canRequirements(actor, "requirements.read", facts));
      const { rows, total } = await repo.pending(actor.workspaceId, projectId);
      const latest = await repo.latestFor(rows.map((r) => r.id));
      return { items: rows.map((r) => presentPendingConfirmation(r, latest.get(r.id))), total };
    },
  };
}
export type RequirementConfirmationsService = ReturnType<typeof createRequirementConfirmationsService>;
