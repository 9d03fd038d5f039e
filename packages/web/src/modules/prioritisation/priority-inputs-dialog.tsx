import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { RICE_IMPACT_VALUES, WSJF_SCALE, requirementScore } from "@jiaofu/engine";
import {
  RICE_FIELDS,
  SCORING_INPUT_RANGES,
  WEIGHTED_VALUE_MAX,
  WSJF_FIELDS,
  type TPriorityInputs,
  type TScoringCriterion,
  type TScoringModelKind,
  type TUpdatePriorityInputsRequest,
} from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Dialog, InputField, SelectField, useToast, type SelectOption } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { DialogForm } from "../common/dialog-form";
import { formatScore } from "./priority-labels";
import { prioritiesChanged } from "./prioritisation.queries";

/** The requirement whose inputs are edited, as the board or the requirement page holds it. */
export type InputsTarget = { id: string; projectId: string; key: string; title: string; version: number; priorityInputs: TPriorityInputs };

export type PriorityInputsDialogProps = {
  open: boolean;
  onClose: () => void;
  target: InputsTarget;
  model: TScoringModelKind;
  criteria: readonly TScoringCriterion[];
};

/** RICE confidence as teams usually give it: high, medium, low (any 0–100 entered through the API is kept). */
const RICE_CONFIDENCE_VALUES = [100, 80, 50, 20] as const;
/** RICE's impact scale by name (Intercom's): 3 massive … 0.25 minimal. */
const IMPACT_LEVELS = new Map<number, "minimal" | "low" | "medium" | "high" | "massive">([
  [0.25, "minimal"],
  [0.5, "low"],
  [1, "medium"],
  [2, "high"],
  [3, "massive"],
]);

/** The form's text for a stored number ("" when not entered). */
const text = (value: number | undefined) => (value === undefined ? "" : String(value));

/** Options for a scale, keeping a value entered off the scale (through the API) so the form never loses it. */
function scaleOptions(values: readonly number[], current: string, label: (value: number) => string): SelectOption[] {
  const options = values.map((value) => ({ value: String(value), label: label(value) }));
  if (current !== "" && !values.includes(Number(current))) options.push({ value: current, label: label(Number(current)) });
  return options;
}

/** Edits one requirement's inputs to the project's model, with the score they give as they are typed. */
export function PriorityInputsDialog({ open, onClose, target, model, criteria }: PriorityInputsDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("prioritisation.inputs.title", { key: target.key })}
      description={target.title}
      testId="priority-inputs-dialog"
    >
      <PriorityInputsForm target={target} model={model} criteria={criteria} onClose={onClose} />
    </Dialog>
  );
}

