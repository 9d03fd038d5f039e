import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Banner, Button, Dialog } from "../../ui";

export type ConfirmDialogProps = {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  error?: string | undefined;
};

/** "Are you sure?" for actions that cannot be undone (remove, revoke, delete). */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onClose, busy = false, error }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t("ui.cancel")}
          </Button>
          <Button variant="danger" onClick={onConfirm} loading={busy} data-autofocus>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="stack">
        {error ? <Banner tone="error">{error}</Banner> : null}
        <div>{children}</div>
      </div>
    </Dialog>
  );
}
