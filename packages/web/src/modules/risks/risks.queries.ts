import { keepPreviousData, useInfiniteQuery, useQuery, type QueryClient } from "@tanstack/react-query";
import type { TRisk, TRiskHeatMapQuery } from "@jiaofu/contracts";
import { api } from "../../api";
import { riskHeatMapQuery, riskListQuery, type RiskFilters } from "./risk-filters";

export const riskKeys = {
  all: ["risks"] as const,
  project: (projectId: string) => ["risks", "project", projectId] as const,
  list: (projectId: string, filters: RiskFilters) => ["risks", "project", projectId, "list", filters] as const,
  heatMap: (projectId: string, query: TRiskHeatMapQuery) => ["risks", "project", projectId, "heat-map", query] as const,
  detail: (id: string) => ["risks", "detail", id] as const,
  reviews: (id: string) => ["risks", "detail", id, "reviews"] as const,
};

/** A project's risks under `filters`, a page at a time. */
export function useRiskList(projectId: string, filters: RiskFilters) {
  return useInfiniteQuery({
    queryKey: riskKeys.list(projectId, filters),
    queryFn: ({ pageParam }) => api.risks.list(projectId, { ...riskListQuery(filters), cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useRiskHeatMap(projectId: string, filters: RiskFilters) {
  const query = riskHeatMapQuery(filters);
  return useQuery({ queryKey: riskKeys.heatMap(projectId, query), queryFn: () => api.risks.heatMap(projectId, query), placeholderData: keepPreviousData });
}

export function useRisk(id: string) {
  return useQuery({ queryKey: riskKeys.detail(id), queryFn: () => api.risks.get(id) });
}

export function useRiskReviews(id: string, enabled = true) {
  return useQuery({ queryKey: riskKeys.reviews(id), queryFn: () => api.risks.reviews(id), enabled });
}

/** After a risk changed: its page shows the answer at once; the register, heat map, history and activity refetch. */
export async function riskChanged(queryClient: QueryClient, updated: TRisk): Promise<void> {
  queryClient.setQueryData(riskKeys.detail(updated.id), updated);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: riskKeys.project(updated.projectId) }),
    queryClient.invalidateQueries({ queryKey: riskKeys.reviews(updated.id) }),
    queryClient.invalidateQueries({ queryKey: ["audit", "risk", updated.id] }),
  ]);
}
