import type { z } from "zod";
import type {
  ZCreateMeetingItemRequest,
  ZCreateMeetingRequest,
  ZMeeting,
  ZMeetingItem,
  ZMeetingList,
  ZMeetingListQuery,
  ZUpdateMeetingItemRequest,
  ZUpdateMeetingRequest,
} from "./meetings";
import type { TErrorCode, TErrorResponse } from "./errors";
import type { ZBurndown, ZBurndownQuery, ZEarnedValue, ZEarnedValueQuery, ZMilestoneTrend, ZProgressSnapshot } from "./monitoring";
import type {
  ZGenerateStatusReportRequest,
  ZPublishStatusReportRequest,
  ZStatusReport,
  ZStatusReportList,
  ZStatusReportSchedule,
  ZUpdateStatusReportRequest,
  ZUpdateStatusReportScheduleRequest,
} from "./status-reports";
import type {
  ZAddQualityGateItemRequest,
  ZCreateDefectRequest,
  ZCreateQualityGateRequest,
  ZCreateTestCaseRequest,
  ZDecideQualityGateRequest,
  ZDefect,
  ZDefectList,
  ZDefectTrend,
  ZDefectTrendQuery,
  ZListDefectsQuery,
  ZQualityGate,
  ZQualityGates,
  ZRecordTestRunRequest,
  ZTestCase,
  ZTestCaseList,
  ZTestRunOutcome,
  ZUpdateDefectRequest,
  ZUpdateQualityGateItemRequest,
  ZUpdateTestCaseRequest,
} from "./quality";
import type { ZListNotificationsQuery, ZMarkedNotificationsRead, ZNotification, ZNotificationList, ZNotificationSettings, ZUnreadNotificationCount, ZUpdateNotificationSettingsRequest } from "./notifications";
import type { ZClientProjectDashboard, ZPortfolio, ZPortfolioQuery, ZProjectDashboard } from "./dashboards";
import type { ZPerformanceQuery, ZPerformanceScope, ZProjectPerformance, ZRateStatusReportRequest, ZStatusReportSatisfaction, ZWorkspacePerformance } from "./performance";
import type { TPage, ZCalendarFeed, ZCalendarFeedCreated } from "./common";
import type { ZMe, ZSignInResponse, ZApiToken, ZCreatedApiToken, ZPasswordResetLink, ZUpdateMeRequest, ZCreateApiTokenRequest } from "./auth";
import type { ZUser, ZCreateUserRequest, ZUpdateUserRequest, ZListUsersQuery } from "./people";
import type { ZClient, ZCreateClientRequest, ZUpdateClientRequest, ZListClientsQuery } from "./clients";
import type {
  ZProject,
  ZProjectListItem,
  ZCreateProjectRequest,
  ZUpdateProjectRequest,
  ZListProjectsQuery,
  ZProjectMember,
  ZAddProjectMemberRequest,
  ZUpdateProjectMemberRequest,
} from "./projects";
import type { ZComment, ZAttachment, ZAuditEntry, TEntityType } from "./collaboration";
import type {
  ZBoard,
  ZBoardCard,
  ZBoardTaskDetail,
  ZBoardWorkflow,
  ZCreateBoardCardRequest,
  ZMoveBoardCardRequest,
  ZMyWork,
  ZMyWorkQuery,
  ZSetBoardAssigneesRequest,
  ZUpdateBoardTaskRequest,
  ZUpdateBoardWorkflowRequest,
} from "./board";
import type {
  ZRequirement,
  ZRequirementDetail,
  ZExportRequirementsQuery,
  ZListRequirementsQuery,
  ZCreateRequirementRequest,
  ZUpdateRequirementRequest,
  ZRequirementTransitionRequest,
  ZRequirementVersionsPage,
  ZRequirementRelation,
  ZCreateRequirementRelationRequest,
  ZUpdateRequirementRelationRequest,
  ZBulkUpdateRequirementsRequest,
  ZSavedView,
  ZCreateSavedViewRequest,
  ZTraceLink,
  ZListTraceLinksQuery,
  ZCreateTraceLinkRequest,
  ZTraceabilityMatrix,
  ZRequirementProposal,
  ZProjectRequirementProposals,
  ZDecideRequirementProposalRequest,
  ZRequirementProposalDecision,
} from "./requirements";
import type { ZRequirementImportPreview, ZRequirementImportResult } from "./requirements-import";
import type {
  ZElicitationSession,
  ZElicitationSessionSummary,
  ZListElicitationSessionsQuery,
  ZCreateElicitationSessionRequest,
  ZUpdateElicitationSessionRequest,
  ZElicitationPassage,
  ZCreatePassageRequest,
  ZCreateRequirementFromPassageRequest,
  ZRequirementFromPassage,
} from "./elicitation";
import type {
  ZQuestionnaire,
  ZQuestionnaireSummary,
  ZListQuestionnairesQuery,
  ZCreateQuestionnaireRequest,
  ZUpdateQuestionnaireRequest,
  ZQuestionnaireForm,
  ZSubmitQuestionnaireResponseRequest,
  ZSubmittedQuestionnaireResponse,
  ZQuestionnaireResults,
  ZCreateRequirementFromAnswerRequest,
  ZRequirementFromAnswer,
} from "./questionnaires";
import type {
  ZConfirmRequirementRequest,
  ZPendingConfirmations,
  ZRequirementConfirmationOutcome,
  ZRequirementConfirmationsList,
} from "./requirement-confirmations";
import type {
  ZChangeRequest,
  ZChangeRequestSummary,
  ZCreateChangeRequestRequest,
  ZDecideChangeRequestRequest,
  ZListChangeRequestsQuery,
  ZUpdateChangeRequestRequest,
} from "./change-requests";
import type { ZChangeRequestImpactEstimate, ZChangeRequestImpactEstimateRequest } from "./change-request-impact";

import type {
  ZMoveRequirementRequest,
  ZMoveRequirementResult,
  ZRankByScoreRequest,
  ZRankByScoreResult,
  ZRankedRequirement,
  ZRequirementPriorities,
  ZRequirementPrioritiesQuery,
  ZScoringModel,
  ZSetClientPriorityRequest,
  ZUpdatePriorityInputsRequest,
  ZUpdateScoringModelRequest,
} from "./prioritisation";

