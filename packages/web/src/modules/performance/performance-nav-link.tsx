import { NavLink } from "react-router";
import { useTranslation } from "react-i18next";
import { isAdmin, isStaff, useSignedInMe } from "../auth/session";
import { usePerformanceScope } from "./performance.queries";

/** The top navigation's "Performance": for admins, and for staff who manage at least one project. */
export function PerformanceNavLink({ className }: { className: (state: { isActive: boolean }) => string }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const admin = isAdmin(me);
  const scope = usePerformanceScope(isStaff(me) && !admin);
  if (!admin && !(scope.data && scope.data.projects.length > 0)) return null;
  return (
    <NavLink to="/performance" className={className} data-testid="nav-performance">
      {t("performance.nav")}
    </NavLink>
  );
}
