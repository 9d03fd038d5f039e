import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TEarnedValueMethod } from "./monitoring-model";
import { api } from "../../api";

export const monitoringKeys = {
  all: (projectId: string) => ["monitoring", projectId] as const,
  earnedValue: (projectId: string, baselineId: string, eacMethod: TEarnedValueMethod) => ["monitoring", projectId, "earned-value", baselineId, eacMethod] as const,
  burndown: (projectId: string, phaseId: string) => ["monitoring", projectId, "burndown", phaseId] as const,
  milestoneTrend: (projectId: string) => ["monitoring", projectId, "milestone-trend"] as const,
};

/** Earned value against `baselineId` ("" the latest baseline, "current" the current plan). */
export function useEarnedValue(projectId: string, baselineId: string, eacMethod: TEarnedValueMethod) {
  return useQuery({
    queryKey: monitoringKeys.earnedValue(projectId, baselineId, eacMethod),
    queryFn: () => api.monitoring.earnedValue(projectId, { ...(baselineId ? { baselineId } : {}), eacMethod }),
  });
}

/** Burndown/burnup of a phase ("" the whole project). */
export function useBurndown(projectId: string, phaseId: string) {
  return useQuery({ queryKey: monitoringKeys.burndown(projectId, phaseId), queryFn: () => api.monitoring.burndown(projectId, phaseId ? { phaseId } : {}) });
}

export function useMilestoneTrend(projectId: string) {
  return useQuery({ queryKey: monitoringKeys.milestoneTrend(projectId), queryFn: () => api.monitoring.milestoneTrend(projectId) });
}

/** Writes today's snapshot again, then reloads every monitoring view of the project. */
export function useRefreshSnapshot(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.monitoring.refreshSnapshot(projectId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.all(projectId) }),
  });
}
