/**
 * The UI language. zh-CN and en are kept in step (see i18n.test.ts). Before sign-in the choice lives in
 * localStorage; once signed in the user's saved locale (PATCH /api/v1/me) wins.
 */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { LOCALES, type TLocale } from "@jiaofu/contracts";
import en from "./en.json";
import zhCN from "./zh-CN.json";
import elicitationEn from "./elicitation.en.json";
import elicitationZhCN from "./elicitation.zh-CN.json";
import requirementsEn from "./requirements.en.json";
import requirementsZhCN from "./requirements.zh-CN.json";
import prioritisationEn from "./prioritisation.en.json";
import prioritisationZhCN from "./prioritisation.zh-CN.json";
import clientConfirmationEn from "./client-confirmation.en.json";
import clientConfirmationZhCN from "./client-confirmation.zh-CN.json";
import baselinesEn from "./baselines.en.json";
import baselinesZhCN from "./baselines.zh-CN.json";
import changeRequestsEn from "./change-requests.en.json";
import changeRequestsZhCN from "./change-requests.zh-CN.json";
import changeRequestImpactEn from "./change-request-impact.en.json";
import changeRequestImpactZhCN from "./change-request-impact.zh-CN.json";
import requirementsImportEn from "./requirements-import.en.json";
import requirementsImportZhCN from "./requirements-import.zh-CN.json";
import risksEn from "./risks.en.json";
import risksZhCN from "./risks.zh-CN.json";
import planningEn from "./planning.en.json";
import planningZhCN from "./planning.zh-CN.json";
import planBaselinesEn from "./plan-baselines.en.json";
import planBaselinesZhCN from "./plan-baselines.zh-CN.json";
import planTemplatesEn from "./plan-templates.en.json";
import planTemplatesZhCN from "./plan-templates.zh-CN.json";
import ganttEn from "./gantt.en.json";
import ganttZhCN from "./gantt.zh-CN.json";
import planExchangeEn from "./plan-exchange.en.json";
import planExchangeZhCN from "./plan-exchange.zh-CN.json";
import planResourcesEn from "./plan-resources.en.json";
import planResourcesZhCN from "./plan-resources.zh-CN.json";
import boardEn from "./board.en.json";
import boardZhCN from "./board.zh-CN.json";
import timeEn from "./time.en.json";
import timeZhCN from "./time.zh-CN.json";
import meetingsEn from "./meetings.en.json";
import meetingsZhCN from "./meetings.zh-CN.json";
import monitoringEn from "./monitoring.en.json";
import monitoringZhCN from "./monitoring.zh-CN.json";
import qualityEn from "./quality.en.json";
import qualityZhCN from "./quality.zh-CN.json";
import statusReportsEn from "./status-reports.en.json";
import statusReportsZhCN from "./status-reports.zh-CN.json";
import dashboardsEn from "./dashboards.en.json";
import dashboardsZhCN from "./dashboards.zh-CN.json";
import performanceEn from "./performance.en.json";
import performanceZhCN from "./performance.zh-CN.json";
import notificationsEn from "./notifications.en.json";
import notificationsZhCN from "./notifications.zh-CN.json";

export const LOCALE_STORAGE_KEY = "jiaofu.locale";

export const LOCALE_LABELS: Record<TLocale, string> = { "zh-CN": "中文", en: "English" };

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** zh-* → zh-CN, en-* → en, anything else → zh-CN (the product's home language). */
export function localeFromLanguageTag(tag: string | undefined): TLocale {
  const lower = (tag ?? "").toLowerCase();
  if (lower.startsWith("en")) return "en";
  return "zh-CN";
}

function storedLocale(): TLocale | undefined {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function initialLocale(): TLocale {
  if (typeof window === "undefined") return "zh-CN";
  return storedLocale() ?? localeFromLanguageTag(window.navigator.language);
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: { ...en, ...elicitationEn, ...requirementsEn, ...prioritisationEn, ...baselinesEn, ...clientConfirmationEn, ...requirementsImportEn, ...changeRequestsEn, ...changeRequestImpactEn, ...risksEn, ...planningEn, ...planBaselinesEn, ...planTemplatesEn, ...ganttEn, ...planResourcesEn, ...planExchangeEn, ...boardEn, ...meetingsEn, ...timeEn, ...monitoringEn, ...qualityEn, ...statusReportsEn, ...dashboardsEn, ...performanceEn, ...notificationsEn } },
    "zh-CN": { translation: { ...zhCN, ...elicitationZhCN, ...requirementsZhCN, ...prioritisationZhCN, ...baselinesZhCN, ...clientConfirmationZhCN, ...requirementsImportZhCN, ...changeRequestsZhCN, ...changeRequestImpactZhCN, ...risksZhCN, ...planningZhCN, ...planBaselinesZhCN, ...planTemplatesZhCN, ...ganttZhCN, ...planResourcesZhCN, ...planExchangeZhCN, ...boardZhCN, ...meetingsZhCN, ...timeZhCN, ...monitoringZhCN, ...qualityZhCN, ...statusReportsZhCN, ...dashboardsZhCN, ...performanceZhCN, ...notificationsZhCN } },
  },
  lng: initialLocale(),
  supportedLngs: [...LOCALES],
  load: "currentOnly",
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyToDocument(locale: TLocale) {
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}
applyToDocument(currentLocale());

export function currentLocale(): TLocale {
  return isLocale(i18n.language) ? i18n.language : "zh-CN";
}

/** Switches the UI language and remembers it on this device. */
export async function setLocale(locale: TLocale): Promise<void> {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyToDocument(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}