import type { ZBaseline, ZBaselineComparison, ZBaselineDetail, ZBaselinePreview, ZCreateBaselineRequest, ZScopeCreep } from "./baselines";
import type {
  ZAddDefaultRisksRequest,
  ZAddDefaultRisksResponse,
  ZCreateRiskRequest,
  ZListRisksQuery,
  ZRecordRiskReviewRequest,
  ZRecordRiskReviewResponse,
  ZRisk,
  ZRiskHeatMap,
  ZRiskHeatMapQuery,
  ZRiskReview,
  ZRiskRequirementLink,
  ZRiskSummary,
  ZUpdateRiskRequest,
} from "./risks";
import type {
  ZCreatePlanDependencyRequest,
  ZCreatePlanTaskRequest,
  ZMovePlanTaskRequest,
  ZPlan,
  ZPlanCalendar,
  ZPlanChange,
  ZSetPlanPredecessorsRequest,
  ZUpdatePlanCalendarRequest,
  ZUpdatePlanDependencyRequest,
  ZUpdatePlanTaskRequest,
} from "./planning";
import type {
  ZApplyPlanLevellingRequest,
  ZCreatePlanResourceRequest,
  ZPlanAssignmentsChange,
  ZPlanBudget,
  ZPlanLevellingPreview,
  ZPlanLevellingRequest,
  ZPlanResourceChange,
  ZPlanResourceList,
  ZPlanResourceLoad,
  ZSetPlanAssignmentsRequest,
  ZUpdatePlanResourceRequest,
  TPlanBudgetInterval,
} from "./plan-resources";
import type { ZPlanBaseline, ZPlanBaselineSummary, ZSavePlanBaselineRequest } from "./plan-baselines";
import type { ZApplyPlanTemplateRequest, ZAppliedPlanTemplate, ZPlanTemplateList, ZPlanTemplateListQuery } from "./plan-templates";
import type { TPlanExchangeFormat, ZPlanImportOutcome, ZPlanImportQuery } from "./plan-exchange";
import type {
  ZActualCost,
  ZActualCostQuery,
  ZCreateTimeEntryRequest,
  ZDecideTimesheetPartRequest,
  ZListTimeEntriesQuery,
  ZStartTimerRequest,
  ZStopTimerRequest,
  ZSubmitTimesheetRequest,
  ZTimeEntry,
  ZTimeEntryList,
  ZTimerStarted,
  ZTimerState,
  ZTimerStopped,
  ZTimesheetApproval,
  ZTimesheetApprovalList,
  ZTimesheetApprovalsQuery,
  ZTimesheetWeek,
  ZUpdateTimeEntryRequest,
} from "./time";

type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.input<T>;

/** An error response from the API, carrying its code and localised message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: TErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type ApiClientOptions = {
  /** e.g. `http://localhost:3000`; empty for same-origin requests from the browser. */
  baseUrl?: string;
  /** Bearer token for scripts; browsers use the session cookie instead. */
  token?: string;
  /** Read on every write; the double-submit CSRF token (cookie `jiaofu_csrf`). */
  csrfToken?: () => string | undefined;
  locale?: () => string | undefined;
  fetch?: typeof fetch;
};

