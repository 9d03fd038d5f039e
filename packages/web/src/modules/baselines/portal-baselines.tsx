import { useTranslation } from "react-i18next";
import { portalRequirementPath } from "../requirements/requirement-paths";
import { BaselinesArea } from "./baselines-area";
import { ScopeCreepCard } from "./scope-creep-card";

/** The portal's Scope tab: the project's baselines and comparisons, read-only, and the scope-creep figure. */
export function PortalBaselines({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  return (
    <div className="stack" data-testid="portal-baselines">
      <ScopeCreepCard projectId={projectId} />
      <BaselinesArea projectId={projectId} canTake={false} intro={t("baselines.portal.intro")} requirementHref={(id) => portalRequirementPath(projectId, id)} />
    </div>
  );
}
