import { createBrowserRouter, Outlet, ScrollRestoration } from "react-router";
import { RequireContact, RequireStaff } from "../modules/auth/route-guards";
import { AppShell } from "../modules/shell/app-shell";
import { PortalShell } from "../modules/shell/portal-shell";
import { ApiTokensPage } from "../pages/api-tokens.page";
import { ClientDetailPage } from "../pages/client-detail.page";
import { ClientsPage } from "../pages/clients.page";
import { ForgotPasswordPage } from "../pages/forgot-password.page";
import { HomePage } from "../pages/home.page";
import { NotFoundPage } from "../pages/not-found.page";
import { PeoplePage } from "../pages/people.page";
import { PortalHomePage } from "../pages/portal-home.page";
import { PortalProjectPage } from "../pages/portal-project.page";
import { ProjectPage } from "../pages/project.page";
import { ResetPasswordPage } from "../pages/reset-password.page";
import { SignInPage } from "../pages/sign-in.page";

/** Pages anyone may open; a 401 elsewhere sends the person to sign in. */
export const PUBLIC_PATHS = ["/sign-in", "/forgot-password", "/reset-password"] as const;

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
          { path: "/people", element: <PeoplePage /> },
          { path: "/settings/tokens", element: <ApiTokensPage /> },
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
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
