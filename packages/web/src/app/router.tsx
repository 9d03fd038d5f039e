import { createBrowserRouter, Outlet, ScrollRestoration } from "react-router";
import { RequireContact, RequireStaff } from "../modules/auth/route-guards";
import { AppShell } from "../modules/shell/app-shell";
import { PortalShell } from "../modules/shell/portal-shell";
import { ApiTokensPage } from "../pages/api-tokens.page";
import { BaselinesPage } from "../pages/baselines.page";
import { BoardPage } from "../pages/board.page";
import { BurndownPage, MilestoneTrendPage, MonitoringPage, QualityPage } from "../pages/monitoring.page";
import { StatusReportsPage } from "../pages/status-reports.page";
import { ProjectPerformancePage, WorkspacePerformancePage } from "../pages/performance.page";
import { MyWorkPage } from "../pages/my-work.page";
import { PortfolioPage } from "../pages/portfolio.page";
import { TimePage } from "../pages/time.page";
import { TimesheetsPage } from "../pages/timesheets.page";
import { ChangeRequestPage } from "../pages/change-request.page";
import { EditChangeRequestPage } from "../pages/change-request-edit.page";
import { NewChangeRequestPage } from "../pages/change-request-new.page";
import { ChangeRequestsPage } from "../pages/change-requests.page";
import { ClientDetailPage } from "../pages/client-detail.page";
import { ClientsPage } from "../pages/clients.page";
import { ElicitationSessionPage } from "../pages/elicitation-session.page";
import { ForgotPasswordPage } from "../pages/forgot-password.page";
import { HomePage } from "../pages/home.page";
import { NotFoundPage } from "../pages/not-found.page";
import { PeoplePage } from "../pages/people.page";
import { PortalHomePage } from "../pages/portal-home.page";
import { PortalProjectPage } from "../pages/portal-project.page";
import { PortalChangeRequestPage } from "../pages/portal-change-request.page";
import { PortalQuestionnairePage } from "../pages/portal-questionnaire.page";
import { PortalRequirementPage } from "../pages/portal-requirement.page";
import { ProjectPage } from "../pages/project.page";
import { PublicQuestionnairePage } from "../pages/public-questionnaire.page";
import { QuestionnaireBuilderPage } from "../pages/questionnaire-builder.page";
import { QuestionnaireResultsPage } from "../pages/questionnaire-results.page";
import { RequirementPage } from "../pages/requirement.page";
import { RiskPage } from "../pages/risk.page";
import { RisksPage } from "../pages/risks.page";
import { MeetingPage } from "../pages/meeting.page";
import { MeetingsPage } from "../pages/meetings.page";
import { GanttPage } from "../pages/gantt.page";
import { PlanBaselinesPage } from "../pages/plan-baselines.page";
import { PlanBudgetPage, PlanResourcesPage } from "../pages/plan-resources.page";
import { ResetPasswordPage } from "../pages/reset-password.page";
import { SignInPage } from "../pages/sign-in.page";
import { TraceabilityPage } from "../pages/traceability.page";
import { NotificationsPage } from "../pages/notifications.page";

/** Pages anyone may open; a 401 elsewhere sends the person to sign in. */
export const PUBLIC_PATHS = ["/sign-in", "/forgot-password", "/reset-password"] as const;

/** Pages under these prefixes need no account either: a questionnaire's public link (`/q/:token`). */
export const PUBLIC_PATH_PREFIXES = ["/q/"] as const;

