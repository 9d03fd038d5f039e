import { useEffect, useId, useRef, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  /** Buttons at the bottom; inside the form when `onSubmit` is given, so a submit button submits it. */
  footer?: ReactNode;
  /** Makes the dialog a form (validation is left to the server, whose messages are localised). */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  wide?: boolean;
  testId?: string;
};

const FOCUSABLE = "[data-autofocus], input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";

/**
 * A modal built on the native `<dialog>`: the browser traps focus, closes it on Escape and restores focus to the
 * opener. The content is only mounted while open, so forms start fresh each time.
 */
export function Dialog({ open, onClose, title, description, children, footer, onSubmit, wide = false, testId }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The native dialog focuses its first focusable element, which is the close button; prefer the first field.
      const first = dialog.querySelector<HTMLElement>(FOCUSABLE);
      first?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  function handleCancel(event: React.SyntheticEvent<HTMLDialogElement>) {
    event.preventDefault();
    onClose();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit?.(event);
  }

  const inner = (
    <>
      <div className="dialog-header">
        <div>
          <h2 className="dialog-title" id={titleId}>
            {title}
          </h2>
          {description ? (
            <p className="dialog-description" id={descriptionId}>
              {description}
            </p>
          ) : null}
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t("ui.close")}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="dialog-body">{children}</div>
      {footer ? <div className="dialog-footer">{footer}</div> : null}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={wide ? "dialog dialog-wide" : "dialog"}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={handleCancel}
      data-testid={testId}
    >
      {open ? (
        onSubmit ? (
          <form className="dialog-inner" noValidate onSubmit={handleSubmit}>
            {inner}
          </form>
        ) : (
          <div className="dialog-inner">{inner}</div>
        )
      ) : null}
    </dialog>
  );
}
