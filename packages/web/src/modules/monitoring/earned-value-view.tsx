import { Suspense, lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TEarnedValue, TProject } from "@jiaofu/contracts";
import { Badge, Card, type Column, DataTable, EmptyState, LoadingBlock, Select, Spinner } from "../../ui";
import { ErrorPanel } from "../common/error-panel";
import { usePlanBaselines } from "../planning/plan-baselines.queries";
import { formatPlanDate } from "../planning/plan-format";
import { formatMoney, formatNumber } from "../planning/resources/resource-format";
import { indexRating, indexTone, lastMeasured, type TEarnedValueMethod } from "./monitoring-model";
import { useEarnedValue } from "./monitoring.queries";

const EarnedValueChart = lazy(() => import("./monitoring-charts").then((m) => ({ default: m.EarnedValueChart })));

type Phase = TEarnedValue["phases"][number];
type CurvePoint = TEarnedValue["curve"][number];
type MoneyKey = "bac" | "pv" | "ev" | "ac" | "sv" | "cv" | "eac" | "etc" | "vac";
type IndexKey = "spi" | "cpi" | "tcpiBac" | "tcpiEac";

const METHODS: readonly TEarnedValueMethod[] = ["cpi", "budget_rate", "cpi_spi"];
const MONEY_CARDS: readonly MoneyKey[] = ["bac", "pv", "ev", "ac", "sv", "cv", "eac", "etc", "vac"];
const FORMULA_KEYS = ["bac", "pv", "ev", "ac", "sv", "cv", "spi", "cpi", "eac", "etc", "vac", "tcpiBac", "tcpiEac"] as const;

/**
 * Monitoring → Earned value (`/projects/:id/monitoring`): the indicator cards (SPI and CPI coloured by threshold,
 * each formula in the card's title and in "How these are calculated"), the S-curve with the status date, the variance
 * against the chosen baseline and the per-phase table.
 */
