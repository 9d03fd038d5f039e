import { useQuery } from "@tanstack/react-query";
import { api } from "../../api";

export const tokenKeys = { all: ["tokens"] as const };

export function useTokens() {
  return useQuery({ queryKey: tokenKeys.all, queryFn: () => api.me.listTokens() });
}
