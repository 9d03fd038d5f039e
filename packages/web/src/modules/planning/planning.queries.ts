import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TPlan, TPlanChange } from "@jiaofu/contracts";
import { api } from "../../api";
import { isVersionConflict } from "../../lib/api-errors";
import { requirementKeys } from "../requirements/requirements.queries";
import { planApplyChange } from "./plan-model";

export const planKeys = {
  plan: (projectId: string) => ["plan", projectId] as const,
  taskLinks: (projectId: string, taskId: string) => ["plan", projectId, "task-links", taskId] as const,
};

export function usePlan(projectId: string) {
  return useQuery({ queryKey: planKeys.plan(projectId), queryFn: () => api.planning.get(projectId) });
}

/**
 * A write of the plan. The answer holds exactly the rows the reschedule changed, so it is merged into the loaded plan
 * instead of reloading thousands of tasks; a version conflict (someone changed the task meanwhile) reloads it.
 */
export function usePlanWrite<TInput>(projectId: string, write: (input: TInput) => Promise<TPlanChange>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (change) => {
      queryClient.setQueryData<TPlan>(planKeys.plan(projectId), (plan) => (plan ? planApplyChange(plan, change) : plan));
      // Task labels show in the traceability matrix.
      void queryClient.invalidateQueries({ queryKey: requirementKeys.traceability(projectId) });
    },
    onError: (error) => {
      if (isVersionConflict(error)) void queryClient.invalidateQueries({ queryKey: planKeys.plan(projectId) });
    },
  });
}

/** The requirements a task implements: its trace links (the team's). */
export function useTaskTraceLinks(projectId: string, taskId: string) {
  return useQuery({
    queryKey: planKeys.taskLinks(projectId, taskId),
    queryFn: async () => (await api.traceability.listLinks(projectId, { type: "task", id: taskId, limit: 200 })).items,
  });
}