function PriorityInputsForm({ target, model, criteria, onClose }: Omit<PriorityInputsDialogProps, "open">) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const inputs = target.priorityInputs;
  const [rice, setRice] = useState<Record<string, string>>(() => Object.fromEntries(RICE_FIELDS.map((f) => [f, text(inputs.rice?.[f])])));
  const [wsjf, setWsjf] = useState<Record<string, string>>(() => Object.fromEntries(WSJF_FIELDS.map((f) => [f, text(inputs.wsjf?.[f])])));
  const [weighted, setWeighted] = useState<Record<string, string>>(() => Object.fromEntries(criteria.map((c) => [c.id, text(inputs.weighted?.[c.id])])));

  /** "" clears the input; anything else is sent as a number (the server checks the range). */
  const numbers = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim() === "" ? null : Number(v)]));
  const body: TUpdatePriorityInputsRequest = { version: target.version };
  if (model === "rice") body.rice = numbers(rice);
  if (model === "wsjf") body.wsjf = numbers(wsjf);
  if (model === "weighted") body.weighted = numbers(weighted);

  const preview = requirementScore(
    model,
    {
      rice: Object.fromEntries(Object.entries(numbers(rice)).filter(([, v]) => v !== null && Number.isFinite(v))),
      wsjf: Object.fromEntries(Object.entries(numbers(wsjf)).filter(([, v]) => v !== null && Number.isFinite(v))),
      weighted: Object.fromEntries(Object.entries(numbers(weighted)).flatMap(([k, v]) => (v !== null && Number.isFinite(v) ? [[k, v]] : []))),
    },
    [...criteria],
  );

  const save = useMutation({
    mutationFn: () => api.prioritisation.updateInputs(target.id, body),
    onSuccess: async () => {
      await prioritiesChanged(queryClient, target.projectId, target.id);
      toast.show(t("prioritisation.inputs.saved", { key: target.key }), "success");
      onClose();
    },
  });
  const errors = fieldErrorsOf(save.error);
  const setter = (set: typeof setRice) => (name: string) => (value: string) => set((previous) => ({ ...previous, [name]: value }));
  const setRiceField = setter(setRice);
  const setWsjfField = setter(setWsjf);
  const setWeightedField = setter(setWeighted);

  return (
    <DialogForm
      onSubmit={() => save.mutate()}
      onCancel={onClose}
      submitLabel={t("prioritisation.inputs.save")}
      submitting={save.isPending}
      submitDisabled={model === "none"}
      error={save.error}
      onReload={() => {
        save.reset();
        onClose();
        void prioritiesChanged(queryClient, target.projectId, target.id);
      }}
    >
      {model === "none" ? <Banner tone="info">{t("prioritisation.inputs.noModel")}</Banner> : null}
      {model === "rice" ? (
        <div className="form-grid">
          <InputField
            label={t("prioritisation.rice.reach")}
            hint={t("prioritisation.rice.reachHint")}
            type="number"
            inputMode="numeric"
            min={SCORING_INPUT_RANGES.rice.reach[0]}
            step="1"
            value={rice.reach ?? ""}
            onChange={(event) => setRiceField("reach")(event.target.value)}
            error={errors["rice.reach"]}
            data-testid="input-rice-reach"
          />
          <SelectField
            label={t("prioritisation.rice.impact")}
            placeholder={t("prioritisation.inputs.notSet")}
            options={scaleOptions([...RICE_IMPACT_VALUES].reverse(), rice.impact ?? "", (v) => {
              const level = IMPACT_LEVELS.get(v);
              return level ? t("prioritisation.rice.impactOf", { value: v, label: t(`prioritisation.rice.impactLevel.${level}`) }) : String(v);
            })}
            value={rice.impact ?? ""}
            onChange={(event) => setRiceField("impact")(event.target.value)}
            error={errors["rice.impact"]}
            data-testid="input-rice-impact"
          />
          <SelectField
            label={t("prioritisation.rice.confidence")}
            placeholder={t("prioritisation.inputs.notSet")}
            options={scaleOptions(RICE_CONFIDENCE_VALUES, rice.confidence ?? "", (v) => t("prioritisation.percent", { value: v }))}
            value={rice.confidence ?? ""}
            onChange={(event) => setRiceField("confidence")(event.target.value)}
            error={errors["rice.confidence"]}
            data-testid="input-rice-confidence"
          />
          <InputField
            label={t("prioritisation.rice.effort")}
            hint={t("prioritisation.rice.effortHint")}
            type="number"
            inputMode="decimal"
            min={SCORING_INPUT_RANGES.rice.effort[0]}
            step="0.5"
            value={rice.effort ?? ""}
            onChange={(event) => setRiceField("effort")(event.target.value)}
            error={errors["rice.effort"]}
            data-testid="input-rice-effort"
          />
        </div>
      ) : null}
      {model === "wsjf" ? (
        <div className="form-grid">
          {WSJF_FIELDS.map((field) => (
            <SelectField
              key={field}
              label={t(`prioritisation.wsjf.${field}`)}
              placeholder={t("prioritisation.inputs.notSet")}
              options={scaleOptions(WSJF_SCALE, wsjf[field] ?? "", (v) => String(v))}
              value={wsjf[field] ?? ""}
              onChange={(event) => setWsjfField(field)(event.target.value)}
              error={errors[`wsjf.${field}`]}
              data-testid={`input-wsjf-${field}`}
            />
          ))}
          <p className="subtle span-2">{t("prioritisation.wsjf.hint")}</p>
        </div>
      ) : null}
      {model === "weighted" ? (
        criteria.length === 0 ? (
          <Banner tone="info">{t("prioritisation.inputs.noCriteria")}</Banner>
        ) : (
          <div className="form-grid">
            {criteria.map((criterion) => (
              <SelectField
                key={criterion.id}
                label={criterion.name}
                hint={t("prioritisation.weightOf", { weight: criterion.weight })}
                placeholder={t("prioritisation.inputs.notSet")}
                options={Array.from({ length: WEIGHTED_VALUE_MAX + 1 }, (_, v) => ({ value: String(v), label: String(v) }))}
                value={weighted[criterion.id] ?? ""}
                onChange={(event) => setWeightedField(criterion.id)(event.target.value)}
                error={errors[`weighted.${criterion.id}`]}
                data-testid={`input-weighted-${criterion.id}`}
              />
            ))}
          </div>
        )
      ) : null}
      {model !== "none" ? (
        <p className="priority-preview" aria-live="polite" data-testid="inputs-preview">
          {preview.score !== null ? t("prioritisation.inputs.preview", { score: formatScore(preview.score, i18n.language) }) : t("prioritisation.inputs.previewMissing")}
        </p>
      ) : null}
    </DialogForm>
  );
}
