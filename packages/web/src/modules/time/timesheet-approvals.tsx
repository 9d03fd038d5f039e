import { lazy, Suspense, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TProject, TTimesheetApproval } from "@jiaofu/contracts";
import { api } from "../../api";
import { apiMessageOf, fieldErrorsOf, isVersionConflict } from "../../lib/api-errors";
import { Badge, Banner, Button, Card, EmptyState, LoadingBlock, Select, Textarea } from "../../ui";
import { formatMoney } from "../planning/resources/resource-format";
import { STATUS_TONES } from "./timesheet-grid";
import { formatHours, formatTotalMinutes } from "./time-format";
import { timeChanged, useActualCost, useProjectApprovals } from "./time.queries";
import "./time.css";

const ActualCostChart = lazy(() => import("./actual-cost-chart").then((m) => ({ default: m.ActualCostChart })));

type StatusFilter = "submitted" | "approved" | "rejected" | "all";
const FILTERS: readonly StatusFilter[] = ["submitted", "approved", "rejected", "all"];

/** One person's week on the project: its entries, and Approve / Reject with a note while it awaits a decision. */
function ApprovalCard({ approval }: { approval: TTimesheetApproval }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState("");
  const decide = useMutation({
    mutationFn: (decision: "approved" | "rejected") => api.time.decide(approval.timesheetId, approval.projectId, { version: approval.version, decision, note }),
    onSettled: () => timeChanged(queryClient),
  });
  const noteError = fieldErrorsOf(decide.error).note;
  return (
    <Card
      as="article"
      titleLevel={3}
      title={`${approval.userName} · ${t("time.grid.weekOf", { date: approval.weekStart })}`}
      actions={
        <>
          <Badge tone={STATUS_TONES[approval.status]}>{t(`time.status.${approval.status}`)}</Badge>
          <span className="mono strong-number">{formatTotalMinutes(approval.minutes)}</span>
        </>
      }
      data-testid="timesheet-approval"
      data-user={approval.userName}
    >
      <div className="stack">
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("time.approvals.date")}</th>
                <th scope="col">{t("time.grid.task")}</th>
                <th scope="col">{t("time.approvals.duration")}</th>
                <th scope="col">{t("time.task.note")}</th>
              </tr>
            </thead>
            <tbody>
              {approval.entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="mono">{entry.workDate}</td>
                  <td>{entry.taskName ? `${entry.taskWbsCode ?? ""} ${entry.taskName}` : t("time.grid.general")}</td>
                  <td className="mono">{formatTotalMinutes(entry.minutes)}</td>
                  <td className="muted">{entry.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {approval.note ? (
          <p className="muted">
            {approval.decidedByName ? t("time.grid.noteBy", { name: approval.decidedByName }) : null}
            {approval.note}
          </p>
        ) : null}
        {decide.error && !noteError ? (
          <Banner tone="error">{isVersionConflict(decide.error) ? t("time.grid.conflict") : (apiMessageOf(decide.error) ?? t("errors.network"))}</Banner>
        ) : null}
        {approval.status === "submitted" ? (
          rejecting ? (
            <div className="stack">
              <label className="field">
                <span className="field-label">{t("time.approvals.rejectNote")}</span>
                <Textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={1000} aria-invalid={noteError ? true : undefined} data-testid="timesheet-reject-note" />
                {noteError ? <span className="field-error">{noteError}</span> : null}
              </label>
              <div className="row">
                <Button variant="danger" size="sm" onClick={() => decide.mutate("rejected")} loading={decide.isPending} data-testid="timesheet-reject-confirm">
                  {t("time.approvals.reject")}
                </Button>
                <Button variant="ghost" size="sm" onClick={() => setRejecting(false)}>
                  {t("time.approvals.cancel")}
                </Button>
              </div>
            </div>
          ) : (
            <div className="row">
              <Button variant="primary" size="sm" onClick={() => decide.mutate("approved")} loading={decide.isPending} data-testid="timesheet-approve">
                {t("time.approvals.approve")}
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setRejecting(true)} data-testid="timesheet-reject">
                {t("time.approvals.reject")}
              </Button>
            </div>
          )
        ) : null}
      </div>
    </Card>
  );
}

