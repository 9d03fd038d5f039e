import { Suspense, lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TMe, TPlanAssignment, TPlanResource, TPlanResourceLoad, TProject } from "@jiaofu/contracts";
import { Badge, type BadgeTone, Banner, Button, Card, type Column, DataTable, EmptyState, LoadingBlock, SelectField, Spinner, useToast } from "../../../ui";
import { ConfirmDialog } from "../../common/confirm-dialog";
import { ErrorPanel } from "../../common/error-panel";
import { planPermissions } from "../plan-permissions";
import { useDeletePlanResource, usePlanResourceLoad, usePlanResources } from "../plan-resources.queries";
import { LevellingDialog } from "./levelling-dialog";
import type { LoadBar } from "./load-histogram-chart";
import { formatMoney, formatNumber, formatUnits } from "./resource-format";
import { ResourceDialog } from "./resource-dialog";
import "./resources.css";

const LoadHistogramChart = lazy(() => import("./load-histogram-chart").then((m) => ({ default: m.LoadHistogramChart })));

const KIND_TONES: Record<TPlanResource["kind"], BadgeTone> = { work: "blue", material: "teal", cost: "violet" };

type ResourceLoad = TPlanResourceLoad["resources"][number];
type Bucket = "day" | "week";

/** The Monday of the ISO week of a date, as `YYYY-MM-DD`. */
function weekOf(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - weekday * 86_400_000).toISOString().slice(0, 10);
}

/** A resource's loaded days as bars, per day or per week (a week's bar is its peak day). */
function barsOf(load: ResourceLoad, bucket: Bucket): LoadBar[] {
  const material = load.kind !== "work";
  if (bucket === "day") return load.days.map((d) => ({ date: d.date, units: d.units, capacity: material ? null : d.capacity, overAllocated: d.overAllocated }));
  const weeks = new Map<string, LoadBar>();
  for (const d of load.days) {
    const key = weekOf(d.date);
    const bar = weeks.get(key) ?? { date: key, units: 0, capacity: material ? null : 0, overAllocated: false };
    weeks.set(key, { date: key, units: Math.max(bar.units, d.units), capacity: material ? null : Math.max(bar.capacity ?? 0, d.capacity), overAllocated: bar.overAllocated || d.overAllocated });
  }
  return [...weeks.values()];
}

/**
 * The Resources tab of Planning (`/projects/:id/planning/resources`): the resource sheet (add, edit, delete for the
 * project's managers), each resource's load histogram with its over-allocated days, and "Level resources".
 */
