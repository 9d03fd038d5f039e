import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TRequirementStatus } from "@jiaofu/contracts";
import { InputField, Spinner } from "../../ui";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { RequirementStatusBadge } from "./requirement-badges";
import { useRequirementSearch } from "./requirements.queries";

export type RequirementPickerProps = {
  projectId: string;
  /** Requirements that cannot be picked (the requirement itself). */
  exclude: readonly string[];
  /** Only requirements in these statuses (all when left out). */
  statuses?: readonly TRequirementStatus[];
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
};

/**
 * Finds a requirement of the project by key ("REQ-12") or words, and picks one: a search box over a group of radio
 * buttons, so arrow keys move through the results.
 */
export function RequirementPicker({ projectId, exclude, statuses, value, onChange, error }: RequirementPickerProps) {
  const { t } = useTranslation();
  const name = useId();
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim());
  const results = useRequirementSearch(projectId, q, statuses);
  const items = (results.data ?? []).filter((r) => !exclude.includes(r.id));

  return (
    <div className="stack picker">
      <InputField
        label={t("requirements.picker.search")}
        type="search"
        value={search}
        placeholder={t("requirements.picker.placeholder")}
        onChange={(event) => setSearch(event.target.value)}
        hint={t("requirements.picker.hint")}
        data-testid="requirement-picker-search"
      />
      <fieldset className="picker-results" aria-busy={results.isFetching}>
        <legend className="field-label">
          {t("requirements.picker.results")} {results.isFetching ? <Spinner size="sm" label={t("ui.loading")} /> : null}
        </legend>
        {results.isError ? <p className="field-error">{t("errors.loadFailed")}</p> : null}
        {results.isSuccess && items.length === 0 ? <p className="subtle">{t("requirements.picker.none")}</p> : null}
        <ul>
          {items.map((r) => (
            <li key={r.id}>
              <label className={r.id === value ? "picker-option is-checked" : "picker-option"}>
                <input type="radio" name={name} value={r.id} checked={r.id === value} onChange={() => onChange(r.id)} data-testid="requirement-picker-option" data-key={r.key} />
                <span className="mono">{r.key}</span>
                <span className="picker-title">{r.title}</span>
                <RequirementStatusBadge status={r.status} />
              </label>
            </li>
          ))}
        </ul>
        {error ? <p className="field-error">{error}</p> : null}
      </fieldset>
    </div>
  );
}
