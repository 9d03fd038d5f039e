import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { TMe, TProject } from "@jiaofu/contracts";
import { RequirementDetail } from "./requirement-detail";
import { analysisInboxPath, registerPath, traceabilityPath } from "./requirement-paths";
import { requirementPermissions } from "./requirement-permissions";
import { AnalysisInbox } from "./requirement-proposals";
import { RequirementsRegister } from "./requirements-register";
import { TraceabilityMatrix } from "./traceability-matrix";
import "./requirements.css";

/** What the Requirements area of a project page shows, from its address. */
export type RequirementsView = { kind: "register" } | { kind: "traceability" } | { kind: "requirement"; requirementId: string };

export type RequirementsSectionProps = { project: TProject; me: TMe; view: RequirementsView };

/** The Requirements area of the staff project page: the register, one requirement, or the traceability matrix. */
export function RequirementsSection({ project, me, view }: RequirementsSectionProps) {
  const { t } = useTranslation();
  const can = requirementPermissions(me, project);
  const [params] = useSearchParams();
  // The analysis inbox lives on the register's address (`?tab=analysis`), for the team only.
  const inbox = view.kind === "register" && can.internal && params.get("tab") === "analysis";
  const active = view.kind === "traceability" ? "traceability" : inbox ? "analysis" : "register";
  return (
    <div className="stack">
      {can.internal ? (
        <nav className="subnav" aria-label={t("requirements.subnav.label")}>
          {/* A requirement's page belongs to the register: the register's tab stays marked there. */}
          <Link
            to={registerPath(project.id)}
            className={active === "register" ? "subnav-link active" : "subnav-link"}
            aria-current={view.kind === "register" && !inbox ? "page" : undefined}
          >
            {t("requirements.subnav.register")}
          </Link>
          <Link
            to={traceabilityPath(project.id)}
            className={view.kind === "traceability" ? "subnav-link active" : "subnav-link"}
            aria-current={view.kind === "traceability" ? "page" : undefined}
            data-testid="traceability-link"
          >
            {t("requirements.subnav.traceability")}
          </Link>
          <Link
            to={analysisInboxPath(project.id)}
            className={active === "analysis" ? "subnav-link active" : "subnav-link"}
            aria-current={inbox ? "page" : undefined}
            data-testid="analysis-inbox-link"
          >
            {t("requirements.subnav.analysis")}
          </Link>
        </nav>
      ) : null}
      {inbox ? (
        <AnalysisInbox project={project} canWrite={can.write} />
      ) : view.kind === "register" ? (
        <RequirementsRegister project={project} can={can} />
      ) : view.kind === "traceability" ? (
        <TraceabilityMatrix project={project} />
      ) : (
        <RequirementDetail key={view.requirementId} project={project} requirementId={view.requirementId} can={can} />
      )}
    </div>
  );
}
