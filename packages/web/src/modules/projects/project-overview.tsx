import { useState } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { TProject } from "@jiaofu/contracts";
import { Card, Tabs, type TabItem } from "../../ui";
import { ActivityPanel } from "../collaboration/activity-panel";
import { baselinesPath } from "../baselines/baseline-paths";
import { ScopeCreepCard } from "../baselines/scope-creep-card";
import { ProjectDashboard } from "../dashboards/project-dashboard";
import { ProjectDetailsForm } from "./project-details-form";
import { ProjectMembers } from "./project-members";
import { ProjectSummary } from "./project-summary";
import type { ProjectPermissions } from "./project-permissions";

const OVERVIEW_TABS = ["details", "members", "activity"] as const;
type OverviewTab = (typeof OVERVIEW_TABS)[number];

function isOverviewTab(value: string | null): value is OverviewTab {
  return value !== null && (OVERVIEW_TABS as readonly string[]).includes(value);
}

export type ProjectOverviewProps = { project: TProject; can: ProjectPermissions };

/**
 * The project dashboard (modules/dashboards), then details (editable by managers), members and the activity log — the
 * tab is kept in the URL (`?tab=members`) — and the scope-creep figure since the first baseline.
 */
export function ProjectOverview({ project, can }: ProjectOverviewProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab: OverviewTab = isOverviewTab(requested) && (requested !== "activity" || can.readAudit) ? requested : "details";
  const [formKey, setFormKey] = useState(0);

  const items: TabItem<OverviewTab>[] = [
    { id: "details", label: t("overview.details") },
    { id: "members", label: t("overview.members"), count: project.memberCount },
  ];
  if (can.readAudit) items.push({ id: "activity", label: t("overview.activity") });

  function handleTabChange(next: OverviewTab) {
    setParams(next === "details" ? {} : { tab: next }, { replace: true });
  }

  return (
    <div className="stack">
      <ProjectDashboard project={project} />
      <Card>
        <Tabs items={items} value={tab} onChange={handleTabChange} label={t("overview.tabsLabel")}>
          {tab === "details" ? (
            can.manage ? (
              <ProjectDetailsForm key={formKey} project={project} onReset={() => setFormKey((key) => key + 1)} />
            ) : (
              <ProjectSummary project={project} />
            )
          ) : tab === "members" ? (
            <ProjectMembers project={project} canManage={can.manage} />
          ) : (
            <ActivityPanel entityType="project" entityId={project.id} />
          )}
        </Tabs>
      </Card>
      <ScopeCreepCard projectId={project.id} baselinesHref={baselinesPath(project.id)} />
    </div>
  );
}
