import { useState, type ReactNode } from "react";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Button, Form } from "../../ui";
import { FormErrorBanner } from "./form-error-banner";

export type RecordEditFormProps = {
  /** Any field differs from the record: Save and Discard are offered, and a submit saves. */
  dirty: boolean;
  onSave: () => void;
  onDiscard: () => void;
  saving: boolean;
  /** The failed save, shown above the fields; a 409 `version_conflict` offers Reload. */
  error: unknown;
  /** The record's detail query: Reload refetches it, then `onReset` remounts the form with it. */
  recordQueryKey: QueryKey;
  onReset: () => void;
  children: ReactNode;
};

/**
 * A record's edit form on its page, with optimistic concurrency: the save names the version the form was opened on,
 * and a 409 offers to reload the newer version instead of silently overwriting someone else's change. The footer
 * says when there are unsaved changes and offers Discard and Save.
 */
export function RecordEditForm({ dirty, onSave, onDiscard, saving, error, recordQueryKey, onReset, children }: RecordEditFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reloading, setReloading] = useState(false);

  async function handleReload() {
    setReloading(true);
    try {
      await queryClient.refetchQueries({ queryKey: recordQueryKey, exact: true });
    } finally {
      setReloading(false);
    }
    onReset();
  }

  return (
    <Form
      onSubmit={() => {
        if (dirty) onSave();
      }}
    >
      <FormErrorBanner error={error} onReload={() => void handleReload()} reloading={reloading} />
      {children}
      <div className="form-actions">
        <span className="subtle form-status" aria-live="polite">
          {dirty ? t("ui.unsavedChanges") : ""}
        </span>
        <Button variant="ghost" disabled={!dirty || saving} onClick={onDiscard}>
          {t("ui.discard")}
        </Button>
        <Button type="submit" variant="primary" disabled={!dirty} loading={saving}>
          {t("ui.saveChanges")}
        </Button>
      </div>
    </Form>
  );
}