export function PlanResourcesView({ project, me }: { project: TProject; me: TMe }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const can = planPermissions(me, project);
  const resources = usePlanResources(project.id, can.internal);
  const load = usePlanResourceLoad(project.id, can.internal);
  const remove = useDeletePlanResource(project.id);
  const [editing, setEditing] = useState<TPlanResource | "new" | null>(null);
  const [deleting, setDeleting] = useState<TPlanResource | null>(null);
  const [levelling, setLevelling] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [bucket, setBucket] = useState<Bucket>("day");

  if (!can.internal) {
    return (
      <Card>
        <EmptyState icon="◔" title={t("planResources.teamOnly")} />
      </Card>
    );
  }
  if (resources.isPending) return <LoadingBlock />;
  if (resources.isError) return <ErrorPanel error={resources.error} onRetry={() => void resources.refetch()} />;

  const { currency } = resources.data;
  const list = resources.data.resources;
  const loads = new Map((load.data?.resources ?? []).map((r) => [r.resourceId, r]));
  const assignmentsOf = (id: string): TPlanAssignment[] => resources.data.assignments.filter((a) => a.resourceId === id);
  const overAllocated = list.filter((r) => (loads.get(r.id)?.overAllocatedDays ?? 0) > 0);
  const shown = list.find((r) => r.id === chosen) ?? overAllocated[0] ?? list.find((r) => r.kind !== "cost") ?? null;
  const money = (amount: number) => formatMoney(amount, currency, i18n.language);

  const columns: Column<TPlanResource>[] = [
    {
      key: "name",
      header: t("planResources.columns.name"),
      primary: true,
      render: (r) => (
        <div>
          <strong>{r.name}</strong>
          {r.role ? <div className="subtle">{r.role}</div> : null}
        </div>
      ),
    },
    { key: "kind", header: t("planResources.columns.kind"), render: (r) => <Badge tone={KIND_TONES[r.kind]}>{t(`planResources.kind.${r.kind}`)}</Badge> },
    { key: "max", header: t("planResources.columns.maxUnits"), align: "end", nowrap: true, render: (r) => (r.kind === "work" ? formatUnits(r.maxUnits, r.kind, i18n.language) : "—") },
    {
      key: "rate",
      header: t("planResources.columns.rate"),
      align: "end",
      nowrap: true,
      render: (r) =>
        r.kind === "work"
          ? t("planResources.perHour", { amount: money(r.costPerHour) })
          : r.kind === "material"
            ? t("planResources.perUnit", { amount: money(r.costPerHour), unit: r.materialLabel || t("planResources.unit") })
            : "—",
    },
    { key: "perUse", header: t("planResources.columns.perUse"), align: "end", nowrap: true, render: (r) => (r.costPerUse > 0 ? money(r.costPerUse) : "—") },
    {
      key: "load",
      header: t("planResources.columns.load"),
      render: (r) => {
        const over = loads.get(r.id)?.overAllocatedDays ?? 0;
        if (over > 0)
          return (
            <span data-testid="resource-over-badge">
              <Badge tone="red">{t("planResources.overDays", { count: over })}</Badge>
            </span>
          );
        if (assignmentsOf(r.id).length === 0) return <span className="subtle">{t("planResources.noLoad")}</span>;
        // Materials and costs have no capacity to exceed.
        return r.kind === "work" ? <Badge tone="green">{t("planResources.loadOk")}</Badge> : "—";
      },
    },
  ];
  if (can.configure) {
    columns.push({
      key: "actions",
      header: t("planResources.columns.actions"),
      hideHeader: true,
      nowrap: true,
      render: (r) => (
        <div className="row resource-actions">
          <Button size="sm" variant="ghost" onClick={() => setEditing(r)} data-testid="resource-edit" aria-label={`${t("planResources.edit")} ${r.name}`}>
            {t("planResources.edit")}
          </Button>
          <Button size="sm" variant="danger-ghost" onClick={() => setDeleting(r)} data-testid="resource-delete" aria-label={`${t("planResources.delete")} ${r.name}`}>
            {t("planResources.delete")}
          </Button>
        </div>
      ),
    });
  }

  const shownLoad = shown ? loads.get(shown.id) : undefined;
  const bars = shownLoad ? barsOf(shownLoad, bucket) : [];
  const peak = bars.reduce((m, b) => Math.max(m, b.units), 0);

  return (
    <div className="stack plan-resources" data-testid="plan-resources">
      <div className="plan-heading">
        <p className="subtle">{t("planResources.intro", { currency })}</p>
        <div className="row resource-heading-actions">
          <Button variant="secondary" onClick={() => setLevelling(true)} disabled={list.length === 0} data-testid="level-resources">
            {t("planResources.level")}
          </Button>
          {can.configure ? (
            <Button variant="primary" onClick={() => setEditing("new")} data-testid="resource-add">
              {t("planResources.add")}
            </Button>
          ) : null}
        </div>
      </div>

      {overAllocated.length > 0 ? (
        <Banner tone="warning">
          <span data-testid="resources-over-banner">{t("planResources.overBanner", { count: overAllocated.length })}</span>
        </Banner>
      ) : null}

      <Card>
        {list.length === 0 ? (
          <EmptyState icon="◔" title={t("planResources.empty.title")}>
            <p>{can.configure ? t("planResources.empty.body") : t("planResources.empty.readOnly")}</p>
          </EmptyState>
        ) : (
          <DataTable columns={columns} rows={list} rowKey={(r) => r.id} caption={t("planResources.tab")} rowProps={(r) => ({ "data-testid": "resource-row", "data-name": r.name })} />
        )}
      </Card>

      {list.length > 0 ? (
        <Card>
          <div className="resource-histogram" data-testid="resource-histogram">
            <div className="resource-histogram-head">
              <h3 className="card-title">{t("planResources.histogram.title")}</h3>
              <div className="row resource-histogram-controls">
                <SelectField
                  label={t("planResources.histogram.resource")}
                  value={shown?.id ?? ""}
                  onChange={(event) => setChosen(event.target.value)}
                  options={list.filter((r) => r.kind !== "cost").map((r) => ({ value: r.id, label: (loads.get(r.id)?.overAllocatedDays ?? 0) > 0 ? `${r.name} ⚠` : r.name }))}
                  data-testid="resource-histogram-select"
                />
                <div className="row" role="group" aria-label={t("planResources.histogram.bucket")}>
                  {(["day", "week"] as const).map((b) => (
                    <Button key={b} size="sm" variant={bucket === b ? "secondary" : "ghost"} aria-pressed={bucket === b} onClick={() => setBucket(b)} data-testid={`resource-histogram-${b}`}>
                      {t(`planResources.histogram.${b}`)}
                    </Button>
                  ))}
                </div>
              </div>
            </div>
            {load.isPending ? (
              <Spinner />
            ) : !shown || bars.length === 0 ? (
              <p className="subtle">{shown ? t("planResources.histogram.empty") : t("planResources.histogram.noResources")}</p>
            ) : (
              <>
                <p className="subtle" data-testid="resource-histogram-summary">
                  {shown.kind === "work"
                    ? t("planResources.histogram.summary", {
                        name: shown.name,
                        peak: formatUnits(peak, "work", i18n.language),
                        max: formatUnits(shown.maxUnits, "work", i18n.language),
                        over: shownLoad?.overAllocatedDays ?? 0,
                      })
                    : t("planResources.histogram.summaryMaterial", { name: shown.name, peak: formatNumber(peak, i18n.language, 3), unit: shown.materialLabel || t("planResources.unit") })}
                </p>
                <Suspense fallback={<Spinner />}>
                  <LoadHistogramChart bars={bars} showCapacity={shown.kind === "work"} />
                </Suspense>
                {shown.kind === "work" ? (
                  <ul className="resource-legend" aria-hidden="true">
                    <li>
                      <span className="resource-swatch resource-swatch-bar" /> {t("planResources.histogram.units")}
                    </li>
                    <li>
                      <span className="resource-swatch resource-swatch-over" /> {t("planResources.histogram.over")}
                    </li>
                    <li>
                      <span className="resource-swatch resource-swatch-capacity" /> {t("planResources.histogram.capacity")}
                    </li>
                  </ul>
                ) : null}
              </>
            )}
          </div>
        </Card>
      ) : null}

      <ResourceDialog project={project} currency={currency} resource={editing} onClose={() => setEditing(null)} />
      <LevellingDialog project={project} me={me} open={levelling} onClose={() => setLevelling(false)} />
      <ConfirmDialog
        open={deleting !== null}
        title={t("planResources.deleteDialog.title", { name: deleting?.name ?? "" })}
        confirmLabel={t("planResources.deleteDialog.confirm")}
        busy={remove.isPending}
        error={remove.error}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(
            { id: deleting.id, version: deleting.version },
            {
              onSuccess: () => {
                toast.show(t("planResources.dialog.saved"), "success");
                setDeleting(null);
              },
            },
          );
        }}
      >
        <p>{deleting && assignmentsOf(deleting.id).length > 0 ? t("planResources.deleteDialog.body", { count: assignmentsOf(deleting.id).length }) : t("planResources.deleteDialog.bodyNone")}</p>
      </ConfirmDialog>
    </div>
  );
}
