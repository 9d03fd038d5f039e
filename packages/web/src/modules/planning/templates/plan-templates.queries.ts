import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TApplyPlanTemplateRequest } from "@jiaofu/contracts";
import { api } from "../../../api";
import { riskKeys } from "../../risks/risks.queries";
import { planKeys } from "../planning.queries";

export const planTemplateKeys = { list: (projectId: string, language: string) => ["plan-templates", projectId, language] as const };

/** The templates in `language`, with the extras the project's client's industry brings. */
export function usePlanTemplates(projectId: string, language: string, enabled: boolean) {
  return useQuery({
    queryKey: planTemplateKeys.list(projectId, language),
    queryFn: () => api.planTemplates.list({ projectId, language: language === "en" ? "en" : "zh-CN" }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Starts the empty plan from a template; the plan, its calendar and the risk register reload. */
export function useApplyPlanTemplate(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TApplyPlanTemplateRequest) => api.planTemplates.apply(projectId, body),
    onSettled: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: planKeys.plan(projectId) }), queryClient.invalidateQueries({ queryKey: riskKeys.project(projectId) })]);
    },
  });
}
