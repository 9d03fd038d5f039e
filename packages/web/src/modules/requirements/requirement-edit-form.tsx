import { useEffect } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CHANGE_REQUEST_TARGET_STATUSES, REQUIREMENT_FROZEN_STATUSES, requirementEditEffect } from "@jiaofu/engine";
import type { TRequirementDetail } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, ButtonLink, useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { useRecordDraft } from "../../lib/use-draft";
import { RecordEditForm } from "../common/record-edit-form";
import { newChangeRequestPath } from "../change-requests/change-request-paths";
import { draftOfRequirement, requirementChanges } from "./requirement-draft";
import { RequirementFields, useOwnerOptions } from "./requirement-fields";
import { requirementChanged, requirementKeys } from "./requirements.queries";

export type RequirementEditFormProps = {
  requirement: TRequirementDetail;
  /** After a save or a reload: the parent remounts the form with the fresh requirement. */
  onReset: () => void;
  /** Whether there are unsaved changes (the workflow waits for them to be saved or discarded). */
  onDirtyChange: (dirty: boolean) => void;
};

/**
 * Edits a requirement with optimistic concurrency (the version it was opened on; a 409 offers Reload). Only the
 * fields that changed are sent. Editing what an approved requirement says sends it back to the client, and the
 * form says so before the save; after a baseline the content is frozen.
 */
export function RequirementEditForm({ requirement, onReset, onDirtyChange }: RequirementEditFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const ownerOptions = useOwnerOptions(requirement.projectId, { id: requirement.ownerId, name: requirement.ownerName });
  const { base, draft, set, discard } = useRecordDraft(requirement, draftOfRequirement);
  const changes = requirementChanges(base.draft, draft);
  const dirty = Object.keys(changes).length > 0;
  const effect = requirementEditEffect(requirement.status, Object.keys(changes));
  const frozen = REQUIREMENT_FROZEN_STATUSES.includes(requirement.status);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const save = useMutation({
    mutationFn: () => api.requirements.update(requirement.id, { ...changes, version: base.version }),
    onSuccess: async (updated) => {
      await requirementChanged(queryClient, updated);
      toast.show(updated.status !== requirement.status ? t("requirements.savedReconfirm", { key: updated.key }) : t("ui.saved"), "success");
      onReset();
    },
  });

  return (
    <RecordEditForm
      dirty={dirty}
      onSave={() => save.mutate()}
      onDiscard={discard}
      saving={save.isPending}
      error={save.error}
      recordQueryKey={requirementKeys.detail(requirement.id)}
      onReset={onReset}
    >
      {frozen ? (
        <Banner tone="info">
          <span className="cr-propose">
            <span>{t("requirements.frozen", { key: requirement.key })}</span>
            {/* A change request is the way to change what a baseline agreed. */}
            {CHANGE_REQUEST_TARGET_STATUSES.includes(requirement.status) ? (
              <ButtonLink to={newChangeRequestPath(requirement.projectId, requirement.id)} size="sm" data-testid="propose-change">
                {t("changeRequests.propose")}
              </ButtonLink>
            ) : null}
          </span>
        </Banner>
      ) : null}
      {effect === "reconfirm" ? <Banner tone="warning">{t("requirements.reconfirmWarning", { key: requirement.key })}</Banner> : null}
      <RequirementFields draft={draft} onChange={set} errors={fieldErrorsOf(save.error)} ownerOptions={ownerOptions} contentFrozen={frozen} />
    </RecordEditForm>
  );
}
