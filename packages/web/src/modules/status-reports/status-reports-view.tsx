import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { STATUS_REPORT_DIMENSION_KEYS, type TMe, type TProject, type TStatusReport, type TStatusReportSummary, type TUpdateStatusReportRequest } from "@jiaofu/contracts";
import { api } from "../../api";
import { Badge, Button, Card, DataTable, Dialog, EmptyState, InputField, SelectField, TextareaField, useToast, type Column } from "../../ui";
import { fieldErrorsOf, isVersionConflict } from "../../lib/api-errors";
import { formatDate, formatDateTime } from "../../lib/format";
import { isAdmin, isStaff } from "../auth/session";
import { DialogForm } from "../common/dialog-form";
import { FormErrorBanner } from "../common/form-error-banner";
import { QueryContent } from "../common/query-content";
import { RagBadge, ReportDimensionsTable, ReportDownloads, ReportFigures, ReportHeading, ReportStatusBadge, ReportText } from "./status-report-body";
import {
  statusReportPath,
  statusReportsPath,
  useGenerateStatusReport,
  usePublishStatusReport,
  useSaveStatusReportSchedule,
  useStatusReport,
  useStatusReports,
  useStatusReportSchedule,
  useUpdateStatusReport,
} from "./status-reports.queries";
import "./status-reports.css";
import { ReportSatisfaction } from "../performance/report-satisfaction";

