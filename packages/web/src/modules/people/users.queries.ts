import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { TWorkspaceRole } from "@jiaofu/contracts";
import { api } from "../../api";

export type UserFilters = { q?: string | undefined; role?: TWorkspaceRole | undefined; clientId?: string | undefined };

export const userKeys = {
  all: ["users"] as const,
  list: (filters: UserFilters) => ["users", "list", filters] as const,
  everyone: ["users", "everyone"] as const,
};

export function useUserList(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ pageParam }) => api.users.list({ ...filters, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Everyone in the workspace, for pickers (manager, new member) and for naming people in the activity log. */
export function useEveryone(enabled = true) {
  return useQuery({
    queryKey: userKeys.everyone,
    queryFn: async () => (await api.users.list({ limit: 200, sort: "name" })).items,
    enabled,
    staleTime: 60_000,
  });
}

/** Active delivery staff: the people who can manage a project. */
export function useStaffOptions(enabled = true) {
  const everyone = useEveryone(enabled);
  return { ...everyone, data: everyone.data?.filter((user) => user.role !== "client" && user.active) };
}
