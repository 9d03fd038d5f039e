import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClientProvider } from "@tanstack/react-query";
import { I18nextProvider } from "react-i18next";
import { RouterProvider } from "react-router";
import { i18n } from "./i18n";
import { ToastProvider } from "./ui";
import { createQueryClient } from "./app/query-client";
import { isPublicPath, router } from "./app/router";
import "./ui/theme.css";

/** A 401 from any call: the session is over, so go to sign in and come back here afterwards. */
function handleUnauthenticated() {
  const { pathname, search } = window.location;
  if (isPublicPath(pathname)) return;
  queryClient.removeQueries({ queryKey: ["me"] });
  const next = pathname + search;
  void router.navigate(next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`, { replace: true });
}

const queryClient = createQueryClient(handleUnauthenticated);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
