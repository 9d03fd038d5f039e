import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Brand } from "../shell/brand";
import { LanguageSelect } from "../shell/language-select";
import "../shell/shell.css";

export type AuthLayoutProps = { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode };

/** Sign-in and password screens: a product panel beside the form (the panel folds away on phones). */
export function AuthLayout({ title, subtitle, children, footer }: AuthLayoutProps) {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <aside className="auth-aside" aria-label={t("auth.aboutLabel")}>
        <Brand />
        <div>
          <p className="auth-tagline">{t("auth.tagline")}</p>
          <ul className="auth-points">
            <li>{t("auth.point1")}</li>
            <li>{t("auth.point2")}</li>
            <li>{t("auth.point3")}</li>
          </ul>
        </div>
        <p className="auth-foot">{t("auth.openSource")}</p>
      </aside>
      <div className="auth-main">
        <div className="auth-main-top">
          <Brand />
          <LanguageSelect compact />
        </div>
        <main id="main" className="auth-main-body" tabIndex={-1}>
          <div className="auth-card">
            <div className="auth-card-header">
              <h1>{title}</h1>
              {subtitle ? <p className="muted">{subtitle}</p> : null}
            </div>
            {children}
            {footer ? <div className="auth-card-footer">{footer}</div> : null}
          </div>
        </main>
      </div>
    </div>
  );
}
