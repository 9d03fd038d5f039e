import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { LoadingBlock } from "../../ui";
import { isUnauthenticated } from "../../app/query-client";
import { useSyncSavedLocale } from "../shell/use-locale-switch";
import { isStaff, useMe } from "./session";
import { ErrorPanel } from "../common/error-panel";

type GuardProps = { children: ReactNode };

function signInPath(location: { pathname: string; search: string }): string {
  const next = location.pathname + location.search;
  return next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}

/** The same project in the other frame: staff open `/projects/:id`, contacts `/portal/projects/:id`. */
function counterpart(pathname: string, to: "staff" | "portal"): string {
  const staffProject = /^\/projects\/([^/]+)/.exec(pathname);
  const portalProject = /^\/portal\/projects\/([^/]+)/.exec(pathname);
  if (to === "portal") return staffProject ? `/portal/projects/${staffProject[1]}` : "/portal";
  return portalProject ? `/projects/${portalProject[1]}` : "/";
}

function useGuard() {
  const me = useMe();
  const location = useLocation();
  useSyncSavedLocale(me.data);
  return { me, location };
}

/** Staff routes: anonymous people go to sign in, client contacts to their portal. */
export function RequireStaff({ children }: GuardProps) {
  const { me, location } = useGuard();
  if (me.isPending) return <LoadingBlock />;
  if (me.isError) return isUnauthenticated(me.error) ? <Navigate to={signInPath(location)} replace /> : <ErrorPanel error={me.error} />;
  if (!isStaff(me.data)) return <Navigate to={counterpart(location.pathname, "portal")} replace />;
  return <>{children}</>;
}

/** The client portal: staff are sent to the workspace. */
export function RequireContact({ children }: GuardProps) {
  const { me, location } = useGuard();
  if (me.isPending) return <LoadingBlock />;
  if (me.isError) return isUnauthenticated(me.error) ? <Navigate to={signInPath(location)} replace /> : <ErrorPanel error={me.error} />;
  if (isStaff(me.data)) return <Navigate to={counterpart(location.pathname, "staff")} replace />;
  return <>{children}</>;
}
