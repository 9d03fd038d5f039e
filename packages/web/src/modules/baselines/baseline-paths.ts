/** Where the baselines page lives. One place, so links stay right when routes move. */

export const baselinesPath = (projectId: string): string => `/projects/${projectId}/requirements/baselines`;
