import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Banner, ButtonLink, InputField } from "../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
import { AuthForm } from "./auth-form";

/** Sets a new password with the token from a reset link (`/reset-password?token=…`). */
export function ResetPasswordForm() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const complete = useMutation({ mutationFn: () => api.auth.completePasswordReset(token, password) });

  if (!token) {
    return (
      <div className="stack">
        <Banner tone="error">{t("auth.resetMissingToken")}</Banner>
        <Link to="/forgot-password">{t("auth.requestNewLink")}</Link>
      </div>
    );
  }

  if (complete.isSuccess) {
    return (
      <div className="stack">
        <Banner tone="success">{t("auth.resetDone")}</Banner>
        <ButtonLink to="/sign-in" variant="primary" block>
          {t("auth.signIn")}
        </ButtonLink>
      </div>
    );
  }

  function handleSubmit() {
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    complete.mutate();
  }

  const fieldErrors = fieldErrorsOf(complete.error);
  const message = complete.isError ? (apiMessageOf(complete.error) ?? t("errors.network")) : undefined;

  return (
    <AuthForm
      onSubmit={handleSubmit}
      errorMessage={message}
      errorAction={<Link to="/forgot-password">{t("auth.requestNewLink")}</Link>}
      submitLabel={t("auth.setPassword")}
      submitting={complete.isPending}
    >
      <InputField
        label={t("auth.newPassword")}
        type="password"
        name="new-password"
        autoComplete="new-password"
        autoFocus
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        hint={t("auth.passwordHint")}
        error={fieldErrors.newPassword}
      />
      <InputField
        label={t("auth.confirmPassword")}
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        value={confirm}
        onChange={(event) => setConfirm(event.target.value)}
        error={mismatch ? t("auth.passwordsDiffer") : undefined}
      />
    </AuthForm>
  );
}
