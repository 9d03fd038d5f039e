/**
 * Every feature module's routes, registered under /api/v1. A new module adds its plugin here
 * (see ARCHITECTURE.md, "Adding a module").
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authRoutes } from "./auth/auth.routes";
import { clientsRoutes } from "./clients/clients.routes";
import { usersRoutes } from "./users/users.routes";
import { projectsRoutes } from "./projects/projects.routes";
import { projectMembersRoutes } from "./projects/project-members.routes";
import { commentsRoutes } from "./comments/comments.routes";
import { auditRoutes } from "./audit/audit.routes";
import { attachmentsRoutes } from "./attachments/attachments.routes";
import { requirementsRoutes } from "./requirements/requirements.routes";
import { requirementRelationsRoutes } from "./requirements/requirement-relations.routes";
import { requirementProposalsRoutes } from "./requirements/requirement-proposals.routes";
import { savedViewsRoutes } from "./requirements/saved-views.routes";
import { requirementsExportRoutes } from "./requirements/requirements-export.routes";
import { requirementsImportRoutes } from "./requirements/requirements-import.routes";
import { prioritisationRoutes } from "./prioritisation/prioritisation.routes";
import { requirementConfirmationsRoutes } from "./requirements/requirement-confirmations.routes";
import { traceabilityRoutes } from "./traceability/traceability.routes";
import { elicitationRoutes } from "./elicitation/elicitation.routes";
import { publicQuestionnaireRoutes, questionnairesRoutes } from "./questionnaires/questionnaires.routes";
import { baselinesRoutes } from "./baselines/baselines.routes";
import { changeRequestsRoutes } from "./change-requests/change-requests.routes";
import { planningRoutes } from "./planning/planning.routes";
import { risksRoutes } from "./risks/risks.routes";
import { planResourcesRoutes } from "./plan-resources/plan-resources.routes";
import { planBaselinesRoutes } from "./plan-baselines/plan-baselines.routes";
import { planTemplatesRoutes } from "./plan-templates/plan-templates.routes";
import { planExchangeRoutes, planFeedRoutes } from "./plan-exchange/plan-exchange.routes";
import { boardRoutes } from "./board/board.routes";
import { meetingFeedRoutes, meetingsRoutes } from "./meetings/meetings.routes";
import { monitoringRoutes } from "./monitoring/monitoring.routes";
import { statusReportsRoutes } from "./status-reports/status-reports.routes";
import { timeRoutes } from "./time/time.routes";
import { qualityRoutes } from "./quality/quality.routes";
import { dashboardsRoutes } from "./dashboards/dashboards.routes";
import { notificationsRoutes } from "./notifications/notifications.routes";
import { performanceRoutes } from "./performance/performance.routes";
import { satisfactionRoutes } from "./satisfaction/satisfaction.routes";

export const MODULES: FastifyPluginAsyncZod[] = [authRoutes, clientsRoutes, usersRoutes, projectsRoutes, projectMembersRoutes, commentsRoutes, auditRoutes, attachmentsRoutes, requirementsRoutes, requirementRelationsRoutes, requirementProposalsRoutes, savedViewsRoutes, requirementsExportRoutes, requirementsImportRoutes, prioritisationRoutes, requirementConfirmationsRoutes, traceabilityRoutes, elicitationRoutes, questionnairesRoutes, publicQuestionnaireRoutes, baselinesRoutes, changeRequestsRoutes, risksRoutes, planningRoutes, planResourcesRoutes, planBaselinesRoutes, planTemplatesRoutes, planExchangeRoutes, planFeedRoutes, meetingsRoutes, meetingFeedRoutes, monitoringRoutes, statusReportsRoutes, boardRoutes, timeRoutes, qualityRoutes, notificationsRoutes, dashboardsRoutes, performanceRoutes, satisfactionRoutes];
