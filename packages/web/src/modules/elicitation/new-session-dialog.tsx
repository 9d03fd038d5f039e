import { useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TProject } from "@jiaofu/contracts";
import { api } from "../../api";
import { Dialog, useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { useDraft } from "../../lib/use-draft";
import { DialogForm } from "../common/dialog-form";
import { elicitationKeys } from "./elicitation.queries";
import { sessionPath } from "./elicitation-paths";
import { SessionFields, emptySessionDraft, sessionRequestOf, sessionValuesOf } from "./session-fields";

export type NewSessionDialogProps = { open: boolean; onClose: () => void; project: TProject };

/** Records an interview, focus group or workshop, then opens it to take notes. */
export function NewSessionDialog({ open, onClose, project }: NewSessionDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("elicitation.sessions.newTitle")} description={t("elicitation.sessions.newDescription")} wide testId="new-session-dialog">
      <NewSessionForm project={project} onClose={onClose} />
    </Dialog>
  );
}

function NewSessionForm({ project, onClose }: { project: TProject; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { draft, set } = useDraft(emptySessionDraft);

  const create = useMutation({
    mutationFn: () => {
      const { endsAt, ...values } = sessionRequestOf(sessionValuesOf(draft));
      return api.elicitation.createSession(project.id, { ...values, endsAt });
    },
    onSuccess: async (session) => {
      queryClient.setQueryData(elicitationKeys.session(session.id), session);
      await queryClient.invalidateQueries({ queryKey: elicitationKeys.sessions(project.id) });
      toast.show(t("elicitation.sessions.created"), "success");
      onClose();
      await navigate(sessionPath(project.id, session.id));
    },
  });

  return (
    <DialogForm onSubmit={() => create.mutate()} onCancel={onClose} submitLabel={t("elicitation.sessions.create")} submitting={create.isPending} error={create.error}>
      <SessionFields project={project} draft={draft} onChange={set} errors={fieldErrorsOf(create.error)} withNotes={false} />
    </DialogForm>
  );
}
