import { Navigate } from "react-router";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../lib/use-document-title";
import { AuthLayout } from "../modules/auth/auth-layout";
import { homePathFor, useMe } from "../modules/auth/session";
import { SignInForm } from "../modules/auth/sign-in-form";

export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe({ onlyIfSession: true });
  useDocumentTitle(t("auth.signIn"));
  if (me.data) return <Navigate to={homePathFor(me.data)} replace />;
  return (
    <AuthLayout title={t("auth.signInTitle")} subtitle={t("auth.signInSubtitle")}>
      <SignInForm />
    </AuthLayout>
  );
}
