import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { RISK_CATEGORIES, RISK_LEVELS, RISK_STATUSES, type TProject, type TRiskHeatMap, type TRiskSummary } from "@jiaofu/contracts";
import { Button, Card, DataTable, EmptyState, InputField, SelectField, type Column } from "../../ui";
import { formatDate } from "../../lib/format";
import { isOneOf } from "../../lib/is-one-of";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { useOwnerOptions } from "../requirements/requirement-fields";
import { RiskScore, RiskStatusBadge } from "./risk-badges";
import { EMPTY_RISK_FILTERS, RISK_SORT_CHOICES, riskFiltersActive, riskFiltersFromParams, riskFiltersToParams, type RiskFilters } from "./risk-filters";
import { DefaultRisksDialog, NewRiskDialog } from "./risk-form";
import { RiskHeatMapTable } from "./risk-heat-map";
import { riskPath } from "./risk-paths";
import type { RiskPermissions } from "./risk-permissions";
import { useRiskHeatMap, useRiskList } from "./risks.queries";

export type RisksRegisterProps = { project: TProject; can: RiskPermissions };

/**
 * The register: the heat map and exposure beside each other, then every risk in a table, highest score first. The
 * filters live in the address; a click on a heat-map cell filters the table to it.
 */
export function RisksRegister({ project, can }: RisksRegisterProps) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = riskFiltersFromParams(params);
  const apply = (next: RiskFilters) => setParams(riskFiltersToParams(next), { replace: true });
  // The search box answers as one types, but asks the server once typing pauses.
  const debouncedQ = useDebouncedValue(filters.q);
  const effective = { ...filters, q: debouncedQ };
  const [creating, setCreating] = useState(false);
  const [addingDefaults, setAddingDefaults] = useState(false);
  const list = useRiskList(project.id, effective);
  const heatMap = useRiskHeatMap(project.id, effective);
  const ownerOptions = useOwnerOptions(project.id);
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = riskFiltersActive(filters);

  const columns: Column<TRiskSummary>[] = [
    { key: "key", header: t("risks.columns.key"), nowrap: true, render: (risk) => <span className="mono">{risk.key}</span> },
    {
      key: "title",
      header: t("risks.columns.title"),
      primary: true,
      render: (risk) => (
        <span className="stack-tight risk-title-cell">
          <Link to={riskPath(project.id, risk.id)} className="strong-link">
            {risk.title}
          </Link>
          {risk.sharedWithClient ? <span className="subtle risk-shared-note">{t("risks.shared")}</span> : null}
        </span>
      ),
    },
    { key: "score", header: t("risks.columns.score"), nowrap: true, render: (risk) => <RiskScore score={risk.score} level={risk.level} probability={risk.probability} impact={risk.impact} /> },
    { key: "category", header: t("risks.columns.category"), render: (risk) => t(`risks.category.${risk.category}`) },
    { key: "strategy", header: t("risks.columns.strategy"), nowrap: true, render: (risk) => t(`risks.strategy.${risk.strategy}`) },
    { key: "owner", header: t("risks.columns.owner"), nowrap: true, render: (risk) => risk.ownerName ?? <span className="muted">{t("risks.noOwner")}</span> },
    {
      key: "reviewDate",
      header: t("risks.columns.reviewDate"),
      nowrap: true,
      render: (risk) =>
        risk.reviewDate ? (
          <span className={risk.reviewOverdue ? "risk-overdue" : undefined}>
            <time dateTime={risk.reviewDate}>{formatDate(risk.reviewDate, i18n.language)}</time>
            {risk.reviewOverdue ? <span className="risk-overdue-tag">{t("risks.overdue")}</span> : null}
          </span>
        ) : (
          <span className="muted">{t("risks.noReviewDate")}</span>
        ),
    },
    { key: "status", header: t("risks.columns.status"), render: (risk) => <RiskStatusBadge status={risk.status} /> },
  ];

  const registerEmpty = !filtered && list.isSuccess && rows.length === 0;
  return (
    <div className="stack">
      <div className="risk-register-head">
        <p className="muted">{t("risks.intro")}</p>
        {can.write ? (
          <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-risk">
            {t("risks.new")}
          </Button>
        ) : null}
      </div>
      {registerEmpty ? null : (
        <div className="risk-overview">
          <Card title={t("risks.heatMap.title")} titleLevel={3} className="risk-overview-map">
            <QueryContent query={heatMap} isEmpty={false} empty={null}>
              {heatMap.data ? <RiskHeatMapTable map={heatMap.data} selected={filters.cell} onSelect={(cell) => apply({ ...filters, cell })} /> : null}
            </QueryContent>
          </Card>
          <Card title={t("risks.summary.title")} titleLevel={3} className="risk-overview-summary">
            {heatMap.data ? <RiskSummaryPanel map={heatMap.data} onShowOverdue={() => apply({ ...EMPTY_RISK_FILTERS, overdue: true, sort: "reviewDate" })} /> : null}
          </Card>
        </div>
      )}
      <Card flush>
        <div className="toolbar risk-toolbar" role="search" aria-label={t("risks.filtersLabel")}>
          <InputField
            fieldClassName="risk-search"
            label={t("risks.search")}
            type="search"
            value={filters.q}
            placeholder={t("risks.searchPlaceholder")}
            onChange={(event) => apply({ ...filters, q: event.target.value })}
            data-testid="risk-search"
          />
          <SelectField
            label={t("risks.columns.status")}
            value={filters.status}
            placeholder={t("risks.allStatuses")}
            options={RISK_STATUSES.map((value) => ({ value, label: t(`risks.status.${value}`) }))}
            onChange={(event) => apply({ ...filters, status: isOneOf(RISK_STATUSES, event.target.value) ? event.target.value : "" })}
            data-testid="risk-status-filter"
          />
          <SelectField
            label={t("risks.columns.category")}
            value={filters.category}
            placeholder={t("risks.allCategories")}
            options={RISK_CATEGORIES.map((value) => ({ value, label: t(`risks.category.${value}`) }))}
            onChange={(event) => apply({ ...filters, category: isOneOf(RISK_CATEGORIES, event.target.value) ? event.target.value : "" })}
            data-testid="risk-category-filter"
          />
          <SelectField
            label={t("risks.levelFilter")}
            value={filters.level}
            placeholder={t("risks.allLevels")}
            options={RISK_LEVELS.map((value) => ({ value, label: t(`risks.level.${value}`) }))}
            onChange={(event) => apply({ ...filters, level: isOneOf(RISK_LEVELS, event.target.value) ? event.target.value : "" })}
            data-testid="risk-level-filter"
          />
          <SelectField
            label={t("risks.columns.owner")}
            value={filters.ownerId}
            placeholder={t("risks.anyOwner")}
            options={ownerOptions}
            onChange={(event) => apply({ ...filters, ownerId: event.target.value })}
            data-testid="risk-owner-filter"
          />
          <SelectField
            label={t("risks.sort.label")}
            value={filters.sort}
            options={RISK_SORT_CHOICES.map((value) => ({ value, label: t(`risks.sort.${value}`) }))}
            onChange={(event) => {
              const sort = RISK_SORT_CHOICES.find((value) => value === event.target.value);
              if (sort) apply({ ...filters, sort });
            }}
            data-testid="risk-sort"
          />
          <label className="checkbox toolbar-check">
            <input type="checkbox" checked={filters.overdue} onChange={(event) => apply({ ...filters, overdue: event.target.checked })} data-testid="risk-overdue-filter" />
            {t("risks.overdueOnly")}
          </label>
        </div>
        {filters.cell || filtered ? (
          <div className="risk-filter-notes">
            {filters.cell ? (
              <span className="risk-cell-chip" data-testid="risk-cell-filter">
                {t("risks.cellFilter", filters.cell)}
                <Button size="sm" variant="ghost" onClick={() => apply({ ...filters, cell: null })}>
                  {t("risks.clearCell")}
                </Button>
              </span>
            ) : null}
            <span className="toolbar-spacer" />
            <Button size="sm" variant="ghost" onClick={() => apply({ ...EMPTY_RISK_FILTERS, sort: filters.sort })} data-testid="risk-clear-filters">
              {t("risks.clearFilters")}
            </Button>
          </div>
        ) : null}
        <QueryContent
          query={list}
          isEmpty={rows.length === 0}
          empty={
            filtered ? (
              <EmptyState title={t("risks.noMatchTitle")}>{t("risks.noMatchBody")}</EmptyState>
            ) : (
              <EmptyState
                icon="⚠"
                title={t("risks.emptyTitle")}
                action={
                  can.write ? (
                    <div className="row">
                      <Button variant="primary" onClick={() => setCreating(true)}>
                        {t("risks.new")}
                      </Button>
                      <Button onClick={() => setAddingDefaults(true)} data-testid="add-default-risks">
                        {t("risks.defaults.button")}
                      </Button>
                    </div>
                  ) : undefined
                }
              >
                {t("risks.emptyBody")}
              </EmptyState>
            )
          }
        >
          <p className="subtle risk-count" aria-live="polite">
            {t("risks.count", { count: rows.length })}
          </p>
          <DataTable
            caption={t("risks.title")}
            columns={columns}
            rows={rows}
            rowKey={(risk) => risk.id}
            rowProps={(risk) => ({ "data-testid": "risk-row", "data-key": risk.key, "data-level": risk.level })}
          />
          <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </QueryContent>
      </Card>
      {can.write ? (
        <>
          <NewRiskDialog projectId={project.id} open={creating} onClose={() => setCreating(false)} />
          <DefaultRisksDialog projectId={project.id} open={addingDefaults} onClose={() => setAddingDefaults(false)} />
        </>
      ) : null}
    </div>
  );
}