/** What the signed-in person may do with reports, mirroring `canStatusReports` in the server's policy.ts. */
function reportPermissions(me: TMe, project: Pick<TProject, "myRole">) {
  const staff = isStaff(me);
  const admin = isAdmin(me);
  return { write: staff && (admin || project.myRole === "manager" || project.myRole === "member"), publish: staff && (admin || project.myRole === "manager") };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The Status reports tab of the Monitoring area: the list, a report's editor, the weekly schedule. */
export function StatusReportsView({ project, me, reportId }: { project: TProject; me: TMe; reportId?: string | undefined }) {
  return reportId ? <StatusReportEditor project={project} me={me} reportId={reportId} /> : <StatusReportList project={project} me={me} />;
}

function StatusReportList({ project, me }: { project: TProject; me: TMe }) {
  const { t, i18n } = useTranslation();
  const list = useStatusReports(project.id);
  const can = reportPermissions(me, project);
  const [generating, setGenerating] = useState(false);
  const rows = list.data?.items ?? [];
  const columns: Column<TStatusReportSummary>[] = [
    { key: "key", header: t("statusReports.columns.key"), nowrap: true, render: (r) => <Link to={statusReportPath(project.id, r.id)} className="mono">{r.key}</Link> },
    {
      key: "title",
      header: t("statusReports.columns.title"),
      primary: true,
      render: (r) => (
        <Link to={statusReportPath(project.id, r.id)} data-testid="status-report-link">
          {r.title}
        </Link>
      ),
    },
    { key: "period", header: t("statusReports.columns.period"), nowrap: true, render: (r) => `${formatDate(r.periodFrom, i18n.language) ?? ""} – ${formatDate(r.periodTo, i18n.language) ?? ""}` },
    { key: "overall", header: t("statusReports.columns.overall"), render: (r) => <RagBadge rag={r.overall} /> },
    {
      key: "status",
      header: t("statusReports.columns.status"),
      render: (r) => (
        <span className="status-report-heading">
          <ReportStatusBadge status={r.status} />
          {r.generatedBy === "schedule" ? <Badge tone="violet">{t("statusReports.byschedule")}</Badge> : null}
        </span>
      ),
    },
  ];
  return (
    <div className="stack">
      <Card>
        <div className="stack">
          <div className="status-report-actions">
            <p className="muted">{t("statusReports.intro")}</p>
            {can.write ? (
              <Button variant="primary" size="sm" onClick={() => setGenerating(true)} data-testid="status-report-generate">
                {t("statusReports.generate")}
              </Button>
            ) : null}
          </div>
          <QueryContent query={list} isEmpty={rows.length === 0} empty={<EmptyState title={t("statusReports.emptyTitle")}>{t("statusReports.emptyBody")}</EmptyState>}>
            <DataTable columns={columns} rows={rows} rowKey={(r) => r.id} caption={t("statusReports.listLabel")} rowProps={(r) => ({ "data-testid": "status-report-row", "data-key": r.key })} />
          </QueryContent>
        </div>
      </Card>
      {can.publish ? <ScheduleCard projectId={project.id} /> : null}
      <Dialog open={generating} onClose={() => setGenerating(false)} title={t("statusReports.generateTitle")} description={t("statusReports.generateHint")} testId="status-report-generate-dialog">
        <GenerateForm projectId={project.id} onClose={() => setGenerating(false)} />
      </Dialog>
    </div>
  );
}

function GenerateForm({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = new Date();
  const [periodTo, setPeriodTo] = useState(isoDay(today));
  const [periodFrom, setPeriodFrom] = useState(isoDay(new Date(today.getTime() - 6 * 86_400_000)));
  const [title, setTitle] = useState("");
  const generate = useGenerateStatusReport(projectId);
  const errors = fieldErrorsOf(generate.error);
  return (
    <DialogForm
      onSubmit={() =>
        generate.mutate(
          { periodFrom, periodTo, ...(title.trim() ? { title: title.trim() } : {}) },
          {
            onSuccess: (report) => {
              onClose();
              void navigate(statusReportPath(projectId, report.id));
            },
          },
        )
      }
      onCancel={onClose}
      submitLabel={t("statusReports.generate")}
      submitting={generate.isPending}
      error={generate.error}
    >
      <InputField label={t("statusReports.periodFrom")} type="date" value={periodFrom} onChange={(e) => setPeriodFrom(e.target.value)} error={errors["body.periodFrom"]} required data-testid="status-report-from" />
      <InputField label={t("statusReports.periodTo")} type="date" value={periodTo} onChange={(e) => setPeriodTo(e.target.value)} error={errors["body.periodTo"]} required data-testid="status-report-to" />
      <InputField label={t("statusReports.title")} value={title} onChange={(e) => setTitle(e.target.value)} hint={t("statusReports.titleHint")} optional error={errors["body.title"]} />
    </DialogForm>
  );
}

type DimensionDraft = { rag: "" | TStatusReport["overall"]; note: string };

/** A report: editable while a draft (for the team who writes reports), read-only once published. */
function StatusReportEditor({ project, me, reportId }: { project: TProject; me: TMe; reportId: string }) {
  const { t } = useTranslation();
  const report = useStatusReport(reportId);
  return (
    <div className="stack">
      <Link to={statusReportsPath(project.id)} className="subtle">
        ← {t("statusReports.back")}
      </Link>
      <QueryContent query={report} isEmpty={false} empty={null}>
        {report.data ? <ReportEditorBody key={`${report.data.id}:${report.data.version}`} report={report.data} can={reportPermissions(me, project)} onReload={() => void report.refetch()} /> : null}
      </QueryContent>
    </div>
  );
}

function ReportEditorBody({ report, can, onReload }: { report: TStatusReport; can: ReturnType<typeof reportPermissions>; onReload: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdateStatusReport(report.id);
  const publish = usePublishStatusReport(report.id);
  const editable = report.status === "draft" && can.write;
  const [summary, setSummary] = useState(report.summary);
  const [nextSteps, setNextSteps] = useState(report.nextSteps);
  const [dims, setDims] = useState<Record<string, DimensionDraft>>(() =>
    Object.fromEntries(STATUS_REPORT_DIMENSION_KEYS.map((d) => [d, { rag: report.dimensions[d].generatedRag === null ? "" : report.dimensions[d].rag, note: report.dimensions[d].note }])),
  );
  const onError = (error: unknown) => {
    if (isVersionConflict(error)) {
      toast.show(t("statusReports.conflict"), "error");
      onReload();
    }
  };
  const save = () => {
    const dimensions: NonNullable<TUpdateStatusReportRequest["dimensions"]> = {};
    for (const d of STATUS_REPORT_DIMENSION_KEYS) dimensions[d] = { note: dims[d]?.note ?? "", rag: dims[d]?.rag ? dims[d].rag : null };
    update.mutate({ version: report.version, summary, nextSteps, dimensions }, { onSuccess: () => toast.show(t("statusReports.saved"), "success"), onError });
  };
  const doPublish = () => {
    if (!window.confirm(t("statusReports.publishConfirm"))) return;
    publish.mutate(report.version, { onSuccess: () => toast.show(t("statusReports.published"), "success"), onError });
  };
  const generatedRag = (d: (typeof STATUS_REPORT_DIMENSION_KEYS)[number]) => report.dimensions[d].generatedRag ?? report.dimensions[d].rag;
  return (
    <div className="stack">
      <Card>
        <div className="stack">
          <div className="status-report-actions">
            <ReportHeading report={report} />
            <ReportDownloads report={report} pdfUrl={api.statusReports.pdfUrl(report.id)} markdownUrl={api.statusReports.markdownUrl(report.id)} />
          </div>
          {editable ? (
            <div data-testid="status-report-editor">
              <FormErrorBanner error={update.error ?? publish.error} onReload={onReload} />
              {STATUS_REPORT_DIMENSION_KEYS.map((d) => (
                <div key={d} className="status-report-editor-dimension" data-testid={`status-report-dimension-${d}`} data-rag={report.dimensions[d].rag}>
                  <strong>{t(`statusReports.dimension.${d}`)}</strong>
                  <SelectField
                    label={t("statusReports.colourLabel", { dimension: t(`statusReports.dimension.${d}`) })}
                    value={dims[d]?.rag ?? ""}
                    onChange={(e) => setDims((prev) => ({ ...prev, [d]: { note: prev[d]?.note ?? "", rag: e.target.value as DimensionDraft["rag"] } }))}
                    options={[
                      { value: "", label: t("statusReports.fromRule", { rag: t(`statusReports.rag.${generatedRag(d)}`) }) },
                      { value: "green", label: t("statusReports.rag.green") },
                      { value: "amber", label: t("statusReports.rag.amber") },
                      { value: "red", label: t("statusReports.rag.red") },
                    ]}
                    data-testid={`status-report-rag-${d}`}
                  />
                  <TextareaField
                    label={t("statusReports.noteLabel", { dimension: t(`statusReports.dimension.${d}`) })}
                    value={dims[d]?.note ?? ""}
                    rows={2}
                    onChange={(e) => setDims((prev) => ({ ...prev, [d]: { rag: prev[d]?.rag ?? "", note: e.target.value } }))}
                  />
                  <p className="status-report-rule subtle">
                    <RagBadge rag={report.dimensions[d].rag} /> {report.dimensions[d].ruleText}
                  </p>
                </div>
              ))}
              <div className="stack">
                <TextareaField label={t("statusReports.summary")} value={summary} rows={4} onChange={(e) => setSummary(e.target.value)} data-testid="status-report-summary" />
                <TextareaField label={t("statusReports.nextSteps")} value={nextSteps} rows={4} onChange={(e) => setNextSteps(e.target.value)} data-testid="status-report-next-steps" />
                <div className="status-report-actions">
                  <Button variant="secondary" onClick={save} disabled={update.isPending} data-testid="status-report-save">
                    {t("statusReports.save")}
                  </Button>
                  {can.publish ? (
                    <Button variant="primary" onClick={doPublish} disabled={publish.isPending || update.isPending} data-testid="status-report-publish">
                      {t("statusReports.publish")}
                    </Button>
                  ) : null}
                </div>
              </div>
            </div>
          ) : (
            <>
              {report.status === "published" ? <p className="subtle">{t("statusReports.immutable")}</p> : null}
              <ReportDimensionsTable report={report} />
              <ReportText report={report} />
            </>
          )}
        </div>
      </Card>
      <Card>
        <ReportFigures report={report} />
      </Card>
      {report.status === "published" ? <ReportSatisfaction reportId={report.id} /> : null}
    </div>
  );
}

function ScheduleCard({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const schedule = useStatusReportSchedule(projectId);
  const save = useSaveStatusReportSchedule(projectId);
  if (!schedule.data) return null;
  const s = schedule.data;
  return (
    <Card>
      <ScheduleForm
        key={s.version}
        initial={s}
        onSave={(values) => save.mutate({ ...values, version: s.version }, { onSuccess: () => toast.show(t("statusReports.schedule.saved"), "success") })}
        saving={save.isPending}
        error={save.error}
        lastRun={s.lastRunAt ? t("statusReports.schedule.lastRun", { date: formatDateTime(s.lastRunAt, i18n.language) ?? "" }) : null}
        onReload={() => void schedule.refetch()}
      />
    </Card>
  );
}

type ScheduleValues = { enabled: boolean; weekday: number; time: string; timeZone: string; publish: boolean };

function ScheduleForm({ initial, onSave, saving, error, lastRun, onReload }: { initial: ScheduleValues; onSave: (v: ScheduleValues) => void; saving: boolean; error: unknown; lastRun: string | null; onReload: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<ScheduleValues>({ enabled: initial.enabled, weekday: initial.weekday, time: initial.time, timeZone: initial.timeZone, publish: initial.publish });
  const errors = fieldErrorsOf(error);
  const days = ["1", "2", "3", "4", "5", "6", "7"] as const;
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(v);
      }}
      data-testid="status-report-schedule"
    >
      <h3>{t("statusReports.schedule.title")}</h3>
      <FormErrorBanner error={error} onReload={onReload} />
      <label className="checkbox">
        <input type="checkbox" checked={v.enabled} onChange={(e) => setV({ ...v, enabled: e.target.checked })} /> {t("statusReports.schedule.enabled")}
      </label>
      <div className="status-report-schedule">
        <SelectField label={t("statusReports.schedule.weekday")} value={String(v.weekday)} onChange={(e) => setV({ ...v, weekday: Number(e.target.value) })} options={days.map((d) => ({ value: d, label: t(`statusReports.schedule.days.${d}`) }))} />
        <InputField label={t("statusReports.schedule.time")} type="time" value={v.time} onChange={(e) => setV({ ...v, time: e.target.value })} error={errors["body.time"]} />
        <InputField label={t("statusReports.schedule.timeZone")} value={v.timeZone} onChange={(e) => setV({ ...v, timeZone: e.target.value })} error={errors["body.timeZone"]} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={v.publish} onChange={(e) => setV({ ...v, publish: e.target.checked })} /> {t("statusReports.schedule.publish")}
      </label>
      <div className="status-report-actions">
        {lastRun ? <span className="subtle">{lastRun}</span> : <span />}
        <Button type="submit" variant="secondary" size="sm" disabled={saving}>
          {t("statusReports.schedule.save")}
        </Button>
      </div>
    </form>
  );
}
