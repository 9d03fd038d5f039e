import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TRequirementDetail } from "@jiaofu/contracts";
import { api } from "../../api";
import { SelectField, useToast } from "../../ui";
import { apiMessageOf, isVersionConflict } from "../../lib/api-errors";
import { prioritiesChanged } from "./prioritisation.queries";
import "./prioritisation.css";

/**
 * The client contact's own priority for a requirement, in the portal: 1 (highest) to 5, or none. The summary below
 * it shows the team's MoSCoW tier, so both sides' views are in one place. Saved as soon as it is chosen.
 */
export function ClientPriorityPicker({ requirement }: { requirement: TRequirementDetail }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (clientPriority: number | null) => api.prioritisation.setClientPriority(requirement.id, { version: requirement.version, clientPriority }),
    onSuccess: async () => {
      await prioritiesChanged(queryClient, requirement.projectId, requirement.id);
      toast.show(t("prioritisation.portal.saved"), "success");
    },
    onError: async (error) => {
      // Changed by the team meanwhile: reload it; the person chooses again on the fresh version.
      toast.show(isVersionConflict(error) ? t("prioritisation.portal.conflict") : (apiMessageOf(error) ?? t("errors.network")), "error");
      await prioritiesChanged(queryClient, requirement.projectId, requirement.id);
    },
  });
  return (
    <div className="client-priority-picker" data-testid="client-priority-picker">
      <SelectField
        label={t("prioritisation.portal.yourPriority")}
        hint={t("prioritisation.portal.hint")}
        value={requirement.clientPriority === null ? "" : String(requirement.clientPriority)}
        placeholder={t("prioritisation.portal.notSet")}
        options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t("requirements.clientPriorityOf", { value: n }) }))}
        disabled={save.isPending}
        aria-busy={save.isPending || undefined}
        onChange={(event) => save.mutate(event.target.value === "" ? null : Number(event.target.value))}
        data-testid="client-priority-select"
      />
    </div>
  );
}
