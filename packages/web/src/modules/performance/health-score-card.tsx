import { useTranslation } from "react-i18next";
import type { THealthScorePart, TProjectHealth } from "@jiaofu/contracts";
import { HEALTH_SCORE_HEALTHY, HEALTH_SCORE_WATCH } from "@jiaofu/engine";
import { Badge, Card, type Column, DataTable } from "../../ui";
import { formatDate } from "../../lib/format";
import { formatNumber } from "../planning/resources/resource-format";
import { bandTone, healthPoints } from "./performance-model";

/**
 * The project's health score: the number in its band's colour, and the formula written out with the project's own
 * figures — each part's rule, score, weight, the weight it counted with (a part without data is left out and the
 * others scaled up) and its points, then the sum.
 */
export function HealthScoreCard({ health }: { health: TProjectHealth }) {
  const { t, i18n } = useTranslation();
  const num = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? "—" : formatNumber(value, i18n.language, digits));
  const tone = bandTone(health.band);
  const rule = (p: THealthScorePart) => {
    const f = p.figures;
    switch (p.part) {
      case "schedule":
        return f.spi === null || f.spi === undefined ? t("performance.health.rule.scheduleNone") : t("performance.health.rule.schedule", { spi: num(f.spi, 2) });
      case "cost":
        return f.cpi === null || f.cpi === undefined ? t("performance.health.rule.costNone") : t("performance.health.rule.cost", { cpi: num(f.cpi, 2) });
      case "quality":
        return t("performance.health.rule.quality", { critical: f.critical ?? 0, major: f.major ?? 0, minor: f.minor ?? 0, gates: f.gates ?? 0 });
      case "risk":
        return f.highest === null || f.highest === undefined ? t("performance.health.rule.riskNone") : t("performance.health.rule.risk", { highest: f.highest });
      case "satisfaction":
        return f.mean === null || f.mean === undefined
          ? t("performance.health.rule.satisfactionNone", { days: health.satisfactionWindowDays })
          : t("performance.health.rule.satisfaction", { mean: num(f.mean, 2), count: f.count ?? 0, days: health.satisfactionWindowDays });
    }
  };
  const columns: Column<THealthScorePart>[] = [
    { key: "part", header: t("performance.health.columns.part"), primary: true, nowrap: true, render: (p) => <strong>{t(`performance.health.part.${p.part}`)}</strong> },
    { key: "rule", header: t("performance.health.columns.rule"), render: (p) => <span className="subtle">{rule(p)}</span> },
    { key: "score", header: t("performance.health.columns.score"), align: "end", nowrap: true, render: (p) => (p.score === null ? <span className="subtle">{t("performance.health.notMeasured")}</span> : num(p.score)) },
    { key: "weight", header: t("performance.health.columns.weight"), align: "end", nowrap: true, render: (p) => `${num(p.weight, 0)}%` },
    { key: "effective", header: t("performance.health.columns.effective"), align: "end", nowrap: true, render: (p) => `${num(p.effectiveWeight)}%` },
    { key: "points", header: t("performance.health.columns.points"), align: "end", nowrap: true, render: (p) => num(healthPoints(p), 2) },
  ];
  const measured = health.parts.filter((p) => p.score !== null);
  const sum = measured.map((p) => `${num(p.effectiveWeight)}% × ${num(p.score)}`).join(" + ");
  return (
    <Card title={t("performance.health.title")} data-testid="health-score-card">
      <div className="stack">
        <div className="health-head">
          <div className={`health-score health-score-${tone}`} data-testid="health-score" data-band={health.band ?? "none"}>
            <span className="health-score-value" data-testid="health-score-value">
              {health.score ?? "—"}
            </span>
            <span className="subtle">{t("performance.health.outOf")}</span>
          </div>
          <div className="stack-tight">
            {health.band ? <Badge tone={tone}>{t(`performance.health.band.${health.band}`)}</Badge> : <span className="subtle">{t("performance.health.unscored")}</span>}
            <span className="subtle">{t("performance.health.bandRule", { healthy: HEALTH_SCORE_HEALTHY, watch: HEALTH_SCORE_WATCH })}</span>
            <span className="subtle">{health.measuredOn ? t("performance.health.measuredOn", { date: formatDate(health.measuredOn, i18n.language) }) : t("performance.health.noSnapshot")}</span>
          </div>
        </div>
        <div className="performance-formula" data-testid="health-formula">
          <h3 className="performance-subtitle">{t("performance.health.formulaTitle")}</h3>
          <p className="subtle">{t("performance.health.formulaIntro")}</p>
          <DataTable columns={columns} rows={health.parts} rowKey={(p) => p.part} caption={t("performance.health.formulaTitle")} rowProps={(p) => ({ "data-testid": `health-part-${p.part}`, "data-score": p.score === null ? "" : String(p.score) })} />
          {measured.length > 0 ? (
            <p className="performance-sum" data-testid="health-formula-sum">
              <strong>{t("performance.health.total")}</strong>: {sum} = <strong>{health.score}</strong>
            </p>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
