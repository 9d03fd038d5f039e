import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "@jiaofu/contracts";
import { LOCALE_LABELS, currentLocale, isLocale } from "../../i18n";
import { useLocaleSwitch } from "./use-locale-switch";

export type LanguageSelectProps = { compact?: boolean };

/** zh-CN / English. Each language is named in itself, so a person who cannot read the current one finds theirs. */
export function LanguageSelect({ compact = false }: LanguageSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const switchLocale = useLocaleSwitch();
  return (
    <div className={compact ? "language-select language-select-compact" : "language-select"}>
      <label htmlFor={id} className={compact ? "visually-hidden" : "field-label"}>
        {t("userMenu.language")}
      </label>
      <select
        id={id}
        className="select"
        data-testid="language-switch"
        value={currentLocale()}
        onChange={(event) => {
          const value = event.target.value;
          if (isLocale(value)) void switchLocale(value);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_LABELS[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
