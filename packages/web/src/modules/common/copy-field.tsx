import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui";
import { copyText } from "../../lib/copy-text";

export type CopyFieldProps = { label: string; value: string; testId?: string };

/** A read-only value (a secret, a link) with a copy button; selects the text if the clipboard is unavailable. */
export function CopyField({ label, value, testId }: CopyFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");

  async function handleCopy() {
    const ok = await copyText(value);
    if (!ok) inputRef.current?.select();
    setState(ok ? "copied" : "manual");
  }

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="secret-box">
        <input
          ref={inputRef}
          id={id}
          className="input"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          data-testid={testId}
        />
        <Button variant="secondary" onClick={() => void handleCopy()}>
          {state === "copied" ? t("ui.copied") : t("ui.copy")}
        </Button>
      </div>
      <span className="field-hint" aria-live="polite">
        {state === "manual" ? t("ui.copyManually") : ""}
      </span>
    </div>
  );
}
