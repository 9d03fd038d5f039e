import { useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanVarianceRow } from "@jiaofu/engine";
import { Badge } from "../../../ui";
import { formatPlanDateCompact } from "../plan-format";
import { formatVariance, varianceTone } from "./plan-variance-model";

/** Fixed row height, so 10,000 rows render only the few dozen in view. */
const ROW_HEIGHT = 34;
const OVERSCAN = 10;
const VARIANCE_COLUMNS = ["wbs", "name", "baselineStart", "baselineFinish", "start", "finish", "startVariance", "finishVariance", "durationVariance", "costVariance"] as const;

export type VarianceTableProps = {
  rows: readonly PlanVarianceRow[];
  /** Whether cost variance is shown (the team's; a client contact has no costs). */
  showCost: boolean;
};

/**
 * Variance by task against a baseline: WBS, name, baseline and current dates, and current − baseline for start,
 * finish, duration (working days) and cost; later, longer or dearer in the warning colour. Virtualised.
 */
export function VarianceTable({ rows, showCost }: VarianceTableProps) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(480);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    setViewport(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const columns = showCost ? VARIANCE_COLUMNS : VARIANCE_COLUMNS.filter((column) => column !== "costVariance");
  const date = (iso: string | null | undefined) => formatPlanDateCompact(iso, i18n.language);
  const days = (value: number | null) => (value === null ? "" : t("planBaselines.days", { value: formatVariance(value, i18n.language) }));
  const variance = (value: number | null, text: string, testId: string) => (
    <td className={["num nowrap", varianceTone(value)].filter(Boolean).join(" ")} data-testid={testId}>
      {text}
    </td>
  );

  return (
    <div className="variance-scroll" ref={scrollRef} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} data-testid="variance-table">
      <table className="table variance-grid" aria-label={t("planBaselines.table.label")} aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <th key={column} scope="col" className={`variance-col-${column}`}>
                {t(`planBaselines.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 ? <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} /> : null}
          {rows.slice(first, last).map((row, offset) => {
            const level = row.wbsCode.split(".").length;
            return (
              <tr
                key={row.taskId}
                aria-rowindex={first + offset + 2}
                className={["variance-row", row.isSummary ? "is-summary" : "", row.status !== "both" ? `is-${row.status}` : ""].filter(Boolean).join(" ")}
                data-testid="variance-row"
                data-wbs={row.wbsCode}
                data-status={row.status}
              >
                <td className="mono variance-col-wbs">{row.wbsCode}</td>
                <td className="variance-col-name">
                  <span className="variance-name" style={{ paddingInlineStart: (level - 1) * 14 }}>
                    <span className="variance-name-text">{row.name}</span>
                    {row.status !== "both" ? (
                      <Badge tone={row.status === "added" ? "blue" : "gray"} dot={false}>
                        {t(`planBaselines.table.status.${row.status}`)}
                      </Badge>
                    ) : null}
                  </span>
                </td>
                <td className="nowrap">{date(row.baseline?.start)}</td>
                <td className="nowrap">{date(row.baseline?.finish)}</td>
                <td className="nowrap">{date(row.current?.start)}</td>
                <td className="nowrap">{date(row.current?.finish)}</td>
                {variance(row.startVarianceDays, days(row.startVarianceDays), "variance-start")}
                {variance(row.finishVarianceDays, days(row.finishVarianceDays), "variance-finish")}
                {variance(row.durationVarianceDays, days(row.durationVarianceDays), "variance-duration")}
                {showCost ? variance(row.costVariance, formatVariance(row.costVariance, i18n.language, { maximumFractionDigits: 0 }), "variance-cost") : null}
              </tr>
            );
          })}
          {last < rows.length ? <tr aria-hidden="true" style={{ height: (rows.length - last) * ROW_HEIGHT }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
