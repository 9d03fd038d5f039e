import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TProject, TRisk, TRiskReview } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, Card, Dialog, EmptyState, LoadingBlock, Tabs, useToast, type TabItem } from "../../ui";
import { apiMessageOf, isNotFound } from "../../lib/api-errors";
import { formatDate, formatDateTime } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ActivityPanel } from "../collaboration/activity-panel";
import { AttachmentsPanel } from "../collaboration/attachments-panel";
import { CommentsPanel } from "../collaboration/comments-panel";
import { DialogForm } from "../common/dialog-form";
import { ErrorPanel } from "../common/error-panel";
import { NotFoundPanel } from "../common/not-found-panel";
import { QueryContent } from "../common/query-content";
import { RequirementStatusBadge } from "../requirements/requirement-badges";
import { requirementPath } from "../requirements/requirement-paths";
import { RequirementPicker } from "../requirements/requirement-picker";
import { useRiskActivityVocabulary } from "./risk-activity";
import { RiskLevelBadge, RiskScore, RiskStatusBadge } from "./risk-badges";
import { EditRiskDialog, ReviewRiskDialog } from "./risk-form";
import { risksPath } from "./risk-paths";
import type { RiskPermissions } from "./risk-permissions";
import { riskKeys, useRisk, useRiskReviews } from "./risks.queries";

const DETAIL_TABS = ["comments", "files", "activity"] as const;
type DetailTab = (typeof DETAIL_TABS)[number];
const isDetailTab = (value: string | null): value is DetailTab => value !== null && (DETAIL_TABS as readonly string[]).includes(value);

export type RiskDetailProps = { project: TProject; riskId: string; can: RiskPermissions };

/** One risk on the staff side: its assessment, response, threatened requirements, review history and discussion. */
export function RiskDetail({ project, riskId, can }: RiskDetailProps) {
  const { t } = useTranslation();
  const risk = useRisk(riskId);
  useDocumentTitle(risk.data ? `${risk.data.key} ${risk.data.title}` : t("risks.title"));
  const notFound = <NotFoundPanel title={t("risks.notFoundTitle")} body={t("risks.notFoundBody")} backTo={risksPath(project.id)} backLabel={t("risks.backToRegister")} />;
  if (risk.isPending) return <LoadingBlock />;
  if (risk.isError) return isNotFound(risk.error) ? notFound : <ErrorPanel error={risk.error} onRetry={() => void risk.refetch()} />;
  if (risk.data.projectId !== project.id) return notFound;
  return <RiskDetailContent project={project} risk={risk.data} can={can} />;
}

