import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TRateStatusReportRequest } from "@jiaofu/contracts";
import { api } from "../../api";
import type { PerformancePeriod } from "./performance-model";

export const performanceKeys = {
  project: (projectId: string, period: PerformancePeriod) => ["performance", "project", projectId, period.from, period.to] as const,
  workspace: (period: PerformancePeriod) => ["performance", "workspace", period.from, period.to] as const,
  scope: ["performance", "scope"] as const,
  satisfaction: (reportId: string) => ["satisfaction", reportId] as const,
};

/** A project's per-person figures and health score over `period`; the previous period stays on screen while the next loads. */
export function useProjectPerformance(projectId: string, period: PerformancePeriod) {
  return useQuery({ queryKey: performanceKeys.project(projectId, period), queryFn: () => api.performance.project(projectId, period), placeholderData: keepPreviousData });
}

export function useWorkspacePerformance(period: PerformancePeriod) {
  return useQuery({ queryKey: performanceKeys.workspace(period), queryFn: () => api.performance.workspace(period), placeholderData: keepPreviousData });
}

/** The projects the signed-in person evaluates (the navigation shows the page only when there are some). */
export function usePerformanceScope(enabled: boolean) {
  return useQuery({ queryKey: performanceKeys.scope, queryFn: () => api.performance.scope(), enabled, staleTime: 5 * 60 * 1000 });
}

export function useReportSatisfaction(reportId: string) {
  return useQuery({ queryKey: performanceKeys.satisfaction(reportId), queryFn: () => api.satisfaction.get(reportId) });
}

/** Gives or edits the caller's rating; afterwards every health score on screen is stale. */
export function useRateReport(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TRateStatusReportRequest) => api.satisfaction.rate(reportId, body),
    onSuccess: (data) => {
      queryClient.setQueryData(performanceKeys.satisfaction(reportId), data);
      void queryClient.invalidateQueries({ queryKey: ["performance"] });
    },
  });
}
