/**
 * The one API client of the web app. Browsers authenticate with the session cookie; writes echo the `jiaofu_csrf`
 * cookie in the x-csrf-token header, and every request asks for answers (error messages) in the UI language.
 */
import { createApiClient } from "@jiaofu/contracts";
import { i18n } from "./i18n";

export const CSRF_COOKIE = "jiaofu_csrf";

/** The value of a cookie readable by script, or undefined. */
export function readCookie(name: string, cookieHeader: string = document.cookie): string | undefined {
  for (const part of cookieHeader.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

export const api = createApiClient({
  csrfToken: () => readCookie(CSRF_COOKIE),
  locale: () => i18n.language,
});