export function isPublicPath(pathname: string): boolean {
  return (PUBLIC_PATHS as readonly string[]).includes(pathname) || PUBLIC_PATH_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

function Root() {
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: "/sign-in", element: <SignInPage /> },
      { path: "/forgot-password", element: <ForgotPasswordPage /> },
      { path: "/reset-password", element: <ResetPasswordPage /> },
      { path: "/q/:token", element: <PublicQuestionnairePage /> },
      {
        element: (
          <RequireStaff>
            <AppShell />
          </RequireStaff>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: "/clients", element: <ClientsPage /> },
          { path: "/clients/:id", element: <ClientDetailPage /> },
          { path: "/projects/:id/:section?", element: <ProjectPage /> },
          { path: "/projects/:id/requirements/traceability", element: <TraceabilityPage /> },
          { path: "/projects/:id/requirements/baselines", element: <BaselinesPage /> },
          { path: "/projects/:id/requirements/change-requests", element: <ChangeRequestsPage /> },
          { path: "/projects/:id/requirements/change-requests/new", element: <NewChangeRequestPage /> },
          { path: "/projects/:id/requirements/change-requests/:changeRequestId", element: <ChangeRequestPage /> },
          { path: "/projects/:id/requirements/change-requests/:changeRequestId/edit", element: <EditChangeRequestPage /> },
          { path: "/projects/:id/requirements/:requirementId", element: <RequirementPage /> },
          { path: "/projects/:id/planning/gantt", element: <GanttPage /> },
          { path: "/projects/:id/planning/baselines", element: <PlanBaselinesPage /> },
          { path: "/projects/:id/planning/resources", element: <PlanResourcesPage /> },
          { path: "/projects/:id/planning/budget", element: <PlanBudgetPage /> },
          { path: "/projects/:id/planning/risks", element: <RisksPage /> },
          { path: "/projects/:id/planning/risks/:riskId", element: <RiskPage /> },
          { path: "/projects/:id/execution", element: <BoardPage /> },
          { path: "/projects/:id/execution/timesheets", element: <TimesheetsPage /> },
          { path: "/projects/:id/execution/meetings", element: <MeetingsPage /> },
          { path: "/projects/:id/execution/meetings/:meetingId", element: <MeetingPage /> },
          { path: "/projects/:id/monitoring", element: <MonitoringPage /> },
          { path: "/projects/:id/monitoring/burndown", element: <BurndownPage /> },
          { path: "/projects/:id/monitoring/milestones", element: <MilestoneTrendPage /> },
          { path: "/projects/:id/monitoring/quality", element: <QualityPage /> },
          { path: "/projects/:id/monitoring/status-reports", element: <StatusReportsPage /> },
          { path: "/projects/:id/monitoring/status-reports/:reportId", element: <StatusReportsPage /> },
          { path: "/projects/:id/monitoring/performance", element: <ProjectPerformancePage /> },
          { path: "/projects/:id/elicitation/sessions/:sessionId", element: <ElicitationSessionPage /> },
          { path: "/projects/:id/elicitation/questionnaires/:questionnaireId", element: <QuestionnaireBuilderPage /> },
          { path: "/projects/:id/elicitation/questionnaires/:questionnaireId/results", element: <QuestionnaireResultsPage /> },
          { path: "/portfolio", element: <PortfolioPage /> },
          { path: "/performance", element: <WorkspacePerformancePage /> },
          { path: "/my-work", element: <MyWorkPage /> },
          { path: "/time", element: <TimePage /> },
          { path: "/people", element: <PeoplePage /> },
          { path: "/settings/tokens", element: <ApiTokensPage /> },
          { path: "/notifications", element: <NotificationsPage /> },
        ],
      },
      {
        path: "/portal",
        element: (
          <RequireContact>
            <PortalShell />
          </RequireContact>
        ),
        children: [
          { index: true, element: <PortalHomePage /> },
          { path: "projects/:id", element: <PortalProjectPage /> },
          { path: "projects/:id/requirements/:requirementId", element: <PortalRequirementPage /> },
          { path: "projects/:id/change-requests/:changeRequestId", element: <PortalChangeRequestPage /> },
          { path: "projects/:id/questionnaires/:questionnaireId", element: <PortalQuestionnairePage /> },
          { path: "notifications", element: <NotificationsPage /> },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
