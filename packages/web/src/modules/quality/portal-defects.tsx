import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TDefectSeverity } from "@jiaofu/contracts";
import { api } from "../../api";
import { Badge, Button, Dialog, EmptyState, LoadingBlock } from "../../ui";
import { ErrorPanel } from "../common/error-panel";
import { SEVERITY_TONE, STATUS_TONE } from "./quality-model";
import { NewDefectForm } from "./quality-view";
import { useDefects, useQualityMutation } from "./quality.queries";
import "./quality.css";

/**
 * The portal's defects (docs/monitoring.md, "Quality"): a client contact raises a defect and follows those raised by
 * the client's side — severity, status, dates; the team's assignee and test cases stay with the team.
 */
export function PortalDefects({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState(false);
  const query = useDefects(projectId, "", "");
  const create = useQualityMutation(projectId, (input: { title: string; description: string; severity: TDefectSeverity }) => api.quality.createDefect(projectId, input));
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" }).format(new Date(iso));
  return (
    <div className="stack" data-testid="portal-defects">
      <div className="quality-card-head">
        <p className="muted">{t("quality.portal.intro")}</p>
        <Button size="sm" variant="primary" data-testid="portal-raise-defect" onClick={() => setAdding(true)}>
          {t("quality.defects.add")}
        </Button>
      </div>
      {query.isPending ? (
        <LoadingBlock />
      ) : query.isError ? (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t("quality.portal.empty")} />
      ) : (
        <ul className="quality-checklist">
          {query.data.items.map((d) => (
            <li key={d.id} className="quality-phase" data-testid="portal-defect" data-key={d.key} data-status={d.status}>
              <div className="quality-phase-head">
                <span className="mono subtle">{d.key}</span>
                <strong>{d.title}</strong>
                <Badge tone={SEVERITY_TONE[d.severity]}>{t(`quality.severity.${d.severity}`)}</Badge>
                <Badge tone={STATUS_TONE[d.status]}>{t(`quality.status.${d.status}`)}</Badge>
                <span className="subtle">{date(d.createdAt)}</span>
              </div>
              {d.description ? <p className="subtle quality-evidence-text">{d.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <Dialog open={adding} onClose={() => setAdding(false)} title={t("quality.defects.add")} testId="portal-defect-dialog">
        <NewDefectForm submitting={create.isPending} error={create.error} onCancel={() => setAdding(false)} onSubmit={(input) => create.mutate(input, { onSuccess: () => setAdding(false) })} />
      </Dialog>
    </div>
  );
}
