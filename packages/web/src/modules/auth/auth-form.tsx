import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Banner, Button, Form, InputField } from "../../ui";

export type AuthFormProps = {
  onSubmit: () => void;
  /** The error banner above the fields, when there is one. */
  errorMessage: string | undefined;
  /** Beside the error, e.g. a link to ask for a new reset link. */
  errorAction?: ReactNode;
  submitLabel: string;
  submitting: boolean;
  submitTestId?: string;
  children: ReactNode;
};

/** The form of a sign-in or password screen: an error banner, the fields and one full-width submit button. */
export function AuthForm({ onSubmit, errorMessage, errorAction, submitLabel, submitting, submitTestId, children }: AuthFormProps) {
  return (
    <Form onSubmit={onSubmit}>
      {errorMessage ? (
        <Banner tone="error" action={errorAction}>
          {errorMessage}
        </Banner>
      ) : null}
      {children}
      <Button type="submit" variant="primary" block loading={submitting} data-testid={submitTestId}>
        {submitLabel}
      </Button>
    </Form>
  );
}

export type AuthEmailFieldProps = {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  /** "username" where the address signs in (password managers fill it), "email" where it only receives mail. */
  autoComplete: "username" | "email";
  testId?: string;
};

/** The email address on a sign-in or password screen, focused when the screen opens. */
export function AuthEmailField({ value, onChange, error, autoComplete, testId }: AuthEmailFieldProps) {
  const { t } = useTranslation();
  return (
    <InputField
      label={t("auth.email")}
      type="email"
      name="email"
      autoComplete={autoComplete}
      inputMode="email"
      autoFocus
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      data-testid={testId}
    />
  );
}
