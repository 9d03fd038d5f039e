import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { setLocale } from "../../i18n";
import { InputField } from "../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
import { AuthEmailField, AuthForm } from "./auth-form";
import { homePathFor, isStaff, meQueryKey } from "./session";

/** Where to go after signing in: the page that sent the person here, if it is one they may see. */
function nextPath(next: string | null, staff: boolean): string | undefined {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return undefined;
  const portal = next === "/portal" || next.startsWith("/portal/");
  return staff !== portal ? next : undefined;
}

export function SignInForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const signIn = useMutation({
    mutationFn: () => api.auth.signIn({ email: email.trim(), password }),
    onSuccess: async ({ user }) => {
      // Nothing from a previous session may leak into this one.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, user);
      await setLocale(user.locale);
      await navigate(nextPath(params.get("next"), isStaff(user)) ?? homePathFor(user), { replace: true });
    },
  });

  const fieldErrors = fieldErrorsOf(signIn.error);
  const message = signIn.isError ? (apiMessageOf(signIn.error) ?? t("errors.network")) : undefined;

  return (
    <AuthForm
      onSubmit={() => signIn.mutate()}
      errorMessage={message}
      submitLabel={t("auth.signIn")}
      submitting={signIn.isPending}
      submitTestId="sign-in-submit"
    >
      <AuthEmailField value={email} onChange={setEmail} error={fieldErrors.email} autoComplete="username" testId="sign-in-email" />
      <InputField
        label={t("auth.password")}
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fieldErrors.password}
        data-testid="sign-in-password"
      />
      <div className="row row-end">
        <Link to="/forgot-password">{t("auth.forgotPassword")}</Link>
      </div>
    </AuthForm>
  );
}
