import { useQuery, type QueryClient } from "@tanstack/react-query";
import { api } from "../../api";
import { requirementKeys } from "../requirements/requirements.queries";

export const prioritisationKeys = {
  all: ["prioritisation"] as const,
  ranked: (projectId: string, includeClosed: boolean) => ["prioritisation", "ranked", projectId, includeClosed] as const,
  rankedAll: (projectId: string) => ["prioritisation", "ranked", projectId] as const,
  model: (projectId: string) => ["prioritisation", "model", projectId] as const,
};

/** The statuses the board shows unless asked for everything: rejected and deferred ones are out of the running. */
export const OPEN_STATUSES = ["draft", "in_analysis", "awaiting_client", "approved", "baselined", "delivered", "accepted"] as const;

/** The ranked view: requirements by tier then rank, each with its score (not paged: a drag needs whole tiers). */
export function useRankedRequirements(projectId: string, includeClosed: boolean) {
  return useQuery({
    queryKey: prioritisationKeys.ranked(projectId, includeClosed),
    queryFn: () => api.prioritisation.ranked(projectId, includeClosed ? {} : { status: OPEN_STATUSES.join(",") }),
  });
}

/** The project's scoring model (the team's: client contacts are not asked). */
export function useScoringModel(projectId: string, enabled = true) {
  return useQuery({ queryKey: prioritisationKeys.model(projectId), queryFn: () => api.prioritisation.scoringModel(projectId), enabled });
}

/** After a priority changed: the board, the register (MoSCoW, rank, client priority) and the requirement refetch. */
export async function prioritiesChanged(queryClient: QueryClient, projectId: string, requirementId?: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: prioritisationKeys.rankedAll(projectId) }),
    queryClient.invalidateQueries({ queryKey: requirementKeys.lists(projectId) }),
    ...(requirementId
      ? [
          queryClient.invalidateQueries({ queryKey: requirementKeys.detail(requirementId) }),
          queryClient.invalidateQueries({ queryKey: requirementKeys.versions(requirementId) }),
        ]
      : [queryClient.invalidateQueries({ queryKey: ["requirements", "detail"] })]),
  ]);
}
