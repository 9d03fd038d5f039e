/** Where the elicitation pages of a project live. */
export const elicitationPath = (projectId: string, tab?: "questionnaires") =>
  `/projects/${projectId}/elicitation${tab ? `?tab=${tab}` : ""}`;
export const sessionPath = (projectId: string, sessionId: string) => `/projects/${projectId}/elicitation/sessions/${sessionId}`;
export const questionnairePath = (projectId: string, questionnaireId: string) => `/projects/${projectId}/elicitation/questionnaires/${questionnaireId}`;
export const questionnaireResultsPath = (projectId: string, questionnaireId: string) =>
  `/projects/${projectId}/elicitation/questionnaires/${questionnaireId}/results`;
/** The requirements register's page for one requirement (the requirements module's route). */
export const requirementPath = (projectId: string, requirementId: string) => `/projects/${projectId}/requirements/${requirementId}`;
