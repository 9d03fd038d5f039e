import { usePopover } from "../../lib/use-popover";
import { Link, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { Avatar } from "../../ui";
import { isStaff, useSignOut, useSignedInMe } from "../auth/session";
import { LanguageSelect } from "./language-select";
import { notificationsPath } from "../notifications/notification-bell";

/** The person's name; opens a panel with language, API tokens and sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const { open, setOpen, panelId, rootRef, buttonRef } = usePopover();
  const signOut = useSignOut(() => void navigate("/sign-in", { replace: true }));

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="user-menu"
        onClick={() => setOpen((value) => !value)}
      >
        <Avatar name={me.name} />
        <span className="user-menu-name">{me.name}</span>
        <span className="user-menu-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div className="user-menu-panel" id={panelId} hidden={!open}>
        <div className="user-menu-who">
          <strong>{me.name}</strong>
          <span className="subtle">{me.email}</span>
          <span className="subtle">{t(`workspaceRole.${me.role}`)}</span>
        </div>
        <div className="user-menu-section">
          <LanguageSelect />
        </div>
        <div className="user-menu-section user-menu-links">
          <Link to={notificationsPath(isStaff(me))} className="user-menu-item" onClick={() => setOpen(false)} data-testid="user-menu-notifications">
            {t("notifications.userMenu")}
          </Link>
          {isStaff(me) ? (
            <Link to="/settings/tokens" className="user-menu-item" onClick={() => setOpen(false)}>
              {t("userMenu.apiTokens")}
            </Link>
          ) : null}
          <button type="button" className="user-menu-item" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            {t("userMenu.signOut")}
          </button>
        </div>
      </div>
    </div>
  );
}
