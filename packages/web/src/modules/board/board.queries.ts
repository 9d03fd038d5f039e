import { useQuery, type QueryClient } from "@tanstack/react-query";
import type { TMyWorkQuery } from "@jiaofu/contracts";
import { api } from "../../api";
import { planKeys } from "../planning/planning.queries";

export const boardKeys = {
  board: (projectId: string) => ["board", projectId] as const,
  task: (taskId: string) => ["board", "task", taskId] as const,
  myWork: (query: TMyWorkQuery | Record<string, never>) => ["my-work", query] as const,
};

export const useBoard = (projectId: string) => useQuery({ queryKey: boardKeys.board(projectId), queryFn: () => api.board.get(projectId) });

export const useBoardTask = (taskId: string | null) =>
  useQuery({ queryKey: boardKeys.task(taskId ?? ""), queryFn: () => api.board.task(taskId ?? ""), enabled: taskId !== null });

export const useMyWork = (includeDone: boolean) =>
  useQuery({ queryKey: boardKeys.myWork({ includeDone }), queryFn: () => api.board.myWork(includeDone ? { includeDone: "true" } : {}) });

/**
 * After a write to a task: the plan (the Gantt and the plan table show its status and percent complete), the task's
 * detail and "My work" read it again; the board itself is updated by the caller from the answer.
 */
export function boardTaskChanged(queryClient: QueryClient, projectId: string, taskId?: string) {
  void queryClient.invalidateQueries({ queryKey: planKeys.plan(projectId) });
  void queryClient.invalidateQueries({ queryKey: ["my-work"] });
  if (taskId) void queryClient.invalidateQueries({ queryKey: boardKeys.task(taskId) });
}
