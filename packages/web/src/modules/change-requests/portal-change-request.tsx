import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Card } from "../../ui";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useSignedInMe } from "../auth/session";
import { AttachmentsPanel } from "../collaboration/attachments-panel";
import { CommentsPanel } from "../collaboration/comments-panel";
import { projectRecordState } from "../common/project-record-state";
import { useProject } from "../projects/projects.queries";
import { portalRequirementPath } from "../requirements/requirement-paths";
import { ChangeRequestStatusBadge } from "./change-request-badges";
import { ChangeRequestDecisions, ChangeRequestSummary, DecisionButtons } from "./change-request-decisions";
import { ChangeRequestItems } from "./change-request-items";
import { portalChangeRequestsPath } from "./change-request-paths";
import { changeRequestPermissions } from "./change-request-permissions";
import { useChangeRequest } from "./change-requests.queries";
import "../requirements/requirements.css";
import "./change-requests.css";

export type PortalChangeRequestProps = { projectId: string; changeRequestId: string };

/**
 * One change request in the client portal: what changes (new requirements, the diff of changed ones, those out of
 * scope), why and at what cost, both decisions — and, while it waits for the client, Approve and Reject.
 */
export function PortalChangeRequest({ projectId, changeRequestId }: PortalChangeRequestProps) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const project = useProject(projectId);
  const changeRequest = useChangeRequest(changeRequestId);
  useDocumentTitle(changeRequest.data ? `${changeRequest.data.key} ${changeRequest.data.title}` : t("changeRequests.title"));

  const state = projectRecordState(projectId, project, changeRequest, {
    title: t("changeRequests.notFoundTitle"),
    body: t("changeRequests.portal.notFoundBody"),
    backTo: portalChangeRequestsPath(projectId),
    backLabel: t("changeRequests.portal.back"),
  });
  if (!state.ready) return state.fallback;

  const can = changeRequestPermissions(me, state.project);
  const cr = state.record;
  const waiting = cr.status === "submitted" && cr.clientDecision === null;
  return (
    <div className="page">
      <header className="requirement-header">
        <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
          <Link to="/portal">{t("portal.yourProjects")}</Link>
          <span aria-hidden="true">/</span>
          <Link to={portalChangeRequestsPath(projectId)}>{t("changeRequests.portal.crumb", { project: state.project.name })}</Link>
          <span aria-hidden="true">/</span>
          <span className="mono" aria-current="page">
            {cr.key}
          </span>
        </nav>
        <div className="requirement-title-row">
          <span className="requirement-key mono">{cr.key}</span>
          <h1 className="requirement-title" data-testid="cr-heading">
            {cr.title}
          </h1>
          <ChangeRequestStatusBadge status={cr.status} />
        </div>
        <p className="subtle">{waiting ? t("changeRequests.portal.waitingForYou") : t(`changeRequests.portal.statusHelp.${cr.status}`)}</p>
        {can.decideAsClient && waiting ? (
          <div className="row cr-decide-actions" role="group" aria-label={t("changeRequests.actions.label")}>
            <DecisionButtons changeRequest={cr} side="client" />
          </div>
        ) : null}
      </header>
      <div className="cr-grid">
        <Card title={t("changeRequests.summaryTitle")} className="cr-area-summary">
          <ChangeRequestSummary changeRequest={cr} />
        </Card>
        <Card title={t("changeRequests.decisions.title")} titleLevel={2} className="cr-area-side">
          <ChangeRequestDecisions changeRequest={cr} baselineHref={`/portal/projects/${projectId}?tab=baselines`} />
        </Card>
        <Card title={t("changeRequests.items.title")} className="cr-area-items">
          <ChangeRequestItems items={cr.items} requirementHref={(id) => portalRequirementPath(projectId, id)} />
        </Card>
        <Card title={t("comments.title")} titleLevel={2} className="cr-area-tabs">
          <div className="stack">
            <CommentsPanel entityType="change_request" entityId={cr.id} canComment={can.comment} meId={me.id} canModerate={false} />
            <AttachmentsPanel entityType="change_request" entityId={cr.id} canUpload={can.attach} canDelete={(attachment) => attachment.uploaderId === me.id} />
          </div>
        </Card>
      </div>
    </div>
  );
}
