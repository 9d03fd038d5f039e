import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TPortfolioQuery } from "@jiaofu/contracts";
import { api } from "../../api";

export const dashboardKeys = {
  portfolio: (query: TPortfolioQuery) => ["dashboards", "portfolio", query] as const,
  project: (projectId: string) => ["dashboards", "project", projectId] as const,
  client: (projectId: string) => ["dashboards", "client", projectId] as const,
};

export function usePortfolio(query: TPortfolioQuery, enabled = true) {
  return useQuery({ queryKey: dashboardKeys.portfolio(query), queryFn: () => api.dashboards.portfolio(query), placeholderData: keepPreviousData, enabled });
}

export function useProjectDashboard(projectId: string, enabled = true) {
  return useQuery({ queryKey: dashboardKeys.project(projectId), queryFn: () => api.dashboards.project(projectId), enabled });
}

export function useClientDashboard(projectId: string) {
  return useQuery({ queryKey: dashboardKeys.client(projectId), queryFn: () => api.dashboards.client(projectId) });
}
