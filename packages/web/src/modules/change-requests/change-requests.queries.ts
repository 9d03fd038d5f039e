import { keepPreviousData, useInfiniteQuery, useQuery, type QueryClient } from "@tanstack/react-query";
import type { TChangeRequest, TChangeRequestStatus } from "@jiaofu/contracts";
import { api } from "../../api";

export const changeRequestKeys = {
  all: ["change-requests"] as const,
  lists: (projectId: string) => ["change-requests", "list", projectId] as const,
  list: (projectId: string, status: TChangeRequestStatus | "") => ["change-requests", "list", projectId, status] as const,
  detail: (id: string) => ["change-requests", "detail", id] as const,
};

/** A project's change requests, newest first, a page at a time; `status` "" for all. */
export function useChangeRequestList(projectId: string, status: TChangeRequestStatus | "") {
  return useInfiniteQuery({
    queryKey: changeRequestKeys.list(projectId, status),
    queryFn: ({ pageParam }) => api.changeRequests.list(projectId, { status: status || undefined, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useChangeRequest(id: string) {
  return useQuery({ queryKey: changeRequestKeys.detail(id), queryFn: () => api.changeRequests.get(id) });
}

/**
 * After a request changed: its page shows the answer at once and the lists refetch. An applied request changed the
 * register and took a baseline, so those refetch too.
 */
export async function changeRequestChanged(queryClient: QueryClient, updated: TChangeRequest): Promise<void> {
  queryClient.setQueryData(changeRequestKeys.detail(updated.id), updated);
  const refetch = [
    queryClient.invalidateQueries({ queryKey: changeRequestKeys.lists(updated.projectId) }),
    queryClient.invalidateQueries({ queryKey: ["audit", "change_request", updated.id] }),
  ];
  if (updated.appliedAt) {
    refetch.push(queryClient.invalidateQueries({ queryKey: ["requirements"] }), queryClient.invalidateQueries({ queryKey: ["baselines"] }));
  }
  await Promise.all(refetch);
}
