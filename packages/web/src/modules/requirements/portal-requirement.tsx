import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Card } from "../../ui";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useSignedInMe } from "../auth/session";
import { CommentsPanel } from "../collaboration/comments-panel";
import { projectRecordState } from "../common/project-record-state";
import { PortalConfirmationPanel } from "../client-confirmation/portal-confirmation-panel";
import { ClientPriorityPicker } from "../prioritisation/client-priority-picker";
import { projectPermissions } from "../projects/project-permissions";
import { useProject } from "../projects/projects.queries";
import { RequirementStatusBadge } from "./requirement-badges";
import { portalRequirementsPath } from "./requirement-paths";
import { RequirementSummary } from "./requirement-summary";
import { useRequirement } from "./requirements.queries";
import "./requirements.css";

export type PortalRequirementProps = { projectId: string; requirementId: string };

/** One requirement in the client portal: what it says, where it stands, and the conversation with the team about it. */
export function PortalRequirement({ projectId, requirementId }: PortalRequirementProps) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const project = useProject(projectId);
  const requirement = useRequirement(requirementId);
  useDocumentTitle(requirement.data ? `${requirement.data.key} ${requirement.data.title}` : t("requirements.title"));

  const state = projectRecordState(projectId, project, requirement, {
    title: t("requirements.notFoundTitle"),
    body: t("requirements.portal.notFoundBody"),
    backTo: portalRequirementsPath(projectId),
    backLabel: t("requirements.portal.back"),
  });
  if (!state.ready) return state.fallback;

  const can = projectPermissions(me, state.project);
  const r = state.record;
  return (
    <div className="page">
      <header className="requirement-header">
        <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
          <Link to="/portal">{t("portal.yourProjects")}</Link>
          <span aria-hidden="true">/</span>
          <Link to={portalRequirementsPath(projectId)}>{t("requirements.portal.crumb", { project: state.project.name })}</Link>
          <span aria-hidden="true">/</span>
          <span className="mono" aria-current="page">
            {r.key}
          </span>
        </nav>
        <div className="requirement-title-row">
          <span className="requirement-key mono">{r.key}</span>
          <h1 className="requirement-title" data-testid="requirement-heading">
            {r.title}
          </h1>
          <RequirementStatusBadge status={r.status} />
        </div>
        <p className="subtle">{t(`requirements.portal.statusHelp.${r.status}`)}</p>
      </header>
      <div className="detail-grid">
        {/* What it says first, then the answer to it: read, then approve or ask. */}
        <div className="stack">
          <Card title={t("requirements.detailsTitle")}>
            <ClientPriorityPicker requirement={r} />
            <RequirementSummary requirement={r} audience="client" />
          </Card>
          {r.status === "awaiting_client" || r.confirmation ? (
            <Card title={t("confirmations.portal.title")} titleLevel={2}>
              <PortalConfirmationPanel key={r.version} requirement={r} canConfirm={me.role === "client"} />
            </Card>
          ) : null}
        </div>
        <Card title={t("comments.title")} titleLevel={2}>
          <CommentsPanel entityType="requirement" entityId={r.id} canComment={can.comment} meId={me.id} canModerate={false} />
        </Card>
      </div>
    </div>
  );
}
