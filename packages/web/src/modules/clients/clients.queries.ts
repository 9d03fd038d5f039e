import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../../api";

export const clientKeys = {
  all: ["clients"] as const,
  list: (q: string) => ["clients", "list", q] as const,
  options: ["clients", "options"] as const,
  detail: (id: string) => ["clients", "detail", id] as const,
};

export function useClientList(q: string) {
  return useInfiniteQuery({
    queryKey: clientKeys.list(q),
    queryFn: ({ pageParam }) => api.clients.list({ q: q || undefined, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every client, for pickers and filters (a workspace has tens of clients, not thousands). */
export function useClientOptions(enabled = true) {
  return useQuery({
    queryKey: clientKeys.options,
    queryFn: async () => (await api.clients.list({ limit: 200, sort: "name" })).items,
    enabled,
  });
}

export function useClient(id: string) {
  return useQuery({ queryKey: clientKeys.detail(id), queryFn: () => api.clients.get(id) });
}
