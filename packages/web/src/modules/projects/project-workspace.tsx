import { useTranslation } from "react-i18next";
import { LoadingBlock } from "../../ui";
import { isNotFound } from "../../lib/api-errors";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ErrorPanel } from "../common/error-panel";
import { NotFoundPanel } from "../common/not-found-panel";
import { useSignedInMe } from "../auth/session";
import { useProject } from "./projects.queries";
import { ProjectHeader } from "./project-header";
import { ProjectSectionNav } from "./project-section-nav";
import { ProjectOverview } from "./project-overview";
import { ProjectCollaboration } from "./project-collaboration";
import { UpcomingSection } from "./upcoming-section";
import { ElicitationArea } from "../elicitation/elicitation-area";
import { RequirementsSection, type RequirementsView } from "../requirements/requirements-section";
import { PlanningArea, type PlanningAreaView } from "../planning/planning-area";
import { ExecutionArea, type ExecutionAreaView } from "../execution/execution-area";
import { MonitoringArea, type MonitoringAreaView } from "../monitoring/monitoring-area";
import { isProjectSection, isUpcomingSection } from "./project-sections";
import { projectPermissions } from "./project-permissions";
import "./projects.css";

export type ProjectWorkspaceProps = {
  projectId: string;
  section: string | undefined;
  /** In the Requirements area: the register (default), one requirement, or the traceability matrix. */
  requirementsView?: RequirementsView;
  /** In the Planning area: the plan (default, `/projects/:id/planning`), the Gantt chart, the risk register or one risk. */
  planningView?: PlanningAreaView;
  /** In the Execution area: the task board (default, `/projects/:id/execution`) or another execution tab. */
  executionView?: ExecutionAreaView;
  /** In the Monitoring area: earned value (default, `/projects/:id/monitoring`), burndown or the milestone trend. */
  monitoringView?: MonitoringAreaView;
};

/** The staff project page: header, life-cycle navigation and the selected area. */
export function ProjectWorkspace({ projectId, section = "overview", requirementsView, planningView, executionView, monitoringView }: ProjectWorkspaceProps) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const project = useProject(projectId);
  useDocumentTitle(project.data ? `${project.data.code} ${project.data.name}` : t("projects.title"));

  if (project.isPending) return <LoadingBlock />;
  if (project.isError) {
    return isNotFound(project.error) ? (
      <NotFoundPanel title={t("projects.notFoundTitle")} body={t("projects.notFoundBody")} backTo="/" backLabel={t("nav.projects")} />
    ) : (
      <ErrorPanel error={project.error} onRetry={() => void project.refetch()} />
    );
  }
  if (!isProjectSection(section)) {
    return <NotFoundPanel title={t("notFound.title")} body={t("notFound.body")} backTo={`/projects/${projectId}`} backLabel={t("projectNav.overview")} />;
  }

  const can = projectPermissions(me, project.data);
  return (
    <div className="page">
      <ProjectHeader project={project.data} backTo="/" backLabel={t("nav.projects")} linkClient />
      <div className="project-layout">
        <ProjectSectionNav project={project.data} />
        <div className="project-content">
          {section === "overview" ? (
            <ProjectOverview project={project.data} can={can} />
          ) : section === "requirements" ? (
            <RequirementsSection project={project.data} me={me} view={requirementsView ?? { kind: "register" }} />
          ) : section === "elicitation" ? (
            <ElicitationArea project={project.data} />
          ) : section === "planning" ? (
            <PlanningArea project={project.data} me={me} view={planningView ?? { kind: "plan" }} />
          ) : section === "execution" ? (
            <ExecutionArea project={project.data} me={me} view={executionView ?? { kind: "board" }} />
          ) : section === "monitoring" ? (
            <MonitoringArea project={project.data} me={me} view={monitoringView ?? { kind: "earned-value" }} />
          ) : section === "collaboration" ? (
            <ProjectCollaboration project={project.data} me={me} can={can} />
          ) : isUpcomingSection(section) ? (
            <UpcomingSection section={section} />
          ) : null}
        </div>
      </div>
    </div>
  );
}
