import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Banner, Button, InputField } from "../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";

/**
 * Asks for a reset email. The answer is the same whether or not the address has an account, so the form cannot be
 * used to find out who has one.
 */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const request = useMutation({ mutationFn: () => api.auth.requestPasswordReset(email.trim()) });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate();
  }

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
    <form className="form" noValidate onSubmit={handleSubmit}>
      {message ? <Banner tone="error">{message}</Banner> : null}
      <InputField
        label={t("auth.email")}
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        autoFocus
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={fieldErrors.email}
      />
      <Button type="submit" variant="primary" block loading={request.isPending}>
        {t("auth.sendResetLink")}
      </Button>
    </form>
  );
}
