import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "@jiaofu/contracts";
import { MESSAGES, localeFromAcceptLanguage, translate } from "./messages";

describe("server messages", () => {
  it("has every key in both languages, none empty", () => {
    expect(Object.keys(MESSAGES["zh-CN"]).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const locale of ["zh-CN", "en"] as const) {
      for (const [key, text] of Object.entries(MESSAGES[locale])) expect(text.trim(), `${locale} ${key}`).not.toBe("");
    }
  });

  it("has a message for every error code", () => {
    for (const code of ERROR_CODES) expect(MESSAGES.en[code]).toBeTruthy();
  });

  it("fills parameters", () => {
    expect(translate("zh-CN", "payload_too_large", { limitMb: 25 })).toBe("文件过大（最大 25 MB）。");
  });

  it("reads Accept-Language with quality values", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,zh-CN;q=0.8", "zh-CN")).toBe("en");
    expect(localeFromAcceptLanguage("zh-TW;q=0.9,en;q=0.5", "en")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("fr-FR", "zh-CN")).toBe("zh-CN");
    expect(localeFromAcceptLanguage(undefined, "en")).toBe("en");
  });
});
