import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { TPlan, TPlanBudgetInterval, TPlanChange } from "@jiaofu/contracts";
import { api } from "../../api";
import { isVersionConflict } from "../../lib/api-errors";
import { planApplyChange } from "./plan-model";
import { planKeys } from "./planning.queries";

export const planResourceKeys = {
  list: (projectId: string) => ["plan", projectId, "resources"] as const,
  load: (projectId: string) => ["plan", projectId, "resources", "load"] as const,
  levelling: (projectId: string, withinSlackOnly: boolean) => ["plan", projectId, "levelling", withinSlackOnly] as const,
  budget: (projectId: string, interval: TPlanBudgetInterval) => ["plan", projectId, "budget", interval] as const,
};

/** The plan's resources and their assignments (team members only; a client contact is refused). */
export function usePlanResources(projectId: string, enabled = true) {
  return useQuery({ queryKey: planResourceKeys.list(projectId), queryFn: () => api.planResources.list(projectId), enabled });
}

/** Every resource's load per working day, for histograms. */
export function usePlanResourceLoad(projectId: string, enabled = true) {
  return useQuery({ queryKey: planResourceKeys.load(projectId), queryFn: () => api.planResources.load(projectId), enabled });
}

/** The budget: planned cost by phase and per week or month, with the cumulative PV curve. */
export function usePlanBudget(projectId: string, interval: TPlanBudgetInterval) {
  return useQuery({ queryKey: planResourceKeys.budget(projectId, interval), queryFn: () => api.planResources.budget(projectId, interval) });
}

/** Levelling's before and after for the plan as it is now (computed on the server, nothing written). */
export function usePlanLevellingPreview(projectId: string, withinSlackOnly: boolean, enabled: boolean) {
  return useQuery({
    queryKey: planResourceKeys.levelling(projectId, withinSlackOnly),
    queryFn: () => api.planResources.previewLevelling(projectId, { withinSlackOnly }),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

/**
 * After a write that rescheduled the plan: merges the changed rows into the loaded plan (as the plan page's writes
 * do) and refreshes what depends on resources — the list, loads, the budget and any levelling preview.
 */
function settlePlanChange(queryClient: QueryClient, projectId: string, change: TPlanChange | null) {
  if (change) queryClient.setQueryData<TPlan>(planKeys.plan(projectId), (plan) => (plan ? planApplyChange(plan, change) : plan));
  for (const key of [planResourceKeys.list(projectId), ["plan", projectId, "budget"], ["plan", projectId, "levelling"]]) void queryClient.invalidateQueries({ queryKey: key });
}

/** A write of resources, assignments or levelling: merges the plan change it answers; a version conflict reloads. */
function usePlanResourcesWrite<TInput, TOutput>(projectId: string, write: (input: TInput) => Promise<TOutput>, changeOf: (output: TOutput) => TPlanChange) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (output) => settlePlanChange(queryClient, projectId, changeOf(output)),
    onError: (error) => {
      if (isVersionConflict(error)) {
        void queryClient.invalidateQueries({ queryKey: planKeys.plan(projectId) });
      }
    },
  });
}

export type PlanResourceInput = Parameters<typeof api.planResources.create>[1];

export function useCreatePlanResource(projectId: string) {
  return usePlanResourcesWrite(projectId, (body: PlanResourceInput) => api.planResources.create(projectId, body), (out) => out.plan);
}

export function useUpdatePlanResource(projectId: string) {
  return usePlanResourcesWrite(projectId, ({ id, body }: { id: string; body: Parameters<typeof api.planResources.update>[1] }) => api.planResources.update(id, body), (out) => out.plan);
}

export function useDeletePlanResource(projectId: string) {
  return usePlanResourcesWrite(projectId, ({ id, version }: { id: string; version: number }) => api.planResources.remove(id, version), (out) => out.plan);
}

/** Replaces a task's assignments (`version`: the task's). */
export function useSetPlanAssignments(projectId: string) {
  return usePlanResourcesWrite(
    projectId,
    ({ taskId, body }: { taskId: string; body: Parameters<typeof api.planResources.setAssignments>[1] }) => api.planResources.setAssignments(taskId, body),
    (out) => out.plan,
  );
}

export function useApplyLevelling(projectId: string) {
  return usePlanResourcesWrite(projectId, (body: { withinSlackOnly: boolean; basis: string }) => api.planResources.applyLevelling(projectId, body), (out) => out);
}

export function useClearLevelling(projectId: string) {
  return usePlanResourcesWrite(projectId, () => api.planResources.clearLevelling(projectId), (out) => out);
}
