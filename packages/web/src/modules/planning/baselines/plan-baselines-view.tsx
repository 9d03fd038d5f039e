import { Suspense, lazy, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { planVarianceTopSlips, type PlanVariance } from "@jiaofu/engine";
import type { TMe, TPlan, TPlanBaselineSummary, TProject } from "@jiaofu/contracts";
import { Button, Card, EmptyState, LoadingBlock, Spinner, useToast } from "../../../ui";
import { formatDateTime } from "../../../lib/format";
import { ConfirmDialog } from "../../common/confirm-dialog";
import { ErrorPanel } from "../../common/error-panel";
import { formatPlanDate } from "../plan-format";
import { planPermissions } from "../plan-permissions";
import { useDeletePlanBaseline, usePlanBaseline, usePlanBaselines } from "../plan-baselines.queries";
import { usePlan } from "../planning.queries";
import { formatVariance, planVarianceOf, varianceTone } from "./plan-variance-model";
import { SaveBaselineDialog } from "./save-baseline-dialog";
import { VarianceTable } from "./variance-table";
import "./plan-baselines.css";

const VarianceBarsChart = lazy(() => import("./variance-bars-chart").then((m) => ({ default: m.VarianceBarsChart })));

/** Bars in the chart: the tasks that moved most (a chart of 10,000 bars would tell nobody anything). */
const CHART_TASKS = 25;

/**
 * The Baselines tab of Planning (`/projects/:id/planning/baselines?baseline=…`): the saved baselines (save, delete),
 * and the plan's variance against the one chosen (newest by default): a summary, variance bars and the table.
 */
export function PlanBaselinesView({ project, me }: { project: TProject; me: TMe }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const can = planPermissions(me, project);
  const plan = usePlan(project.id);
  const baselines = usePlanBaselines(project.id);
  const [params, setParams] = useSearchParams();
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<TPlanBaselineSummary | null>(null);
  const remove = useDeletePlanBaseline(project.id);

  if (plan.isPending || baselines.isPending) return <LoadingBlock />;
  if (plan.isError) return <ErrorPanel error={plan.error} onRetry={() => void plan.refetch()} />;
  if (baselines.isError) return <ErrorPanel error={baselines.error} onRetry={() => void baselines.refetch()} />;

  const list = baselines.data;
  const asked = params.get("baseline");
  const chosen = list.find((b) => b.id === asked) ?? list[0] ?? null;
  const choose = (id: string) => setParams((current) => ({ ...Object.fromEntries(current), baseline: id }), { replace: true });

  return (
    <div className="stack plan-baselines" data-testid="plan-baselines">
      <div className="plan-heading">
        <p className="subtle">{t("planBaselines.intro")}</p>
        {can.configure ? (
          <Button variant="primary" onClick={() => setSaving(true)} disabled={plan.data.tasks.length === 0} data-testid="baseline-save">
            {t("planBaselines.save")}
          </Button>
        ) : null}
      </div>

      {list.length === 0 ? (
        <Card>
          <EmptyState icon="▤" title={t("planBaselines.empty.title")}>
            <p>{plan.data.tasks.length === 0 ? t("planBaselines.empty.noPlan") : can.configure ? t("planBaselines.empty.body") : t("planBaselines.empty.readOnly")}</p>
          </EmptyState>
        </Card>
      ) : (
        <ul className="baseline-cards" aria-label={t("planBaselines.list.label")} data-testid="baseline-list">
          {list.map((baseline) => {
            const active = baseline.id === chosen?.id;
            return (
              <li key={baseline.id} className={active ? "baseline-card is-active" : "baseline-card"} data-testid="baseline-item" data-key={baseline.key}>
                <div className="baseline-card-title">
                  <span className="mono">{baseline.key}</span> <strong>{baseline.name}</strong>
                </div>
                {baseline.note ? <p className="baseline-card-note">{baseline.note}</p> : null}
                <p className="subtle baseline-card-meta">
                  {t("planBaselines.list.createdNoName", { date: formatDateTime(baseline.createdAt, i18n.language) ?? "" })}
                  {" · "}
                  {t("planBaselines.list.tasks", { count: baseline.taskCount })}
                  {baseline.finish ? ` · ${t("planBaselines.list.finish", { date: formatPlanDate(baseline.finish, i18n.language) })}` : null}
                </p>
                <div className="row">
                  <Button size="sm" variant={active ? "primary" : "secondary"} aria-pressed={active} onClick={() => choose(baseline.id)} data-testid="baseline-compare">
                    {active ? t("planBaselines.list.comparing") : t("planBaselines.list.compare")}
                  </Button>
                  {can.configure ? (
                    <Button size="sm" variant="danger-ghost" onClick={() => setDeleting(baseline)} data-testid="baseline-delete">
                      {t("planBaselines.list.delete")}
                    </Button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {chosen ? <BaselineVariance key={chosen.id} plan={plan.data} baseline={chosen} showCost={can.internal} /> : null}

      <SaveBaselineDialog
        projectId={project.id}
        open={saving}
        onClose={() => setSaving(false)}
        onSaved={(id) => {
          setSaving(false);
          choose(id);
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t("planBaselines.delete.title", { key: deleting?.key ?? "", name: deleting?.name ?? "" })}
        confirmLabel={t("planBaselines.delete.confirm")}
        busy={remove.isPending}
        error={remove.error}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.show(t("planBaselines.delete.deleted", { key: deleting.key }), "success");
              setDeleting(null);
            },
          });
        }}
      >
        {t("planBaselines.delete.body")}
      </ConfirmDialog>
    </div>
  );
}

/** The plan against one baseline: summary figures, variance bars of the tasks that moved most, the table. */
function BaselineVariance({ plan, baseline, showCost }: { plan: TPlan; baseline: TPlanBaselineSummary; showCost: boolean }) {
  const { t } = useTranslation();
  const loaded = usePlanBaseline(baseline.id);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const variance = useMemo(() => (loaded.data ? planVarianceOf(plan.tasks, loaded.data) : null), [plan.tasks, loaded.data]);
  const top = useMemo(() => (variance ? planVarianceTopSlips(variance.rows, CHART_TASKS) : []), [variance]);
  const rows = useMemo(
    () =>
      !variance
        ? []
        : onlyChanged
          ? variance.rows.filter((row) => row.status !== "both" || [row.startVarianceDays, row.finishVarianceDays, row.durationVarianceDays, row.costVariance].some((v) => v !== null && v !== 0))
          : variance.rows,
    [variance, onlyChanged],
  );
  if (loaded.isPending) return <LoadingBlock />;
  if (loaded.isError || !variance) return <ErrorPanel error={loaded.error} onRetry={() => void loaded.refetch()} />;

  return (
    <div className="stack" data-testid="baseline-variance">
      <VarianceSummary variance={variance} baselineKey={baseline.key} showCost={showCost} />
      <Card title={t("planBaselines.chart.title")} titleLevel={3}>
        {top.length === 0 ? (
          <p className="muted">{t("planBaselines.chart.none")}</p>
        ) : (
          <>
            <p className="subtle">{t("planBaselines.chart.description", { count: top.length })}</p>
            <Suspense fallback={<Spinner />}>
              <VarianceBarsChart rows={top} />
            </Suspense>
          </>
        )}
      </Card>
      <Card
        title={t("planBaselines.table.title")}
        titleLevel={3}
        flush
        actions={
          <label className="checkbox">
            <input type="checkbox" checked={onlyChanged} onChange={(event) => setOnlyChanged(event.target.checked)} data-testid="variance-only-changed" />
            <span>{t("planBaselines.table.onlyChanged")}</span>
          </label>
        }
      >
        <p className="subtle variance-hint">
          {t("planBaselines.varianceHint")} · {t("planBaselines.table.rows", { count: rows.length })}
        </p>
        <VarianceTable rows={rows} showCost={showCost} />
      </Card>
    </div>
  );
}

function VarianceSummary({ variance, baselineKey, showCost }: { variance: PlanVariance; baselineKey: string; showCost: boolean }) {
  const { t, i18n } = useTranslation();
  const s = variance.summary;
  const money = (value: number | null) => (value === null ? "" : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 }).format(value));
  const figures = [
    {
      id: "finish-slip",
      label: t("planBaselines.summary.finishSlip"),
      value: t("planBaselines.days", { value: formatVariance(s.finishVarianceDays, i18n.language) }),
      tone: varianceTone(s.finishVarianceDays),
      detail: t("planBaselines.summary.finishValue", { current: formatPlanDate(s.currentFinish, i18n.language), baseline: formatPlanDate(s.baselineFinish, i18n.language) }),
    },
    ...(showCost && s.costVariance !== null
      ? [
          {
            id: "cost",
            label: t("planBaselines.summary.cost"),
            value: formatVariance(s.costVariance, i18n.language, { maximumFractionDigits: 0 }),
            tone: varianceTone(s.costVariance),
            detail: t("planBaselines.summary.costValue", { current: money(s.currentCost), baseline: money(s.baselineCost) }),
          },
        ]
      : []),
    { id: "slipped", label: t("planBaselines.summary.slipped"), value: String(s.slipped), tone: s.slipped > 0 ? "variance-late" : "", detail: "" },
    { id: "added-removed", label: t("planBaselines.summary.addedRemoved"), value: t("planBaselines.summary.addedRemovedValue", { added: s.added, removed: s.removed }), tone: "", detail: "" },
  ];
  return (
    <section aria-label={t("planBaselines.summary.label", { key: baselineKey })}>
      <dl className="variance-summary" data-testid="variance-summary">
        {figures.map((figure) => (
          <div key={figure.id} className="variance-figure" data-testid={`variance-summary-${figure.id}`}>
            <dt>{figure.label}</dt>
            <dd className={figure.tone}>{figure.value}</dd>
            {figure.detail ? <dd className="variance-figure-detail">{figure.detail}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
