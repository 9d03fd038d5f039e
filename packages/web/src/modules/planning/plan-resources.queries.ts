import { useQuery } from "@tanstack/react-query";
import { api } from "../../api";

export const planResourceKeys = {
  list: (projectId: string) => ["plan", projectId, "resources"] as const,
  load: (projectId: string) => ["plan", projectId, "resources", "load"] as const,
};

/** The plan's resources and their assignments (team members only; a client contact is refused). */
export function usePlanResources(projectId: string, enabled = true) {
  return useQuery({ queryKey: planResourceKeys.list(projectId), queryFn: () => api.planResources.list(projectId), enabled });
}

/** Every resource's load per working day, for histograms. */
export function usePlanResourceLoad(projectId: string, enabled = true) {
  return useQuery({ queryKey: planResourceKeys.load(projectId), queryFn: () => api.planResources.load(projectId), enabled });
}
