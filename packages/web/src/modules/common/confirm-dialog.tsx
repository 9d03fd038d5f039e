import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Banner, Button, Dialog } from "../../ui";
import { apiMessageOf } from "../../lib/api-errors";

export type ConfirmDialogProps = {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  /** The failed action (a mutation's `error`), shown above the question; nothing while it is null. */
  error?: unknown;
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
        {error ? <Banner tone="error">{apiMessageOf(error) ?? t("errors.network")}</Banner> : null}
        <div>{children}</div>
      </div>
    </Dialog>
  );
}

/** What ConfirmItemDialog needs of the action: a react-query mutation that takes the item. */
export type ConfirmItemAction<T> = { isPending: boolean; error: unknown; mutate: (item: T) => void; reset: () => void };

export type ConfirmItemDialogProps<T> = Omit<ConfirmDialogProps, "open" | "onConfirm" | "busy" | "error"> & {
  /** The item the action is for: the dialog is open while there is one. */
  item: T | null;
  action: ConfirmItemAction<T>;
};

/** ConfirmDialog for an action on one item of a list (revoke a token, remove a member): Confirm runs it on the item; closing clears its error. */
export function ConfirmItemDialog<T>({ item, action, onClose, ...rest }: ConfirmItemDialogProps<T>) {
  return (
    <ConfirmDialog
      {...rest}
      open={item !== null}
      busy={action.isPending}
      error={action.error}
      onClose={() => {
        onClose();
        action.reset();
      }}
      onConfirm={() => {
        if (item !== null) action.mutate(item);
      }}
    />
  );
}
