import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TMe, TProject } from "@jiaofu/contracts";
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
        <Link to={planPath(project.id)} className={view.kind === "plan" ? "subnav-link active" : "subnav-link"} aria-current={view.kind === "plan" ? "page" : undefined} data-testid="plan-tab">
          {t("plan.subnav.plan")}
        </Link>
        <Link to={ganttPath(project.id)} className={view.kind === "gantt" ? "subnav-link active" : "subnav-link"} aria-current={view.kind === "gantt" ? "page" : undefined} data-testid="gantt-tab">
          {t("gantt.tab")}
        </Link>
        <Link
          to={planBaselinesPath(project.id)}
          className={view.kind === "baselines" ? "subnav-link active" : "subnav-link"}
          aria-current={view.kind === "baselines" ? "page" : undefined}
          data-testid="baselines-tab"
        >
          {t("planBaselines.tab")}
        </Link>
        {me.role !== "client" ? (
          <>
            <Link
              to={planResourcesPath(project.id)}
              className={view.kind === "resources" ? "subnav-link active" : "subnav-link"}
              aria-current={view.kind === "resources" ? "page" : undefined}
              data-testid="resources-tab"
            >
              {t("planResources.tab")}
            </Link>
            <Link
              to={planBudgetPath(project.id)}
              className={view.kind === "budget" ? "subnav-link active" : "subnav-link"}
              aria-current={view.kind === "budget" ? "page" : undefined}
              data-testid="budget-tab"
            >
              {t("planResources.budgetTab")}
            </Link>
          </>
        ) : null}
        <Link
          to={risksPath(project.id)}
          className={view.kind === "risks" || view.kind === "risk" ? "subnav-link active" : "subnav-link"}
          aria-current={view.kind === "risks" ? "page" : undefined}
          data-testid="risks-tab"
        >
          {t("plan.subnav.risks")}
        </Link>
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
