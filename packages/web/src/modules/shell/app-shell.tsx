import { Link, NavLink, Outlet } from "react-router";
import { useTranslation } from "react-i18next";
import { useSignedInMe } from "../auth/session";
import { Brand } from "./brand";
import { UserMenu } from "./user-menu";
import { HeaderTimer } from "../time/timer-control";
import { NotificationBell } from "../notifications/notification-bell";
import { PerformanceNavLink } from "../performance/performance-nav-link";
import { useFocusMainOnNavigate } from "./use-focus-main";
import "./shell.css";

/** The staff workspace frame: top bar (product, workspace, navigation, user menu) and the page. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  useFocusMainOnNavigate();
  const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? "mainnav-link active" : "mainnav-link");
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <div className="topbar-brand">
            <Link to="/" className="brand-link" aria-label={t("nav.homeLabel", { name: t("app.name") })}>
              <Brand />
            </Link>
            <span className="topbar-workspace" title={me.workspace.name}>
              {me.workspace.name}
            </span>
          </div>
          <nav className="mainnav" aria-label={t("nav.label")}>
            <NavLink to="/" end className={({ isActive, isPending }) => navClass({ isActive: isActive || isPending })}>
              {t("nav.projects")}
            </NavLink>
            <NavLink to="/portfolio" className={navClass} data-testid="nav-portfolio">
              {t("dashboards.nav")}
            </NavLink>
            <NavLink to="/my-work" className={navClass} data-testid="nav-my-work">
              {t("myWork.nav")}
            </NavLink>
            <NavLink to="/time" className={navClass} data-testid="nav-time">
              {t("time.nav")}
            </NavLink>
            <PerformanceNavLink className={navClass} />
            <NavLink to="/clients" className={navClass}>
              {t("nav.clients")}
            </NavLink>
            <NavLink to="/people" className={navClass}>
              {t("nav.people")}
            </NavLink>
          </nav>
          <HeaderTimer />
          <NotificationBell />
          <UserMenu />
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
