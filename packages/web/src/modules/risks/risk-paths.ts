/** Where the risk pages live (the Planning area of a project). One place, so links stay right when routes move. */

export const risksPath = (projectId: string, query?: URLSearchParams): string => {
  const search = query?.toString();
  return `/projects/${projectId}/planning/risks${search ? `?${search}` : ""}`;
};

export const riskPath = (projectId: string, riskId: string): string => `/projects/${projectId}/planning/risks/${riskId}`;

/** The portal's risks tab of a project (client contacts). */
export const portalRisksPath = (projectId: string): string => `/portal/projects/${projectId}?tab=risks`;
