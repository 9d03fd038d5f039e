import "i18next";
import type en from "./en.json";
import type elicitationEn from "./elicitation.en.json";
import type requirementsEn from "./requirements.en.json";
import type prioritisationEn from "./prioritisation.en.json";
import type clientConfirmationEn from "./client-confirmation.en.json";
import type baselinesEn from "./baselines.en.json";
import type changeRequestsEn from "./change-requests.en.json";
import type changeRequestImpactEn from "./change-request-impact.en.json";
import type requirementsImportEn from "./requirements-import.en.json";
import type risksEn from "./risks.en.json";
import type planningEn from "./planning.en.json";
import type planBaselinesEn from "./plan-baselines.en.json";
import type planTemplatesEn from "./plan-templates.en.json";
import type ganttEn from "./gantt.en.json";
import type planExchangeEn from "./plan-exchange.en.json";
import type planResourcesEn from "./plan-resources.en.json";
import type boardEn from "./board.en.json";
import type timeEn from "./time.en.json";
import type meetingsEn from "./meetings.en.json";
import type monitoringEn from "./monitoring.en.json";
import type qualityEn from "./quality.en.json";
import type statusReportsEn from "./status-reports.en.json";
import type dashboardsEn from "./dashboards.en.json";
import type performanceEn from "./performance.en.json";
import type notificationsEn from "./notifications.en.json";

declare module "i18next" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation must be an interface
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en & typeof elicitationEn & typeof requirementsEn & typeof prioritisationEn & typeof baselinesEn & typeof clientConfirmationEn & typeof requirementsImportEn & typeof changeRequestsEn & typeof changeRequestImpactEn & typeof risksEn & typeof planningEn & typeof planBaselinesEn & typeof planTemplatesEn & typeof ganttEn & typeof planResourcesEn & typeof planExchangeEn & typeof boardEn & typeof meetingsEn & typeof timeEn & typeof monitoringEn & typeof qualityEn & typeof statusReportsEn & typeof dashboardsEn & typeof performanceEn & typeof notificationsEn };
    returnNull: false;
  }
}
