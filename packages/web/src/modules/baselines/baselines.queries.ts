import { useQuery, type QueryClient } from "@tanstack/react-query";
import { api } from "../../api";
import { requirementKeys } from "../requirements/requirements.queries";

export const baselineKeys = {
  all: ["baselines"] as const,
  list: (projectId: string) => ["baselines", "list", projectId] as const,
  preview: (projectId: string) => ["baselines", "preview", projectId] as const,
  detail: (id: string) => ["baselines", "detail", id] as const,
  comparison: (id: string, withId: string) => ["baselines", "comparison", id, withId] as const,
  scopeCreep: (projectId: string) => ["baselines", "scope-creep", projectId] as const,
};

/** The project's baselines, oldest first. */
export function useBaselines(projectId: string) {
  return useQuery({ queryKey: baselineKeys.list(projectId), queryFn: async () => (await api.baselines.list(projectId)).items });
}

/** What a baseline taken now would hold and what blocks it; fetched afresh each time the dialog opens. */
export function useBaselinePreview(projectId: string, enabled: boolean) {
  return useQuery({ queryKey: baselineKeys.preview(projectId), queryFn: () => api.baselines.preview(projectId), enabled, staleTime: 0 });
}

/** `withId`: another baseline, or "current" for today. Nothing is fetched until both sides are chosen. */
export function useBaselineComparison(id: string | null, withId: string | null) {
  return useQuery({
    queryKey: baselineKeys.comparison(id ?? "", withId ?? ""),
    queryFn: () => api.baselines.compare(id ?? "", withId ?? ""),
    enabled: id !== null && withId !== null && id !== withId,
  });
}

export function useScopeCreep(projectId: string) {
  return useQuery({ queryKey: baselineKeys.scopeCreep(projectId), queryFn: () => api.baselines.scopeCreep(projectId) });
}

/** After a baseline was taken: baselines, comparisons and scope creep refetch, and so does the register (statuses moved). */
export async function baselineTaken(queryClient: QueryClient): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: baselineKeys.all }), queryClient.invalidateQueries({ queryKey: requirementKeys.all })]);
}
