import { useCallback, useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TLocale, TMe } from "@jiaofu/contracts";
import { api } from "../../api";
import { currentLocale, setLocale } from "../../i18n";
import { useToast } from "../../ui";
import { apiMessageOf } from "../../lib/api-errors";
import { meQueryKey } from "../auth/session";

/**
 * Switches the UI language. Signed in, the choice is saved to the account (PATCH /api/v1/me) so it follows the
 * person to other devices and to the emails the server sends; before sign-in it is kept on this device.
 */
export function useLocaleSwitch() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { t } = useTranslation();
  return useCallback(
    async (locale: TLocale) => {
      await setLocale(locale);
      const me = queryClient.getQueryData<TMe>(meQueryKey);
      if (!me || me.locale === locale) return;
      try {
        queryClient.setQueryData(meQueryKey, await api.me.update({ locale }));
      } catch (error) {
        toast.show(apiMessageOf(error) ?? t("errors.generic"), "error");
      }
    },
    [queryClient, toast, t],
  );
}

/** Once the signed-in person is known, show the UI in their saved language. */
export function useSyncSavedLocale(me: TMe | undefined) {
  const saved = me?.locale;
  useEffect(() => {
    if (saved && saved !== currentLocale()) void setLocale(saved);
  }, [saved]);
}
