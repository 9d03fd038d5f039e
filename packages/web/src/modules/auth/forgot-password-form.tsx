import { useState } from "react";
import { Link } from "react-router";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Banner } from "../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
import { AuthEmailField, AuthForm } from "./auth-form";

/**
 * Asks for a reset email. The answer is the same whether or not the address has an account, so the form cannot be
 * used to find out who has one.
 */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const request = useMutation({ mutationFn: () => api.auth.requestPasswordReset(email.trim()) });

  if (request.isSuccess) {
    return (
      <div className="stack">
        <Banner tone="success">{t("auth.resetSent")}</Banner>
        <p className="muted">{t("auth.resetNoEmail")}</p>
        <Link to="/sign-in">{t("auth.backToSignIn")}</Link>
      </div>
    );
  }

  const fieldErrors = fieldErrorsOf(request.error);
  const message = request.isError && !fieldErrors.email ? (apiMessageOf(request.error) ?? t("errors.network")) : undefined;

  return (
    <AuthForm onSubmit={() => request.mutate()} errorMessage={message} submitLabel={t("auth.sendResetLink")} submitting={request.isPending}>
      <AuthEmailField value={email} onChange={setEmail} error={fieldErrors.email} autoComplete="email" />
    </AuthForm>
  );
}
