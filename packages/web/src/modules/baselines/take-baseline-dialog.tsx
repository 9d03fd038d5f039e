import { useState } from "react";
import { Link } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TBaselineDetail, TBaselinePreview, TBaselineRequirementRef } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Dialog, InputField, TextareaField, useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { useDraft } from "../../lib/use-draft";
import { DialogForm } from "../common/dialog-form";
import { QueryContent } from "../common/query-content";
import { RequirementStatusBadge } from "../requirements/requirement-badges";
import { baselineKeys, baselineTaken, useBaselinePreview } from "./baselines.queries";
import { ScopeCounts } from "./scope-counts";

export type TakeBaselineDialogProps = {
  projectId: string;
  open: boolean;
  onClose: () => void;
  onTaken: (baseline: TBaselineDetail) => void;
  requirementHref: (requirementId: string) => string;
};

/** "Take baseline": the preview (what is in, what is left out, what blocks), a name and a description. */
export function TakeBaselineDialog({ projectId, open, onClose, onTaken, requirementHref }: TakeBaselineDialogProps) {
  const { t } = useTranslation();
  const preview = useBaselinePreview(projectId, open);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("baselines.dialog.title", { key: preview.data?.nextKey ?? "" })}
      description={t("baselines.dialog.description")}
      wide
      testId="take-baseline-dialog"
    >
      <QueryContent query={preview} isEmpty={false} empty={null}>
        {preview.data ? (
          <TakeBaselineForm
            projectId={projectId}
            preview={preview.data}
            refreshing={preview.isFetching}
            onClose={onClose}
            onTaken={onTaken}
            requirementHref={requirementHref}
          />
        ) : null}
      </QueryContent>
    </Dialog>
  );
}

/** `refreshing`: the preview shown is being fetched again (a blocker may have been resolved meanwhile). */
type TakeBaselineFormProps = Omit<TakeBaselineDialogProps, "open"> & { preview: TBaselinePreview; refreshing: boolean };

function TakeBaselineForm({ projectId, preview, refreshing, onClose, onTaken, requirementHref }: TakeBaselineFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { draft, set } = useDraft({ name: "", description: "" });

  const take = useMutation({
    mutationFn: () => api.baselines.create(projectId, draft),
    onSuccess: async (baseline) => {
      await baselineTaken(queryClient);
      toast.show(t("baselines.dialog.taken", { key: baseline.key, count: preview.toBaseline.length }), "success");
      onTaken(baseline);
    },
    // A conflict opened meanwhile: the refreshed preview shows it.
    onError: () => void queryClient.invalidateQueries({ queryKey: baselineKeys.preview(projectId) }),
  });
  const errors = fieldErrorsOf(take.error);
  const already = preview.items.length - preview.toBaseline.length;

  return (
    <DialogForm
      onSubmit={() => take.mutate()}
      onCancel={onClose}
      submitLabel={t("baselines.dialog.submit")}
      submitting={take.isPending}
      submitDisabled={!preview.ready || refreshing}
      error={take.error}
    >
      {preview.blockers.length > 0 ? (
        <Banner tone="warning">
          <div className="baseline-blockers-body" data-testid="baseline-blockers">
            <strong>{t("baselines.preview.blockersTitle")}</strong>
            <ul className="baseline-blockers">
              {preview.blockers.map((blocker) => (
                <li key={blocker.relationId} data-testid="baseline-blocker">
                  <RequirementLink requirement={blocker.from} href={requirementHref(blocker.from.id)} />{" "}
                  <span className="subtle">{t("baselines.preview.conflict")}</span> <RequirementLink requirement={blocker.to} href={requirementHref(blocker.to.id)} />
                </li>
              ))}
            </ul>
            <span>{t("baselines.preview.blockersBody")}</span>
          </div>
        </Banner>
      ) : preview.toBaseline.length === 0 ? (
        <Banner tone="info">{t("baselines.preview.nothingApproved")}</Banner>
      ) : null}

      <section className="baseline-preview" aria-label={t("baselines.preview.label")} data-testid="baseline-preview">
        <div className="baseline-preview-group">
          <h3 className="subheading">{t("baselines.preview.toBaseline", { count: preview.toBaseline.length })}</h3>
          <RequirementRefList items={preview.toBaseline} requirementHref={requirementHref} testId="baseline-preview-included" />
          {already > 0 ? <p className="subtle">{t("baselines.preview.alreadyIn", { count: already })}</p> : null}
          {preview.sinceLast ? (
            <p className="row subtle">
              <span>{t("baselines.preview.sinceLast", { key: preview.sinceLast.key })}</span>
              <ScopeCounts counts={preview.sinceLast} />
            </p>
          ) : null}
        </div>
        <div className="baseline-preview-group">
          <h3 className="subheading">{t("baselines.preview.leftOut", { count: preview.leftOut.length })}</h3>
          <p className="subtle">{t("baselines.preview.leftOutHint")}</p>
          <RequirementRefList items={preview.leftOut} requirementHref={requirementHref} testId="baseline-preview-left-out" />
        </div>
      </section>

      <InputField
        label={t("baselines.dialog.name")}
        hint={t("baselines.dialog.nameHint")}
        value={draft.name}
        onChange={(event) => set("name", event.target.value)}
        error={errors.name}
        maxLength={200}
        data-testid="baseline-name"
      />
      <TextareaField
        label={t("baselines.dialog.descriptionLabel")}
        optional
        value={draft.description}
        onChange={(event) => set("description", event.target.value)}
        error={errors.description}
        rows={3}
        data-testid="baseline-description"
      />
    </DialogForm>
  );
}

/** At most this many requirements per list before "Show all". */
const LIST_LIMIT = 8;

function RequirementRefList({ items, requirementHref, testId }: { items: readonly TBaselineRequirementRef[]; requirementHref: (id: string) => string; testId: string }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (items.length === 0) return <p className="muted">{t("baselines.preview.none")}</p>;
  const shown = all ? items : items.slice(0, LIST_LIMIT);
  return (
    <>
      <ul className="baseline-ref-list" data-testid={testId}>
        {shown.map((item) => (
          <li key={item.id}>
            <RequirementLink requirement={item} href={requirementHref(item.id)} />
            <RequirementStatusBadge status={item.status} />
          </li>
        ))}
      </ul>
      {items.length > shown.length ? (
        <button type="button" className="baseline-link-button" onClick={() => setAll(true)}>
          {t("baselines.preview.showAll", { count: items.length })}
        </button>
      ) : null}
    </>
  );
}

/** "REQ-3 Title", linking to the requirement. */
export function RequirementLink({ requirement, href }: { requirement: { key: string; title: string }; href: string }) {
  return (
    <Link to={href} className="baseline-req-link">
      <span className="requirement-key">{requirement.key}</span> <span>{requirement.title}</span>
    </Link>
  );
}
