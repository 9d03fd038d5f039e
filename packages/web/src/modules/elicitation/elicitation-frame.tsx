import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TMe, TProject } from "@jiaofu/contracts";
import { LoadingBlock } from "../../ui";
import { isNotFound } from "../../lib/api-errors";
import { useSignedInMe } from "../auth/session";
import { ErrorPanel } from "../common/error-panel";
import { NotFoundPanel } from "../common/not-found-panel";
import { ProjectHeader } from "../projects/project-header";
import { ProjectSectionNav } from "../projects/project-section-nav";
import { useProject } from "../projects/projects.queries";
import "../projects/projects.css";
import "./elicitation.css";

export type ElicitationFrameProps = { projectId: string; children: (project: TProject, me: TMe) => ReactNode };

/** A page inside a project's Elicitation area (a session, a questionnaire): the project's header and navigation around it. */
export function ElicitationFrame({ projectId, children }: ElicitationFrameProps) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const project = useProject(projectId);
  if (project.isPending) return <LoadingBlock />;
  if (project.isError) {
    return isNotFound(project.error) ? (
      <NotFoundPanel title={t("projects.notFoundTitle")} body={t("projects.notFoundBody")} backTo="/" backLabel={t("nav.projects")} />
    ) : (
      <ErrorPanel error={project.error} onRetry={() => void project.refetch()} />
    );
  }
  return (
    <div className="page">
      <ProjectHeader project={project.data} backTo="/" backLabel={t("nav.projects")} linkClient />
      <div className="project-layout">
        <ProjectSectionNav project={project.data} />
        <div className="project-content">{children(project.data, me)}</div>
      </div>
    </div>
  );
}
