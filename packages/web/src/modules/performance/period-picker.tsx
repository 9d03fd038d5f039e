import { useState } from "react";
import { useTranslation } from "react-i18next";
import { InputField, SelectField } from "../../ui";
import { isValidPeriod, PERIOD_PRESETS, type PerformancePeriod, presetPeriod, type PeriodPreset, todayIso } from "./performance-model";

/**
 * The period of an evaluation: a preset (the last 30 or 90 days, this month) or two dates. The page asks for a new
 * period only once both dates make one, so typing a date never sends a half-made request.
 */
export function PeriodPicker({ value, onChange }: { value: PerformancePeriod; onChange: (p: PerformancePeriod) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const preset = PERIOD_PRESETS.find((p) => {
    const made = presetPeriod(p, todayIso());
    return made.from === value.from && made.to === value.to;
  });
  const edit = (next: PerformancePeriod) => {
    setDraft(next);
    if (isValidPeriod(next)) onChange(next);
  };
  const invalid = !isValidPeriod(draft) && draft.from !== "" && draft.to !== "";
  return (
    <fieldset className="performance-period" data-testid="performance-period">
      <legend className="visually-hidden">{t("performance.period.label")}</legend>
      <SelectField
        label={t("performance.period.label")}
        value={preset ?? ""}
        onChange={(e) => {
          if (e.target.value) edit(presetPeriod(e.target.value as PeriodPreset, todayIso()));
        }}
        options={[...(preset ? [] : [{ value: "", label: `${value.from} – ${value.to}` }]), ...PERIOD_PRESETS.map((p) => ({ value: p, label: t(`performance.period.${p}`) }))]}
        data-testid="performance-period-preset"
      />
      <InputField label={t("performance.period.from")} type="date" value={draft.from} max={draft.to || undefined} onChange={(e) => edit({ ...draft, from: e.target.value })} data-testid="performance-from" error={invalid ? t("performance.period.invalid") : undefined} />
      <InputField label={t("performance.period.to")} type="date" value={draft.to} min={draft.from || undefined} onChange={(e) => edit({ ...draft, to: e.target.value })} data-testid="performance-to" />
    </fieldset>
  );
}
