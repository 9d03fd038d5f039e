import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TUser } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, Dialog } from "../../ui";
import { apiMessageOf } from "../../lib/api-errors";
import { formatDateTime } from "../../lib/format";
import { CopyField } from "../common/copy-field";

export type ResetLinkDialogProps = { user: TUser; onClose: () => void };

/**
 * Creates a one-time password reset link for someone (POST /api/v1/users/:id/password-reset-link), for
 * workspaces without an email server: the admin passes the link on themselves.
 */
export function ResetLinkDialog({ user, onClose }: ResetLinkDialogProps) {
  const { t, i18n } = useTranslation();
  const create = useMutation({ mutationFn: () => api.users.createPasswordResetLink(user.id) });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t("people.resetTitle", { name: user.name })}
      footer={
        create.isSuccess ? (
          <Button variant="primary" onClick={onClose}>
            {t("ui.done")}
          </Button>
        ) : (
          <>
            <Button variant="secondary" onClick={onClose}>
              {t("ui.cancel")}
            </Button>
            <Button variant="primary" onClick={() => create.mutate()} loading={create.isPending} data-autofocus>
              {t("people.resetCreate")}
            </Button>
          </>
        )
      }
    >
      <div className="stack">
        {create.isError ? <Banner tone="error">{apiMessageOf(create.error) ?? t("errors.network")}</Banner> : null}
        {create.isSuccess ? (
          <>
            <CopyField label={t("people.resetLinkLabel")} value={create.data.url} testId="reset-link-url" />
            <p className="subtle">{t("people.resetExpires", { date: formatDateTime(create.data.expiresAt, i18n.language) ?? "" })}</p>
          </>
        ) : (
          <p>{t("people.resetExplain", { email: user.email })}</p>
        )}
      </div>
    </Dialog>
  );
}
