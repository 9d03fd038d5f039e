/** Where the change request pages live. One place, so links stay right when routes move. */

export const changeRequestsPath = (projectId: string): string => `/projects/${projectId}/requirements/change-requests`;

/** A new request; with `modify`, it starts with an item changing that requirement ("Propose a change"). */
export const newChangeRequestPath = (projectId: string, modify?: string): string =>
  `${changeRequestsPath(projectId)}/new${modify ? `?${new URLSearchParams({ modify }).toString()}` : ""}`;

export const changeRequestPath = (projectId: string, changeRequestId: string): string => `${changeRequestsPath(projectId)}/${changeRequestId}`;

export const editChangeRequestPath = (projectId: string, changeRequestId: string): string => `${changeRequestPath(projectId, changeRequestId)}/edit`;

/** The portal's change requests tab of a project (client contacts). */
export const portalChangeRequestsPath = (projectId: string): string => `/portal/projects/${projectId}?tab=change-requests`;

export const portalChangeRequestPath = (projectId: string, changeRequestId: string): string => `/portal/projects/${projectId}/change-requests/${changeRequestId}`;
