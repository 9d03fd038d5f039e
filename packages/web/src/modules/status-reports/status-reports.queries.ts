import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TGenerateStatusReportRequest, TStatusReport, TUpdateStatusReportRequest, TUpdateStatusReportScheduleRequest } from "@jiaofu/contracts";
import { api } from "../../api";

export const statusReportKeys = {
  project: (projectId: string) => ["status-reports", "project", projectId] as const,
  detail: (id: string) => ["status-reports", "detail", id] as const,
  schedule: (projectId: string) => ["status-reports", "schedule", projectId] as const,
};

export const statusReportsPath = (projectId: string) => `/projects/${projectId}/monitoring/status-reports`;
export const statusReportPath = (projectId: string, reportId: string) => `/projects/${projectId}/monitoring/status-reports/${reportId}`;

export function useStatusReports(projectId: string) {
  return useQuery({ queryKey: statusReportKeys.project(projectId), queryFn: () => api.statusReports.list(projectId) });
}

export function useStatusReport(id: string) {
  return useQuery({ queryKey: statusReportKeys.detail(id), queryFn: () => api.statusReports.get(id) });
}

/** After a write: the report as the server answered, and the project's list again. */
function useReportChanged() {
  const queryClient = useQueryClient();
  return async (report: TStatusReport) => {
    queryClient.setQueryData(statusReportKeys.detail(report.id), report);
    await queryClient.invalidateQueries({ queryKey: statusReportKeys.project(report.projectId) });
  };
}

export function useGenerateStatusReport(projectId: string) {
  const changed = useReportChanged();
  return useMutation({ mutationFn: (body: TGenerateStatusReportRequest) => api.statusReports.generate(projectId, body), onSuccess: changed });
}

export function useUpdateStatusReport(id: string) {
  const changed = useReportChanged();
  return useMutation({ mutationFn: (body: TUpdateStatusReportRequest) => api.statusReports.update(id, body), onSuccess: changed });
}

export function usePublishStatusReport(id: string) {
  const changed = useReportChanged();
  return useMutation({ mutationFn: (version: number) => api.statusReports.publish(id, { version }), onSuccess: changed });
}

export function useStatusReportSchedule(projectId: string) {
  return useQuery({ queryKey: statusReportKeys.schedule(projectId), queryFn: () => api.statusReports.schedule(projectId) });
}

export function useSaveStatusReportSchedule(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateStatusReportScheduleRequest) => api.statusReports.updateSchedule(projectId, body),
    onSuccess: (schedule) => queryClient.setQueryData(statusReportKeys.schedule(projectId), schedule),
  });
}
