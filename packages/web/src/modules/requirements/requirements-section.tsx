import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { TMe, TProject } from "@jiaofu/contracts";
import { SubnavLink } from "../../ui";
import { BaselinesArea } from "../baselines/baselines-area";
import { baselinesPath } from "../baselines/baseline-paths";
import { ChangeRequestsArea, type ChangeRequestsView } from "../change-requests/change-requests-area";
import { changeRequestsPath } from "../change-requests/change-request-paths";
import { PrioritisationView } from "../prioritisation/prioritisation-view";
import { RequirementDetail } from "./requirement-detail";
import { analysisInboxPath, prioritisationPath, registerPath, requirementPath, traceabilityPath } from "./requirement-paths";
import { requirementPermissions } from "./requirement-permissions";
import { AnalysisInbox } from "./requirement-proposals";
import { RequirementsRegister } from "./requirements-register";
import { TraceabilityMatrix } from "./traceability-matrix";
import "./requirements.css";

/** What the Requirements area of a project page shows, from its address. */
export type RequirementsView = { kind: "register" } | { kind: "traceability" } | { kind: "baselines" } | { kind: "change-requests"; view: ChangeRequestsView } | { kind: "requirement"; requirementId: string };

export type RequirementsSectionProps = { project: TProject; me: TMe; view: RequirementsView };

/** The Requirements area of the staff project page: the register, one requirement, or the traceability matrix. */
export function RequirementsSection({ project, me, view }: RequirementsSectionProps) {
  const { t } = useTranslation();
  const can = requirementPermissions(me, project);
  const [params] = useSearchParams();
  // The analysis inbox lives on the register's address (`?tab=analysis`), for the team only.
  const inbox = view.kind === "register" && can.internal && params.get("tab") === "analysis";
  // So does the ranked view (`?tab=prioritisation`).
  const prioritising = view.kind === "register" && can.internal && params.get("tab") === "prioritisation";
  // The areas with an address of their own mark their tab; everything else belongs to the register's.
  const active =
    view.kind === "traceability" || view.kind === "baselines" || view.kind === "change-requests" ? view.kind : inbox ? "analysis" : prioritising ? "prioritisation" : "register";
  return (
    <div className="stack">
      {can.internal ? (
        <nav className="subnav" aria-label={t("requirements.subnav.label")}>
          {/* A requirement's page belongs to the register: the register's tab stays marked there. */}
          <SubnavLink to={registerPath(project.id)} active={active === "register"} current={view.kind === "register" && !inbox && !prioritising}>
            {t("requirements.subnav.register")}
          </SubnavLink>
          <SubnavLink to={traceabilityPath(project.id)} active={view.kind === "traceability"} testId="traceability-link">
            {t("requirements.subnav.traceability")}
          </SubnavLink>
          <SubnavLink to={baselinesPath(project.id)} active={view.kind === "baselines"} testId="baselines-link">
            {t("baselines.tab")}
          </SubnavLink>
          <SubnavLink to={changeRequestsPath(project.id)} active={view.kind === "change-requests"} current={view.kind === "change-requests" && view.view.kind === "list"} testId="change-requests-link">
            {t("changeRequests.tab")}
          </SubnavLink>
          <SubnavLink to={analysisInboxPath(project.id)} active={active === "analysis"} current={inbox} testId="analysis-inbox-link">
            {t("requirements.subnav.analysis")}
          </SubnavLink>
          <SubnavLink to={prioritisationPath(project.id)} active={active === "prioritisation"} current={prioritising} testId="prioritisation-link">
            {t("requirements.subnav.prioritisation")}
          </SubnavLink>
        </nav>
      ) : null}
      {inbox ? (
        <AnalysisInbox project={project} canWrite={can.write} />
      ) : prioritising ? (
        <PrioritisationView project={project} me={me} />
      ) : view.kind === "register" ? (
        <RequirementsRegister project={project} can={can} />
      ) : view.kind === "traceability" ? (
        <TraceabilityMatrix project={project} />
      ) : view.kind === "baselines" ? (
        <BaselinesArea projectId={project.id} canTake={can.write} requirementHref={(id) => requirementPath(project.id, id)} />
      ) : view.kind === "change-requests" ? (
        <ChangeRequestsArea project={project} me={me} view={view.view} />
      ) : (
        <RequirementDetail key={view.requirementId} project={project} requirementId={view.requirementId} can={can} />
      )}
    </div>
  );
}
