import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query";
import type { TTimesheetApprovalsQuery } from "@jiaofu/contracts";
import { api } from "../../api";

export const timeKeys = {
  all: ["time"] as const,
  timer: ["time", "timer"] as const,
  week: (week: string) => ["time", "week", week] as const,
  task: (taskId: string) => ["time", "task", taskId] as const,
  approvals: (projectId: string, query: TTimesheetApprovalsQuery) => ["time", "approvals", projectId, query] as const,
  actualCost: (projectId: string, interval: "week" | "month") => ["time", "actual-cost", projectId, interval] as const,
};

export function useTimer() {
  return useQuery({ queryKey: timeKeys.timer, queryFn: () => api.time.timer() });
}

export function useMyWeek(week: string) {
  return useQuery({ queryKey: timeKeys.week(week), queryFn: () => api.time.myWeek(week), placeholderData: keepPreviousData });
}

export function useTaskEntries(taskId: string) {
  return useQuery({ queryKey: timeKeys.task(taskId), queryFn: () => api.time.entries({ taskId }) });
}

export function useProjectApprovals(projectId: string, query: TTimesheetApprovalsQuery) {
  return useQuery({ queryKey: timeKeys.approvals(projectId, query), queryFn: () => api.time.projectApprovals(projectId, query), placeholderData: keepPreviousData });
}

export function useActualCost(projectId: string, interval: "week" | "month") {
  return useQuery({ queryKey: timeKeys.actualCost(projectId, interval), queryFn: () => api.time.actualCost(projectId, { interval }), placeholderData: keepPreviousData });
}

/** After any change of time: the timer, weeks, task logs, approvals and costs refetch (they are small). */
export async function timeChanged(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: timeKeys.all });
}
