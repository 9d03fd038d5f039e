import { useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Dialog, useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { useDraft } from "../../lib/use-draft";
import { DialogForm } from "../common/dialog-form";
import { EMPTY_REQUIREMENT_DRAFT, requirementValuesOf, type RequirementDraft } from "./requirement-draft";
import { RequirementFields, useOwnerOptions } from "./requirement-fields";
import { requirementChanged } from "./requirements.queries";
import { requirementPath } from "./requirement-paths";

export type NewRequirementDialogProps = { projectId: string; open: boolean; onClose: () => void };

/** Creates a draft requirement (POST /projects/:id/requirements) and opens its page. */
export function NewRequirementDialog({ projectId, open, onClose }: NewRequirementDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("requirements.newTitle")} description={t("requirements.newDescription")} wide testId="new-requirement-dialog">
      <NewRequirementForm projectId={projectId} onClose={onClose} />
    </Dialog>
  );
}

function NewRequirementForm({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const ownerOptions = useOwnerOptions(projectId);
  const { draft, set } = useDraft<RequirementDraft>(EMPTY_REQUIREMENT_DRAFT);

  const create = useMutation({
    mutationFn: () => api.requirements.create(projectId, requirementValuesOf(draft)),
    onSuccess: async (requirement) => {
      await requirementChanged(queryClient, requirement);
      toast.show(t("requirements.created", { key: requirement.key }), "success");
      onClose();
      await navigate(requirementPath(projectId, requirement.id));
    },
  });

  return (
    <DialogForm
      onSubmit={() => create.mutate()}
      onCancel={onClose}
      submitLabel={t("requirements.create")}
      submitting={create.isPending}
      error={create.error}
    >
      <RequirementFields draft={draft} onChange={set} errors={fieldErrorsOf(create.error)} ownerOptions={ownerOptions} />
    </DialogForm>
  );
}
