import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TChangeRequest, TProject } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, ButtonLink, Card, LoadingBlock, Tabs, useToast, type TabItem } from "../../ui";
import { apiMessageOf, isNotFound, isVersionConflict } from "../../lib/api-errors";
import { formatDateTime } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";
import { baselinesPath } from "../baselines/baseline-paths";
import { useBaselines } from "../baselines/baselines.queries";
import { ActivityPanel } from "../collaboration/activity-panel";
import { AttachmentsPanel } from "../collaboration/attachments-panel";
import { CommentsPanel } from "../collaboration/comments-panel";
import { ConfirmDialog } from "../common/confirm-dialog";
import { ErrorPanel } from "../common/error-panel";
import { NotFoundPanel } from "../common/not-found-panel";
import { VersionConflictBanner } from "../common/version-conflict-banner";
import { requirementPath } from "../requirements/requirement-paths";
import { useChangeRequestActivityVocabulary } from "./change-request-activity";
import { ChangeRequestStatusBadge } from "./change-request-badges";
import { ChangeRequestDecisions, ChangeRequestSummary, DecisionButtons } from "./change-request-decisions";
import { ChangeRequestItems } from "./change-request-items";
import { changeRequestsPath, editChangeRequestPath } from "./change-request-paths";
import type { ChangeRequestPermissions } from "./change-request-permissions";
import { changeRequestChanged, changeRequestKeys, useChangeRequest } from "./change-requests.queries";

const DETAIL_TABS = ["comments", "files", "activity"] as const;
type DetailTab = (typeof DETAIL_TABS)[number];
const isDetailTab = (value: string | null): value is DetailTab => value !== null && (DETAIL_TABS as readonly string[]).includes(value);

export type ChangeRequestDetailProps = { project: TProject; changeRequestId: string; can: ChangeRequestPermissions };

/** One change request on the staff side: what it changes (with a diff), why, the impact, both decisions and the discussion. */
export function ChangeRequestDetail({ project, changeRequestId, can }: ChangeRequestDetailProps) {
  const { t } = useTranslation();
  const changeRequest = useChangeRequest(changeRequestId);
  useDocumentTitle(changeRequest.data ? `${changeRequest.data.key} ${changeRequest.data.title}` : t("changeRequests.title"));
  const notFound = <NotFoundPanel title={t("changeRequests.notFoundTitle")} body={t("changeRequests.notFoundBody")} backTo={changeRequestsPath(project.id)} backLabel={t("changeRequests.backToList")} />;
  if (changeRequest.isPending) return <LoadingBlock />;
  if (changeRequest.isError) return isNotFound(changeRequest.error) ? notFound : <ErrorPanel error={changeRequest.error} onRetry={() => void changeRequest.refetch()} />;
  if (changeRequest.data.projectId !== project.id) return notFound;
  return <ChangeRequestDetailContent project={project} changeRequest={changeRequest.data} can={can} />;
}

/** Where the baseline an applied request took is shown: the baselines page comparing it with the one before it. */
function useBaselineHref(project: TProject, changeRequest: TChangeRequest): string {
  const baselines = useBaselines(project.id);
  const resulting = changeRequest.resultingBaseline;
  if (!resulting) return baselinesPath(project.id);
  const previous = (baselines.data ?? []).find((b) => b.number === resulting.number - 1);
  const compare = previous ? { from: previous.id, to: resulting.id } : { from: resulting.id, to: "current" };
  return `${baselinesPath(project.id)}?${new URLSearchParams(compare).toString()}`;
}

