import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { TProjectStage } from "@jiaofu/contracts";
import { api } from "../../api";

export const PROJECT_SORTS = ["code", "-code", "name", "-name", "startDate", "-startDate", "updatedAt", "-updatedAt"] as const;
export type TProjectSort = (typeof PROJECT_SORTS)[number];

export type ProjectFilters = {
  q?: string | undefined;
  stage?: TProjectStage | undefined;
  clientId?: string | undefined;
  sort?: TProjectSort | undefined;
};

export const projectKeys = {
  all: ["projects"] as const,
  list: (filters: ProjectFilters) => ["projects", "list", filters] as const,
  detail: (id: string) => ["projects", "detail", id] as const,
  members: (id: string) => ["projects", "members", id] as const,
};

const PAGE_SIZE = 25;

/** Projects the caller may see (a client contact: only theirs), a page at a time. */
export function useProjectList(filters: ProjectFilters) {
  return useInfiniteQuery({
    queryKey: projectKeys.list(filters),
    queryFn: ({ pageParam }) => api.projects.list({ ...filters, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useProject(id: string) {
  return useQuery({ queryKey: projectKeys.detail(id), queryFn: () => api.projects.get(id) });
}

export function useProjectMembers(id: string, enabled = true) {
  return useQuery({ queryKey: projectKeys.members(id), queryFn: () => api.projects.listMembers(id), enabled });
}