function toQuery(params: Record<string, unknown> | undefined): string {
  if (!params) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The typed client used by the web app and the CLI. One method per API operation. */
export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const baseUrl = options.baseUrl ?? "";

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    const locale = options.locale?.();
    if (locale) headers["accept-language"] = locale;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const isForm = typeof FormData !== "undefined" && body instanceof FormData;
    if (body !== undefined && !isForm) headers["content-type"] = "application/json";
    if (method !== "GET") {
      const csrf = options.csrfToken?.();
      if (csrf) headers["x-csrf-token"] = csrf;
    }
    const init: RequestInit = { method, headers, credentials: "same-origin" };
    if (body !== undefined) init.body = isForm ? (body as FormData) : JSON.stringify(body);
    const response = await doFetch(`${baseUrl}${path}`, init);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    const data: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const error = (data as TErrorResponse | undefined)?.error;
      throw new ApiError(response.status, error?.code ?? "internal", error?.message ?? response.statusText, error?.details);
    }
    return data as T;
  }

  const enc = encodeURIComponent;
  return {
    request,
    auth: {
      signIn: (body: { email: string; password: string }) => request<Out<typeof ZSignInResponse>>("POST", "/api/v1/auth/sign-in", body),
      signOut: () => request<void>("POST", "/api/v1/auth/sign-out"),
      requestPasswordReset: (email: string) => request<void>("POST", "/api/v1/auth/password-reset", { email }),
      completePasswordReset: (token: string, newPassword: string) =>
        request<void>("POST", "/api/v1/auth/password-reset/complete", { token, newPassword }),
    },
    me: {
      get: () => request<Out<typeof ZMe>>("GET", "/api/v1/me"),
      update: (body: In<typeof ZUpdateMeRequest>) => request<Out<typeof ZMe>>("PATCH", "/api/v1/me", body),
      changePassword: (currentPassword: string, newPassword: string) =>
        request<void>("POST", "/api/v1/me/password", { currentPassword, newPassword }),
      listTokens: () => request<{ items: Out<typeof ZApiToken>[] }>("GET", "/api/v1/me/tokens"),
      createToken: (body: In<typeof ZCreateApiTokenRequest>) => request<Out<typeof ZCreatedApiToken>>("POST", "/api/v1/me/tokens", body),
      revokeToken: (id: string) => request<void>("DELETE", `/api/v1/me/tokens/${enc(id)}`),
    },
    users: {
      list: (query?: In<typeof ZListUsersQuery>) => request<TPage<Out<typeof ZUser>>>("GET", `/api/v1/users${toQuery(query)}`),
      get: (id: string) => request<Out<typeof ZUser>>("GET", `/api/v1/users/${enc(id)}`),
      create: (body: In<typeof ZCreateUserRequest>) => request<Out<typeof ZUser>>("POST", "/api/v1/users", body),
      update: (id: string, body: In<typeof ZUpdateUserRequest>) => request<Out<typeof ZUser>>("PATCH", `/api/v1/users/${enc(id)}`, body),
      createPasswordResetLink: (id: string) =>
        request<Out<typeof ZPasswordResetLink>>("POST", `/api/v1/users/${enc(id)}/password-reset-link`),
    },
    clients: {
      list: (query?: In<typeof ZListClientsQuery>) => request<TPage<Out<typeof ZClient>>>("GET", `/api/v1/clients${toQuery(query)}`),
      get: (id: string) => request<Out<typeof ZClient>>("GET", `/api/v1/clients/${enc(id)}`),
      create: (body: In<typeof ZCreateClientRequest>) => request<Out<typeof ZClient>>("POST", "/api/v1/clients", body),
      update: (id: string, body: In<typeof ZUpdateClientRequest>) =>
        request<Out<typeof ZClient>>("PATCH", `/api/v1/clients/${enc(id)}`, body),
    },
    projects: {
      list: (query?: In<typeof ZListProjectsQuery>) => request<TPage<Out<typeof ZProjectListItem>>>("GET", `/api/v1/projects${toQuery(query)}`),
      get: (id: string) => request<Out<typeof ZProject>>("GET", `/api/v1/projects/${enc(id)}`),
      create: (body: In<typeof ZCreateProjectRequest>) => request<Out<typeof ZProject>>("POST", "/api/v1/projects", body),
      update: (id: string, body: In<typeof ZUpdateProjectRequest>) =>
        request<Out<typeof ZProject>>("PATCH", `/api/v1/projects/${enc(id)}`, body),
      listMembers: (id: string) => request<{ items: Out<typeof ZProjectMember>[] }>("GET", `/api/v1/projects/${enc(id)}/members`),
      addMember: (id: string, body: In<typeof ZAddProjectMemberRequest>) =>
        request<Out<typeof ZProjectMember>>("POST", `/api/v1/projects/${enc(id)}/members`, body),
      updateMember: (id: string, userId: string, body: In<typeof ZUpdateProjectMemberRequest>) =>
        request<Out<typeof ZProjectMember>>("PATCH", `/api/v1/projects/${enc(id)}/members/${enc(userId)}`, body),
      removeMember: (id: string, userId: string) => request<void>("DELETE", `/api/v1/projects/${enc(id)}/members/${enc(userId)}`),
    },
    comments: {
      list: (entityType: TEntityType, entityId: string, cursor?: string) =>
        request<TPage<Out<typeof ZComment>>>("GET", `/api/v1/${entityType}s/${enc(entityId)}/comments${toQuery({ cursor })}`),
      create: (entityType: TEntityType, entityId: string, body: string) =>
        request<Out<typeof ZComment>>("POST", `/api/v1/${entityType}s/${enc(entityId)}/comments`, { body }),
      update: (id: string, body: string, version: number) =>
        request<Out<typeof ZComment>>("PATCH", `/api/v1/comments/${enc(id)}`, { body, version }),
      remove: (id: string) => request<void>("DELETE", `/api/v1/comments/${enc(id)}`),
    },
    attachments: {
      list: (entityType: TEntityType, entityId: string) =>
        request<{ items: Out<typeof ZAttachment>[] }>("GET", `/api/v1/${entityType}s/${enc(entityId)}/attachments`),
      upload: (entityType: TEntityType, entityId: string, form: FormData) =>
        request<Out<typeof ZAttachment>>("POST", `/api/v1/${entityType}s/${enc(entityId)}/attachments`, form),
      downloadUrl: (id: string) => `${baseUrl}/api/v1/attachments/${enc(id)}/content`,
      remove: (id: string) => request<void>("DELETE", `/api/v1/attachments/${enc(id)}`),
    },
    audit: {
      list: (entityType: TEntityType, entityId: string, cursor?: string) =>
        request<TPage<Out<typeof ZAuditEntry>>>("GET", `/api/v1/${entityType}s/${enc(entityId)}/audit${toQuery({ cursor })}`),
    },
    requirements: {
      list: (projectId: string, query?: In<typeof ZListRequirementsQuery>) =>
        request<TPage<Out<typeof ZRequirement>>>("GET", `/api/v1/projects/${enc(projectId)}/requirements${toQuery(query)}`),
      /** The register as a file with the list's filters (for a link or `window.location`); the browser sends the cookie. */
      exportUrl: (projectId: string, format: "csv" | "xlsx", query?: In<typeof ZExportRequirementsQuery>) =>
        `${baseUrl}/api/v1/projects/${enc(projectId)}/requirements/export.${format}${toQuery(query)}`,
      /** The import's endpoints take a form with one file part named `file` (CSV or XLSX). */
      importPreviewUrl: (projectId: string) => `${baseUrl}/api/v1/projects/${enc(projectId)}/requirements/import/preview`,
      importUrl: (projectId: string) => `${baseUrl}/api/v1/projects/${enc(projectId)}/requirements/import`,
      importTemplateUrl: (projectId: string) => `${baseUrl}/api/v1/projects/${enc(projectId)}/requirements/import/template.csv`,
      /** What importing the file would create, row by row with errors and warnings; writes nothing. */
      previewImport: (projectId: string, form: FormData) =>
        request<Out<typeof ZRequirementImportPreview>>("POST", `/api/v1/projects/${enc(projectId)}/requirements/import/preview`, form),
      /** Every row as a draft, all or nothing (a row with an error: ApiError 400 with `details.preview`). */
      importFile: (projectId: string, form: FormData) =>
        request<Out<typeof ZRequirementImportResult>>("POST", `/api/v1/projects/${enc(projectId)}/requirements/import`, form),
      create: (projectId: string, body: In<typeof ZCreateRequirementRequest>) =>
        request<Out<typeof ZRequirementDetail>>("POST", `/api/v1/projects/${enc(projectId)}/requirements`, body),
      get: (id: string) => request<Out<typeof ZRequirementDetail>>("GET", `/api/v1/requirements/${enc(id)}`),
      update: (id: string, body: In<typeof ZUpdateRequirementRequest>) =>
        request<Out<typeof ZRequirementDetail>>("PATCH", `/api/v1/requirements/${enc(id)}`, body),
      transition: (id: string, body: In<typeof ZRequirementTransitionRequest>) =>
        request<Out<typeof ZRequirementDetail>>("POST", `/api/v1/requirements/${enc(id)}/transitions`, body),
      versions: (id: string, query?: { cursor?: string; limit?: number }) =>
        request<Out<typeof ZRequirementVersionsPage>>("GET", `/api/v1/requirements/${enc(id)}/versions${toQuery(query)}`),
      bulkUpdate: (projectId: string, body: In<typeof ZBulkUpdateRequirementsRequest>) =>
        request<{ items: Out<typeof ZRequirement>[] }>("PATCH", `/api/v1/projects/${enc(projectId)}/requirements/bulk`, body),
      listRelations: (id: string) => request<{ items: Out<typeof ZRequirementRelation>[] }>("GET", `/api/v1/requirements/${enc(id)}/relations`),
      addRelation: (id: string, body: In<typeof ZCreateRequirementRelationRequest>) =>
        request<Out<typeof ZRequirementRelation>>("POST", `/api/v1/requirements/${enc(id)}/relations`, body),
      updateRelation: (relationId: string, body: In<typeof ZUpdateRequirementRelationRequest>) =>
        request<Out<typeof ZRequirementRelation>>("PATCH", `/api/v1/requirement-relations/${enc(relationId)}`, body),
      removeRelation: (relationId: string) => request<void>("DELETE", `/api/v1/requirement-relations/${enc(relationId)}`),
      listProposals: (id: string) => request<{ items: Out<typeof ZRequirementProposal>[] }>("GET", `/api/v1/requirements/${enc(id)}/proposals`),
      listProjectProposals: (projectId: string) =>
        request<Out<typeof ZProjectRequirementProposals>>("GET", `/api/v1/projects/${enc(projectId)}/requirement-proposals`),
      decideProposal: (id: string, body: In<typeof ZDecideRequirementProposalRequest>) =>
        request<Out<typeof ZRequirementProposalDecision>>("POST", `/api/v1/requirements/${enc(id)}/proposals/decisions`, body),
      listSavedViews: (projectId: string) => request<{ items: Out<typeof ZSavedView>[] }>("GET", `/api/v1/projects/${enc(projectId)}/saved-views`),
      createSavedView: (projectId: string, body: In<typeof ZCreateSavedViewRequest>) =>
        request<Out<typeof ZSavedView>>("POST", `/api/v1/projects/${enc(projectId)}/saved-views`, body),
      removeSavedView: (projectId: string, viewId: string) =>
        request<void>("DELETE", `/api/v1/projects/${enc(projectId)}/saved-views/${enc(viewId)}`),
    },
    /** The client's confirmation of requirements: contacts approve or ask for clarification; everyone reads the history. */
    confirmations: {
      confirm: (requirementId: string, body: In<typeof ZConfirmRequirementRequest>) =>
        request<Out<typeof ZRequirementConfirmationOutcome>>("POST", `/api/v1/requirements/${enc(requirementId)}/confirmations`, body),
      list: (requirementId: string) => request<Out<typeof ZRequirementConfirmationsList>>("GET", `/api/v1/requirements/${enc(requirementId)}/confirmations`),
      pending: (projectId: string) => request<Out<typeof ZPendingConfirmations>>("GET", `/api/v1/projects/${enc(projectId)}/confirmations/pending`),
    },
    /** Prioritisation: the scoring model, the ranked view, drag-and-drop moves, ranking by score, the client's priority. */
    prioritisation: {
      scoringModel: (projectId: string) => request<Out<typeof ZScoringModel>>("GET", `/api/v1/projects/${enc(projectId)}/requirement-scoring-model`),
      updateScoringModel: (projectId: string, body: In<typeof ZUpdateScoringModelRequest>) =>
        request<Out<typeof ZScoringModel>>("PUT", `/api/v1/projects/${enc(projectId)}/requirement-scoring-model`, body),
      ranked: (projectId: string, query?: In<typeof ZRequirementPrioritiesQuery>) =>
        request<Out<typeof ZRequirementPriorities>>("GET", `/api/v1/projects/${enc(projectId)}/requirement-priorities${toQuery(query)}`),
      rankByScore: (projectId: string, body: In<typeof ZRankByScoreRequest>) =>
        request<Out<typeof ZRankByScoreResult>>("POST", `/api/v1/projects/${enc(projectId)}/requirement-priorities/rank-by-score`, body),
      move: (requirementId: string, body: In<typeof ZMoveRequirementRequest>) =>
        request<Out<typeof ZMoveRequirementResult>>("POST", `/api/v1/requirements/${enc(requirementId)}/move`, body),
      updateInputs: (requirementId: string, body: In<typeof ZUpdatePriorityInputsRequest>) =>
        request<Out<typeof ZRankedRequirement>>("PATCH", `/api/v1/requirements/${enc(requirementId)}/priority-inputs`, body),
      /** The client's own priority (a contact sets it in the portal; the team may record it for them). */
      setClientPriority: (requirementId: string, body: In<typeof ZSetClientPriorityRequest>) =>
        request<Out<typeof ZRankedRequirement>>("PUT", `/api/v1/requirements/${enc(requirementId)}/client-priority`, body),
    },
    traceability: {
      listLinks: (projectId: string, query?: In<typeof ZListTraceLinksQuery>) =>
        request<TPage<Out<typeof ZTraceLink>>>("GET", `/api/v1/projects/${enc(projectId)}/trace-links${toQuery(query)}`),
      createLink: (projectId: string, body: In<typeof ZCreateTraceLinkRequest>) =>
        request<Out<typeof ZTraceLink>>("POST", `/api/v1/projects/${enc(projectId)}/trace-links`, body),
      removeLink: (id: string) => request<void>("DELETE", `/api/v1/trace-links/${enc(id)}`),
      matrix: (projectId: string) => request<Out<typeof ZTraceabilityMatrix>>("GET", `/api/v1/projects/${enc(projectId)}/traceability`),
    },
    elicitation: {
      listSessions: (projectId: string, query?: In<typeof ZListElicitationSessionsQuery>) =>
        request<TPage<Out<typeof ZElicitationSessionSummary>>>("GET", `/api/v1/projects/${enc(projectId)}/elicitation-sessions${toQuery(query)}`),
      createSession: (projectId: string, body: In<typeof ZCreateElicitationSessionRequest>) =>
        request<Out<typeof ZElicitationSession>>("POST", `/api/v1/projects/${enc(projectId)}/elicitation-sessions`, body),
      getSession: (id: string) => request<Out<typeof ZElicitationSession>>("GET", `/api/v1/elicitation-sessions/${enc(id)}`),
      updateSession: (id: string, body: In<typeof ZUpdateElicitationSessionRequest>) =>
        request<Out<typeof ZElicitationSession>>("PATCH", `/api/v1/elicitation-sessions/${enc(id)}`, body),
      removeSession: (id: string, version?: number) => request<void>("DELETE", `/api/v1/elicitation-sessions/${enc(id)}${toQuery({ version })}`),
      listPassages: (id: string) => request<{ items: Out<typeof ZElicitationPassage>[] }>("GET", `/api/v1/elicitation-sessions/${enc(id)}/passages`),
      createPassage: (id: string, body: In<typeof ZCreatePassageRequest>) =>
        request<{ passage: Out<typeof ZElicitationPassage>; created: boolean }>("POST", `/api/v1/elicitation-sessions/${enc(id)}/passages`, body),
      removePassage: (id: string, passageId: string) => request<void>("DELETE", `/api/v1/elicitation-sessions/${enc(id)}/passages/${enc(passageId)}`),
      createRequirementFromPassage: (id: string, body: In<typeof ZCreateRequirementFromPassageRequest>) =>
        request<Out<typeof ZRequirementFromPassage>>("POST", `/api/v1/elicitation-sessions/${enc(id)}/requirements`, body),
    },
    questionnaires: {
      list: (projectId: string, query?: In<typeof ZListQuestionnairesQuery>) =>
        request<TPage<Out<typeof ZQuestionnaireSummary>>>("GET", `/api/v1/projects/${enc(projectId)}/questionnaires${toQuery(query)}`),
      create: (projectId: string, body: In<typeof ZCreateQuestionnaireRequest>) =>
        request<Out<typeof ZQuestionnaire>>("POST", `/api/v1/projects/${enc(projectId)}/questionnaires`, body),
      get: (id: string) => request<Out<typeof ZQuestionnaire>>("GET", `/api/v1/questionnaires/${enc(id)}`),
      update: (id: string, body: In<typeof ZUpdateQuestionnaireRequest>) =>
        request<Out<typeof ZQuestionnaire>>("PATCH", `/api/v1/questionnaires/${enc(id)}`, body),
      remove: (id: string, version?: number) => request<void>("DELETE", `/api/v1/questionnaires/${enc(id)}${toQuery({ version })}`),
      regeneratePublicLink: (id: string) => request<Out<typeof ZQuestionnaire>>("POST", `/api/v1/questionnaires/${enc(id)}/public-link`),
      /** The form a client contact answers in the portal. */
      getForm: (id: string) => request<Out<typeof ZQuestionnaireForm>>("GET", `/api/v1/questionnaires/${enc(id)}/form`),
      respond: (id: string, body: In<typeof ZSubmitQuestionnaireResponseRequest>) =>
        request<Out<typeof ZSubmittedQuestionnaireResponse>>("POST", `/api/v1/questionnaires/${enc(id)}/responses`, body),
      results: (id: string) => request<Out<typeof ZQuestionnaireResults>>("GET", `/api/v1/questionnaires/${enc(id)}/results`),
      /** Download links (the browser sends the session cookie). */
      exportUrl: (id: string, format: "csv" | "xlsx") => `${baseUrl}/api/v1/questionnaires/${enc(id)}/results.${format}`,
      createRequirementFromAnswer: (id: string, responseId: string, questionId: string, body: In<typeof ZCreateRequirementFromAnswerRequest>) =>
        request<Out<typeof ZRequirementFromAnswer>>(
          "POST",
          `/api/v1/questionnaires/${enc(id)}/responses/${enc(responseId)}/answers/${enc(questionId)}/requirements`,
          body,
        ),
    },
    changeRequests: {
      list: (projectId: string, query?: In<typeof ZListChangeRequestsQuery>) =>
        request<TPage<Out<typeof ZChangeRequestSummary>>>("GET", `/api/v1/projects/${enc(projectId)}/change-requests${toQuery(query)}`),
      create: (projectId: string, body: In<typeof ZCreateChangeRequestRequest>) =>
        request<Out<typeof ZChangeRequest>>("POST", `/api/v1/projects/${enc(projectId)}/change-requests`, body),
      get: (id: string) => request<Out<typeof ZChangeRequest>>("GET", `/api/v1/change-requests/${enc(id)}`),
      update: (id: string, body: In<typeof ZUpdateChangeRequestRequest>) =>
        request<Out<typeof ZChangeRequest>>("PATCH", `/api/v1/change-requests/${enc(id)}`, body),
      submit: (id: string, version: number) => request<Out<typeof ZChangeRequest>>("POST", `/api/v1/change-requests/${enc(id)}/submit`, { version }),
      withdraw: (id: string, version: number) => request<Out<typeof ZChangeRequest>>("POST", `/api/v1/change-requests/${enc(id)}/withdraw`, { version }),
      /** The caller's side decides: the project manager (or an admin) as manager, a client contact as client. */
      decide: (id: string, body: In<typeof ZDecideChangeRequestRequest>) =>
        request<Out<typeof ZChangeRequest>>("POST", `/api/v1/change-requests/${enc(id)}/decisions`, body),
      /** Effort, days and cost from the plan tasks traced to the requirements a (possibly unsaved) request changes. */
      impactEstimate: (projectId: string, body: In<typeof ZChangeRequestImpactEstimateRequest>) =>
        request<Out<typeof ZChangeRequestImpactEstimate>>("POST", `/api/v1/projects/${enc(projectId)}/change-requests/impact-estimate`, body),
    },
    /** Scope baselines (immutable: no update or remove) and the scope-creep figure. */
    baselines: {
      list: (projectId: string) => request<{ items: Out<typeof ZBaseline>[] }>("GET", `/api/v1/projects/${enc(projectId)}/baselines`),
      preview: (projectId: string) => request<Out<typeof ZBaselinePreview>>("GET", `/api/v1/projects/${enc(projectId)}/baselines/preview`),
      create: (projectId: string, body: In<typeof ZCreateBaselineRequest>) =>
        request<Out<typeof ZBaselineDetail>>("POST", `/api/v1/projects/${enc(projectId)}/baselines`, body),
      get: (id: string) => request<Out<typeof ZBaselineDetail>>("GET", `/api/v1/baselines/${enc(id)}`),
      /** `withId`: another baseline of the project, or "current" for the register today. */
      compare: (id: string, withId: string) => request<Out<typeof ZBaselineComparison>>("GET", `/api/v1/baselines/${enc(id)}/compare${toQuery({ with: withId })}`),
      scopeCreep: (projectId: string) => request<Out<typeof ZScopeCreep>>("GET", `/api/v1/projects/${enc(projectId)}/scope-creep`),
    },
    /** The risk register (docs/risks.md): risks, their reviews, the heat map, links to requirements, default risks. */
    risks: {
      list: (projectId: string, query?: In<typeof ZListRisksQuery>) =>
        request<TPage<Out<typeof ZRiskSummary>>>("GET", `/api/v1/projects/${enc(projectId)}/risks${toQuery(query)}`),
      create: (projectId: string, body: In<typeof ZCreateRiskRequest>) => request<Out<typeof ZRisk>>("POST", `/api/v1/projects/${enc(projectId)}/risks`, body),
      heatMap: (projectId: string, query?: In<typeof ZRiskHeatMapQuery>) =>
        request<Out<typeof ZRiskHeatMap>>("GET", `/api/v1/projects/${enc(projectId)}/risks/heat-map${toQuery(query)}`),
      /** Inserts a kind's default risks; those already added from the catalogue are skipped. */
      addDefaults: (projectId: string, body: In<typeof ZAddDefaultRisksRequest>) =>
        request<Out<typeof ZAddDefaultRisksResponse>>("POST", `/api/v1/projects/${enc(projectId)}/risks/defaults`, body),
      get: (id: string) => request<Out<typeof ZRisk>>("GET", `/api/v1/risks/${enc(id)}`),
      update: (id: string, body: In<typeof ZUpdateRiskRequest>) => request<Out<typeof ZRisk>>("PATCH", `/api/v1/risks/${enc(id)}`, body),
      reviews: (id: string) => request<{ items: Out<typeof ZRiskReview>[] }>("GET", `/api/v1/risks/${enc(id)}/reviews`),
      recordReview: (id: string, body: In<typeof ZRecordRiskReviewRequest>) =>
        request<Out<typeof ZRecordRiskReviewResponse>>("POST", `/api/v1/risks/${enc(id)}/reviews`, body),
      linkRequirement: (id: string, requirementId: string) =>
        request<Out<typeof ZRiskRequirementLink>>("POST", `/api/v1/risks/${enc(id)}/requirements`, { requirementId }),
      unlinkRequirement: (id: string, requirementId: string) => request<void>("DELETE", `/api/v1/risks/${enc(id)}/requirements/${enc(requirementId)}`),
    },
    /** The plan (WBS, dependencies, calendar); every write answers with what the reschedule changed. */
    planning: {
      get: (projectId: string) => request<Out<typeof ZPlan>>("GET", `/api/v1/projects/${enc(projectId)}/plan`),
      createTask: (projectId: string, body: In<typeof ZCreatePlanTaskRequest>) =>
        request<Out<typeof ZPlanChange>>("POST", `/api/v1/projects/${enc(projectId)}/plan/tasks`, body),
      updateTask: (id: string, body: In<typeof ZUpdatePlanTaskRequest>) => request<Out<typeof ZPlanChange>>("PATCH", `/api/v1/plan-tasks/${enc(id)}`, body),
      /** `withSubtasks`: confirm deleting a summary task with everything under it. */
      removeTask: (id: string, version: number, withSubtasks = false) =>
        request<Out<typeof ZPlanChange>>("DELETE", `/api/v1/plan-tasks/${enc(id)}${toQuery({ version, withSubtasks: withSubtasks ? "true" : undefined })}`),
      moveTask: (id: string, body: In<typeof ZMovePlanTaskRequest>) => request<Out<typeof ZPlanChange>>("POST", `/api/v1/plan-tasks/${enc(id)}/move`, body),
      setPredecessors: (id: string, body: In<typeof ZSetPlanPredecessorsRequest>) =>
        request<Out<typeof ZPlanChange>>("PUT", `/api/v1/plan-tasks/${enc(id)}/predecessors`, body),
      createDependency: (projectId: string, body: In<typeof ZCreatePlanDependencyRequest>) =>
        request<Out<typeof ZPlanChange>>("POST", `/api/v1/projects/${enc(projectId)}/plan/dependencies`, body),
      updateDependency: (id: string, body: In<typeof ZUpdatePlanDependencyRequest>) =>
        request<Out<typeof ZPlanChange>>("PATCH", `/api/v1/plan-dependencies/${enc(id)}`, body),
      removeDependency: (id: string) => request<Out<typeof ZPlanChange>>("DELETE", `/api/v1/plan-dependencies/${enc(id)}`),
      calendar: (projectId: string) => request<Out<typeof ZPlanCalendar>>("GET", `/api/v1/projects/${enc(projectId)}/plan/calendar`),
      updateCalendar: (projectId: string, body: In<typeof ZUpdatePlanCalendarRequest>) =>
        request<Out<typeof ZPlanCalendar>>("PUT", `/api/v1/projects/${enc(projectId)}/plan/calendar`, body),
    },
    /** The plan's resources, their assignments to tasks and their daily load (the team's only). */
    planResources: {
      list: (projectId: string) => request<Out<typeof ZPlanResourceList>>("GET", `/api/v1/projects/${enc(projectId)}/plan/resources`),
      load: (projectId: string) => request<Out<typeof ZPlanResourceLoad>>("GET", `/api/v1/projects/${enc(projectId)}/plan/resources/load`),
      create: (projectId: string, body: In<typeof ZCreatePlanResourceRequest>) =>
        request<Out<typeof ZPlanResourceChange>>("POST", `/api/v1/projects/${enc(projectId)}/plan/resources`, body),
      update: (id: string, body: In<typeof ZUpdatePlanResourceRequest>) => request<Out<typeof ZPlanResourceChange>>("PATCH", `/api/v1/plan-resources/${enc(id)}`, body),
      remove: (id: string, version: number) => request<Out<typeof ZPlanResourceChange>>("DELETE", `/api/v1/plan-resources/${enc(id)}?version=${version}`),
      /** Replaces a task's assignments; `version` is the task's. */
      setAssignments: (taskId: string, body: In<typeof ZSetPlanAssignmentsRequest>) =>
        request<Out<typeof ZPlanAssignmentsChange>>("PUT", `/api/v1/plan-tasks/${enc(taskId)}/assignments`, body),
      previewLevelling: (projectId: string, body: In<typeof ZPlanLevellingRequest>) =>
        request<Out<typeof ZPlanLevellingPreview>>("POST", `/api/v1/projects/${enc(projectId)}/plan/levelling/preview`, body),
      applyLevelling: (projectId: string, body: In<typeof ZApplyPlanLevellingRequest>) =>
        request<Out<typeof ZPlanChange>>("POST", `/api/v1/projects/${enc(projectId)}/plan/levelling`, body),
      clearLevelling: (projectId: string) => request<Out<typeof ZPlanChange>>("DELETE", `/api/v1/projects/${enc(projectId)}/plan/levelling`),
      budget: (projectId: string, interval: TPlanBudgetInterval) =>
        request<Out<typeof ZPlanBudget>>("GET", `/api/v1/projects/${enc(projectId)}/plan/budget?interval=${interval}`),
    },
    /** Plan baselines (PB-n): immutable snapshots of the schedule to measure variance against. */
    planBaselines: {
      list: (projectId: string) => request<{ items: Out<typeof ZPlanBaselineSummary>[] }>("GET", `/api/v1/projects/${enc(projectId)}/plan/baselines`),
      get: (id: string) => request<Out<typeof ZPlanBaseline>>("GET", `/api/v1/plan-baselines/${enc(id)}`),
      save: (projectId: string, body: In<typeof ZSavePlanBaselineRequest>) =>
        request<Out<typeof ZPlanBaselineSummary>>("POST", `/api/v1/projects/${enc(projectId)}/plan/baselines`, body),
      remove: (id: string) => request<void>("DELETE", `/api/v1/plan-baselines/${enc(id)}`),
    },
    /** Project templates: start an empty plan from a WBS with calendar and default risks, personalised per client industry. */
    planTemplates: {
      list: (query?: In<typeof ZPlanTemplateListQuery>) => request<Out<typeof ZPlanTemplateList>>("GET", `/api/v1/plan-templates${toQuery(query)}`),
      apply: (projectId: string, body: In<typeof ZApplyPlanTemplateRequest>) =>
        request<Out<typeof ZAppliedPlanTemplate>>("POST", `/api/v1/projects/${enc(projectId)}/plan/template`, body),
    },
    /** The plan as MS Project XML or CSV (out and in), and the caller's milestone calendar feed. */
    planExchange: {
      /** The export as a file (for a link or `window.location`); the browser sends the cookie. */
      exportUrl: (projectId: string, format: TPlanExchangeFormat) => `${baseUrl}/api/v1/projects/${enc(projectId)}/plan/export/${format}`,
      /** A form with one file part named `file`; `mode: "preview"` writes nothing, `"commit"` imports (400 with `details.preview` on any error). */
      importFile: (projectId: string, format: TPlanExchangeFormat, form: FormData, query?: In<typeof ZPlanImportQuery>) =>
        request<Out<typeof ZPlanImportOutcome>>("POST", `/api/v1/projects/${enc(projectId)}/plan/import/${format}${toQuery(query)}`, form),
      feed: (projectId: string) => request<Out<typeof ZCalendarFeed>>("GET", `/api/v1/projects/${enc(projectId)}/plan/feed`),
      /** A new feed address, shown this once (the previous one stops working). */
      createFeed: (projectId: string) => request<Out<typeof ZCalendarFeedCreated>>("POST", `/api/v1/projects/${enc(projectId)}/plan/feed`),
      revokeFeed: (projectId: string) => request<void>("DELETE", `/api/v1/projects/${enc(projectId)}/plan/feed`),
    },
    /** Meetings (MTG-n, docs/execution.md "Meetings"): occurrences, minutes, attendance, decisions, action items → tasks, iCalendar. */
    meetings: {
      list: (projectId: string, query?: In<typeof ZMeetingListQuery>) =>
        request<Out<typeof ZMeetingList>>("GET", `/api/v1/projects/${enc(projectId)}/meetings${toQuery(query)}`),
      create: (projectId: string, body: In<typeof ZCreateMeetingRequest>) => request<Out<typeof ZMeeting>>("POST", `/api/v1/projects/${enc(projectId)}/meetings`, body),
      get: (id: string) => request<Out<typeof ZMeeting>>("GET", `/api/v1/meetings/${enc(id)}`),
      update: (id: string, body: In<typeof ZUpdateMeetingRequest>) => request<Out<typeof ZMeeting>>("PATCH", `/api/v1/meetings/${enc(id)}`, body),
      /** Gives an occurrence of a series its own meeting (to hold it, take its minutes or cancel it); the existing one if opened before. */
      openOccurrence: (seriesId: string, occurrenceStart: string) =>
        request<Out<typeof ZMeeting>>("POST", `/api/v1/meetings/${enc(seriesId)}/occurrences`, { occurrenceStart }),
      addItem: (id: string, body: In<typeof ZCreateMeetingItemRequest>) => request<Out<typeof ZMeetingItem>>("POST", `/api/v1/meetings/${enc(id)}/items`, body),
      updateItem: (itemId: string, body: In<typeof ZUpdateMeetingItemRequest>) => request<Out<typeof ZMeetingItem>>("PATCH", `/api/v1/meeting-items/${enc(itemId)}`, body),
      removeItem: (itemId: string, version: number) => request<void>("DELETE", `/api/v1/meeting-items/${enc(itemId)}?version=${version}`),
      /** Makes an action item a plan task (owner, assignee, deadline); converting again answers the same task. */
      createTask: (itemId: string) => request<Out<typeof ZMeetingItem>>("POST", `/api/v1/meeting-items/${enc(itemId)}/task`),
      /** The meeting as an iCalendar invitation (for a link); the browser sends the cookie. */
      icsUrl: (id: string) => `${baseUrl}/api/v1/meetings/${enc(id)}/ics`,
      feed: (projectId: string) => request<Out<typeof ZCalendarFeed>>("GET", `/api/v1/projects/${enc(projectId)}/meetings/feed`),
      /** A new feed address, shown this once (the previous one stops working). */
      createFeed: (projectId: string) => request<Out<typeof ZCalendarFeedCreated>>("POST", `/api/v1/projects/${enc(projectId)}/meetings/feed`),
      revokeFeed: (projectId: string) => request<void>("DELETE", `/api/v1/projects/${enc(projectId)}/meetings/feed`),
    },
    /** Time tracking (docs/execution.md "Time tracking"): the timer, entries, weekly timesheets, approvals, actual cost. */
    time: {
      timer: () => request<Out<typeof ZTimerState>>("GET", "/api/v1/time/timer"),
      startTimer: (body: In<typeof ZStartTimerRequest>) => request<Out<typeof ZTimerStarted>>("POST", "/api/v1/time/timer/start", body),
      stopTimer: (body: In<typeof ZStopTimerRequest> = {}) => request<Out<typeof ZTimerStopped>>("POST", "/api/v1/time/timer/stop", body),
      discardTimer: () => request<void>("DELETE", "/api/v1/time/timer"),
      entries: (query?: In<typeof ZListTimeEntriesQuery>) => request<Out<typeof ZTimeEntryList>>("GET", `/api/v1/time/entries${toQuery(query)}`),
      createEntry: (body: In<typeof ZCreateTimeEntryRequest>) => request<Out<typeof ZTimeEntry>>("POST", "/api/v1/time/entries", body),
      updateEntry: (id: string, body: In<typeof ZUpdateTimeEntryRequest>) => request<Out<typeof ZTimeEntry>>("PATCH", `/api/v1/time/entries/${enc(id)}`, body),
      removeEntry: (id: string) => request<void>("DELETE", `/api/v1/time/entries/${enc(id)}`),
      myWeek: (week?: string) => request<Out<typeof ZTimesheetWeek>>("GET", `/api/v1/time/timesheets/me${toQuery({ week })}`),
      submitWeek: (body: In<typeof ZSubmitTimesheetRequest>) => request<Out<typeof ZTimesheetWeek>>("POST", "/api/v1/time/timesheets/me/submit", body),
      /** Parts awaiting (or given) a decision on every project the caller manages. */
      approvals: (query?: In<typeof ZTimesheetApprovalsQuery>) => request<Out<typeof ZTimesheetApprovalList>>("GET", `/api/v1/time/approvals${toQuery(query)}`),
      projectApprovals: (projectId: string, query?: In<typeof ZTimesheetApprovalsQuery>) =>
        request<Out<typeof ZTimesheetApprovalList>>("GET", `/api/v1/projects/${enc(projectId)}/timesheets${toQuery(query)}`),
      decide: (timesheetId: string, projectId: string, body: In<typeof ZDecideTimesheetPartRequest>) =>
        request<Out<typeof ZTimesheetApproval>>("POST", `/api/v1/timesheets/${enc(timesheetId)}/projects/${enc(projectId)}/decision`, body),
      actualCost: (projectId: string, query?: In<typeof ZActualCostQuery>) => request<Out<typeof ZActualCost>>("GET", `/api/v1/projects/${enc(projectId)}/actual-cost${toQuery(query)}`),
    },
    /** Monitoring (docs/monitoring.md): earned value with the S-curve, burndown/burnup, milestone trend, today's snapshot. */
    monitoring: {
      earnedValue: (projectId: string, query?: In<typeof ZEarnedValueQuery>) =>
        request<Out<typeof ZEarnedValue>>("GET", `/api/v1/projects/${enc(projectId)}/earned-value${toQuery(query)}`),
      burndown: (projectId: string, query?: In<typeof ZBurndownQuery>) => request<Out<typeof ZBurndown>>("GET", `/api/v1/projects/${enc(projectId)}/burndown${toQuery(query)}`),
      milestoneTrend: (projectId: string) => request<Out<typeof ZMilestoneTrend>>("GET", `/api/v1/projects/${enc(projectId)}/milestone-trend`),
      refreshSnapshot: (projectId: string) => request<Out<typeof ZProgressSnapshot>>("POST", `/api/v1/projects/${enc(projectId)}/progress-snapshots`),
    },
    /** Status reports (docs/monitoring.md, "Status reports"): generate a draft, edit, publish (then immutable), export, the weekly schedule. */
    statusReports: {
      list: (projectId: string) => request<Out<typeof ZStatusReportList>>("GET", `/api/v1/projects/${enc(projectId)}/status-reports`),
      generate: (projectId: string, body: In<typeof ZGenerateStatusReportRequest>) =>
        request<Out<typeof ZStatusReport>>("POST", `/api/v1/projects/${enc(projectId)}/status-reports`, body),
      get: (id: string) => request<Out<typeof ZStatusReport>>("GET", `/api/v1/status-reports/${enc(id)}`),
      update: (id: string, body: In<typeof ZUpdateStatusReportRequest>) => request<Out<typeof ZStatusReport>>("PATCH", `/api/v1/status-reports/${enc(id)}`, body),
      publish: (id: string, body: In<typeof ZPublishStatusReportRequest>) => request<Out<typeof ZStatusReport>>("POST", `/api/v1/status-reports/${enc(id)}/publish`, body),
      pdfUrl: (id: string) => `${baseUrl}/api/v1/status-reports/${enc(id)}/export.pdf`,
      markdownUrl: (id: string) => `${baseUrl}/api/v1/status-reports/${enc(id)}/export.md`,
      schedule: (projectId: string) => request<Out<typeof ZStatusReportSchedule>>("GET", `/api/v1/projects/${enc(projectId)}/status-report-schedule`),
      updateSchedule: (projectId: string, body: In<typeof ZUpdateStatusReportScheduleRequest>) =>
        request<Out<typeof ZStatusReportSchedule>>("PUT", `/api/v1/projects/${enc(projectId)}/status-report-schedule`, body),
    },
    /** Performance evaluation and project health (docs/monitoring.md, "Performance evaluation"): managers only. */
    performance: {
      project: (projectId: string, query?: In<typeof ZPerformanceQuery>) => request<Out<typeof ZProjectPerformance>>("GET", `/api/v1/projects/${enc(projectId)}/performance${toQuery(query)}`),
      workspace: (query?: In<typeof ZPerformanceQuery>) => request<Out<typeof ZWorkspacePerformance>>("GET", `/api/v1/performance${toQuery(query)}`),
      scope: () => request<Out<typeof ZPerformanceScope>>("GET", "/api/v1/performance/scope"),
    },
    /** Client satisfaction with a published status report (docs/monitoring.md, "Health score"). */
    satisfaction: {
      get: (statusReportId: string) => request<Out<typeof ZStatusReportSatisfaction>>("GET", `/api/v1/status-reports/${enc(statusReportId)}/satisfaction`),
      rate: (statusReportId: string, body: In<typeof ZRateStatusReportRequest>) =>
        request<Out<typeof ZStatusReportSatisfaction>>("PUT", `/api/v1/status-reports/${enc(statusReportId)}/satisfaction`, body),
    },
    /** Quality checks (docs/monitoring.md, "Quality"): gates per phase, test cases, defects, the defect trend. */
    quality: {
      gates: (projectId: string) => request<Out<typeof ZQualityGates>>("GET", `/api/v1/projects/${enc(projectId)}/quality-gates`),
      createGate: (projectId: string, body: In<typeof ZCreateQualityGateRequest>) => request<Out<typeof ZQualityGate>>("POST", `/api/v1/projects/${enc(projectId)}/quality-gates`, body),
      addGateItem: (gateId: string, body: In<typeof ZAddQualityGateItemRequest>) => request<Out<typeof ZQualityGate>>("POST", `/api/v1/quality-gates/${enc(gateId)}/items`, body),
      updateGateItem: (gateId: string, itemId: string, body: In<typeof ZUpdateQualityGateItemRequest>) =>
        request<Out<typeof ZQualityGate>>("PATCH", `/api/v1/quality-gates/${enc(gateId)}/items/${enc(itemId)}`, body),
      decideGate: (gateId: string, body: In<typeof ZDecideQualityGateRequest>) => request<Out<typeof ZQualityGate>>("POST", `/api/v1/quality-gates/${enc(gateId)}/decision`, body),
      testCases: (projectId: string) => request<Out<typeof ZTestCaseList>>("GET", `/api/v1/projects/${enc(projectId)}/test-cases`),
      createTestCase: (projectId: string, body: In<typeof ZCreateTestCaseRequest>) => request<Out<typeof ZTestCase>>("POST", `/api/v1/projects/${enc(projectId)}/test-cases`, body),
      updateTestCase: (id: string, body: In<typeof ZUpdateTestCaseRequest>) => request<Out<typeof ZTestCase>>("PATCH", `/api/v1/test-cases/${enc(id)}`, body),
      deleteTestCase: (id: string, version: number) => request<void>("DELETE", `/api/v1/test-cases/${enc(id)}${toQuery({ version })}`),
      recordRun: (id: string, body: In<typeof ZRecordTestRunRequest>) => request<Out<typeof ZTestRunOutcome>>("POST", `/api/v1/test-cases/${enc(id)}/runs`, body),
      defects: (projectId: string, query?: In<typeof ZListDefectsQuery>) => request<Out<typeof ZDefectList>>("GET", `/api/v1/projects/${enc(projectId)}/defects${toQuery(query)}`),
      createDefect: (projectId: string, body: In<typeof ZCreateDefectRequest>) => request<Out<typeof ZDefect>>("POST", `/api/v1/projects/${enc(projectId)}/defects`, body),
      defect: (id: string) => request<Out<typeof ZDefect>>("GET", `/api/v1/defects/${enc(id)}`),
      updateDefect: (id: string, body: In<typeof ZUpdateDefectRequest>) => request<Out<typeof ZDefect>>("PATCH", `/api/v1/defects/${enc(id)}`, body),
      deleteDefect: (id: string, version: number) => request<void>("DELETE", `/api/v1/defects/${enc(id)}${toQuery({ version })}`),
      defectTrend: (projectId: string, query?: In<typeof ZDefectTrendQuery>) =>
        request<Out<typeof ZDefectTrend>>("GET", `/api/v1/projects/${enc(projectId)}/defects/trend${toQuery(query)}`),
    },
    /** Dashboards (docs/monitoring.md, "Dashboards"): the portfolio, the team's project dashboard, the client-safe one. */
    dashboards: {
      portfolio: (query?: In<typeof ZPortfolioQuery>) => request<Out<typeof ZPortfolio>>("GET", `/api/v1/portfolio${toQuery(query)}`),
      project: (projectId: string) => request<Out<typeof ZProjectDashboard>>("GET", `/api/v1/projects/${enc(projectId)}/dashboard`),
      client: (projectId: string) => request<Out<typeof ZClientProjectDashboard>>("GET", `/api/v1/projects/${enc(projectId)}/client-dashboard`),
    },
    /** The task board (docs/execution.md, "Board"): workflow, cards, moves, quick add, task detail, My work. */
    board: {
      get: (projectId: string) => request<Out<typeof ZBoard>>("GET", `/api/v1/projects/${enc(projectId)}/board`),
      workflow: (projectId: string) => request<Out<typeof ZBoardWorkflow>>("GET", `/api/v1/projects/${enc(projectId)}/board/workflow`),
      updateWorkflow: (projectId: string, body: In<typeof ZUpdateBoardWorkflowRequest>) =>
        request<Out<typeof ZBoardWorkflow>>("PUT", `/api/v1/projects/${enc(projectId)}/board/workflow`, body),
      createCard: (projectId: string, body: In<typeof ZCreateBoardCardRequest>) => request<Out<typeof ZBoardCard>>("POST", `/api/v1/projects/${enc(projectId)}/board/cards`, body),
      move: (taskId: string, body: In<typeof ZMoveBoardCardRequest>) => request<Out<typeof ZBoardCard>>("POST", `/api/v1/plan-tasks/${enc(taskId)}/board-move`, body),
      task: (taskId: string) => request<Out<typeof ZBoardTaskDetail>>("GET", `/api/v1/plan-tasks/${enc(taskId)}/board-detail`),
      updateTask: (taskId: string, body: In<typeof ZUpdateBoardTaskRequest>) => request<Out<typeof ZBoardTaskDetail>>("PATCH", `/api/v1/plan-tasks/${enc(taskId)}/board-detail`, body),
      setAssignees: (taskId: string, body: In<typeof ZSetBoardAssigneesRequest>) => request<Out<typeof ZBoardTaskDetail>>("PUT", `/api/v1/plan-tasks/${enc(taskId)}/assignees`, body),
      myWork: (query?: In<typeof ZMyWorkQuery>) => request<Out<typeof ZMyWork>>("GET", `/api/v1/me/work${toQuery(query)}`),
    },
    /** Notifications (docs/monitoring.md, "Notifications"): the caller's own, the unread count, marking read, e-mail settings. */
    notifications: {
      list: (query?: In<typeof ZListNotificationsQuery>) => request<Out<typeof ZNotificationList>>("GET", `/api/v1/me/notifications${toQuery(query)}`),
      unreadCount: () => request<Out<typeof ZUnreadNotificationCount>>("GET", "/api/v1/me/notifications/unread-count"),
      markRead: (id: string) => request<Out<typeof ZNotification>>("POST", `/api/v1/me/notifications/${enc(id)}/read`),
      markAllRead: () => request<Out<typeof ZMarkedNotificationsRead>>("POST", "/api/v1/me/notifications/read-all"),
      settings: () => request<Out<typeof ZNotificationSettings>>("GET", "/api/v1/me/notification-settings"),
      updateSettings: (body: In<typeof ZUpdateNotificationSettingsRequest>) => request<Out<typeof ZNotificationSettings>>("PUT", "/api/v1/me/notification-settings", body),
    },
    /** The public link: no account needed; the link's token is the only key. */
    publicQuestionnaires: {
      get: (token: string) => request<Out<typeof ZQuestionnaireForm>>("GET", `/api/v1/public/questionnaires/${enc(token)}`),
      respond: (token: string, body: In<typeof ZSubmitQuestionnaireResponseRequest>) =>
        request<Out<typeof ZSubmittedQuestionnaireResponse>>("POST", `/api/v1/public/questionnaires/${enc(token)}/responses`, body),
    },
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
