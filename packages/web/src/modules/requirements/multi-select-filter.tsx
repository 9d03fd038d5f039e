import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

export type MultiSelectFilterProps<T extends string> = {
  label: string;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  testId?: string;
};

/**
 * A filter that takes several values: a button that reads like a select ("All", "Draft", "3 selected") and opens a
 * list of checkboxes. Escape or a click elsewhere closes it; focus goes back to the button.
 */
export function MultiSelectFilter<T extends string>({ label, options, value, onChange, testId }: MultiSelectFilterProps<T>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const handlePointer = (event: PointerEvent) => {
      if (rootRef.current && event.target instanceof Node && !rootRef.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener("pointerdown", handlePointer);
    // The first checkbox takes the focus, so arrow keys and Space work straight away.
    rootRef.current?.querySelector<HTMLInputElement>("input")?.focus();
    return () => document.removeEventListener("pointerdown", handlePointer);
  }, [open]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  }

  const selected = options.filter((o) => value.includes(o.value));
  const summary = selected.length === 0 ? t("requirements.filters.all") : selected.length === 1 ? (selected[0]?.label ?? "") : t("requirements.filters.selectedCount", { count: selected.length });

  return (
    <div className="field multi-select" ref={rootRef} onKeyDown={handleKeyDown}>
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <button
        ref={buttonRef}
        type="button"
        id={`${id}-button`}
        className={selected.length > 0 ? "select multi-select-button is-active" : "select multi-select-button"}
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={`${id}-popup`}
        aria-labelledby={`${id}-label ${id}-button`}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
      >
        {summary}
      </button>
      {open ? (
        <div className="multi-select-popup" id={`${id}-popup`} role="group" aria-labelledby={`${id}-label`}>
          <ul>
            {options.map((option) => (
              <li key={option.value}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={value.includes(option.value)}
                    onChange={(event) =>
                      onChange(event.target.checked ? options.filter((o) => o.value === option.value || value.includes(o.value)).map((o) => o.value) : value.filter((v) => v !== option.value))
                    }
                  />
                  {option.label}
                </label>
              </li>
            ))}
          </ul>
          <div className="multi-select-footer">
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange([])} disabled={value.length === 0}>
              {t("requirements.filters.clear")}
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              onClick={() => {
                setOpen(false);
                buttonRef.current?.focus();
              }}
            >
              {t("ui.done")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
