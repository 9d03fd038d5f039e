import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TMe, TProject } from "@jiaofu/contracts";
import { RisksArea, type PlanningView as RisksView } from "../risks/risks-area";
import { risksPath } from "../risks/risk-paths";
import { PlanningSection } from "./plan-section";

/** What the Planning area shows, from its address: the plan (`/projects/:id/planning`), or the risk pages. */
export type PlanningAreaView = { kind: "plan" } | RisksView;

export const planPath = (projectId: string) => `/projects/${projectId}/planning`;

/** The Planning area of a project: the plan (WBS and schedule) and the risk register, one tab each. */
export function PlanningArea({ project, me, view }: { project: TProject; me: TMe; view: PlanningAreaView }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <nav className="subnav" aria-label={t("plan.subnav.label")}>
        <Link to={planPath(project.id)} className={view.kind === "plan" ? "subnav-link active" : "subnav-link"} aria-current={view.kind === "plan" ? "page" : undefined} data-testid="plan-tab">
          {t("plan.subnav.plan")}
        </Link>
        <Link
          to={risksPath(project.id)}
          className={view.kind !== "plan" ? "subnav-link active" : "subnav-link"}
          aria-current={view.kind === "risks" ? "page" : undefined}
          data-testid="risks-tab"
        >
          {t("plan.subnav.risks")}
        </Link>
      </nav>
      {view.kind === "plan" ? <PlanningSection project={project} me={me} /> : <RisksArea project={project} me={me} view={view} />}
    </div>
  );
}
