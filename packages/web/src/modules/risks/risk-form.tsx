import { useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  RISK_CATEGORIES,
  RISK_STATUSES,
  RISK_STRATEGIES,
  RISK_TEMPLATE_KINDS,
  type TRisk,
  type TRiskCategory,
  type TRiskStatus,
  type TRiskStrategy,
  type TRiskTemplateKind,
} from "@jiaofu/contracts";
import { riskAssessment, type RiskRating } from "@jiaofu/engine";
import { api } from "../../api";
import { Dialog, InputField, SelectField, TextareaField, useToast } from "../../ui";
import { fieldErrorsOf, type FieldErrors } from "../../lib/api-errors";
import { isOneOf } from "../../lib/is-one-of";
import { useDraft, useRecordDraft, type DraftSetter } from "../../lib/use-draft";
import { DialogForm } from "../common/dialog-form";
import { useOwnerOptions } from "../requirements/requirement-fields";
import { RiskLevelBadge } from "./risk-badges";
import { riskPath } from "./risk-paths";
import { riskChanged, riskKeys } from "./risks.queries";

/** A risk as its form holds it: every value a string or a flag, as the inputs give them. */
export type RiskDraft = {
  title: string;
  category: TRiskCategory;
  probability: string;
  impact: string;
  strategy: TRiskStrategy;
  ownerId: string;
  reviewDate: string;
  trigger: string;
  description: string;
  responsePlan: string;
  sharedWithClient: boolean;
  status: TRiskStatus;
  statusReason: string;
};

export const EMPTY_RISK_DRAFT: RiskDraft = {
  title: "",
  category: "technical",
  probability: "3",
  impact: "3",
  strategy: "mitigate",
  ownerId: "",
  reviewDate: "",
  trigger: "",
  description: "",
  responsePlan: "",
  sharedWithClient: false,
  status: "open",
  statusReason: "",
};

export function riskDraftOf(risk: TRisk): RiskDraft {
  return {
    title: risk.title,
    category: risk.category,
    probability: String(risk.probability),
    impact: String(risk.impact),
    strategy: risk.strategy,
    ownerId: risk.ownerId ?? "",
    reviewDate: risk.reviewDate ?? "",
    trigger: risk.trigger,
    description: risk.description,
    responsePlan: risk.responsePlan,
    sharedWithClient: risk.sharedWithClient,
    status: risk.status,
    statusReason: risk.statusReason ?? "",
  };
}

/** The draft as the API takes it ("" → null for the owner and the date). */
export function riskValuesOf(draft: RiskDraft) {
  return {
    title: draft.title,
    category: draft.category,
    probability: Number(draft.probability),
    impact: Number(draft.impact),
    strategy: draft.strategy,
    ownerId: draft.ownerId || null,
    reviewDate: draft.reviewDate || null,
    trigger: draft.trigger,
    description: draft.description,
    responsePlan: draft.responsePlan,
    sharedWithClient: draft.sharedWithClient,
    status: draft.status,
    statusReason: draft.statusReason,
  };
}

const asRating = (value: string): RiskRating | null => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? (n as RiskRating) : null;
};

type RiskFieldsProps = {
  projectId: string;
  draft: RiskDraft;
  onChange: DraftSetter<RiskDraft>;
  errors: FieldErrors;
  /** The edit form: status, its reason, and the review note. */
  editing?: { ownerName: string | null; ownerId: string | null; reviewChanged: boolean; note: string; onNote: (note: string) => void };
};

