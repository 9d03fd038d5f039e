import { useEffect, useRef } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TElicitationSession, TProject } from "@jiaofu/contracts";
import { api } from "../../api";
import { useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { useRecordDraft } from "../../lib/use-draft";
import { RecordEditForm } from "../common/record-edit-form";
import { elicitationKeys } from "./elicitation.queries";
import { SessionFields, sessionDraftOf, sessionRequestOf, sessionValuesOf } from "./session-fields";

export type SessionEditFormProps = {
  project: TProject;
  session: TElicitationSession;
  /** After a reload (409): the parent remounts the form with the fresh session. */
  onReset: () => void;
  /** After a save. */
  onDone: () => void;
};

/**
 * Edits a session with optimistic concurrency: only the fields the person changed are sent, with the version the
 * form was opened on; a 409 offers to reload. Editing the notes re-anchors every passage on its text.
 */
export function SessionEditForm({ project, session, onReset, onDone }: SessionEditFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { draft, set, changes, dirty, version, discard } = useRecordDraft(session, sessionDraftOf, sessionValuesOf);

  const save = useMutation({
    mutationFn: () => api.elicitation.updateSession(session.id, { ...sessionRequestOf(changes), version }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(elicitationKeys.session(session.id), updated);
      await queryClient.invalidateQueries({ queryKey: elicitationKeys.passages(session.id) });
      await queryClient.invalidateQueries({ queryKey: elicitationKeys.sessions(project.id) });
      toast.show(t("ui.saved"), "success");
      onDone();
    },
  });

  // The notes make this form long: bring a failed save's banner (e.g. "someone else changed this") into view.
  const topRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (save.error) topRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [save.error]);

  return (
    <div ref={topRef} className="session-edit">
      <RecordEditForm
        dirty={dirty}
        onSave={() => save.mutate()}
        onDiscard={discard}
        saving={save.isPending}
        error={save.error}
        recordQueryKey={elicitationKeys.session(session.id)}
        onReset={onReset}
      >
        <SessionFields project={project} draft={draft} onChange={set} errors={fieldErrorsOf(save.error)} withNotes />
      </RecordEditForm>
    </div>
  );
}
