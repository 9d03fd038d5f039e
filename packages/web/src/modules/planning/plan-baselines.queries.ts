import { useQuery } from "@tanstack/react-query";
import { api } from "../../api";

export const planBaselineKeys = {
  list: (projectId: string) => ["plan", projectId, "baselines"] as const,
  one: (baselineId: string) => ["plan-baseline", baselineId] as const,
};

/** The project's plan baselines, newest first. */
export function usePlanBaselines(projectId: string) {
  return useQuery({ queryKey: planBaselineKeys.list(projectId), queryFn: async () => (await api.planBaselines.list(projectId)).items });
}

/** One baseline with its tasks (for baseline bars and variance); idle while `baselineId` is null. */
export function usePlanBaseline(baselineId: string | null) {
  return useQuery({
    queryKey: planBaselineKeys.one(baselineId ?? ""),
    queryFn: () => api.planBaselines.get(baselineId as string),
    enabled: baselineId !== null,
    // A baseline never changes once saved.
    staleTime: Infinity,
  });
}
