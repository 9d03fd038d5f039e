import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Banner, Button } from "../ui";
import { useDocumentTitle } from "../lib/use-document-title";
import { isAdmin, useSignedInMe } from "../modules/auth/session";
import { CreateUserDialog } from "../modules/people/create-user-dialog";
import { PeopleList } from "../modules/people/people-list";

export function PeoplePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canManage = isAdmin(me);
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t("people.title"));
  return (
    <div className="page">
      <div className="page-header">
        <div className="page-title-group">
          <h1>{t("people.title")}</h1>
          <p className="muted">{t("people.subtitle")}</p>
        </div>
        {canManage ? (
          <div className="page-actions">
            <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-user">
              {t("people.new")}
            </Button>
          </div>
        ) : null}
      </div>
      {canManage ? null : <Banner tone="info">{t("people.readOnly")}</Banner>}
      <PeopleList canManage={canManage} meId={me.id} />
      {canManage ? <CreateUserDialog open={creating} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
