import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api";
import { PlanFeedDialog } from "./plan-feed-dialog";
import { PlanImportDialog } from "./plan-import-dialog";
import "./plan-exchange.css";

export type PlanExchangeMenuProps = {
  projectId: string;
  /** Tasks in the plan now (an import into a plan with tasks replaces it). */
  taskCount: number;
  /** Whether the person may import (the project's managers and admins, as for the calendar). */
  canImport: boolean;
};

/**
 * The plan toolbar's "Import / export" disclosure: the plan as MS Project XML or CSV (downloads), importing a file
 * (a dialog with a preview), and the person's milestone calendar feed.
 */
export function PlanExchangeMenu({ projectId, taskCount, canImport }: PlanExchangeMenuProps) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [feedOpen, setFeedOpen] = useState(false);
  const close = () => menu.current?.removeAttribute("open");

  return (
    <>
      <details
        ref={menu}
        className="plan-exchange-menu"
        data-testid="plan-exchange-menu"
        onKeyDown={(event) => {
          if (event.key === "Escape" && menu.current?.open) {
            close();
            menu.current.querySelector("summary")?.focus();
          }
        }}
      >
        <summary className="btn btn-secondary" data-testid="plan-exchange-toggle">
          {t("planExchange.menu")}
          <span aria-hidden="true"> ▾</span>
        </summary>
        <div className="plan-exchange-items">
          <a className="btn btn-ghost btn-sm" href={api.planExchange.exportUrl(projectId, "mspdi")} download onClick={close} data-testid="plan-export-mspdi">
            {t("planExchange.exportMspdi")}
          </a>
          <a className="btn btn-ghost btn-sm" href={api.planExchange.exportUrl(projectId, "csv")} download onClick={close} data-testid="plan-export-csv">
            {t("planExchange.exportCsv")}
          </a>
          {canImport ? (
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              onClick={() => {
                close();
                setImportOpen(true);
              }}
              data-testid="plan-import-open"
            >
              {t("planExchange.import")}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => {
              close();
              setFeedOpen(true);
            }}
            data-testid="plan-feed-open"
          >
            {t("planExchange.subscribe")}
          </button>
        </div>
      </details>
      <PlanImportDialog projectId={projectId} taskCount={taskCount} open={importOpen} onClose={() => setImportOpen(false)} />
      <PlanFeedDialog projectId={projectId} open={feedOpen} onClose={() => setFeedOpen(false)} />
    </>
  );
}
