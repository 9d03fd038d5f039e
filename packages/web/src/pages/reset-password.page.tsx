import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../lib/use-document-title";
import { AuthLayout } from "../modules/auth/auth-layout";
import { ResetPasswordForm } from "../modules/auth/reset-password-form";

export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("auth.resetTitle"));
  return (
    <AuthLayout title={t("auth.resetTitle")} subtitle={t("auth.resetSubtitle")}>
      <ResetPasswordForm />
    </AuthLayout>
  );
}
