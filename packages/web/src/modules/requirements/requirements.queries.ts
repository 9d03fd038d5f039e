import { keepPreviousData, useInfiniteQuery, useQuery, type QueryClient } from "@tanstack/react-query";
import type { TRequirementDetail, TRequirementStatus } from "@jiaofu/contracts";
import { api } from "../../api";
import { filtersToListQuery, type RequirementFilters } from "./requirement-filters";

export const requirementKeys = {
  all: ["requirements"] as const,
  lists: (projectId: string) => ["requirements", "list", projectId] as const,
  list: (projectId: string, filters: RequirementFilters) => ["requirements", "list", projectId, filters] as const,
  search: (projectId: string, q: string, statuses: readonly TRequirementStatus[] = []) => ["requirements", "search", projectId, q, statuses] as const,
  detail: (id: string) => ["requirements", "detail", id] as const,
  versions: (id: string) => ["requirements", "versions", id] as const,
  savedViews: (projectId: string) => ["requirements", "saved-views", projectId] as const,
  traceability: (projectId: string) => ["requirements", "traceability", projectId] as const,
  /** The finder's proposals: one requirement's, and the project's analysis inbox. */
  proposals: (id: string) => ["requirements", "proposals", "requirement", id] as const,
  projectProposals: (projectId: string) => ["requirements", "proposals", "project", projectId] as const,
};

/** Rows per page of the register: enough to fill a screen twice, small enough to page quickly through thousands. */
export const REGISTER_PAGE_SIZE = 100;

/** The register, a page at a time (keyset cursors, so "load more" stays fast however far down the list). */
export function useRequirementList(projectId: string, filters: RequirementFilters) {
  return useInfiniteQuery({
    queryKey: requirementKeys.list(projectId, filters),
    queryFn: ({ pageParam }) => api.requirements.list(projectId, { ...filtersToListQuery(filters), cursor: pageParam, limit: REGISTER_PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Changing a filter keeps the old rows on screen until the new ones arrive, instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });
}

/** Requirements of the project whose key or text matches `q` (in one of `statuses`, when given), for pickers. */
export function useRequirementSearch(projectId: string, q: string, statuses: readonly TRequirementStatus[] = []) {
  return useQuery({
    queryKey: requirementKeys.search(projectId, q, statuses),
    queryFn: async () =>
      (await api.requirements.list(projectId, { q: q || undefined, status: statuses.length > 0 ? statuses.join(",") : undefined, limit: 20, sort: q ? "key" : "-updatedAt" })).items,
    placeholderData: keepPreviousData,
  });
}

export function useRequirement(id: string) {
  return useQuery({ queryKey: requirementKeys.detail(id), queryFn: () => api.requirements.get(id) });
}

export function useRequirementVersions(id: string) {
  return useInfiniteQuery({
    queryKey: requirementKeys.versions(id),
    queryFn: ({ pageParam }) => api.requirements.versions(id, { cursor: pageParam, limit: 20 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSavedViews(projectId: string, enabled = true) {
  return useQuery({ queryKey: requirementKeys.savedViews(projectId), queryFn: async () => (await api.requirements.listSavedViews(projectId)).items, enabled });
}

export function useTraceabilityMatrix(projectId: string) {
  return useQuery({ queryKey: requirementKeys.traceability(projectId), queryFn: () => api.traceability.matrix(projectId) });
}

/** Likely duplicates and conflicts of one requirement, highest score first. */
export function useRequirementProposals(id: string) {
  return useQuery({ queryKey: requirementKeys.proposals(id), queryFn: async () => (await api.requirements.listProposals(id)).items });
}

/** The project's analysis inbox: at most 200 open proposals (`truncated` when there were more). */
export function useProjectProposals(projectId: string) {
  return useQuery({ queryKey: requirementKeys.projectProposals(projectId), queryFn: () => api.requirements.listProjectProposals(projectId) });
}

/**
 * After a requirement changed: its page shows the answer at once; the register, history and matrix refetch.
 * Other requirements' pages refetch too, since a relation or a status shows on both ends.
 */
export async function requirementChanged(queryClient: QueryClient, updated: TRequirementDetail): Promise<void> {
  queryClient.setQueryData(requirementKeys.detail(updated.id), updated);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: requirementKeys.lists(updated.projectId) }),
    queryClient.invalidateQueries({ queryKey: ["requirements", "search", updated.projectId] }),
    queryClient.invalidateQueries({ queryKey: requirementKeys.versions(updated.id) }),
    queryClient.invalidateQueries({ queryKey: requirementKeys.traceability(updated.projectId) }),
    // An edit changes what the finder sees: a pair may appear or go away.
    queryClient.invalidateQueries({ queryKey: ["requirements", "proposals"] }),
    queryClient.invalidateQueries({ queryKey: ["audit", "requirement", updated.id] }),
  ]);
}
