import { useTranslation } from "react-i18next";
import type { TMe, TProject } from "@jiaofu/contracts";
import { SubnavLink } from "../../ui";
import { RisksArea, type PlanningView as RisksView } from "../risks/risks-area";
import { risksPath } from "../risks/risk-paths";
import { PlanningSection } from "./plan-section";
import { GanttSection } from "./gantt/gantt-section";
import { PlanBaselinesView } from "./baselines/plan-baselines-view";
import { PlanResourcesView } from "./resources/resources-view";
import { PlanBudgetView } from "./resources/budget-view";

/** What the Planning area shows, from its address: the plan (`/projects/:id/planning`), or the risk pages. */
export type PlanningAreaView = { kind: "plan" } | { kind: "gantt" } | { kind: "baselines" } | { kind: "resources" } | { kind: "budget" } | RisksView;

export const planPath = (projectId: string) => `/projects/${projectId}/planning`;
export const ganttPath = (projectId: string) => `/projects/${projectId}/planning/gantt`;
export const planBaselinesPath = (projectId: string) => `/projects/${projectId}/planning/baselines`;
export const planResourcesPath = (projectId: string) => `/projects/${projectId}/planning/resources`;
export const planBudgetPath = (projectId: string) => `/projects/${projectId}/planning/budget`;

/** The Planning area of a project: the plan (WBS and schedule) and the risk register, one tab each. */
export function PlanningArea({ project, me, view }: { project: TProject; me: TMe; view: PlanningAreaView }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <nav className="subnav" aria-label={t("plan.subnav.label")}>
        <SubnavLink to={planPath(project.id)} active={view.kind === "plan"} testId="plan-tab">
          {t("plan.subnav.plan")}
        </SubnavLink>
        <SubnavLink to={ganttPath(project.id)} active={view.kind === "gantt"} testId="gantt-tab">
          {t("gantt.tab")}
        </SubnavLink>
        <SubnavLink to={planBaselinesPath(project.id)} active={view.kind === "baselines"} testId="baselines-tab">
          {t("planBaselines.tab")}
        </SubnavLink>
        {me.role !== "client" ? (
          <>
            <SubnavLink to={planResourcesPath(project.id)} active={view.kind === "resources"} testId="resources-tab">
              {t("planResources.tab")}
            </SubnavLink>
            <SubnavLink to={planBudgetPath(project.id)} active={view.kind === "budget"} testId="budget-tab">
              {t("planResources.budgetTab")}
            </SubnavLink>
          </>
        ) : null}
        <SubnavLink to={risksPath(project.id)} active={view.kind === "risks" || view.kind === "risk"} current={view.kind === "risks"} testId="risks-tab">
          {t("plan.subnav.risks")}
        </SubnavLink>
      </nav>
      {view.kind === "plan" ? (
        <PlanningSection project={project} me={me} />
      ) : view.kind === "gantt" ? (
        <GanttSection project={project} me={me} />
      ) : view.kind === "baselines" ? (
        <PlanBaselinesView project={project} me={me} />
      ) : view.kind === "resources" ? (
        <PlanResourcesView project={project} me={me} />
      ) : view.kind === "budget" ? (
        <PlanBudgetView project={project} me={me} />
      ) : (
        <RisksArea project={project} me={me} view={view} />
      )}
    </div>
  );
}