export function EarnedValueView({ project }: { project: TProject }) {
  const { t, i18n } = useTranslation();
  const [baselineId, setBaselineId] = useState("");
  const [method, setMethod] = useState<TEarnedValueMethod>("cpi");
  const baselines = usePlanBaselines(project.id);
  const query = useEarnedValue(project.id, baselineId, method);
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const money = (value: number | null) => (value === null ? "—" : formatMoney(value, data.currency, i18n.language));
  const ratio = (value: number | null) => (value === null ? "—" : formatNumber(value, i18n.language, 2));
  const percent = (value: number | null) => (value === null ? "—" : `${formatNumber(value, i18n.language, 1)}%`);
  const f = data.project;
  const measured = lastMeasured(data.curve);

  const indexCard = (key: IndexKey) => {
    const value = f[key];
    const tone = key === "spi" || key === "cpi" ? indexTone(value) : "gray";
    return (
      <div className={`monitoring-card monitoring-card-${tone}`} key={key} title={t(`monitoring.formulas.${key}`)} data-testid={`ev-card-${key}`}>
        <span className="monitoring-card-label">{t(`monitoring.cards.${key}`)}</span>
        <span className="monitoring-card-value" data-testid={`ev-value-${key}`}>
          {ratio(value)}
        </span>
        {key === "spi" || key === "cpi" ? (
          <Badge tone={tone}>{t(`monitoring.rating.${indexRating(value)}`)}</Badge>
        ) : null}
      </div>
    );
  };
  const moneyCard = (key: MoneyKey) => (
    <div className="monitoring-card" key={key} title={t(`monitoring.formulas.${key}`)} data-testid={`ev-card-${key}`}>
      <span className="monitoring-card-label">{t(`monitoring.cards.${key}`)}</span>
      <span className={`monitoring-card-value${(key === "sv" || key === "cv" || key === "vac") && (f[key] ?? 0) < 0 ? " monitoring-negative" : ""}`}>{money(f[key])}</span>
    </div>
  );

  const phaseColumns: Column<Phase>[] = [
    {
      key: "name",
      header: t("monitoring.phases.phase"),
      primary: true,
      render: (p) => (
        <span>
          <span className="mono">{p.wbsCode}</span> {p.name}
        </span>
      ),
    },
    { key: "progress", header: t("monitoring.phases.progress"), align: "end", nowrap: true, render: (p) => percent(p.progress) },
    { key: "pv", header: "PV", align: "end", nowrap: true, render: (p) => money(p.figures.pv) },
    { key: "ev", header: "EV", align: "end", nowrap: true, render: (p) => money(p.figures.ev) },
    { key: "ac", header: "AC", align: "end", nowrap: true, render: (p) => money(p.figures.ac) },
    { key: "spi", header: "SPI", align: "end", nowrap: true, render: (p) => <Badge tone={indexTone(p.figures.spi)}>{ratio(p.figures.spi)}</Badge> },
    { key: "cpi", header: "CPI", align: "end", nowrap: true, render: (p) => <Badge tone={indexTone(p.figures.cpi)}>{ratio(p.figures.cpi)}</Badge> },
    { key: "eac", header: "EAC", align: "end", nowrap: true, render: (p) => money(p.figures.eac) },
    { key: "remaining", header: t("monitoring.phases.remaining"), align: "end", nowrap: true, render: (p) => t("monitoring.phases.hours", { value: formatNumber(p.remainingHours, i18n.language) }) },
  ];
  const curveColumns: Column<CurvePoint>[] = [
    { key: "week", header: t("monitoring.curve.week"), primary: true, nowrap: true, render: (p) => `${formatPlanDate(p.from, i18n.language)} – ${formatPlanDate(p.to, i18n.language)}` },
    { key: "pv", header: t("monitoring.curve.pv"), align: "end", nowrap: true, render: (p) => money(p.pv) },
    { key: "ev", header: t("monitoring.curve.ev"), align: "end", nowrap: true, render: (p) => money(p.ev) },
    { key: "ac", header: t("monitoring.curve.ac"), align: "end", nowrap: true, render: (p) => money(p.ac) },
  ];

  return (
    <div className="stack" data-testid="earned-value">
      <div className="monitoring-controls">
        <label className="field monitoring-control">
          <span className="field-label">{t("monitoring.baseline")}</span>
          <Select
            value={baselineId}
            onChange={(e) => setBaselineId(e.target.value)}
            data-testid="ev-baseline"
            options={[
              { value: "", label: t("monitoring.baselineLatest") },
              { value: "current", label: t("monitoring.baselineCurrent") },
              ...(baselines.data ?? []).map((b) => ({ value: b.id, label: `${b.key} ${b.name}` })),
            ]}
          />
        </label>
        <label className="field monitoring-control">
          <span className="field-label">{t("monitoring.eacMethod")}</span>
          <Select value={method} onChange={(e) => setMethod(e.target.value as TEarnedValueMethod)} data-testid="ev-method" options={METHODS.map((m) => ({ value: m, label: t(`monitoring.methods.${m}`) }))} />
        </label>
        <div className="monitoring-meta subtle">
          <span data-testid="ev-status-date">{t("monitoring.statusDate", { date: formatPlanDate(data.statusDate, i18n.language) })}</span>
          <span>{data.baseline ? t("monitoring.measuredAgainst", { key: data.baseline.key, name: data.baseline.name }) : t("monitoring.measuredAgainstPlan")}</span>
          <span>
            {t("monitoring.progress")}: <strong data-testid="ev-progress">{percent(data.progress.percentComplete)}</strong> ({t(`monitoring.progressBasis.${data.progress.basis}`)})
          </span>
        </div>
      </div>

      <section aria-label={t("monitoring.cards.label")} className="monitoring-cards">
        {indexCard("spi")}
        {indexCard("cpi")}
        {MONEY_CARDS.map(moneyCard)}
        {indexCard("tcpiBac")}
        {indexCard("tcpiEac")}
      </section>

      <details className="monitoring-formulas" data-testid="ev-formulas">
        <summary>{t("monitoring.formulas.title")}</summary>
        <dl>
          {FORMULA_KEYS.map((key) => (
            <div key={key}>
              <dt>{t(`monitoring.cards.${key}`)}</dt>
              <dd>{t(`monitoring.formulas.${key}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="subtle">{t("monitoring.formulas.thresholds")}</p>
      </details>

      <Card>
        <div className="stack">
          <h3 className="card-title">{t("monitoring.curve.title")}</h3>
          {data.curve.length === 0 ? (
            <EmptyState icon="∿" title={t("monitoring.curve.empty")} />
          ) : (
            <>
              <p className="subtle" data-testid="s-curve-summary">
                {t("monitoring.curve.summary", { date: formatPlanDate(data.statusDate, i18n.language), pv: money(f.pv), ev: money(measured?.ev ?? f.ev), ac: money(measured?.ac ?? f.ac), bac: money(f.bac) })}
              </p>
              <Suspense fallback={<Spinner />}>
                <EarnedValueChart data={data} />
              </Suspense>
              <details>
                <summary>{t("monitoring.curve.table")}</summary>
                <DataTable columns={curveColumns} rows={data.curve} rowKey={(p) => p.from} caption={t("monitoring.curve.table")} />
              </details>
            </>
          )}
        </div>
      </Card>

      {data.variance && data.baseline ? <VarianceCard data={data} variance={data.variance} money={money} /> : null}

      <Card>
        <div className="stack">
          <h3 className="card-title">{t("monitoring.phases.title")}</h3>
          <DataTable columns={phaseColumns} rows={data.phases} rowKey={(p) => p.taskId} caption={t("monitoring.phases.title")} rowProps={(p) => ({ "data-testid": "ev-phase-row", "data-wbs": p.wbsCode })} />
        </div>
      </Card>
    </div>
  );
}

function VarianceCard({ data, variance, money }: { data: TEarnedValue; variance: NonNullable<TEarnedValue["variance"]>; money: (v: number | null) => string }) {
  const { t, i18n } = useTranslation();
  const days = (value: number | null) => (value === null ? "—" : t("monitoring.variance.days", { count: value }));
  const rows = [
    { key: "start", label: t("monitoring.variance.start"), baseline: formatPlanDate(variance.baselineStart, i18n.language), current: formatPlanDate(variance.currentStart, i18n.language), diff: days(variance.startVarianceDays), bad: (variance.startVarianceDays ?? 0) > 0 },
    { key: "finish", label: t("monitoring.variance.finish"), baseline: formatPlanDate(variance.baselineFinish, i18n.language), current: formatPlanDate(variance.currentFinish, i18n.language), diff: days(variance.finishVarianceDays), bad: (variance.finishVarianceDays ?? 0) > 0 },
    { key: "cost", label: t("monitoring.variance.cost"), baseline: money(variance.baselineCost), current: money(variance.currentCost), diff: money(variance.costVariance), bad: (variance.costVariance ?? 0) > 0 },
  ];
  return (
    <Card>
      <div className="stack" data-testid="ev-variance">
        <h3 className="card-title">{t("monitoring.variance.title", { key: data.baseline?.key ?? "" })}</h3>
        <DataTable
          columns={[
            { key: "label", header: "", primary: true, render: (r) => r.label },
            { key: "baseline", header: t("monitoring.variance.baseline"), align: "end", nowrap: true, render: (r) => r.baseline },
            { key: "current", header: t("monitoring.variance.current"), align: "end", nowrap: true, render: (r) => r.current },
            { key: "diff", header: t("monitoring.variance.difference"), align: "end", nowrap: true, render: (r) => <span className={r.bad ? "monitoring-negative" : undefined}>{r.diff}</span> },
          ]}
          rows={rows}
          rowKey={(r) => r.key}
          caption={t("monitoring.variance.title", { key: data.baseline?.key ?? "" })}
        />
        {variance.slipped > 0 ? <p className="subtle">{t("monitoring.variance.slipped", { count: variance.slipped })}</p> : null}
      </div>
    </Card>
  );
}
