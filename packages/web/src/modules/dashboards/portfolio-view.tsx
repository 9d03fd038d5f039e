import { Suspense, lazy, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { PORTFOLIO_SORTS, PROJECT_STAGES, type TPortfolioProject, type TPortfolioQuery, type TPortfolioSort } from "@jiaofu/contracts";
import { Badge, Button, Card, EmptyState, LoadingBlock, SelectField, Spinner } from "../../ui";
import { isOneOf } from "../../lib/is-one-of";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ErrorPanel } from "../common/error-panel";
import { formatPlanDate } from "../planning/plan-format";
import { formatNumber } from "../planning/resources/resource-format";
import { indexTone } from "../monitoring/monitoring-model";
import { StageBadge } from "../projects/stage-badge";
import { HealthCell } from "./health-cell";
import { distinctPeople, healthTone, nextSort, pageOf, scatterCounts, scatterPoints } from "./dashboards-model";
import { usePortfolio } from "./dashboards.queries";
import { SlipNote } from "./slip-note";
import "../monitoring/monitoring.css";
import "./dashboards.css";

const HealthDistributionChart = lazy(() => import("./dashboards-charts").then((m) => ({ default: m.HealthDistributionChart })));
const SpiCpiScatterChart = lazy(() => import("./dashboards-charts").then((m) => ({ default: m.SpiCpiScatterChart })));

/** The sort choices (for narrow screens, where the table's headers are hidden) and the column each is named after. */
const SORT_CHOICES = [
  ["code", "project"],
  ["client", "client"],
  ["stage", "stage"],
  ["manager", "manager"],
  ["progress", "progress"],
  ["spi", "spi"],
  ["cpi", "cpi"],
  ["health", "health"],
  ["next_milestone", "nextMilestone"],
  ["top_risk", "topRisk"],
  ["overdue", "overdue"],
  ["defects", "defects"],
] as const satisfies readonly (readonly [TPortfolioSort, string])[];
/** Rows per page: the table pages beyond this many projects. */
const PAGE_SIZE = 100;
const HEALTH_BANDS = ["healthy", "watch", "at_risk"] as const;

/** The query the URL asks for (`?stage=&clientId=&managerId=&healthBand=&sort=&dir=&page=`). */
function queryOf(params: URLSearchParams): TPortfolioQuery & { sort: TPortfolioSort; dir: "asc" | "desc" } {
  const stage = params.get("stage") ?? "";
  const band = params.get("healthBand") ?? "";
  const sort = params.get("sort") ?? "";
  return {
    ...(isOneOf(PROJECT_STAGES, stage) ? { stage } : {}),
    ...(params.get("clientId") ? { clientId: params.get("clientId") as string } : {}),
    ...(params.get("managerId") ? { managerId: params.get("managerId") as string } : {}),
    ...(isOneOf(HEALTH_BANDS, band) ? { healthBand: band } : {}),
    sort: isOneOf(PORTFOLIO_SORTS, sort) ? sort : "code",
    dir: params.get("dir") === "desc" ? "desc" : "asc",
  };
}

/**
 * The portfolio (`/portfolio`): tiles (projects by stage and health, overdue tasks, open defects), the health
 * distribution and SPI-against-CPI charts, and the sortable table of every project the person reads, paged beyond
 * 100 rows; on narrow screens the table stacks into cards. Filters and sort live in the URL.
 */
