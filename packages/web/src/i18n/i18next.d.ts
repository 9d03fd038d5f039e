import "i18next";
import type en from "./en.json";
import type elicitationEn from "./elicitation.en.json";
import type requirementsEn from "./requirements.en.json";

declare module "i18next" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation must be an interface
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en & typeof elicitationEn & typeof requirementsEn };
    returnNull: false;
  }
}