/** Approved hours and their cost by week or month: totals, the chart, and the same numbers as a table. */
export function ActualCostPanel({ project }: { project: TProject }) {
  const { t, i18n } = useTranslation();
  const [interval, setInterval] = useState<"week" | "month">("week");
  const cost = useActualCost(project.id, interval);
  const money = (amount: number) => formatMoney(amount, cost.data?.currency ?? "CNY", i18n.language);
  return (
    <Card
      title={t("time.cost.title")}
      actions={
        <Select
          aria-label={t("time.cost.interval")}
          value={interval}
          onChange={(event) => setInterval(event.target.value === "month" ? "month" : "week")}
          options={[
            { value: "week", label: t("time.cost.byWeek") },
            { value: "month", label: t("time.cost.byMonth") },
          ]}
        />
      }
      data-testid="actual-cost"
    >
      {!cost.data ? (
        <LoadingBlock />
      ) : (
        <div className="stack">
          <p className="actual-cost-summary">
            <span data-testid="actual-cost-total">{money(cost.data.totalCost)}</span>{" "}
            <span className="muted">
              {t("time.cost.summary", { hours: formatHours(cost.data.totalMinutes, i18n.language), pending: formatHours(cost.data.pendingMinutes, i18n.language) })}
            </span>
          </p>
          {cost.data.periods.length === 0 ? (
            <p className="muted">{t("time.cost.none")}</p>
          ) : (
            <>
              <Suspense fallback={<LoadingBlock />}>
                <ActualCostChart cost={cost.data} />
              </Suspense>
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">{t("time.cost.title")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("time.cost.period")}</th>
                      <th scope="col">{t("time.cost.hoursColumn")}</th>
                      <th scope="col">{t("time.cost.perPeriod")}</th>
                      <th scope="col">{t("time.cost.cumulative")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {cost.data.periods.map((p) => (
                      <tr key={p.start}>
                        <td className="mono">{p.start}</td>
                        <td className="mono">{formatHours(p.minutes, i18n.language)}</td>
                        <td className="mono">{money(p.cost)}</td>
                        <td className="mono">{money(p.cumulativeCost)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="actual-cost-breakdown">
                <div>
                  <h3 className="subheading">{t("time.cost.byPhase")}</h3>
                  <ul className="link-list">
                    {cost.data.phases.map((phase) => (
                      <li key={phase.taskId ?? "none"} className="row">
                        <span>{phase.name ? `${phase.wbsCode ?? ""} ${phase.name}` : t("time.grid.general")}</span>
                        <span className="row-end mono">{money(phase.cost)}</span>
                      </li>
                    ))}
                  </ul>
                </div>
                <div>
                  <h3 className="subheading">{t("time.cost.byPerson")}</h3>
                  <ul className="link-list">
                    {cost.data.people.map((person) => (
                      <li key={person.userId} className="row">
                        <span>{person.name}</span>
                        <span className="muted">{t("time.cost.hours", { hours: formatHours(person.minutes, i18n.language) })}</span>
                        <span className="row-end mono">{money(person.cost)}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </>
          )}
        </div>
      )}
    </Card>
  );
}

/** The project's Timesheets tab (Execution area): the parts awaiting the manager's decision, and the actual cost. */
export function TimesheetApprovals({ project }: { project: TProject }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StatusFilter>("submitted");
  const approvals = useProjectApprovals(project.id, { status });
  return (
    <div className="stack" data-testid="timesheets-tab">
      <Card
        title={t("time.approvals.title")}
        actions={
          <Select
            aria-label={t("time.approvals.filter")}
            value={status}
            onChange={(event) => setStatus(FILTERS.find((f) => f === event.target.value) ?? "submitted")}
            options={FILTERS.map((f) => ({ value: f, label: t(`time.approvals.show.${f}`) }))}
            data-testid="timesheet-approvals-filter"
          />
        }
      >
        {approvals.isLoading ? <LoadingBlock /> : null}
        {approvals.error ? <Banner tone="error">{apiMessageOf(approvals.error) ?? t("errors.network")}</Banner> : null}
        {approvals.data && approvals.data.items.length === 0 ? <EmptyState title={t("time.approvals.none")} /> : null}
        <div className="stack">
          {approvals.data?.items.map((approval) => (
            <ApprovalCard key={`${approval.timesheetId}/${approval.projectId}/${approval.version}`} approval={approval} />
          ))}
        </div>
      </Card>
      <ActualCostPanel project={project} />
    </div>
  );
}