/** The fields of a risk, for the "New risk" dialog and the edit dialog. */
function RiskFields({ projectId, draft, onChange, errors, editing }: RiskFieldsProps) {
  const { t } = useTranslation();
  const ownerOptions = useOwnerOptions(projectId, editing ? { id: editing.ownerId, name: editing.ownerName } : undefined);
  const ratingOptions = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`risks.rating.${n as 1 | 2 | 3 | 4 | 5}`) }));
  const probability = asRating(draft.probability);
  const impact = asRating(draft.impact);
  const preview = probability && impact ? riskAssessment(probability, impact) : null;
  return (
    <div className="form-grid">
      <InputField
        fieldClassName="span-2"
        label={t("risks.fields.title")}
        value={draft.title}
        onChange={(event) => onChange("title", event.target.value)}
        error={errors.title}
        maxLength={200}
        data-testid="risk-title"
      />
      <SelectField
        label={t("risks.fields.probability")}
        value={draft.probability}
        options={ratingOptions}
        onChange={(event) => onChange("probability", event.target.value)}
        error={errors.probability}
        data-testid="risk-probability"
      />
      <SelectField
        label={t("risks.fields.impact")}
        value={draft.impact}
        options={ratingOptions}
        onChange={(event) => onChange("impact", event.target.value)}
        error={errors.impact}
        data-testid="risk-impact"
      />
      {preview ? (
        <p className="span-2 risk-score-preview" aria-live="polite" data-testid="risk-score-preview">
          <span className={`risk-score-chip risk-level-${preview.level}`}>{preview.score}</span>
          {t("risks.scorePreview", { score: preview.score, level: t(`risks.level.${preview.level}`) })} <RiskLevelBadge level={preview.level} />
        </p>
      ) : null}
      <SelectField
        label={t("risks.fields.category")}
        value={draft.category}
        options={RISK_CATEGORIES.map((value) => ({ value, label: t(`risks.category.${value}`) }))}
        onChange={(event) => {
          if (isOneOf(RISK_CATEGORIES, event.target.value)) onChange("category", event.target.value);
        }}
        error={errors.category}
      />
      <SelectField
        label={t("risks.fields.strategy")}
        value={draft.strategy}
        options={RISK_STRATEGIES.map((value) => ({ value, label: t(`risks.strategy.${value}`) }))}
        onChange={(event) => {
          if (isOneOf(RISK_STRATEGIES, event.target.value)) onChange("strategy", event.target.value);
        }}
        error={errors.strategy}
      />
      <SelectField
        label={t("risks.fields.owner")}
        value={draft.ownerId}
        placeholder={t("risks.noOwner")}
        options={ownerOptions}
        onChange={(event) => onChange("ownerId", event.target.value)}
        error={errors.ownerId}
      />
      <InputField
        label={t("risks.fields.reviewDate")}
        type="date"
        value={draft.reviewDate}
        onChange={(event) => onChange("reviewDate", event.target.value)}
        error={errors.reviewDate}
        optional
      />
      {editing ? (
        <>
          <SelectField
            label={t("risks.fields.status")}
            value={draft.status}
            options={RISK_STATUSES.map((value) => ({ value, label: t(`risks.status.${value}`) }))}
            onChange={(event) => {
              if (isOneOf(RISK_STATUSES, event.target.value)) onChange("status", event.target.value);
            }}
            error={errors.status}
            data-testid="risk-status"
          />
          <InputField
            label={draft.status === "closed" ? t("risks.fields.statusReason") : t("risks.fields.statusNote")}
            value={draft.statusReason}
            onChange={(event) => onChange("statusReason", event.target.value)}
            error={errors.statusReason}
            optional={draft.status !== "closed"}
            maxLength={5000}
            data-testid="risk-status-reason"
          />
        </>
      ) : null}
      <InputField
        fieldClassName="span-2"
        label={t("risks.fields.trigger")}
        hint={t("risks.fields.triggerHint")}
        value={draft.trigger}
        onChange={(event) => onChange("trigger", event.target.value)}
        error={errors.trigger}
        maxLength={1000}
        optional
      />
      <TextareaField
        fieldClassName="span-2"
        label={t("risks.fields.description")}
        hint={t("ui.markdownHint")}
        rows={4}
        value={draft.description}
        onChange={(event) => onChange("description", event.target.value)}
        error={errors.description}
        optional
      />
      <TextareaField
        fieldClassName="span-2"
        label={t("risks.fields.responsePlan")}
        hint={t("ui.markdownHint")}
        rows={4}
        value={draft.responsePlan}
        onChange={(event) => onChange("responsePlan", event.target.value)}
        error={errors.responsePlan}
        optional
      />
      {editing?.reviewChanged ? (
        <TextareaField
          fieldClassName="span-2"
          label={t("risks.fields.note")}
          hint={t("risks.fields.noteHint")}
          rows={2}
          value={editing.note}
          onChange={(event) => editing.onNote(event.target.value)}
          error={errors.note}
          optional
          data-testid="risk-note"
        />
      ) : null}
      <div className="field span-2">
        <label className="checkbox">
          <input type="checkbox" checked={draft.sharedWithClient} onChange={(event) => onChange("sharedWithClient", event.target.checked)} data-testid="risk-shared" />
          {t("risks.fields.sharedWithClient")}
        </label>
        <span className="field-hint">{t("risks.fields.sharedWithClientHint")}</span>
      </div>
    </div>
  );
}

/** Creates a risk (POST /projects/:id/risks) and opens its page. */
export function NewRiskDialog({ projectId, open, onClose }: { projectId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("risks.newTitle")} description={t("risks.newDescription")} wide testId="new-risk-dialog">
      <NewRiskForm projectId={projectId} onClose={onClose} />
    </Dialog>
  );
}

function NewRiskForm({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { draft, set } = useDraft<RiskDraft>(EMPTY_RISK_DRAFT);
  const create = useMutation({
    mutationFn: () => {
      const { status: _status, statusReason: _reason, ...values } = riskValuesOf(draft);
      return api.risks.create(projectId, values);
    },
    onSuccess: async (risk) => {
      await riskChanged(queryClient, risk);
      toast.show(t("risks.created", { key: risk.key }), "success");
      onClose();
      await navigate(riskPath(projectId, risk.id));
    },
  });
  return (
    <DialogForm onSubmit={() => create.mutate()} onCancel={onClose} submitLabel={t("risks.create")} submitting={create.isPending} error={create.error}>
      <RiskFields projectId={projectId} draft={draft} onChange={set} errors={fieldErrorsOf(create.error)} />
    </DialogForm>
  );
}

/** Edits a risk (PATCH /risks/:id with the version it was opened on); a change of assessment or status asks for a note. */
export function EditRiskDialog({ risk, open, onClose }: { risk: TRisk; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("risks.editTitle", { key: risk.key })} wide testId="edit-risk-dialog">
      <EditRiskForm risk={risk} onClose={onClose} />
    </Dialog>
  );
}