export function PortfolioView() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t("dashboards.portfolio.title"));
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const portfolio = usePortfolio(query);
  const page = Number(params.get("page") ?? "1") || 1;

  const setParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next, { replace: true });
  };
  const filtered = Boolean(query.stage || query.clientId || query.managerId || query.healthBand);
  // The client and manager choices come from every project, not just the filtered rows (asked for only while filtering).
  const everything = usePortfolio({}, filtered);
  const choices = (filtered ? everything.data : portfolio.data)?.projects ?? [];

  const header = (
    <div className="page-header">
      <div className="page-title-group">
        <h1>{t("dashboards.portfolio.title")}</h1>
        <p className="muted">{t("dashboards.portfolio.subtitle")}</p>
      </div>
    </div>
  );

  const filters = (
    <div className="dashboard-filters" role="group" aria-label={t("dashboards.portfolio.filters.label")}>
      <SelectField
        label={t("dashboards.portfolio.filters.stage")}
        value={query.stage ?? ""}
        placeholder={t("dashboards.portfolio.filters.all")}
        options={PROJECT_STAGES.map((value) => ({ value, label: t(`stage.${value}`) }))}
        onChange={(e) => setParam({ stage: e.target.value })}
        data-testid="portfolio-filter-stage"
      />
      <SelectField
        label={t("dashboards.portfolio.filters.client")}
        value={query.clientId ?? ""}
        placeholder={t("dashboards.portfolio.filters.all")}
        options={distinctPeople(choices.map((p) => p.client)).map((c) => ({ value: c.id, label: c.name }))}
        onChange={(e) => setParam({ clientId: e.target.value })}
        data-testid="portfolio-filter-client"
      />
      <SelectField
        label={t("dashboards.portfolio.filters.manager")}
        value={query.managerId ?? ""}
        placeholder={t("dashboards.portfolio.filters.all")}
        options={distinctPeople(choices.map((p) => p.manager)).map((m) => ({ value: m.id, label: m.name }))}
        onChange={(e) => setParam({ managerId: e.target.value })}
        data-testid="portfolio-filter-manager"
      />
      <SelectField
        label={t("dashboards.portfolio.filters.health")}
        value={query.healthBand ?? ""}
        placeholder={t("dashboards.portfolio.filters.all")}
        options={HEALTH_BANDS.map((value) => ({ value, label: t(`dashboards.health.${value}`) }))}
        onChange={(e) => setParam({ healthBand: e.target.value })}
        data-testid="portfolio-filter-health"
      />
      <SelectField
        label={t("dashboards.portfolio.filters.sort")}
        value={query.sort}
        options={SORT_CHOICES.map(([value, column]) => ({ value, label: t(`dashboards.portfolio.columns.${column}`) }))}
        onChange={(e) => {
          if (isOneOf(PORTFOLIO_SORTS, e.target.value)) setParam(nextSort({ sort: query.sort, dir: query.dir }, e.target.value));
        }}
        data-testid="portfolio-sort"
      />
      {filtered ? (
        <Button variant="ghost" onClick={() => setParams({}, { replace: true })}>
          {t("dashboards.portfolio.filters.clear")}
        </Button>
      ) : null}
    </div>
  );

  if (portfolio.isPending) return <div className="page">{header}<LoadingBlock /></div>;
  if (portfolio.isError) return <div className="page">{header}<ErrorPanel error={portfolio.error} onRetry={() => void portfolio.refetch()} /></div>;
  const data = portfolio.data;
  const { summary } = data;
  const points = scatterPoints(data.projects);
  const counts = scatterCounts(points);
  const paged = pageOf(data.projects, page, PAGE_SIZE);

  return (
    <div className="page" data-testid="portfolio">
      {header}
      <Card>{filters}</Card>
      <section className="dashboard-tiles" aria-label={t("dashboards.portfolio.tiles.label")}>
        <Tile label={t("dashboards.portfolio.tiles.projects")} testId="portfolio-tile-projects" value={String(data.projects.length)}>
          <ul className="dashboard-tile-list">
            {PROJECT_STAGES.filter((s) => summary.byStage[s]).map((s) => (
              <li key={s}>
                <StageBadge stage={s} /> {summary.byStage[s]}
              </li>
            ))}
          </ul>
        </Tile>
        <Tile label={t("dashboards.portfolio.tiles.byHealth")} testId="portfolio-tile-health" value={String(summary.byHealth.healthy + summary.byHealth.watch + summary.byHealth.at_risk)}>
          <ul className="dashboard-tile-list">
            {HEALTH_BANDS.map((band) => (
              <li key={band}>
                <Badge tone={healthTone(band)}>{t(`dashboards.health.${band}`)}</Badge> {summary.byHealth[band]}
              </li>
            ))}
          </ul>
        </Tile>
        <Tile label={t("dashboards.portfolio.tiles.overdue")} testId="portfolio-tile-overdue" value={String(summary.overdueTasks)} danger={summary.overdueTasks > 0} />
        <Tile label={t("dashboards.portfolio.tiles.defects")} testId="portfolio-tile-defects" value={String(summary.openDefects)} />
      </section>

      <div className="dashboard-grid">
        <Card>
          <div className="stack">
            <h2 className="card-title">{t("dashboards.charts.healthTitle")}</h2>
            <p className="subtle" data-testid="portfolio-health-summary">
              {t("dashboards.charts.healthSummary", { healthy: summary.byHealth.healthy, watch: summary.byHealth.watch, atRisk: summary.byHealth.at_risk, unscored: summary.byHealth.unscored, hidden: summary.byHealth.hidden })}
            </p>
            <Suspense fallback={<Spinner />}>
              <HealthDistributionChart summary={summary} />
            </Suspense>
          </div>
        </Card>
        <Card>
          <div className="stack">
            <h2 className="card-title">{t("dashboards.charts.scatterTitle")}</h2>
            {points.length === 0 ? (
              <EmptyState icon="∴" title={t("dashboards.charts.scatterEmpty")} />
            ) : (
              <>
                <p className="subtle">{t("dashboards.charts.scatterSummary", { count: points.length, behind: counts.behind, over: counts.over })}</p>
                <Suspense fallback={<Spinner />}>
                  <SpiCpiScatterChart points={points} />
                </Suspense>
              </>
            )}
          </div>
        </Card>
      </div>

      <Card flush>
        {data.projects.length === 0 ? (
          <EmptyState title={t("dashboards.portfolio.empty")}>{t("dashboards.portfolio.emptyBody")}</EmptyState>
        ) : (
          <>
            <PortfolioTable rows={paged.rows} sort={query.sort} dir={query.dir} onSort={(column) => setParam(nextSort({ sort: query.sort, dir: query.dir }, column))} locale={i18n.language} />
            {paged.pages > 1 ? (
              <nav className="dashboard-pager" aria-label={t("dashboards.portfolio.page", { page: paged.page, pages: paged.pages })}>
                <Button size="sm" disabled={paged.page <= 1} onClick={() => setParam({ page: String(paged.page - 1) })}>
                  {t("dashboards.portfolio.previous")}
                </Button>
                <span data-testid="portfolio-page">{t("dashboards.portfolio.page", { page: paged.page, pages: paged.pages })}</span>
                <Button size="sm" disabled={paged.page >= paged.pages} onClick={() => setParam({ page: String(paged.page + 1) })}>
                  {t("dashboards.portfolio.next")}
                </Button>
              </nav>
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}

function Tile({ label, value, testId, danger = false, children }: { label: string; value: string; testId: string; danger?: boolean; children?: ReactNode }) {
  return (
    <div className={`monitoring-card${danger ? " monitoring-card-red" : ""}`} data-testid={testId}>
      <span className="monitoring-card-label">{label}</span>
      <span className="monitoring-card-value">{value}</span>
      {children}
    </div>
  );
}

type SortableColumn = { key: string; sort?: TPortfolioSort; header: string; align?: "end"; primary?: boolean; render: (p: TPortfolioProject) => ReactNode };

function PortfolioTable({ rows, sort, dir, onSort, locale }: { rows: TPortfolioProject[]; sort: TPortfolioSort; dir: "asc" | "desc"; onSort: (column: TPortfolioSort) => void; locale: string }) {
  const { t } = useTranslation();
  const none = t("dashboards.portfolio.none");
  const ratio = (value: number | null) => (value === null ? none : formatNumber(value, locale, 2));
  const columns: SortableColumn[] = [
    {
      key: "project",
      sort: "code",
      header: t("dashboards.portfolio.columns.project"),
      primary: true,
      render: (p) => (
        <Link to={`/projects/${p.id}`} data-testid="portfolio-project-link">
          <span className="mono">{p.code}</span> {p.name}
        </Link>
      ),
    },
    { key: "client", sort: "client", header: t("dashboards.portfolio.columns.client"), render: (p) => p.client.name },
    { key: "stage", sort: "stage", header: t("dashboards.portfolio.columns.stage"), render: (p) => <StageBadge stage={p.stage} /> },
    { key: "manager", sort: "manager", header: t("dashboards.portfolio.columns.manager"), render: (p) => p.manager?.name ?? none },
    { key: "progress", sort: "progress", header: t("dashboards.portfolio.columns.progress"), align: "end", render: (p) => (p.percentComplete === null ? none : `${formatNumber(p.percentComplete, locale, 0)}%`) },
    { key: "spi", sort: "spi", header: t("dashboards.portfolio.columns.spi"), align: "end", render: (p) => (p.spi === null ? none : <Badge tone={indexTone(p.spi)}>{ratio(p.spi)}</Badge>) },
    { key: "cpi", sort: "cpi", header: t("dashboards.portfolio.columns.cpi"), align: "end", render: (p) => (p.cpi === null ? none : <Badge tone={indexTone(p.cpi)}>{ratio(p.cpi)}</Badge>) },
    {
      key: "health",
      sort: "health",
      header: t("dashboards.portfolio.columns.health"),
      render: (p) => <HealthCell health={p.health} testId="portfolio-health" />,
    },
    {
      key: "milestone",
      sort: "next_milestone",
      header: t("dashboards.portfolio.columns.nextMilestone"),
      render: (p) =>
        p.nextMilestone === null ? (
          none
        ) : (
          <span className="dashboard-cell-stack">
            <span>{p.nextMilestone.name}</span>
            <span className="subtle nowrap">
              {formatPlanDate(p.nextMilestone.date, locale)} <SlipNote days={p.nextMilestone.slipDays} />
            </span>
          </span>
        ),
    },
    {
      key: "risk",
      sort: "top_risk",
      header: t("dashboards.portfolio.columns.topRisk"),
      render: (p) =>
        p.topRisk === null ? (
          none
        ) : (
          <span className="dashboard-cell-stack">
            <Link to={`/projects/${p.id}/planning/risks/${p.topRisk.id}`}>
              <span className="mono">{p.topRisk.key}</span> {p.topRisk.title}
            </Link>
            <span>
              <Badge tone={p.topRisk.level === "critical" || p.topRisk.level === "high" ? "red" : p.topRisk.level === "medium" ? "amber" : "gray"}>
                {t(`risks.level.${p.topRisk.level}`)} {p.topRisk.score}
              </Badge>
            </span>
          </span>
        ),
    },
    {
      key: "overdue",
      sort: "overdue",
      header: t("dashboards.portfolio.columns.overdue"),
      align: "end",
      render: (p) => (
        <span className={p.overdueTasks > 0 ? "dashboard-overdue" : "muted"} data-testid="portfolio-overdue">
          {p.overdueTasks}
        </span>
      ),
    },
    { key: "defects", sort: "defects", header: t("dashboards.portfolio.columns.defects"), align: "end", render: (p) => p.openDefects },
    {
      key: "report",
      header: t("dashboards.portfolio.columns.report"),
      render: (p) =>
        p.lastReport === null ? (
          none
        ) : (
          <Link to={`/projects/${p.id}/monitoring/status-reports/${p.lastReport.id}`} className="nowrap">
            <Badge tone={p.lastReport.overall === "green" ? "green" : p.lastReport.overall === "amber" ? "amber" : "red"}>{t(`statusReports.rag.${p.lastReport.overall}`)}</Badge>
            {p.lastReport.published ? null : <span className="subtle"> {t("dashboards.portfolio.draft")}</span>}
          </Link>
        ),
    },
  ];
  return (
    <div className="table-wrap">
      <table className="table table-stack dashboard-table" data-testid="portfolio-table">
        <caption className="visually-hidden">{t("dashboards.portfolio.table")}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.align === "end" ? "num" : undefined} aria-sort={c.sort && c.sort === sort ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                {c.sort ? (
                  <button type="button" className="dashboard-sort" onClick={() => onSort(c.sort as TPortfolioSort)} aria-label={t("dashboards.portfolio.sortBy", { column: c.header })} data-testid={`portfolio-sort-${c.sort}`}>
                    {c.header}
                    <span aria-hidden="true">{c.sort === sort ? (dir === "asc" ? " ▲" : " ▼") : ""}</span>
                  </button>
                ) : (
                  c.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} data-testid="portfolio-row" data-code={p.code}>
              {columns.map((c) => (
                <td key={c.key} data-label={c.header} data-primary={c.primary ? "" : undefined} className={`dashboard-col-${c.key}${c.align === "end" ? " num" : ""}`}>
                  {c.render(p)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
