/** Where the register's pages live. One place, so links stay right when routes move. */

export const registerPath = (projectId: string): string => `/projects/${projectId}/requirements`;

export const requirementPath = (projectId: string, requirementId: string): string => `/projects/${projectId}/requirements/${requirementId}`;

export const analysisInboxPath = (projectId: string): string => `/projects/${projectId}/requirements?tab=analysis`;

export const prioritisationPath = (projectId: string): string => `/projects/${projectId}/requirements?tab=prioritisation`;

export const traceabilityPath = (projectId: string): string => `/projects/${projectId}/requirements/traceability`;

export const portalRequirementsPath = (projectId: string): string => `/portal/projects/${projectId}?tab=requirements`;

export const portalRequirementPath = (projectId: string, requirementId: string): string => `/portal/projects/${projectId}/requirements/${requirementId}`;
