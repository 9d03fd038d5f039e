import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TProject } from "@jiaofu/contracts";
import { StageBadge } from "./stage-badge";
import { DateRange } from "./date-range";

export type ProjectHeaderProps = {
  project: TProject;
  /** Where "back" goes: the project list for staff, the portal home for contacts. */
  backTo: string;
  backLabel: string;
  /** Staff can open the client's page; contacts see the name only. */
  linkClient: boolean;
};

export function ProjectHeader({ project, backTo, backLabel, linkClient }: ProjectHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="project-header">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={backTo}>{backLabel}</Link>
        <span aria-hidden="true">/</span>
        <span className="mono" aria-current="page">
          {project.code}
        </span>
      </nav>
      <div className="project-title-row">
        <h1>{project.name}</h1>
        <StageBadge stage={project.stage} />
      </div>
      <dl className="project-meta">
        <div>
          <dt>{t("projects.fields.code")}</dt>
          <dd className="mono">{project.code}</dd>
        </div>
        <div>
          <dt>{t("projects.fields.client")}</dt>
          <dd>{linkClient ? <Link to={`/clients/${project.clientId}`}>{project.clientName}</Link> : project.clientName}</dd>
        </div>
        <div>
          <dt>{t("projects.fields.dates")}</dt>
          <dd>
            <DateRange start={project.startDate} end={project.endDate} />
          </dd>
        </div>
        <div>
          <dt>{t("projects.fields.manager")}</dt>
          <dd>{project.managerName ?? <span className="muted">{t("projects.noManager")}</span>}</dd>
        </div>
      </dl>
    </header>
  );
}
