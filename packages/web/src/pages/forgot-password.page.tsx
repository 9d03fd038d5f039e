import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../lib/use-document-title";
import { AuthLayout } from "../modules/auth/auth-layout";
import { ForgotPasswordForm } from "../modules/auth/forgot-password-form";

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("auth.forgotTitle"));
  return (
    <AuthLayout title={t("auth.forgotTitle")} subtitle={t("auth.forgotSubtitle")} footer={<Link to="/sign-in">{t("auth.backToSignIn")}</Link>}>
      <ForgotPasswordForm />
    </AuthLayout>
  );
}
