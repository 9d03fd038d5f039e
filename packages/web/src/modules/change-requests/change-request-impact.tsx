import { useId, useMemo } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TChangeRequestImpactEstimate } from "@jiaofu/contracts";
import { api } from "../../api";
import { Button, useToast } from "../../ui";
import type { ItemDraft } from "./change-request-draft";

/** The impact fields as the form types them ("" for not estimated). */
export type ImpactValues = { impactEffortHours: string; impactDays: string; impactCost: string };

const asField = (value: number | null): string => (value === null ? "" : String(value));

/** The estimate's figures as the form's fields. */
export const impactValuesOf = (estimate: TChangeRequestImpactEstimate): ImpactValues => ({
  impactEffortHours: asField(estimate.effortHours),
  impactDays: asField(estimate.days),
  impactCost: asField(estimate.cost),
});

/** The requirements a draft modifies or removes, each once and in a stable order (the query key). */
export const changedRequirementIdsOf = (items: readonly ItemDraft[]): string[] =>
  [...new Set(items.flatMap((item) => (item.action === "add" ? [] : [item.requirement.id])))].sort();

/**
 * "Fill from the plan": the impact of the draft as it stands (saved or not), from the plan tasks traced to the
 * requirements it modifies or removes. Filling overwrites the three figures; the person can still edit them. Disabled,
 * with the reason, while no task is traced.
 */
export function ImpactFromPlan({ projectId, items, onFill }: { projectId: string; items: readonly ItemDraft[]; onFill: (values: ImpactValues) => void }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const noteId = useId();
  const requirementIds = useMemo(() => changedRequirementIdsOf(items), [items]);
  const estimate = useQuery({
    queryKey: ["change-requests", "impact-estimate", projectId, requirementIds],
    queryFn: () => api.changeRequests.impactEstimate(projectId, { requirementIds }),
    enabled: requirementIds.length > 0,
    placeholderData: keepPreviousData,
  });
  const data = requirementIds.length > 0 ? estimate.data : undefined;
  const usable = data !== undefined && data.tasks.length > 0;

  let note: string;
  if (requirementIds.length === 0) note = t("changeRequestImpact.noItems");
  else if (estimate.isError) note = t("changeRequestImpact.failed");
  else if (!data) note = t("changeRequestImpact.loading");
  else if (!usable) note = t("changeRequestImpact.noTasks");
  else {
    const labels = data.tasks.map((task) => (task.wbsCode ? `${task.wbsCode} ${task.name}` : task.name));
    note = t("changeRequestImpact.uses", { tasks: new Intl.ListFormat(i18n.language, { type: "unit" }).format(labels) });
  }

  return (
    <div className="cr-impact-plan">
      <Button
        size="sm"
        disabled={!usable}
        loading={estimate.isFetching && !data}
        aria-describedby={noteId}
        onClick={() => {
          if (!usable) return;
          onFill(impactValuesOf(data));
          toast.show(t("changeRequestImpact.filled"), "success");
        }}
        data-testid="cr-impact-fill"
      >
        {t("changeRequestImpact.fill")}
      </Button>
      <p id={noteId} className="subtle" aria-live="polite" data-testid="cr-impact-note">
        {note}
      </p>
    </div>
  );
}
