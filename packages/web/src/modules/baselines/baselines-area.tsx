import { useState } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { TBaseline } from "@jiaofu/contracts";
import { Badge, Button, Card, DataTable, EmptyState, SelectField, type Column } from "../../ui";
import { formatDateTime } from "../../lib/format";
import { QueryContent } from "../common/query-content";
import { BaselineComparisonView } from "./baseline-comparison";
import { useBaselineComparison, useBaselines } from "./baselines.queries";
import { ScopeCounts } from "./scope-counts";
import { TakeBaselineDialog } from "./take-baseline-dialog";
import "./baselines.css";

/** The "today" side of a comparison, as the API names it. */
const CURRENT = "current";

export type BaselinesAreaProps = {
  projectId: string;
  /** May take a baseline (staff who write the register); otherwise the list and comparisons are read-only. */
  canTake: boolean;
  /** Where a requirement's page is (staff and portal pages differ). */
  requirementHref: (requirementId: string) => string;
  /** The text under the title; the team's by default. */
  intro?: string;
};

/**
 * The project's baselines: the list (BL-n, name, when, by whom, size, changes since the previous one), "Take
 * baseline", and a comparison of two baselines or a baseline and today. The compared sides live in the address
 * (`?from=<id>&to=<id|current>`), so a comparison can be shared.
 */
export function BaselinesArea({ projectId, canTake, requirementHref, intro }: BaselinesAreaProps) {
  const { t, i18n } = useTranslation();
  const baselines = useBaselines(projectId);
  const [params, setParams] = useSearchParams();
  const [taking, setTaking] = useState(false);
  const list = baselines.data ?? [];

  function compare(from: string, to: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set("from", from);
        next.set("to", to);
        return next;
      },
      { replace: true },
    );
  }

  const columns: Column<TBaseline>[] = [
    {
      key: "key",
      header: t("baselines.columns.key"),
      nowrap: true,
      render: (b) => (
        <span className="row">
          <strong className="baseline-key">{b.key}</strong>
          {b.changeRequestId ? (
            <Badge tone="violet" dot={false}>
              {t("baselines.fromChangeRequest")}
            </Badge>
          ) : null}
        </span>
      ),
    },
    {
      key: "name",
      header: t("baselines.columns.name"),
      primary: true,
      render: (b) => (
        <div>
          <div className="baseline-name">{b.name}</div>
          {b.description ? <div className="subtle pre-wrap">{b.description}</div> : null}
        </div>
      ),
    },
    { key: "takenAt", header: t("baselines.columns.takenAt"), nowrap: true, render: (b) => <time dateTime={b.createdAt}>{formatDateTime(b.createdAt, i18n.language)}</time> },
    { key: "takenBy", header: t("baselines.columns.takenBy"), render: (b) => b.createdByName ?? t("baselines.unknownPerson") },
    { key: "requirements", header: t("baselines.columns.requirements"), align: "end", render: (b) => b.requirementCount },
    {
      key: "changes",
      header: t("baselines.columns.changes"),
      nowrap: true,
      render: (b) => (b.sincePrevious ? <ScopeCounts counts={b.sincePrevious} /> : <span className="subtle">{t("baselines.first")}</span>),
    },
    {
      key: "actions",
      header: t("baselines.columns.actions"),
      hideHeader: true,
      nowrap: true,
      render: (b) => (
        <Button size="sm" variant="ghost" onClick={() => compare(b.id, CURRENT)} data-testid="compare-with-today">
          {t("baselines.compareWithToday")}
        </Button>
      ),
    },
  ];

  return (
    <div className="stack">
      <Card
        title={t("baselines.title")}
        actions={
          canTake ? (
            <Button variant="primary" onClick={() => setTaking(true)} data-testid="take-baseline">
              {t("baselines.take")}
            </Button>
          ) : null
        }
        flush
      >
        <p className="baseline-intro subtle">{intro ?? t("baselines.intro")}</p>
        <QueryContent
          query={baselines}
          isEmpty={list.length === 0}
          empty={
            <EmptyState icon="⧉" title={t("baselines.emptyTitle")}>
              {canTake ? t("baselines.emptyBody") : t("baselines.emptyBodyClient")}
            </EmptyState>
          }
        >
          <div className="baselines-table" data-testid="baselines-list">
            <DataTable
              columns={columns}
              rows={[...list].reverse()}
              rowKey={(b) => b.id}
              caption={t("baselines.listCaption")}
              rowProps={(b) => ({ "data-testid": "baseline-row", "data-key": b.key })}
            />
          </div>
        </QueryContent>
      </Card>

      {list.length > 0 ? <ComparePanel baselines={list} from={params.get("from")} to={params.get("to")} onChange={compare} requirementHref={requirementHref} /> : null}

      {canTake ? (
        <TakeBaselineDialog
          projectId={projectId}
          open={taking}
          onClose={() => setTaking(false)}
          onTaken={(baseline) => {
            setTaking(false);
            const previous = list.at(-1);
            if (previous) compare(previous.id, baseline.id);
          }}
          requirementHref={requirementHref}
        />
      ) : null}
    </div>
  );
}

type ComparePanelProps = {
  baselines: readonly TBaseline[];
  from: string | null;
  to: string | null;
  onChange: (from: string, to: string) => void;
  requirementHref: (requirementId: string) => string;
};

/** Two pickers (a baseline; a baseline or today) and what changed between them. The latest baseline and today by default. */
function ComparePanel({ baselines, from, to, onChange, requirementHref }: ComparePanelProps) {
  const { t } = useTranslation();
  const ids = new Set(baselines.map((b) => b.id));
  const latest = baselines.at(-1)?.id ?? "";
  const fromId = from && ids.has(from) ? from : latest;
  const toId = to && (to === CURRENT || ids.has(to)) ? to : CURRENT;
  const comparison = useBaselineComparison(fromId, toId);
  const options = [...baselines].reverse().map((b) => ({ value: b.id, label: `${b.key} · ${b.name}` }));

  return (
    <Card title={t("baselines.compare.title")} data-testid="baseline-compare">
      <div className="stack">
        <div className="baseline-compare-pickers">
          <SelectField label={t("baselines.compare.from")} value={fromId} options={options} onChange={(event) => onChange(event.target.value, toId)} data-testid="compare-from" />
          <SelectField
            label={t("baselines.compare.to")}
            value={toId}
            options={[{ value: CURRENT, label: t("baselines.compare.todayLong") }, ...options]}
            onChange={(event) => onChange(fromId, event.target.value)}
            data-testid="compare-to"
          />
        </div>
        {fromId === toId ? (
          <p className="muted">{t("baselines.compare.sameSides")}</p>
        ) : (
          <QueryContent query={comparison} isEmpty={false} empty={null}>
            {comparison.data ? <BaselineComparisonView comparison={comparison.data} requirementHref={requirementHref} /> : null}
          </QueryContent>
        )}
      </div>
    </Card>
  );
}
