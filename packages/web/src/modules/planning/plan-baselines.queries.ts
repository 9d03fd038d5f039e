import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TSavePlanBaselineRequest } from "@jiaofu/contracts";
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

/** Saves the plan as the next baseline (the project's managers); the list reloads. */
export function useSavePlanBaseline(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSavePlanBaselineRequest) => api.planBaselines.save(projectId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planBaselineKeys.list(projectId) }),
  });
}

/** Deletes a baseline; the list reloads and the baseline's cached tasks go. */
export function useDeletePlanBaseline(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (baselineId: string) => api.planBaselines.remove(baselineId),
    onSuccess: async (_, baselineId) => {
      queryClient.removeQueries({ queryKey: planBaselineKeys.one(baselineId) });
      await queryClient.invalidateQueries({ queryKey: planBaselineKeys.list(projectId) });
    },
  });
}
