import { useQuery, type QueryClient } from "@tanstack/react-query";
import type { TMeeting } from "@jiaofu/contracts";
import { api } from "../../api";

export const meetingKeys = {
  all: ["meetings"] as const,
  project: (projectId: string) => ["meetings", "project", projectId] as const,
  list: (projectId: string, range: { from: string; to: string }) => ["meetings", "project", projectId, "list", range] as const,
  feed: (projectId: string) => ["meetings", "project", projectId, "feed"] as const,
  detail: (id: string) => ["meetings", "detail", id] as const,
};

/** The project's meetings starting in [from, to), series expanded. */
export function useMeetingList(projectId: string, range: { from: string; to: string }) {
  return useQuery({ queryKey: meetingKeys.list(projectId, range), queryFn: () => api.meetings.list(projectId, range) });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => api.meetings.get(id) });
}

export function useMeetingFeed(projectId: string, enabled: boolean) {
  return useQuery({ queryKey: meetingKeys.feed(projectId), queryFn: () => api.meetings.feed(projectId), enabled });
}

/** After a meeting changed: its page shows the answer at once; the project's lists refetch. */
export async function meetingChanged(queryClient: QueryClient, updated: TMeeting): Promise<void> {
  queryClient.setQueryData(meetingKeys.detail(updated.id), updated);
  await queryClient.invalidateQueries({ queryKey: meetingKeys.project(updated.projectId) });
}
