import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TProject } from "@jiaofu/contracts";
import { Badge, Banner, Button, Card, EmptyState, SearchToolbar } from "../../ui";
import { QueryContent } from "../common/query-content";
import { RequirementStatusBadge } from "./requirement-badges";
import { requirementPath } from "./requirement-paths";
import { useTraceabilityMatrix } from "./requirements.queries";
import { DOWNSTREAM_TYPES, filterTraceRows, traceCell, traceSummary, type TraceItem } from "./trace-matrix";

/** Rows drawn at first; a register of thousands shows more on request rather than all at once. */
const ROW_STEP = 200;

export type TraceabilityMatrixProps = { project: TProject };

/**
 * Requirement → tasks → acceptance tests → deliverables → tickets. Each cell counts what is linked downstream;
 * approved or baselined requirements with nothing downstream are gaps.
 */
export function TraceabilityMatrix({ project }: TraceabilityMatrixProps) {
  const { t } = useTranslation();
  const matrix = useTraceabilityMatrix(project.id);
  const [gapsOnly, setGapsOnly] = useState(false);
  const [search, setSearch] = useState("");
  const [limit, setLimit] = useState(ROW_STEP);
  const rows = useMemo(() => filterTraceRows(matrix.data?.rows ?? [], { gapsOnly, q: search }), [matrix.data, gapsOnly, search]);
  const summary = matrix.data ? traceSummary(matrix.data) : null;

  return (
    <div className="stack">
      <div className="section-heading">
        <div>
          <h2 className="section-title">{t("requirements.trace.title")}</h2>
          <p className="subtle">{t("requirements.trace.intro")}</p>
        </div>
      </div>
      {summary && summary.typesInUse.length === 0 && summary.requirements > 0 ? <Banner tone="info">{t("requirements.trace.nothingDownstreamYet")}</Banner> : null}
      <Card flush>
        <SearchToolbar
          label={t("requirements.trace.filtersLabel")}
          searchLabel={t("requirements.filters.search")}
          searchPlaceholder={t("requirements.trace.searchPlaceholder")}
          search={search}
          onSearchChange={setSearch}
        >
          <label className="checkbox toolbar-check">
            <input type="checkbox" checked={gapsOnly} onChange={(event) => setGapsOnly(event.target.checked)} data-testid="gaps-only" />
            {t("requirements.trace.gapsOnly")}
          </label>
        </SearchToolbar>
        {summary ? (
          <p className="trace-summary" aria-live="polite">
            {t("requirements.trace.summary", { count: summary.requirements, committed: summary.committed })}{" "}
            {summary.gaps > 0 ? <Badge tone="red">{t("requirements.trace.gapCount", { count: summary.gaps })}</Badge> : <Badge tone="green">{t("requirements.trace.noGaps")}</Badge>}
          </p>
        ) : null}
        <QueryContent
          query={matrix}
          isEmpty={rows.length === 0}
          empty={
            (matrix.data?.rows.length ?? 0) === 0 ? (
              <EmptyState icon="⋔" title={t("requirements.trace.emptyTitle")}>
                {t("requirements.trace.emptyBody")}
              </EmptyState>
            ) : (
              <EmptyState title={gapsOnly ? t("requirements.trace.noGapsTitle") : t("requirements.noMatchTitle")}>
                {gapsOnly ? t("requirements.trace.noGapsBody") : t("requirements.noMatchBody")}
              </EmptyState>
            )
          }
        >
          <div className="table-wrap">
            <table className="table trace-table">
              <caption className="visually-hidden">{t("requirements.trace.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("requirements.trace.requirement")}</th>
                  <th scope="col">{t("requirements.columns.status")}</th>
                  {DOWNSTREAM_TYPES.map((type) => (
                    <th key={type} scope="col" className="num">
                      {t(`requirements.trace.types.${type}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, limit).map((row) => (
                  <tr key={row.requirement.id} className={row.gap ? "trace-gap" : undefined} data-testid="trace-row" data-key={row.requirement.key} data-gap={row.gap ? "true" : undefined}>
                    <th scope="row" className="trace-req">
                      <Link to={requirementPath(project.id, row.requirement.id)}>
                        <span className="mono">{row.requirement.key}</span> {row.requirement.title}
                      </Link>
                      {row.gap ? (
                        <span className="trace-gap-label">
                          <Badge tone="red">{t("requirements.trace.gap")}</Badge>
                        </span>
                      ) : null}
                    </th>
                    <td className="nowrap">
                      <RequirementStatusBadge status={row.requirement.status} />
                    </td>
                    {DOWNSTREAM_TYPES.map((type) => (
                      <td key={type} className="num trace-cell" data-label={t(`requirements.trace.types.${type}`)}>
                        <TraceCell items={traceCell(row, type)} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > limit ? (
            <div className="list-footer">
              <Button variant="secondary" onClick={() => setLimit((l) => l + ROW_STEP)}>
                {t("requirements.trace.showMore", { count: Math.min(ROW_STEP, rows.length - limit) })}
              </Button>
            </div>
          ) : null}
        </QueryContent>
      </Card>
    </div>
  );
}

function TraceCell({ items }: { items: readonly TraceItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <span className="muted" aria-label={t("requirements.trace.noneLinked")}>0</span>;
  return (
    <details className="trace-details">
      <summary>{items.length}</summary>
      <ul>
        {items.map((item) => (
          <li key={item.linkId}>
            {item.label}
            {item.depth > 1 ? <span className="subtle"> {t("requirements.trace.indirect")}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
