import { Link, Outlet } from "react-router";
import { useTranslation } from "react-i18next";
import { useSignedInMe } from "../auth/session";
import { Brand } from "./brand";
import { UserMenu } from "./user-menu";
import { NotificationBell } from "../notifications/notification-bell";
import { useFocusMainOnNavigate } from "./use-focus-main";
import "./shell.css";

/** The client portal frame: lighter, centred, led by the client's own organisation name. */
export function PortalShell() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  useFocusMainOnNavigate();
  return (
    <div className="shell shell-portal">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="portal-topbar">
        <div className="portal-topbar-inner">
          <Link to="/portal" className="brand-link portal-org" aria-label={t("portal.homeLabel")}>
            <span className="portal-org-name">{me.clientName ?? me.workspace.name}</span>
            <span className="portal-org-sub">{t("portal.subtitle", { workspace: me.workspace.name })}</span>
          </Link>
          <NotificationBell />
          <UserMenu />
        </div>
      </header>
      <main id="main" className="main main-portal" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="portal-footer">
        <Brand />
        <span className="subtle">{t("portal.footer")}</span>
      </footer>
    </div>
  );
}
