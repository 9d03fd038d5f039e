import { useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { SCORING_CRITERIA_MAX, SCORING_MODELS, SCORING_WEIGHT_MAX, type TScoringModel, type TScoringModelKind } from "@jiaofu/contracts";
import { api } from "../../api";
import { Button, Dialog, InputField, useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { isOneOf } from "../../lib/is-one-of";
import { DialogForm } from "../common/dialog-form";
import { prioritisationKeys, prioritiesChanged } from "./prioritisation.queries";

export type ScoringModelDialogProps = { open: boolean; onClose: () => void; projectId: string; current: TScoringModel };

/** A criterion being edited: `key` tells rows apart while typing; `id` is kept for criteria that have one. */
type CriterionDraft = { key: number; id?: string; name: string; weight: string };

/** Choosing the project's scoring model and editing the weighted model's criteria (managers and admins). */
export function ScoringModelDialog({ open, onClose, projectId, current }: ScoringModelDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("prioritisation.modelDialog.title")} description={t("prioritisation.modelDialog.description")} wide testId="scoring-model-dialog">
      <ScoringModelForm projectId={projectId} current={current} onClose={onClose} />
    </Dialog>
  );
}

function ScoringModelForm({ projectId, current, onClose }: Omit<ScoringModelDialogProps, "open">) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const nextKey = useRef(current.criteria.length);
  const [model, setModel] = useState<TScoringModelKind>(current.model);
  const [criteria, setCriteria] = useState<CriterionDraft[]>(() => current.criteria.map((c, key) => ({ key, id: c.id, name: c.name, weight: String(c.weight) })));

  const save = useMutation({
    mutationFn: () =>
      api.prioritisation.updateScoringModel(projectId, {
        version: current.version,
        model,
        criteria: criteria.map((c) => ({ ...(c.id ? { id: c.id } : {}), name: c.name, weight: c.weight.trim() === "" ? Number.NaN : Number(c.weight) })),
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(prioritisationKeys.model(projectId), saved);
      await prioritiesChanged(queryClient, projectId);
      toast.show(t("prioritisation.modelDialog.saved"), "success");
      onClose();
    },
  });
  const errors = fieldErrorsOf(save.error);
  const update = (key: number, change: Partial<CriterionDraft>) => setCriteria((list) => list.map((c) => (c.key === key ? { ...c, ...change } : c)));

  return (
    <DialogForm
      onSubmit={() => save.mutate()}
      onCancel={onClose}
      submitLabel={t("prioritisation.modelDialog.save")}
      submitting={save.isPending}
      error={save.error}
      onReload={() => {
        save.reset();
        onClose();
        void queryClient.invalidateQueries({ queryKey: prioritisationKeys.model(projectId) });
      }}
    >
      <fieldset className="model-choices">
        <legend className="field-label">{t("prioritisation.modelDialog.model")}</legend>
        {SCORING_MODELS.map((kind) => (
          <label key={kind} className={model === kind ? "model-choice selected" : "model-choice"}>
            <input
              type="radio"
              name="scoring-model"
              value={kind}
              checked={model === kind}
              onChange={(event) => {
                if (isOneOf(SCORING_MODELS, event.target.value)) setModel(event.target.value);
              }}
              data-testid={`model-${kind}`}
            />
            <span>
              <strong>{t(`prioritisation.model.${kind}`)}</strong>
              <span className="subtle model-formula">{t(`prioritisation.formula.${kind}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {model === "weighted" ? (
        <fieldset className="criteria-editor">
          <legend className="field-label">{t("prioritisation.modelDialog.criteria")}</legend>
          <p className="subtle">{t("prioritisation.modelDialog.criteriaHint", { max: SCORING_CRITERIA_MAX })}</p>
          {errors.criteria ? (
            <p className="field-error" role="alert">
              {errors.criteria}
            </p>
          ) : null}
          <ol className="criteria-rows">
            {criteria.map((criterion, index) => (
              <li key={criterion.key} className="criteria-row" data-testid="criterion-row">
                <InputField
                  label={t("prioritisation.modelDialog.criterionName", { n: index + 1 })}
                  value={criterion.name}
                  maxLength={60}
                  onChange={(event) => update(criterion.key, { name: event.target.value })}
                  error={errors[`criteria.${index}.name`] ?? errors[`criteria.${index}.id`]}
                  data-testid="criterion-name"
                />
                <InputField
                  label={t("prioritisation.modelDialog.weight")}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={SCORING_WEIGHT_MAX}
                  step="0.5"
                  value={criterion.weight}
                  onChange={(event) => update(criterion.key, { weight: event.target.value })}
                  error={errors[`criteria.${index}.weight`]}
                  data-testid="criterion-weight"
                />
                <Button
                  variant="danger-ghost"
                  size="sm"
                  className="criteria-remove"
                  onClick={() => setCriteria((list) => list.filter((c) => c.key !== criterion.key))}
                  aria-label={t("prioritisation.modelDialog.removeCriterion", { name: criterion.name || index + 1 })}
                >
                  {t("prioritisation.modelDialog.remove")}
                </Button>
              </li>
            ))}
          </ol>
          <Button
            size="sm"
            disabled={criteria.length >= SCORING_CRITERIA_MAX}
            onClick={() => setCriteria((list) => [...list, { key: nextKey.current++, name: "", weight: "1" }])}
            data-testid="add-criterion"
          >
            {t("prioritisation.modelDialog.addCriterion")}
          </Button>
        </fieldset>
      ) : null}
      {current.model !== model && current.version > 0 ? <p className="subtle">{t("prioritisation.modelDialog.switchHint")}</p> : null}
    </DialogForm>
  );
}
