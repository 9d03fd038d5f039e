import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../ui";
import { useDocumentTitle } from "../lib/use-document-title";
import { ClientsList } from "../modules/clients/clients-list";
import { NewClientDialog } from "../modules/clients/new-client-dialog";

export function ClientsPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t("clients.title"));
  return (
    <div className="page">
      <div className="page-header">
        <div className="page-title-group">
          <h1>{t("clients.title")}</h1>
          <p className="muted">{t("clients.subtitle")}</p>
        </div>
        <div className="page-actions">
          <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-client">
            {t("clients.new")}
          </Button>
        </div>
      </div>
      <ClientsList onCreate={() => setCreating(true)} />
      <NewClientDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
