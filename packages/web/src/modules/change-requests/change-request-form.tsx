import { useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CHANGE_REQUEST_TARGET_STATUSES } from "@jiaofu/engine";
import type { TChangeRequest, TProject } from "@jiaofu/contracts";
import { api } from "../../api";
import { Button, Card, Form, InputField, TextareaField, useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { useDraft } from "../../lib/use-draft";
import { FormErrorBanner } from "../common/form-error-banner";
import {
  EMPTY_CHANGE_REQUEST_DRAFT,
  changeRequestChanges,
  changeRequestValuesOf,
  draftOfChangeRequest,
  type ChangeRequestDraft,
} from "./change-request-draft";
import { ImpactFromPlan } from "./change-request-impact";
import { ItemsEditor, itemFor, useFetchRequirement } from "./change-request-items-editor";
import { changeRequestPath, changeRequestsPath } from "./change-request-paths";
import { changeRequestChanged, changeRequestKeys } from "./change-requests.queries";

export type ChangeRequestFormProps =
  | { mode: "create"; project: TProject; /** "Propose a change": start with an item changing this requirement. */ modifyRequirementId: string | null }
  | { mode: "edit"; project: TProject; changeRequest: TChangeRequest };

/**
 * Drafts a change request or edits one (draft or submitted): what changes and why, the impact (filled from the plan
 * or estimated by hand), and the items. An edit sends only what changed (the items as a whole) with the version it was
 * opened on; a 409 offers to reload.
 */
export function ChangeRequestForm(props: ChangeRequestFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const fetchRequirement = useFetchRequirement();
  const { project } = props;
  const existing = props.mode === "edit" ? props.changeRequest : null;
  const [base, setBase] = useState(() => ({ draft: existing ? draftOfChangeRequest(existing) : EMPTY_CHANGE_REQUEST_DRAFT, version: existing?.version ?? 0 }));
  const { draft, set, setDraft } = useDraft<ChangeRequestDraft>(base.draft);
  const [reloading, setReloading] = useState(false);
  const changes = changeRequestChanges(base.draft, draft);
  const dirty = Object.keys(changes).length > 0;

  // "Propose a change" on a baselined requirement: the request starts with that requirement's content to edit.
  const modifyId = props.mode === "create" ? props.modifyRequirementId : null;
  const prefilled = useRef(false);
  useEffect(() => {
    if (!modifyId || prefilled.current) return;
    prefilled.current = true;
    fetchRequirement(modifyId)
      .then((requirement) => {
        if (requirement.projectId !== project.id || !CHANGE_REQUEST_TARGET_STATUSES.includes(requirement.status)) return;
        setDraft((current) => (current.items.length > 0 ? current : { ...current, title: t("changeRequests.form.proposedTitle", { key: requirement.key }), items: [itemFor("modify", requirement)] }));
      })
      .catch(() => {
        // The requirement is gone or not visible: the form simply starts empty.
      });
  }, [modifyId, fetchRequirement, project.id, setDraft, t]);

  const save = useMutation({
    mutationFn: () =>
      existing ? api.changeRequests.update(existing.id, { ...changes, version: base.version }) : api.changeRequests.create(project.id, changeRequestValuesOf(draft)),
    onSuccess: async (saved) => {
      await changeRequestChanged(queryClient, saved);
      toast.show(existing ? t("ui.saved") : t("changeRequests.created", { key: saved.key }), "success");
      await navigate(changeRequestPath(project.id, saved.id));
    },
  });

  async function handleReload() {
    if (!existing) return;
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery({ queryKey: changeRequestKeys.detail(existing.id), queryFn: () => api.changeRequests.get(existing.id), staleTime: 0 });
      const next = { draft: draftOfChangeRequest(fresh), version: fresh.version };
      setBase(next);
      setDraft(next.draft);
      save.reset();
    } finally {
      setReloading(false);
    }
  }

  const errors = fieldErrorsOf(save.error);
  const backTo = existing ? changeRequestPath(project.id, existing.id) : changeRequestsPath(project.id);

  return (
    <Form
      className="stack cr-form"
      onSubmit={() => {
        if (!existing || dirty) save.mutate();
      }}
      aria-label={existing ? t("changeRequests.form.editLabel", { key: existing.key }) : t("changeRequests.form.newLabel")}
    >
      <FormErrorBanner error={save.error} onReload={existing ? () => void handleReload() : undefined} reloading={reloading} />
      {existing?.status === "submitted" && (existing.managerDecision || existing.clientDecision) ? (
        <p className="subtle" role="note">
          {t("changeRequests.form.clearsDecisions")}
        </p>
      ) : null}
      <Card title={t("changeRequests.form.whatTitle")}>
        <div className="form-grid">
          <InputField
            fieldClassName="span-2"
            label={t("changeRequests.fields.title")}
            value={draft.title}
            onChange={(event) => set("title", event.target.value)}
            error={errors.title}
            maxLength={200}
            data-testid="cr-title"
          />
          <TextareaField
            fieldClassName="span-2"
            label={t("changeRequests.fields.description")}
            hint={t("ui.markdownHint")}
            rows={5}
            value={draft.description}
            onChange={(event) => set("description", event.target.value)}
            error={errors.description}
            data-testid="cr-description"
          />
          <TextareaField
            fieldClassName="span-2"
            label={t("changeRequests.fields.reason")}
            hint={t("changeRequests.form.reasonHint")}
            rows={3}
            value={draft.reason}
            onChange={(event) => set("reason", event.target.value)}
            error={errors.reason}
            maxLength={5000}
            data-testid="cr-reason"
          />
        </div>
      </Card>
      <Card title={t("changeRequests.form.impactTitle")}>
        <p className="subtle">{t("changeRequests.form.impactHint")}</p>
        <ImpactFromPlan projectId={project.id} items={draft.items} onFill={(values) => setDraft((current) => ({ ...current, ...values }))} />
        <div className="form-grid cr-impact-grid">
          <InputField
            label={t("changeRequests.fields.impactEffortHours")}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={draft.impactEffortHours}
            onChange={(event) => set("impactEffortHours", event.target.value)}
            error={errors.impactEffortHours}
            data-testid="cr-effort"
          />
          <InputField
            label={t("changeRequests.fields.impactDays")}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={draft.impactDays}
            onChange={(event) => set("impactDays", event.target.value)}
            error={errors.impactDays}
            data-testid="cr-days"
          />
          <InputField
            label={t("changeRequests.fields.impactCost")}
            type="number"
            inputMode="decimal"
            min={0}
            step="0.01"
            value={draft.impactCost}
            onChange={(event) => set("impactCost", event.target.value)}
            error={errors.impactCost}
            data-testid="cr-cost"
          />
          <InputField
            label={t("changeRequests.fields.currency")}
            hint={t("changeRequests.form.currencyHint")}
            value={draft.currency}
            onChange={(event) => set("currency", event.target.value.toUpperCase())}
            error={errors.currency}
            maxLength={3}
            autoComplete="off"
            data-testid="cr-currency"
          />
        </div>
      </Card>
      <Card title={t("changeRequests.form.itemsTitle")}>
        <p className="subtle">{t("changeRequests.form.itemsHint")}</p>
        <ItemsEditor projectId={project.id} items={draft.items} onChange={(items) => set("items", items)} errors={errors} />
      </Card>
      <div className="form-actions">
        <span className="subtle form-status" aria-live="polite">
          {existing && dirty ? t("ui.unsavedChanges") : ""}
        </span>
        <Link to={backTo} className="btn btn-ghost">
          {t("ui.cancel")}
        </Link>
        <Button type="submit" variant="primary" loading={save.isPending} disabled={existing !== null && !dirty} data-testid="cr-save">
          {existing ? t("ui.saveChanges") : t("changeRequests.form.create")}
        </Button>
      </div>
    </Form>
  );
}
