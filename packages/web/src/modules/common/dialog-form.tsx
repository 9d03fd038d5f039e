import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button, Form } from "../../ui";
import { FormErrorBanner } from "./form-error-banner";

export type DialogFormProps = {
  /** Runs on the submit button and on Enter in a field. */
  onSubmit: () => void;
  onCancel: () => void;
  submitLabel: string;
  /** While the submit runs: a spinner on its button, which is disabled meanwhile. */
  submitting: boolean;
  submitDisabled?: boolean;
  /** The failed submit, shown as a banner above the fields (see FormErrorBanner). */
  error: unknown;
  /** Edit dialogs: Reload after a 409 `version_conflict`. */
  onReload?: () => void;
  reloading?: boolean;
  children: ReactNode;
};

/**
 * The form inside a `Dialog` (as its content, so the form starts fresh each time the dialog opens): an error banner,
 * the fields, and Cancel beside the submit button.
 */
export function DialogForm({
  onSubmit,
  onCancel,
  submitLabel,
  submitting,
  submitDisabled,
  error,
  onReload,
  reloading,
  children,
}: DialogFormProps) {
  const { t } = useTranslation();
  return (
    <Form onSubmit={onSubmit}>
      <FormErrorBanner error={error} onReload={onReload} reloading={reloading} />
      {children}
      <div className="form-actions">
        <Button variant="secondary" onClick={onCancel}>
          {t("ui.cancel")}
        </Button>
        <Button type="submit" variant="primary" loading={submitting} disabled={submitDisabled}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}