/** Counts per level, the overdue reviews, and exposure now with its 12-week trend. */
function RiskSummaryPanel({ map, onShowOverdue }: { map: TRiskHeatMap; onShowOverdue: () => void }) {
  const { t, i18n } = useTranslation();
  const points = map.exposure;
  const now = points.at(-1)?.total ?? 0;
  const fourWeeksAgo = points.at(-5)?.total ?? now;
  const change = now - fourWeeksAgo;
  const peak = Math.max(1, ...points.map((p) => p.total));
  return (
    <div className="stack risk-summary" data-testid="risk-summary">
      <dl className="risk-levels">
        {RISK_LEVELS.slice()
          .reverse()
          .map((level) => (
            <div key={level} className={`risk-level-count risk-level-${level}`}>
              <dt>{t(`risks.level.${level}`)}</dt>
              <dd>{map.levels[level]}</dd>
            </div>
          ))}
      </dl>
      <div className="risk-summary-row">
        <span>{t("risks.summary.overdue")}</span>
        {map.overdue > 0 ? (
          <Button size="sm" variant="ghost" onClick={onShowOverdue} data-testid="risk-show-overdue">
            <span className="risk-overdue">{map.overdue}</span> · {t("risks.summary.showOverdue")}
          </Button>
        ) : (
          <strong>0</strong>
        )}
      </div>
      <div className="risk-summary-row">
        <span title={t("risks.summary.exposureHint")}>{t("risks.summary.exposure")}</span>
        <strong data-testid="risk-exposure">{now}</strong>
        <span className="subtle">{t("risks.summary.change", { change: change > 0 ? `+${change}` : String(change) })}</span>
      </div>
      <figure className="risk-trend">
        <svg viewBox={`0 0 ${points.length * 10} 40`} preserveAspectRatio="none" role="img" aria-label={t("risks.summary.trend")}>
          {points.map((point, index) => {
            const height = Math.max(1, (point.total / peak) * 38);
            return (
              <rect key={point.date} x={index * 10 + 1} y={40 - height} width={8} height={height} rx={1.5} className={index === points.length - 1 ? "risk-trend-now" : "risk-trend-bar"}>
                <title>{t("risks.summary.trendPoint", { date: formatDate(point.date, i18n.language), total: point.total })}</title>
              </rect>
            );
          })}
        </svg>
        <figcaption className="subtle">{t("risks.summary.trend")}</figcaption>
      </figure>
    </div>
  );
}
