import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TRiskSummary } from "@jiaofu/contracts";
import { EmptyState, LoadingBlock } from "../../ui";
import { formatDate } from "../../lib/format";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { RiskScore, RiskStatusBadge } from "./risk-badges";
import { EMPTY_RISK_FILTERS } from "./risk-filters";
import { useRisk, useRiskList } from "./risks.queries";
import "./risks.css";

/** The risks the team shares with the client, read-only: assessment, status, owner; the response on demand. */
export function PortalRisks({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const list = useRiskList(projectId, EMPTY_RISK_FILTERS);
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="stack">
      <p className="muted">{t("risks.portal.intro")}</p>
      <QueryContent query={list} isEmpty={rows.length === 0} empty={<EmptyState title={t("risks.portal.emptyTitle")}>{t("risks.portal.emptyBody")}</EmptyState>}>
        <ul className="portal-risks" data-testid="portal-risks">
          {rows.map((risk) => (
            <PortalRisk key={risk.id} risk={risk} />
          ))}
        </ul>
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
      </QueryContent>
    </div>
  );
}

function PortalRisk({ risk }: { risk: TRiskSummary }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li className="portal-risk" data-testid="portal-risk" data-key={risk.key}>
      <div className="portal-risk-head">
        <RiskScore score={risk.score} level={risk.level} probability={risk.probability} impact={risk.impact} />
        <span className="mono subtle">{risk.key}</span>
        <strong className="portal-risk-title">{risk.title}</strong>
        <RiskStatusBadge status={risk.status} />
      </div>
      <p className="subtle">
        {[
          t(`risks.category.${risk.category}`),
          t(`risks.strategy.${risk.strategy}`),
          risk.ownerName,
          risk.reviewDate ? `${t("risks.columns.reviewDate")} ${formatDate(risk.reviewDate, i18n.language) ?? ""}` : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <details className="portal-risk-more" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>{t("risks.portal.showResponse")}</summary>
        {open ? <PortalRiskResponse riskId={risk.id} /> : null}
      </details>
    </li>
  );
}

/** Loaded when opened: the response plan and the trigger. */
function PortalRiskResponse({ riskId }: { riskId: string }) {
  const { t } = useTranslation();
  const risk = useRisk(riskId);
  if (!risk.data) return <LoadingBlock />;
  return (
    <div className="stack-tight">
      {/* The HTML is rendered from Markdown and sanitised on the server (see ZRisk). */}
      {risk.data.responsePlan ? <div className="prose" dangerouslySetInnerHTML={{ __html: risk.data.responsePlanHtml }} /> : <p className="muted">{t("risks.nothingWritten")}</p>}
      {risk.data.trigger ? (
        <p>
          <span className="field-label">{t("risks.fields.trigger")}</span> {risk.data.trigger}
        </p>
      ) : null}
    </div>
  );
}
