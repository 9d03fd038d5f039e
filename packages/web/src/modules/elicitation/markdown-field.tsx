import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, MarkdownText, Textarea } from "../../ui";

export type MarkdownFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  rows?: number;
  optional?: boolean;
  className?: string;
  testId?: string;
};

/**
 * A Markdown text area with a Write / Preview switch. The preview renders the common subset the app shows for
 * plain Markdown; once saved, the server's full rendering is what people read.
 */
export function MarkdownField({ label, value, onChange, error, hint, rows = 8, optional, className, testId }: MarkdownFieldProps) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState(false);
  const previewId = useId();
  return (
    <Field label={label} error={error} hint={hint ?? t("ui.markdownHint")} optional={optional} className={["markdown-field", className ?? ""].join(" ")}>
      {(control) => (
        <div className="markdown-field-box">
          <div className="elic-switch" role="group" aria-label={label}>
            <button type="button" className="elic-switch-option" aria-pressed={!preview} onClick={() => setPreview(false)}>
              {t("elicitation.markdown.write")}
            </button>
            <button type="button" className="elic-switch-option" aria-pressed={preview} aria-controls={previewId} onClick={() => setPreview(true)}>
              {t("elicitation.markdown.preview")}
            </button>
          </div>
          {preview ? (
            <div id={previewId} className="markdown-preview" aria-live="polite">
              {value.trim() ? <MarkdownText text={value} /> : <p className="subtle">{t("elicitation.markdown.nothing")}</p>}
            </div>
          ) : (
            <Textarea {...control} rows={rows} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId} />
          )}
        </div>
      )}
    </Field>
  );
}
