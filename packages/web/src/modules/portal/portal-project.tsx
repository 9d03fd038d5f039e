import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Card, LoadingBlock, Tabs, type TabItem } from "../../ui";
import { isNotFound } from "../../lib/api-errors";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useSignedInMe } from "../auth/session";
import { AttachmentsPanel } from "../collaboration/attachments-panel";
import { CommentsPanel } from "../collaboration/comments-panel";
import { ErrorPanel } from "../common/error-panel";
import { NotFoundPanel } from "../common/not-found-panel";
import { ProjectHeader } from "../projects/project-header";
import { ProjectSummary } from "../projects/project-summary";
import { projectPermissions } from "../projects/project-permissions";
import { useProject } from "../projects/projects.queries";
import { PortalRequirements } from "../requirements/portal-requirements";
import { PortalBaselines } from "../baselines/portal-baselines";
import { PortalChangeRequests } from "../change-requests/portal-change-requests";
import { PortalRisks } from "../risks/portal-risks";
import { PortalDefects } from "../quality/portal-defects";
import { PortalMeetings } from "../meetings/portal-meetings";
import { PortalStatusReports } from "../status-reports/portal-status-reports";
import { StageStepper } from "../projects/stage-stepper";
import { PortalQuestionnaires } from "../questionnaires/portal-questionnaires";
import { PortalPendingConfirmations } from "../client-confirmation/portal-pending-confirmations";
import { ClientDashboard } from "../dashboards/client-dashboard";
import "../projects/projects.css";
import "./portal.css";

const PORTAL_TABS = ["overview", "requirements", "baselines", "change-requests", "risks", "defects", "meetings", "status-reports", "comments", "files"] as const;
type PortalTab = (typeof PORTAL_TABS)[number];
function isPortalTab(value: string | null): value is PortalTab {
  return value !== null && (PORTAL_TABS as readonly string[]).includes(value);
}

/** A project as its client sees it: where it stands, the conversation with the team and shared files. */
export function PortalProject({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const project = useProject(projectId);
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab: PortalTab = isPortalTab(requested) ? requested : "overview";
  useDocumentTitle(project.data?.name ?? t("portal.yourProjects"));

  if (project.isPending) return <LoadingBlock />;
  if (project.isError) {
    return isNotFound(project.error) ? (
      <NotFoundPanel title={t("projects.notFoundTitle")} body={t("projects.notFoundBody")} backTo="/portal" backLabel={t("portal.yourProjects")} />
    ) : (
      <ErrorPanel error={project.error} onRetry={() => void project.refetch()} />
    );
  }

  const can = projectPermissions(me, project.data);
  const items: TabItem<PortalTab>[] = [
    { id: "overview", label: t("portal.tabs.overview") },
    { id: "requirements", label: t("requirements.portal.tab") },
    { id: "baselines", label: t("baselines.portal.tab") },
    { id: "change-requests", label: t("changeRequests.portal.tab") },
    { id: "risks", label: t("risks.portal.tab") },
    { id: "defects", label: t("quality.portal.tab") },
    { id: "meetings", label: t("meetings.portal.tab") },
    { id: "status-reports", label: t("statusReports.portal.tab") },
    { id: "comments", label: t("portal.tabs.comments") },
    { id: "files", label: t("portal.tabs.files") },
  ];

  return (
    <div className="page">
      <ProjectHeader project={project.data} backTo="/portal" backLabel={t("portal.yourProjects")} linkClient={false} />
      <Card>
        <StageStepper stage={project.data.stage} />
      </Card>
      <PortalPendingConfirmations projectId={projectId} />
      <PortalQuestionnaires projectId={projectId} />
      <Card>
        <Tabs
          items={items}
          value={tab}
          onChange={(next) => setParams(next === "overview" ? {} : { tab: next }, { replace: true })}
          label={t("portal.tabs.label")}
        >
          {tab === "overview" ? (
            <div className="stack">
              <ClientDashboard projectId={projectId} />
              <ProjectSummary project={project.data} />
            </div>
          ) : tab === "requirements" ? (
            <PortalRequirements projectId={projectId} />
          ) : tab === "baselines" ? (
            <PortalBaselines projectId={projectId} />
          ) : tab === "change-requests" ? (
            <PortalChangeRequests projectId={projectId} />
          ) : tab === "risks" ? (
            <PortalRisks projectId={projectId} />
          ) : tab === "defects" ? (
            <PortalDefects projectId={projectId} />
          ) : tab === "meetings" ? (
            <PortalMeetings projectId={projectId} />
          ) : tab === "status-reports" ? (
            <PortalStatusReports projectId={projectId} />
          ) : tab === "comments" ? (
            <CommentsPanel entityType="project" entityId={projectId} canComment={can.comment} meId={me.id} canModerate={false} />
          ) : (
            <AttachmentsPanel
              entityType="project"
              entityId={projectId}
              canUpload={can.attach}
              canDelete={(attachment) => attachment.uploaderId === me.id}
            />
          )}
        </Tabs>
      </Card>
    </div>
  );
}
