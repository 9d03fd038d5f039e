export const meetingsPath = (projectId: string) => `/projects/${projectId}/execution/meetings`;
export const meetingPath = (projectId: string, meetingId: string) => `/projects/${projectId}/execution/meetings/${meetingId}`;
/** The plan with a task's details open. */
export const planTaskPath = (projectId: string, taskId: string) => `/projects/${projectId}/planning?task=${taskId}`;
