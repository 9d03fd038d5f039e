import { useTranslation } from "react-i18next";
import { Dialog, InputField, TextareaField, useToast } from "../../../ui";
import { fieldErrorsOf } from "../../../lib/api-errors";
import { useDraft } from "../../../lib/use-draft";
import { DialogForm } from "../../common/dialog-form";
import { useSavePlanBaseline } from "../plan-baselines.queries";

export type SaveBaselineDialogProps = { projectId: string; open: boolean; onClose: () => void; onSaved: (baselineId: string) => void };

/** "Save baseline": a name and a note; the server snapshots the plan as it is scheduled now. */
export function SaveBaselineDialog({ projectId, open, onClose, onSaved }: SaveBaselineDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("planBaselines.saveDialog.title")} description={t("planBaselines.saveDialog.description")} testId="save-baseline-dialog">
      {open ? <SaveBaselineForm projectId={projectId} onClose={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

function SaveBaselineForm({ projectId, onClose, onSaved }: Omit<SaveBaselineDialogProps, "open">) {
  const { t } = useTranslation();
  const toast = useToast();
  const { draft, set } = useDraft({ name: "", note: "" });
  const save = useSavePlanBaseline(projectId);
  const errors = fieldErrorsOf(save.error);
  return (
    <DialogForm
      onSubmit={() =>
        save.mutate(draft, {
          onSuccess: (baseline) => {
            toast.show(t("planBaselines.saveDialog.saved", { key: baseline.key }), "success");
            onSaved(baseline.id);
          },
        })
      }
      onCancel={onClose}
      submitLabel={t("planBaselines.saveDialog.submit")}
      submitting={save.isPending}
      submitDisabled={draft.name.trim() === ""}
      error={save.error}
    >
      <InputField
        label={t("planBaselines.saveDialog.name")}
        hint={t("planBaselines.saveDialog.nameHint")}
        value={draft.name}
        onChange={(event) => set("name", event.target.value)}
        error={errors.name}
        maxLength={200}
        data-testid="baseline-save-name"
      />
      <TextareaField
        label={t("planBaselines.saveDialog.note")}
        optional
        value={draft.note}
        onChange={(event) => set("note", event.target.value)}
        error={errors.note}
        rows={3}
        data-testid="baseline-save-note"
      />
    </DialogForm>
  );
}
