import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TDefectSeverity, TDefectStatus } from "@jiaofu/contracts";
import { api } from "../../api";

export const qualityKeys = {
  all: (projectId: string) => ["quality", projectId] as const,
  gates: (projectId: string) => ["quality", projectId, "gates"] as const,
  testCases: (projectId: string) => ["quality", projectId, "test-cases"] as const,
  defects: (projectId: string, severity: string, status: string) => ["quality", projectId, "defects", severity, status] as const,
  trend: (projectId: string) => ["quality", projectId, "trend"] as const,
};

export const useQualityGates = (projectId: string) => useQuery({ queryKey: qualityKeys.gates(projectId), queryFn: () => api.quality.gates(projectId) });
export const useTestCases = (projectId: string) => useQuery({ queryKey: qualityKeys.testCases(projectId), queryFn: () => api.quality.testCases(projectId) });
export const useDefects = (projectId: string, severity: TDefectSeverity | "", status: TDefectStatus | "") =>
  useQuery({
    queryKey: qualityKeys.defects(projectId, severity, status),
    queryFn: () => api.quality.defects(projectId, { ...(severity ? { severity } : {}), ...(status ? { status } : {}) }),
  });
export const useDefectTrend = (projectId: string) => useQuery({ queryKey: qualityKeys.trend(projectId), queryFn: () => api.quality.defectTrend(projectId, { weeks: 12 }) });

/** A quality write; afterwards every quality view of the project (and the plan, which a gate may unblock) reloads. */
export function useQualityMutation<I, O>(projectId: string, run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: qualityKeys.all(projectId) }),
  });
}