function RiskDetailContent({ project, risk, can }: { project: TProject; risk: TRisk; can: RiskPermissions }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab: DetailTab = isDetailTab(requested) && (requested !== "activity" || can.readAudit) ? requested : "comments";
  const [dialog, setDialog] = useState<"edit" | "review" | "link" | null>(null);
  const activityVocabulary = useRiskActivityVocabulary();
  const items: TabItem<DetailTab>[] = [
    { id: "comments", label: t("risks.tabs.comments") },
    { id: "files", label: t("risks.tabs.files") },
  ];
  if (can.readAudit) items.push({ id: "activity", label: t("risks.tabs.activity") });

  return (
    <div className="stack risk-detail">
      <header className="requirement-header">
        <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
          <Link to={risksPath(project.id)}>{t("risks.title")}</Link>
          <span aria-hidden="true">/</span>
          <span className="mono" aria-current="page">
            {risk.key}
          </span>
        </nav>
        <div className="requirement-title-row">
          <span className="requirement-key mono">{risk.key}</span>
          <h2 className="requirement-title" data-testid="risk-heading">
            {risk.title}
          </h2>
          <RiskStatusBadge status={risk.status} />
          <RiskLevelBadge level={risk.level} />
        </div>
        <p className="subtle">{t("risks.createdBy", { when: formatDateTime(risk.createdAt, i18n.language) })}</p>
        {can.write ? (
          <div className="row" role="group" aria-label={t("risks.actions.label")}>
            <Button size="sm" onClick={() => setDialog("edit")} data-testid="risk-edit">
              {t("risks.actions.edit")}
            </Button>
            <Button size="sm" variant="primary" onClick={() => setDialog("review")} data-testid="risk-review">
              {t("risks.actions.review")}
            </Button>
          </div>
        ) : null}
        {risk.status === "closed" && risk.statusReason ? <Banner tone="info">{risk.statusReason}</Banner> : null}
      </header>
      <div className="risk-grid">
        <Card title={t("risks.assessmentTitle")} titleLevel={3} className="risk-area-assessment">
          <dl className="risk-facts" data-testid="risk-facts">
            <div>
              <dt>{t("risks.columns.score")}</dt>
              <dd>
                <RiskScore score={risk.score} level={risk.level} probability={risk.probability} impact={risk.impact} />
              </dd>
            </div>
            <div>
              <dt>{t("risks.fields.probability")}</dt>
              <dd>{t(`risks.rating.${risk.probability as 1 | 2 | 3 | 4 | 5}`)}</dd>
            </div>
            <div>
              <dt>{t("risks.fields.impact")}</dt>
              <dd>{t(`risks.rating.${risk.impact as 1 | 2 | 3 | 4 | 5}`)}</dd>
            </div>
            <div>
              <dt>{t("risks.fields.category")}</dt>
              <dd>{t(`risks.category.${risk.category}`)}</dd>
            </div>
            <div>
              <dt>{t("risks.fields.strategy")}</dt>
              <dd>{t(`risks.strategy.${risk.strategy}`)}</dd>
            </div>
            <div>
              <dt>{t("risks.fields.owner")}</dt>
              <dd>{risk.ownerName ?? <span className="muted">{t("risks.noOwner")}</span>}</dd>
            </div>
            <div>
              <dt>{t("risks.fields.reviewDate")}</dt>
              <dd>
                {risk.reviewDate ? (
                  <span className={risk.reviewOverdue ? "risk-overdue" : undefined}>
                    {formatDate(risk.reviewDate, i18n.language)}
                    {risk.reviewOverdue ? <span className="risk-overdue-tag">{t("risks.overdue")}</span> : null}
                  </span>
                ) : (
                  <span className="muted">{t("risks.noReviewDate")}</span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t("risks.fields.sharedWithClient")}</dt>
              <dd>{risk.sharedWithClient ? t("risks.shared") : "—"}</dd>
            </div>
            {risk.trigger ? (
              <div className="risk-fact-wide">
                <dt>{t("risks.fields.trigger")}</dt>
                <dd>{risk.trigger}</dd>
              </div>
            ) : null}
          </dl>
        </Card>
        <Card title={t("risks.responseTitle")} titleLevel={3} className="risk-area-response">
          {/* The HTML is rendered from Markdown and sanitised on the server (see ZRisk). */}
          {risk.responsePlan ? <div className="prose" dangerouslySetInnerHTML={{ __html: risk.responsePlanHtml }} /> : <p className="muted">{t("risks.nothingWritten")}</p>}
          {risk.description ? (
            <>
              <h4 className="risk-subheading">{t("risks.descriptionTitle")}</h4>
              <div className="prose" dangerouslySetInnerHTML={{ __html: risk.descriptionHtml }} />
            </>
          ) : null}
        </Card>
        <Card
          title={t("risks.requirements.title")}
          titleLevel={3}
          className="risk-area-requirements"
          actions={
            can.write ? (
              <Button size="sm" onClick={() => setDialog("link")} data-testid="risk-link-requirement">
                {t("risks.actions.link")}
              </Button>
            ) : undefined
          }
        >
          <RiskRequirements project={project} risk={risk} canWrite={can.write} />
        </Card>
        <Card title={t("risks.history.title")} titleLevel={3} className="risk-area-history">
          <RiskReviewHistory riskId={risk.id} />
        </Card>
        <Card className="risk-area-tabs">
          <Tabs items={items} value={tab} onChange={(next) => setParams(next === "comments" ? {} : { tab: next }, { replace: true })} label={t("risks.tabs.label")}>
            {tab === "comments" ? (
              <CommentsPanel entityType="risk" entityId={risk.id} canComment={can.write} meId={can.meId} canModerate={can.admin} />
            ) : tab === "files" ? (
              <AttachmentsPanel entityType="risk" entityId={risk.id} canUpload={can.write} canDelete={(attachment) => attachment.uploaderId === can.meId || can.moderate} />
            ) : (
              <ActivityPanel entityType="risk" entityId={risk.id} vocabulary={activityVocabulary} />
            )}
          </Tabs>
        </Card>
      </div>
      <EditRiskDialog risk={risk} open={dialog === "edit"} onClose={() => setDialog(null)} />
      <ReviewRiskDialog risk={risk} open={dialog === "review"} onClose={() => setDialog(null)} />
      <LinkRequirementDialog project={project} risk={risk} open={dialog === "link"} onClose={() => setDialog(null)} />
    </div>
  );
}

/** The requirements the risk threatens, each with its status and (for writers) an unlink button. */
function RiskRequirements({ project, risk, canWrite }: { project: TProject; risk: TRisk; canWrite: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const unlink = useMutation({
    mutationFn: (requirementId: string) => api.risks.unlinkRequirement(risk.id, requirementId),
    onSuccess: async (_void, requirementId) => {
      const link = risk.requirements.find((l) => l.requirement.id === requirementId);
      await Promise.all([queryClient.invalidateQueries({ queryKey: riskKeys.detail(risk.id) }), queryClient.invalidateQueries({ queryKey: ["audit", "risk", risk.id] })]);
      toast.show(t("risks.requirements.unlinked", { requirement: link?.requirement.key ?? "" }), "success");
    },
  });
  if (risk.requirements.length === 0) return <p className="muted">{t("risks.requirements.none")}</p>;
  return (
    <div className="stack">
      {unlink.isError ? <Banner tone="error">{apiMessageOf(unlink.error) ?? t("errors.network")}</Banner> : null}
      <ul className="risk-links" data-testid="risk-requirements">
        {risk.requirements.map(({ requirement }) => (
          <li key={requirement.id}>
            <Link to={requirementPath(project.id, requirement.id)} className="strong-link">
              <span className="mono">{requirement.key}</span> {requirement.title}
            </Link>
            <RequirementStatusBadge status={requirement.status} />
            {canWrite ? (
              <Button size="sm" variant="ghost" onClick={() => unlink.mutate(requirement.id)} loading={unlink.isPending && unlink.variables === requirement.id}>
                <span aria-hidden="true">×</span>
                <span className="visually-hidden">{t("risks.actions.unlink", { key: requirement.key })}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function LinkRequirementDialog({ project, risk, open, onClose }: { project: TProject; risk: TRisk; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("risks.requirements.linkTitle", { key: risk.key })} testId="risk-link-dialog">
      <LinkRequirementForm project={project} risk={risk} onClose={onClose} />
    </Dialog>
  );
}

function LinkRequirementForm({ project, risk, onClose }: { project: TProject; risk: TRisk; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [requirementId, setRequirementId] = useState("");
  const link = useMutation({
    mutationFn: () => api.risks.linkRequirement(risk.id, requirementId),
    onSuccess: async (created) => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: riskKeys.detail(risk.id) }), queryClient.invalidateQueries({ queryKey: ["audit", "risk", risk.id] })]);
      toast.show(t("risks.requirements.linked", { requirement: created.requirement.key }), "success");
      onClose();
    },
  });
  return (
    <DialogForm onSubmit={() => link.mutate()} onCancel={onClose} submitLabel={t("risks.requirements.link")} submitting={link.isPending} submitDisabled={!requirementId} error={link.error}>
      <RequirementPicker projectId={project.id} exclude={risk.requirements.map((l) => l.requirement.id)} value={requirementId} onChange={setRequirementId} />
    </DialogForm>
  );
}

/** The review history as a timeline, newest first: what changed (before → after), who, when, the note. */
export function RiskReviewHistory({ riskId }: { riskId: string }) {
  const { t } = useTranslation();
  const reviews = useRiskReviews(riskId);
  const items = reviews.data?.items ?? [];
  return (
    <QueryContent query={reviews} isEmpty={items.length === 0} empty={<EmptyState title={t("risks.history.empty")} />}>
      <ol className="risk-timeline" data-testid="risk-review-history">
        {items.map((review) => (
          <RiskReviewEntry key={review.id} review={review} />
        ))}
      </ol>
    </QueryContent>
  );
}

function RiskReviewEntry({ review }: { review: TRiskReview }) {
  const { t, i18n } = useTranslation();
  const changes: string[] = [];
  if (review.kind === "assessment") {
    changes.push(t("risks.history.initial", { probability: review.probabilityAfter, impact: review.impactAfter, score: review.scoreAfter }));
  } else {
    if (review.probabilityBefore !== review.probabilityAfter) changes.push(t("risks.history.probability", { before: review.probabilityBefore, after: review.probabilityAfter }));
    if (review.impactBefore !== review.impactAfter) changes.push(t("risks.history.impact", { before: review.impactBefore, after: review.impactAfter }));
    if (review.scoreBefore !== review.scoreAfter) changes.push(t("risks.history.score", { before: review.scoreBefore, after: review.scoreAfter }));
    if (review.statusBefore && review.statusBefore !== review.statusAfter) {
      changes.push(t("risks.history.status", { before: t(`risks.status.${review.statusBefore}`), after: t(`risks.status.${review.statusAfter}`) }));
    }
  }
  return (
    <li className={`risk-timeline-entry risk-timeline-${review.kind}`} data-testid="risk-review-entry" data-kind={review.kind}>
      <div className="risk-timeline-head">
        <strong>{t(`risks.history.${review.kind}`)}</strong>
        <span className="subtle">{t("risks.history.by", { name: review.reviewedByName ?? t("activity.unknownRecord"), when: formatDateTime(review.reviewedAt, i18n.language) })}</span>
      </div>
      {changes.length > 0 ? <p className="risk-timeline-changes">{changes.join(" · ")}</p> : null}
      {review.note ? <p className="risk-timeline-note">{review.note}</p> : null}
      {review.nextReviewDate && review.kind !== "assessment" ? <p className="subtle">{t("risks.history.nextReview", { date: formatDate(review.nextReviewDate, i18n.language) })}</p> : null}
    </li>
  );
}
