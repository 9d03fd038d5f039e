import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TBaselineComparison, TBaselineItem, TBaselineSide } from "@jiaofu/contracts";
import { RequirementStatusBadge } from "../requirements/requirement-badges";
import { FieldChangeList } from "../requirements/requirement-history";
import { RequirementLink } from "./take-baseline-dialog";

export type BaselineComparisonViewProps = { comparison: TBaselineComparison; requirementHref: (requirementId: string) => string };

/** The label of a side: its key, or "Today". */
export function useSideLabel(): (side: TBaselineSide) => string {
  const { t } = useTranslation();
  return (side) => side.key ?? t("baselines.compare.today");
}

/**
 * What changed from the older side to the newer: added, removed (with how each stands now), changed (the field
 * diff, as a requirement's history shows it) and, folded away, the bookkeeping-only adjustments.
 */
export function BaselineComparisonView({ comparison, requirementHref }: BaselineComparisonViewProps) {
  const { t } = useTranslation();
  const sideLabel = useSideLabel();
  const { counts } = comparison;
  const differences = counts.added + counts.removed + counts.changed + counts.adjusted;
  const link = (item: TBaselineItem) => <RequirementLink requirement={{ key: item.key, title: item.snapshot.title }} href={requirementHref(item.requirementId)} />;

  return (
    <div className="stack" data-testid="baseline-comparison">
      <dl className="baseline-compare-summary" aria-label={t("baselines.compare.summaryLabel")}>
        <SummaryFigure label={sideLabel(comparison.from)} value={counts.from} />
        <SummaryFigure label={sideLabel(comparison.to)} value={counts.to} />
        <SummaryFigure label={t("baselines.counts.added")} value={counts.added} tone="added" testId="compare-added-count" />
        <SummaryFigure label={t("baselines.counts.changed")} value={counts.changed} tone="changed" testId="compare-changed-count" />
        <SummaryFigure label={t("baselines.counts.removed")} value={counts.removed} tone="removed" testId="compare-removed-count" />
        <SummaryFigure label={t("baselines.counts.unchanged")} value={counts.unchanged + counts.adjusted} />
      </dl>

      {differences === 0 ? <p className="muted">{t("baselines.compare.nothing")}</p> : null}

      {comparison.added.length > 0 ? (
        <CompareSection title={t("baselines.compare.added", { count: counts.added })} tone="added" testId="compare-added">
          {comparison.added.map((item) => (
            <li key={item.requirementId} className="baseline-diff-item">
              <div className="baseline-diff-head">
                {link(item)}
                <RequirementStatusBadge status={item.snapshot.status} />
              </div>
            </li>
          ))}
        </CompareSection>
      ) : null}

      {comparison.removed.length > 0 ? (
        <CompareSection title={t("baselines.compare.removed", { count: counts.removed })} tone="removed" testId="compare-removed">
          {comparison.removed.map(({ before, after }) => (
            <li key={before.requirementId} className="baseline-diff-item">
              <div className="baseline-diff-head">
                {link(before)}
                {after ? (
                  <span className="row">
                    <span className="subtle">{t("baselines.compare.nowStatus")}</span>
                    <RequirementStatusBadge status={after.snapshot.status} />
                  </span>
                ) : (
                  <span className="subtle">{t("baselines.compare.gone")}</span>
                )}
              </div>
              {after?.snapshot.statusReason ? <p className="subtle baseline-diff-note">{after.snapshot.statusReason}</p> : null}
            </li>
          ))}
        </CompareSection>
      ) : null}

      {comparison.changed.length > 0 ? (
        <CompareSection title={t("baselines.compare.changed", { count: counts.changed })} tone="changed" testId="compare-changed">
          {comparison.changed.map((change) => (
            <ChangedItem key={change.before.requirementId} change={change} people={comparison.people} link={link(change.after)} />
          ))}
        </CompareSection>
      ) : null}

      {comparison.adjusted.length > 0 ? (
        <details className="baseline-adjusted" data-testid="compare-adjusted">
          <summary>{t("baselines.compare.adjusted", { count: counts.adjusted })}</summary>
          <p className="subtle">{t("baselines.compare.adjustedHint")}</p>
          <ul className="baseline-diff-list">
            {comparison.adjusted.map((change) => (
              <ChangedItem key={change.before.requirementId} change={change} people={comparison.people} link={link(change.after)} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function SummaryFigure({ label, value, tone, testId }: { label: string; value: number; tone?: "added" | "changed" | "removed"; testId?: string }) {
  return (
    <div className={tone ? `baseline-figure baseline-figure-${tone}` : "baseline-figure"} data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function CompareSection({ title, tone, testId, children }: { title: string; tone: "added" | "changed" | "removed"; testId: string; children: ReactNode }) {
  return (
    <section className={`baseline-diff-section baseline-diff-${tone}`} data-testid={testId}>
      <h3 className="subheading">{title}</h3>
      <ul className="baseline-diff-list">{children}</ul>
    </section>
  );
}

type Change = TBaselineComparison["changed"][number];

function ChangedItem({ change, people, link }: { change: Change; people: Record<string, string>; link: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className="baseline-diff-item" data-testid="compare-changed-item">
      <div className="baseline-diff-head">
        {link}
        <span className="subtle">{t("baselines.compare.versions", { from: change.before.version, to: change.after.version })}</span>
      </div>
      <FieldChangeList changes={change.changes} people={people} />
    </li>
  );
}
