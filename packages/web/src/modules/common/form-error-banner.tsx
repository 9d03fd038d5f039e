import { useTranslation } from "react-i18next";
import { Banner } from "../../ui";
import { apiMessageOf, fieldErrorsOf, isVersionConflict } from "../../lib/api-errors";
import { VersionConflictBanner } from "./version-conflict-banner";

export type FormErrorBannerProps = {
  /** The failed submit (a mutation's `error`); nothing is shown while it is null. */
  error: unknown;
  /** Edit forms: a 409 `version_conflict` shows the Reload banner instead of the error's message. */
  onReload?: () => void;
  reloading?: boolean;
};

/**
 * The banner at the top of a form after a failed submit. Errors the API ties to fields are shown beside those
 * fields, so the banner speaks only for the others: the API's own message, or "could not reach the server".
 */
export function FormErrorBanner({ error, onReload, reloading = false }: FormErrorBannerProps) {
  const { t } = useTranslation();
  if (!error) return null;
  if (onReload && isVersionConflict(error)) return <VersionConflictBanner onReload={onReload} reloading={reloading} />;
  if (Object.keys(fieldErrorsOf(error)).length > 0) return null;
  return <Banner tone="error">{apiMessageOf(error) ?? t("errors.network")}</Banner>;
}