function ChangeRequestDetailContent({ project, changeRequest, can }: { project: TProject; changeRequest: TChangeRequest; can: ChangeRequestPermissions }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab: DetailTab = isDetailTab(requested) && (requested !== "activity" || can.readAudit) ? requested : "comments";
  const [withdrawing, setWithdrawing] = useState(false);
  const activityVocabulary = useChangeRequestActivityVocabulary();
  const baselineHref = useBaselineHref(project, changeRequest);
  const open = changeRequest.status === "draft" || changeRequest.status === "submitted";

  const step = useMutation({
    mutationFn: (action: "submit" | "withdraw") =>
      action === "submit" ? api.changeRequests.submit(changeRequest.id, changeRequest.version) : api.changeRequests.withdraw(changeRequest.id, changeRequest.version),
    onSuccess: async (updated, action) => {
      setWithdrawing(false);
      await changeRequestChanged(queryClient, updated);
      toast.show(t(action === "submit" ? "changeRequests.submitted" : "changeRequests.withdrawn", { key: updated.key }), "success");
    },
  });

  const items: TabItem<DetailTab>[] = [
    { id: "comments", label: t("changeRequests.tabs.comments") },
    { id: "files", label: t("changeRequests.tabs.files") },
  ];
  if (can.readAudit) items.push({ id: "activity", label: t("changeRequests.tabs.activity") });

  return (
    <div className="stack cr-detail">
      <header className="requirement-header">
        <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
          <Link to={changeRequestsPath(project.id)}>{t("changeRequests.title")}</Link>
          <span aria-hidden="true">/</span>
          <span className="mono" aria-current="page">
            {changeRequest.key}
          </span>
        </nav>
        <div className="requirement-title-row">
          <span className="requirement-key mono">{changeRequest.key}</span>
          <h2 className="requirement-title" data-testid="cr-heading">
            {changeRequest.title}
          </h2>
          <ChangeRequestStatusBadge status={changeRequest.status} />
        </div>
        <p className="subtle">
          {t("changeRequests.createdBy", { name: changeRequest.createdByName ?? t("activity.unknownRecord"), when: formatDateTime(changeRequest.createdAt, i18n.language) })}
        </p>
        <div className="row cr-actions" role="group" aria-label={t("changeRequests.actions.label")}>
          {can.write && open ? (
            <ButtonLink to={editChangeRequestPath(project.id, changeRequest.id)} size="sm" data-testid="cr-edit">
              {t("changeRequests.actions.edit")}
            </ButtonLink>
          ) : null}
          {can.write && changeRequest.status === "draft" ? (
            <Button variant="primary" size="sm" onClick={() => step.mutate("submit")} loading={step.isPending && step.variables === "submit"} data-testid="cr-submit">
              {t("changeRequests.actions.submit")}
            </Button>
          ) : null}
          {can.decideAsManager ? <DecisionButtons changeRequest={changeRequest} side="manager" /> : null}
          {can.write && open ? (
            <Button variant="danger-ghost" size="sm" onClick={() => setWithdrawing(true)} data-testid="cr-withdraw">
              {t("changeRequests.actions.withdraw")}
            </Button>
          ) : null}
        </div>
        {step.isError && !withdrawing ? (
          isVersionConflict(step.error) ? (
            <VersionConflictBanner
              reloading={false}
              onReload={() => {
                step.reset();
                void queryClient.invalidateQueries({ queryKey: changeRequestKeys.detail(changeRequest.id) });
              }}
            />
          ) : (
            <Banner tone="error">{apiMessageOf(step.error) ?? t("errors.network")}</Banner>
          )
        ) : null}
      </header>
      {/* In reading order: what it says, where it stands (beside it on wide screens), what it changes, the discussion. */}
      <div className="cr-grid">
        <Card title={t("changeRequests.summaryTitle")} className="cr-area-summary">
          <ChangeRequestSummary changeRequest={changeRequest} />
        </Card>
        <Card title={t("changeRequests.decisions.title")} titleLevel={3} className="cr-area-side">
          <ChangeRequestDecisions changeRequest={changeRequest} baselineHref={baselineHref} />
        </Card>
        <Card title={t("changeRequests.items.title")} className="cr-area-items">
          <ChangeRequestItems items={changeRequest.items} requirementHref={(id) => requirementPath(project.id, id)} />
        </Card>
        <Card className="cr-area-tabs">
          <Tabs items={items} value={tab} onChange={(next) => setParams(next === "comments" ? {} : { tab: next }, { replace: true })} label={t("changeRequests.tabs.label")}>
            {tab === "comments" ? (
              <CommentsPanel entityType="change_request" entityId={changeRequest.id} canComment={can.comment} meId={can.meId} canModerate={can.admin} />
            ) : tab === "files" ? (
              <AttachmentsPanel
                entityType="change_request"
                entityId={changeRequest.id}
                canUpload={can.attach}
                canDelete={(attachment) => attachment.uploaderId === can.meId || can.moderate}
              />
            ) : (
              <ActivityPanel entityType="change_request" entityId={changeRequest.id} vocabulary={activityVocabulary} />
            )}
          </Tabs>
        </Card>
      </div>
      <ConfirmDialog
        open={withdrawing}
        title={t("changeRequests.withdrawTitle", { key: changeRequest.key })}
        confirmLabel={t("changeRequests.actions.withdraw")}
        onConfirm={() => step.mutate("withdraw")}
        onClose={() => {
          setWithdrawing(false);
          step.reset();
        }}
        busy={step.isPending}
        error={step.error}
      >
        {t("changeRequests.withdrawBody")}
      </ConfirmDialog>
    </div>
  );
}