function EditRiskForm({ risk, onClose }: { risk: TRisk; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const record = useRecordDraft(risk, riskDraftOf, riskValuesOf);
  const { draft: note, set: setNote } = useDraft({ text: "" });
  const reviewChanged = record.changes.probability !== undefined || record.changes.impact !== undefined || record.changes.status !== undefined;
  const save = useMutation({
    mutationFn: () => api.risks.update(risk.id, { ...record.changes, ...(reviewChanged && note.text.trim() ? { note: note.text.trim() } : {}), version: record.version }),
    onSuccess: async (updated) => {
      await riskChanged(queryClient, updated);
      toast.show(t("risks.saved", { key: updated.key }), "success");
      onClose();
    },
  });
  return (
    <DialogForm
      onSubmit={() => (record.dirty ? save.mutate() : onClose())}
      onCancel={onClose}
      submitLabel={t("risks.save")}
      submitting={save.isPending}
      error={save.error}
      onReload={() => {
        void queryClient.invalidateQueries({ queryKey: riskKeys.detail(risk.id) });
        onClose();
      }}
    >
      <RiskFields
        projectId={risk.projectId}
        draft={record.draft}
        onChange={record.set}
        errors={fieldErrorsOf(save.error)}
        editing={{ ownerId: risk.ownerId, ownerName: risk.ownerName, reviewChanged, note: note.text, onNote: (text) => setNote("text", text) }}
      />
    </DialogForm>
  );
}

/** "Looked at it": a review with a note and the next review date (POST /risks/:id/reviews). */
export function ReviewRiskDialog({ risk, open, onClose }: { risk: TRisk; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("risks.reviewTitle", { key: risk.key })} description={t("risks.reviewDescription")} testId="review-risk-dialog">
      <ReviewRiskForm risk={risk} onClose={onClose} />
    </Dialog>
  );
}

function ReviewRiskForm({ risk, onClose }: { risk: TRisk; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { draft, set } = useDraft({ note: "", nextReviewDate: risk.reviewDate ?? "" });
  const record = useMutation({
    mutationFn: () => api.risks.recordReview(risk.id, { version: risk.version, note: draft.note, nextReviewDate: draft.nextReviewDate || null }),
    onSuccess: async ({ risk: updated }) => {
      await riskChanged(queryClient, updated);
      toast.show(t("risks.reviewed", { key: updated.key }), "success");
      onClose();
    },
  });
  const errors = fieldErrorsOf(record.error);
  return (
    <DialogForm
      onSubmit={() => record.mutate()}
      onCancel={onClose}
      submitLabel={t("risks.recordReview")}
      submitting={record.isPending}
      error={record.error}
      onReload={() => {
        void queryClient.invalidateQueries({ queryKey: riskKeys.detail(risk.id) });
        onClose();
      }}
    >
      <TextareaField label={t("risks.fields.note")} rows={3} value={draft.note} onChange={(event) => set("note", event.target.value)} error={errors.note} maxLength={5000} data-testid="risk-review-note" />
      <InputField label={t("risks.nextReviewDate")} type="date" value={draft.nextReviewDate} onChange={(event) => set("nextReviewDate", event.target.value)} error={errors.nextReviewDate} optional data-testid="risk-review-date" />
    </DialogForm>
  );
}

/** Adds the default risks of a kind of project (POST /projects/:id/risks/defaults). */
export function DefaultRisksDialog({ projectId, open, onClose }: { projectId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("risks.defaults.title")} description={t("risks.defaults.description")} testId="default-risks-dialog">
      <DefaultRisksForm projectId={projectId} onClose={onClose} />
    </Dialog>
  );
}

function DefaultRisksForm({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { draft, set } = useDraft<{ kind: TRiskTemplateKind }>({ kind: "saas_onboarding" });
  const add = useMutation({
    mutationFn: () => api.risks.addDefaults(projectId, { kind: draft.kind }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: riskKeys.project(projectId) });
      toast.show(result.created.length > 0 ? t("risks.defaults.added", { count: result.created.length }) : t("risks.defaults.nothingAdded"), "success");
      onClose();
    },
  });
  return (
    <DialogForm onSubmit={() => add.mutate()} onCancel={onClose} submitLabel={t("risks.defaults.add")} submitting={add.isPending} error={add.error}>
      <SelectField
        label={t("risks.defaults.kind")}
        value={draft.kind}
        options={RISK_TEMPLATE_KINDS.map((value) => ({ value, label: t(`risks.defaults.kinds.${value}`) }))}
        onChange={(event) => {
          if (isOneOf(RISK_TEMPLATE_KINDS, event.target.value)) set("kind", event.target.value);
        }}
        error={fieldErrorsOf(add.error).kind}
        data-testid="default-risks-kind"
      />
    </DialogForm>
  );
}
