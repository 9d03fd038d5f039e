import { Suspense, lazy } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TScopeCreep } from "@jiaofu/contracts";
import { Card, Spinner } from "../../ui";
import { formatDay } from "../../lib/format";
import { QueryContent } from "../common/query-content";
import { useScopeCreep } from "./baselines.queries";
import "./baselines.css";

const ScopeCreepChart = lazy(() => import("./scope-creep-chart").then((m) => ({ default: m.ScopeCreepChart })));

export type ScopeCreepCardProps = {
  projectId: string;
  /** The baselines page, linked from the card's header; none in the portal, where the card sits on that page. */
  baselinesHref?: string;
};

/**
 * Scope creep on the project: requirements added, changed and removed since the first baseline (each also as a
 * share of that baseline), and a small chart of what each baseline — and today — changed since the one before.
 */
export function ScopeCreepCard({ projectId, baselinesHref }: ScopeCreepCardProps) {
  const { t } = useTranslation();
  const scopeCreep = useScopeCreep(projectId);
  return (
    <Card
      title={t("baselines.scopeCreep.title")}
      actions={baselinesHref ? <Link to={baselinesHref}>{t("baselines.scopeCreep.viewBaselines")}</Link> : null}
      data-testid="scope-creep-card"
    >
      <QueryContent query={scopeCreep} isEmpty={scopeCreep.data?.figure === null} empty={<p className="muted">{t("baselines.scopeCreep.none")}</p>}>
        {scopeCreep.data ? <ScopeCreepBody data={scopeCreep.data} /> : null}
      </QueryContent>
    </Card>
  );
}

function ScopeCreepBody({ data }: { data: TScopeCreep }) {
  const { t, i18n } = useTranslation();
  const { figure, first } = data;
  if (!figure || !first) return null;
  const key = first.key ?? "";
  const percent = (value: number | null) => (value === null ? t("baselines.scopeCreep.noPercent") : t("baselines.scopeCreep.percentOf", { value, key }));
  const stats = [
    { id: "added", label: t("baselines.counts.added"), value: figure.added, share: percent(figure.addedPercent) },
    { id: "changed", label: t("baselines.counts.changed"), value: figure.changed, share: percent(figure.changedPercent) },
    { id: "removed", label: t("baselines.counts.removed"), value: figure.removed, share: percent(figure.removedPercent) },
  ] as const;
  const points = data.series.map((point) => ({ label: point.side.key ?? t("baselines.scopeCreep.today"), size: point.size, ...point.sincePrevious }));

  return (
    <div className="stack">
      <p className="subtle" data-testid="scope-creep-since">
        {t("baselines.scopeCreep.since", { key, date: formatDay(first.createdAt, i18n.language), size: figure.baseSize, current: figure.currentSize })}
      </p>
      <dl className="scope-creep-stats">
        {stats.map((stat) => (
          <div key={stat.id} className={`scope-creep-stat scope-creep-stat-${stat.id}`} data-testid={`scope-creep-${stat.id}`}>
            <dt>{stat.label}</dt>
            <dd>
              <span className="scope-creep-value">{stat.value}</span>
              <span className="subtle">{stat.share}</span>
            </dd>
          </div>
        ))}
        <div className="scope-creep-stat" data-testid="scope-creep-total">
          <dt>{t("baselines.scopeCreep.total")}</dt>
          <dd>
            <span className="scope-creep-value">
              {figure.totalPercent === null ? t("baselines.scopeCreep.noPercent") : t("baselines.scopeCreep.totalValue", { value: figure.totalPercent })}
            </span>
          </dd>
        </div>
      </dl>
      {points.some((point) => point.added + point.changed + point.removed > 0) ? (
        <figure className="scope-creep-figure">
          <figcaption className="subheading">{t("baselines.scopeCreep.chartTitle")}</figcaption>
          <Suspense fallback={<Spinner />}>
            <ScopeCreepChart points={points} />
          </Suspense>
          <table className="visually-hidden">
            <caption>{t("baselines.scopeCreep.chartCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("baselines.scopeCreep.point")}</th>
                <th scope="col">{t("baselines.scopeCreep.size")}</th>
                <th scope="col">{t("baselines.counts.added")}</th>
                <th scope="col">{t("baselines.counts.changed")}</th>
                <th scope="col">{t("baselines.counts.removed")}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.label}>
                  <th scope="row">{point.label}</th>
                  <td>{point.size}</td>
                  <td>{point.added}</td>
                  <td>{point.changed}</td>
                  <td>{point.removed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      ) : null}
    </div>
  );
}
