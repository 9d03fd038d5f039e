import { Suspense, lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import { DEFECT_SEVERITIES, DEFECT_STATUSES, type TDefect, type TDefectSeverity, type TDefectStatus, type TMe, type TProject, type TQualityGate, type TQualityPhase, type TTestCase, type TTestRunResult } from "@jiaofu/contracts";
import { api } from "../../api";
import { Badge, Button, Card, type Column, DataTable, Dialog, EmptyState, InputField, LoadingBlock, Select, SelectField, Spinner, TextareaField, useToast } from "../../ui";
import { apiMessageOf } from "../../lib/api-errors";
import { DialogForm } from "../common/dialog-form";
import { ErrorPanel } from "../common/error-panel";
import { planPermissions } from "../planning/plan-permissions";
import { useProjectMembers } from "../projects/projects.queries";
import { GATE_TONE, RUN_TONE, SEVERITY_TONE, STATUS_TONE } from "./quality-model";
import { useDefectTrend, useDefects, useQualityGates, useQualityMutation, useTestCases } from "./quality.queries";
import "./quality.css";

const DefectTrendChart = lazy(() => import("./defect-trend-chart").then((m) => ({ default: m.DefectTrendChart })));

/**
 * Monitoring → Quality (`/projects/:id/monitoring/quality`; docs/monitoring.md, "Quality"): a gate per phase with its
 * checklist and evidence, test cases with run buttons, defects with filters and an edit dialog, and the defect trend.
 */
export function QualityView({ project, me }: { project: TProject; me: TMe }) {
  const can = planPermissions(me, project);
  return (
    <div className="stack" data-testid="quality-view">
      <GatesCard project={project} canEdit={can.edit} canWaive={can.configure} />
      <TestCasesCard project={project} canEdit={can.edit} />
      <DefectsCard project={project} canEdit={can.edit} />
      <TrendCard project={project} />
    </div>
  );
}

/** Shows the error of a failed write as a toast (a refused pass, a phase-close conflict, a stale version). */
function useFailToast() {
  const toast = useToast();
  const { t } = useTranslation();
  return (error: unknown) => toast.show(apiMessageOf(error) ?? t("quality.failed"), "error");
}

function GatesCard({ project, canEdit, canWaive }: { project: TProject; canEdit: boolean; canWaive: boolean }) {
  const { t } = useTranslation();
  const query = useQualityGates(project.id);
  const fail = useFailToast();
  const create = useQualityMutation(project.id, (phaseTaskId: string) => api.quality.createGate(project.id, { phaseTaskId }));
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const phases = query.data.phases;
  return (
    <Card>
      <div className="stack">
        <h3 className="card-title">{t("quality.gates.title")}</h3>
        <p className="subtle">{t("quality.gates.intro")}</p>
        {phases.length === 0 ? <EmptyState icon="✓" title={t("quality.gates.noPhases")} /> : null}
        <ul className="quality-phases">
          {phases.map((phase) => (
            <li key={phase.taskId} className="quality-phase" data-testid="quality-phase" data-phase={phase.name}>
              <div className="quality-phase-head">
                <strong>
                  {phase.wbsCode} {phase.name}
                </strong>
                <span className="subtle">{t("quality.gates.progress", { percent: Math.round(phase.percentComplete) })}</span>
                {phase.gate ? <Badge tone={GATE_TONE[phase.gate.status]}>{t(`quality.gateStatus.${phase.gate.status}`)}</Badge> : null}
                {!phase.gate && canEdit ? (
                  <Button size="sm" variant="secondary" loading={create.isPending && create.variables === phase.taskId} data-testid="quality-add-gate" onClick={() => create.mutate(phase.taskId, { onError: fail })}>
                    {t("quality.gates.add")}
                  </Button>
                ) : null}
              </div>
              {phase.gate ? <GateDetail project={project} phase={phase} gate={phase.gate} canEdit={canEdit} canWaive={canWaive} /> : <p className="subtle">{t("quality.gates.none")}</p>}
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}

function GateDetail({ project, phase, gate, canEdit, canWaive }: { project: TProject; phase: TQualityPhase; gate: TQualityGate; canEdit: boolean; canWaive: boolean }) {
  const { t } = useTranslation();
  const fail = useFailToast();
  const [waiving, setWaiving] = useState(false);
  const decide = useQualityMutation(project.id, (input: { decision: "pass" | "waive" | "reopen"; reason?: string }) => api.quality.decideGate(gate.id, { version: gate.version, ...input }));
  const open = gate.status === "open";
  const allDone = gate.items.length > 0 && gate.items.every((i) => i.done);
  return (
    <div className="stack" data-testid="quality-gate" data-status={gate.status}>
      <div className="subtle">{gate.name}</div>
      <ul className="quality-checklist">
        {gate.items.map((item) => (
          <GateItem key={item.id} project={project} gate={gate} item={item} editable={canEdit && open} />
        ))}
      </ul>
      {gate.status === "waived" ? (
        <p className="quality-waiver" data-testid="quality-waiver">
          {t("quality.gates.waivedBy", { name: gate.decidedByName ?? "—", reason: gate.waiverReason })}
        </p>
      ) : null}
      {canEdit ? (
        <div className="form-actions quality-gate-actions">
          {open ? (
            <>
              <Button size="sm" variant="primary" disabled={!allDone} loading={decide.isPending} data-testid="quality-pass" onClick={() => decide.mutate({ decision: "pass" }, { onError: fail })}>
                {t("quality.gates.pass")}
              </Button>
              {canWaive ? (
                <Button size="sm" variant="ghost" data-testid="quality-waive" onClick={() => setWaiving(true)}>
                  {t("quality.gates.waive")}
                </Button>
              ) : null}
            </>
          ) : (
            <Button size="sm" variant="ghost" loading={decide.isPending} data-testid="quality-reopen" onClick={() => decide.mutate({ decision: "reopen" }, { onError: fail })}>
              {t("quality.gates.reopen")}
            </Button>
          )}
        </div>
      ) : null}
      <Dialog open={waiving} onClose={() => setWaiving(false)} title={t("quality.waive.title", { phase: `${phase.wbsCode} ${phase.name}` })} description={t("quality.waive.intro")} testId="quality-waive-dialog">
        <WaiveForm
          submitting={decide.isPending}
          error={decide.error}
          onCancel={() => setWaiving(false)}
          onSubmit={(reason) => decide.mutate({ decision: "waive", reason }, { onSuccess: () => setWaiving(false) })}
        />
      </Dialog>
    </div>
  );
}

function WaiveForm({ submitting, error, onCancel, onSubmit }: { submitting: boolean; error: unknown; onCancel: () => void; onSubmit: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  return (
    <DialogForm onSubmit={() => onSubmit(reason)} onCancel={onCancel} submitLabel={t("quality.waive.submit")} submitting={submitting} submitDisabled={reason.trim() === ""} error={error}>
      <TextareaField label={t("quality.waive.reason")} value={reason} onChange={(e) => setReason(e.target.value)} required rows={3} data-testid="quality-waive-reason" />
    </DialogForm>
  );
}

function GateItem({ project, gate, item, editable }: { project: TProject; gate: TQualityGate; item: TQualityGate["items"][number]; editable: boolean }) {
  const { t } = useTranslation();
  const fail = useFailToast();
  const [evidence, setEvidence] = useState(item.evidence);
  const update = useQualityMutation(project.id, (input: { done?: boolean; evidence?: string }) => api.quality.updateGateItem(gate.id, item.id, { version: item.version, ...input }));
  const save = (input: { done?: boolean; evidence?: string }) => update.mutate(input, { onError: fail });
  return (
    <li className="quality-item" data-testid="quality-item" data-done={item.done ? "true" : "false"}>
      <label className="quality-item-check">
        <input type="checkbox" checked={item.done} disabled={!editable || update.isPending} onChange={(e) => save({ done: e.target.checked, evidence })} data-testid="quality-item-done" />
        <span>{item.text}</span>
      </label>
      {editable ? (
        <input
          className="input quality-evidence"
          aria-label={t("quality.gates.evidenceFor", { item: item.text })}
          placeholder={t("quality.gates.evidence")}
          value={evidence}
          maxLength={2000}
          data-testid="quality-item-evidence"
          onChange={(e) => setEvidence(e.target.value)}
          onBlur={() => {
            if (evidence !== item.evidence) save({ evidence });
          }}
        />
      ) : item.evidence ? (
        <span className="subtle quality-evidence-text">{item.evidence}</span>
      ) : null}
      {item.done && item.checkedByName ? <span className="subtle">{t("quality.gates.checkedBy", { name: item.checkedByName })}</span> : null}
    </li>
  );
}

function TestCasesCard({ project, canEdit }: { project: TProject; canEdit: boolean }) {
  const { t } = useTranslation();
  const query = useTestCases(project.id);
  const fail = useFailToast();
  const [adding, setAdding] = useState(false);
  const [failing, setFailing] = useState<TTestCase | null>(null);
  const run = useQualityMutation(project.id, (input: { testCase: TTestCase; result: TTestRunResult; defect?: { title: string; severity: TDefectSeverity } }) =>
    api.quality.recordRun(input.testCase.id, { version: input.testCase.version, result: input.result, ...(input.defect ? { defect: input.defect } : {}) }),
  );
  const create = useQualityMutation(project.id, (input: { title: string; steps: string; expected: string }) => api.quality.createTestCase(project.id, input));
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const columns: Column<TTestCase>[] = [
    { key: "key", header: t("quality.cases.key"), nowrap: true, render: (c) => c.key },
    { key: "title", header: t("quality.cases.titleColumn"), primary: true, render: (c) => c.title },
    { key: "requirement", header: t("quality.cases.requirement"), render: (c) => (c.requirement ? `${c.requirement.key} ${c.requirement.title}` : "—") },
    { key: "status", header: t("quality.cases.status"), nowrap: true, render: (c) => <Badge tone={RUN_TONE[c.status]}>{t(`quality.run.${c.status}`)}</Badge> },
    { key: "defects", header: t("quality.cases.openDefects"), align: "end", render: (c) => c.openDefects },
    ...(canEdit
      ? [
          {
            key: "run",
            header: t("quality.cases.run"),
            nowrap: true,
            render: (c: TTestCase) => (
              <span className="quality-run-buttons">
                <Button size="sm" variant="ghost" data-testid="quality-run-passed" onClick={() => run.mutate({ testCase: c, result: "passed" }, { onError: fail })}>
                  {t("quality.run.passed")}
                </Button>
                <Button size="sm" variant="ghost" data-testid="quality-run-failed" onClick={() => setFailing(c)}>
                  {t("quality.run.failed")}
                </Button>
                <Button size="sm" variant="ghost" data-testid="quality-run-blocked" onClick={() => run.mutate({ testCase: c, result: "blocked" }, { onError: fail })}>
                  {t("quality.run.blocked")}
                </Button>
              </span>
            ),
          } satisfies Column<TTestCase>,
        ]
      : []),
  ];
  return (
    <Card>
      <div className="stack">
        <div className="quality-card-head">
          <h3 className="card-title">{t("quality.cases.title")}</h3>
          {canEdit ? (
            <Button size="sm" variant="secondary" data-testid="quality-add-test-case" onClick={() => setAdding(true)}>
              {t("quality.cases.add")}
            </Button>
          ) : null}
        </div>
        {query.data.items.length === 0 ? (
          <EmptyState icon="✓" title={t("quality.cases.empty")} />
        ) : (
          <DataTable columns={columns} rows={query.data.items} rowKey={(c) => c.id} caption={t("quality.cases.title")} rowProps={(c) => ({ "data-testid": "quality-test-case", "data-key": c.key })} />
        )}
      </div>
      <Dialog open={adding} onClose={() => setAdding(false)} title={t("quality.cases.add")} testId="quality-test-case-dialog">
        <TestCaseForm submitting={create.isPending} error={create.error} onCancel={() => setAdding(false)} onSubmit={(input) => create.mutate(input, { onSuccess: () => setAdding(false) })} />
      </Dialog>
      <Dialog open={failing !== null} onClose={() => setFailing(null)} title={t("quality.failRun.title", { key: failing?.key ?? "" })} description={t("quality.failRun.intro")} testId="quality-fail-dialog">
        {failing ? (
          <FailRunForm
            testCase={failing}
            submitting={run.isPending}
            error={run.error}
            onCancel={() => setFailing(null)}
            onSubmit={(defect) => run.mutate({ testCase: failing, result: "failed", ...(defect ? { defect } : {}) }, { onSuccess: () => setFailing(null) })}
          />
        ) : null}
      </Dialog>
    </Card>
  );
}

function TestCaseForm({ submitting, error, onCancel, onSubmit }: { submitting: boolean; error: unknown; onCancel: () => void; onSubmit: (input: { title: string; steps: string; expected: string }) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState("");
  const [steps, setSteps] = useState("");
  const [expected, setExpected] = useState("");
  return (
    <DialogForm onSubmit={() => onSubmit({ title, steps, expected })} onCancel={onCancel} submitLabel={t("quality.cases.save")} submitting={submitting} submitDisabled={title.trim() === ""} error={error}>
      <InputField label={t("quality.cases.titleColumn")} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} data-testid="quality-test-case-title" />
      <TextareaField label={t("quality.cases.steps")} value={steps} onChange={(e) => setSteps(e.target.value)} rows={3} optional />
      <TextareaField label={t("quality.cases.expected")} value={expected} onChange={(e) => setExpected(e.target.value)} rows={2} optional />
    </DialogForm>
  );
}

/** A failed run: record it alone, or raise a defect linked to the test case at once. */
function FailRunForm({ testCase, submitting, error, onCancel, onSubmit }: { testCase: TTestCase; submitting: boolean; error: unknown; onCancel: () => void; onSubmit: (defect: { title: string; severity: TDefectSeverity } | null) => void }) {
  const { t } = useTranslation();
  const [raise, setRaise] = useState(true);
  const [title, setTitle] = useState(t("quality.failRun.defaultTitle", { key: testCase.key, title: testCase.title }).slice(0, 200));
  const [severity, setSeverity] = useState<TDefectSeverity>("major");
  return (
    <DialogForm onSubmit={() => onSubmit(raise ? { title, severity } : null)} onCancel={onCancel} submitLabel={raise ? t("quality.failRun.submitWithDefect") : t("quality.failRun.submit")} submitting={submitting} submitDisabled={raise && title.trim() === ""} error={error}>
      <label className="quality-item-check">
        <input type="checkbox" checked={raise} onChange={(e) => setRaise(e.target.checked)} data-testid="quality-fail-raise" />
        <span>{t("quality.failRun.raise")}</span>
      </label>
      {raise ? (
        <>
          <InputField label={t("quality.defects.titleColumn")} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} data-testid="quality-fail-defect-title" />
          <SelectField label={t("quality.defects.severity")} value={severity} onChange={(e) => setSeverity(e.target.value as TDefectSeverity)} options={DEFECT_SEVERITIES.map((s) => ({ value: s, label: t(`quality.severity.${s}`) }))} />
        </>
      ) : null}
    </DialogForm>
  );
}

function DefectsCard({ project, canEdit }: { project: TProject; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [severity, setSeverity] = useState<TDefectSeverity | "">("");
  const [status, setStatus] = useState<TDefectStatus | "">("");
  const [editing, setEditing] = useState<TDefect | null>(null);
  const [adding, setAdding] = useState(false);
  const query = useDefects(project.id, severity, status);
  const create = useQualityMutation(project.id, (input: { title: string; description: string; severity: TDefectSeverity }) => api.quality.createDefect(project.id, input));
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" }).format(new Date(iso));
  const columns: Column<TDefect>[] = [
    { key: "key", header: t("quality.defects.key"), nowrap: true, render: (d) => d.key },
    {
      key: "title",
      header: t("quality.defects.titleColumn"),
      primary: true,
      render: (d) => (
        <button type="button" className="quality-link-button" data-testid="quality-defect-open" onClick={() => setEditing(d)}>
          {d.title}
        </button>
      ),
    },
    { key: "severity", header: t("quality.defects.severity"), nowrap: true, render: (d) => <Badge tone={SEVERITY_TONE[d.severity]}>{t(`quality.severity.${d.severity}`)}</Badge> },
    { key: "status", header: t("quality.defects.status"), nowrap: true, render: (d) => <Badge tone={STATUS_TONE[d.status]}>{t(`quality.status.${d.status}`)}</Badge> },
    { key: "assignee", header: t("quality.defects.assignee"), render: (d) => d.assigneeName ?? "—" },
    { key: "testCase", header: t("quality.defects.testCase"), nowrap: true, render: (d) => d.testCase?.key ?? "—" },
    { key: "raised", header: t("quality.defects.raised"), nowrap: true, render: (d) => `${date(d.createdAt)}${d.raisedByClient ? ` · ${t("quality.defects.byClient")}` : ""}` },
  ];
  return (
    <Card>
      <div className="stack">
        <div className="quality-card-head">
          <h3 className="card-title">{t("quality.defects.title")}</h3>
          <div className="quality-filters">
            <Select aria-label={t("quality.defects.severity")} value={severity} placeholder={t("quality.defects.allSeverities")} onChange={(e) => setSeverity(e.target.value as TDefectSeverity | "")} options={DEFECT_SEVERITIES.map((s) => ({ value: s, label: t(`quality.severity.${s}`) }))} data-testid="quality-filter-severity" />
            <Select aria-label={t("quality.defects.status")} value={status} placeholder={t("quality.defects.allStatuses")} onChange={(e) => setStatus(e.target.value as TDefectStatus | "")} options={DEFECT_STATUSES.map((s) => ({ value: s, label: t(`quality.status.${s}`) }))} data-testid="quality-filter-status" />
            {canEdit ? (
              <Button size="sm" variant="secondary" data-testid="quality-add-defect" onClick={() => setAdding(true)}>
                {t("quality.defects.add")}
              </Button>
            ) : null}
          </div>
        </div>
        {query.isPending ? (
          <Spinner />
        ) : query.isError ? (
          <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <EmptyState icon="✓" title={t("quality.defects.empty")} />
        ) : (
          <DataTable columns={columns} rows={query.data.items} rowKey={(d) => d.id} caption={t("quality.defects.title")} rowProps={(d) => ({ "data-testid": "quality-defect", "data-key": d.key, "data-status": d.status })} />
        )}
      </div>
      <Dialog open={adding} onClose={() => setAdding(false)} title={t("quality.defects.add")} testId="quality-new-defect-dialog">
        <NewDefectForm submitting={create.isPending} error={create.error} onCancel={() => setAdding(false)} onSubmit={(input) => create.mutate(input, { onSuccess: () => setAdding(false) })} />
      </Dialog>
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editing ? `${editing.key} ${editing.title}` : ""} wide testId="quality-defect-dialog">
        {editing ? <DefectForm project={project} defect={editing} canEdit={canEdit} onDone={() => setEditing(null)} /> : null}
      </Dialog>
    </Card>
  );
}

export function NewDefectForm({ submitting, error, onCancel, onSubmit }: { submitting: boolean; error: unknown; onCancel: () => void; onSubmit: (input: { title: string; description: string; severity: TDefectSeverity }) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [severity, setSeverity] = useState<TDefectSeverity>("major");
  return (
    <DialogForm onSubmit={() => onSubmit({ title, description, severity })} onCancel={onCancel} submitLabel={t("quality.defects.save")} submitting={submitting} submitDisabled={title.trim() === ""} error={error}>
      <InputField label={t("quality.defects.titleColumn")} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} data-testid="quality-defect-title" />
      <SelectField label={t("quality.defects.severity")} value={severity} onChange={(e) => setSeverity(e.target.value as TDefectSeverity)} options={DEFECT_SEVERITIES.map((s) => ({ value: s, label: t(`quality.severity.${s}`) }))} />
      <TextareaField label={t("quality.defects.description")} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} optional />
    </DialogForm>
  );
}

/** The defect's detail: edit title, description, severity, assignee, and move its status along the workflow. */
function DefectForm({ project, defect, canEdit, onDone }: { project: TProject; defect: TDefect; canEdit: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const members = useProjectMembers(project.id, canEdit);
  const [title, setTitle] = useState(defect.title);
  const [description, setDescription] = useState(defect.description);
  const [severity, setSeverity] = useState<TDefectSeverity>(defect.severity);
  const [status, setStatus] = useState<TDefectStatus>(defect.status);
  const [assigneeId, setAssigneeId] = useState(defect.assigneeId ?? "");
  const save = useQualityMutation(project.id, () =>
    api.quality.updateDefect(defect.id, { version: defect.version, title, description, severity, assigneeId: assigneeId || null, ...(status !== defect.status ? { status } : {}) }),
  );
  const team = (members.data?.items ?? []).filter((m) => m.role === "manager" || m.role === "member");
  return (
    <DialogForm onSubmit={() => save.mutate(undefined, { onSuccess: onDone })} onCancel={onDone} submitLabel={t("quality.defects.save")} submitting={save.isPending} submitDisabled={!canEdit || title.trim() === ""} error={save.error}>
      <InputField label={t("quality.defects.titleColumn")} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} disabled={!canEdit} />
      <div className="quality-form-row">
        <SelectField label={t("quality.defects.severity")} value={severity} disabled={!canEdit} onChange={(e) => setSeverity(e.target.value as TDefectSeverity)} options={DEFECT_SEVERITIES.map((s) => ({ value: s, label: t(`quality.severity.${s}`) }))} />
        <SelectField
          label={t("quality.defects.status")}
          value={status}
          disabled={!canEdit}
          data-testid="quality-defect-status"
          onChange={(e) => setStatus(e.target.value as TDefectStatus)}
          options={[defect.status, ...defect.nextStatuses].map((s) => ({ value: s, label: t(`quality.status.${s}`) }))}
        />
        <SelectField label={t("quality.defects.assignee")} value={assigneeId} disabled={!canEdit} placeholder={t("quality.defects.unassigned")} onChange={(e) => setAssigneeId(e.target.value)} options={team.map((m) => ({ value: m.userId, label: m.name }))} />
      </div>
      <TextareaField label={t("quality.defects.description")} value={description} onChange={(e) => setDescription(e.target.value)} rows={4} disabled={!canEdit} optional />
      <p className="subtle">
        {[defect.requirement ? `${t("quality.cases.requirement")}: ${defect.requirement.key} ${defect.requirement.title}` : null, defect.testCase ? `${t("quality.defects.testCase")}: ${defect.testCase.key}` : null, defect.reportedByName ? t("quality.defects.reportedBy", { name: defect.reportedByName }) : null]
          .filter(Boolean)
          .join(" · ")}
      </p>
    </DialogForm>
  );
}

function TrendCard({ project }: { project: TProject }) {
  const { t } = useTranslation();
  const query = useDefectTrend(project.id);
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const columns: Column<(typeof data.weeks)[number]>[] = [
    { key: "week", header: t("quality.trend.week"), primary: true, nowrap: true, render: (w) => w.weekStart },
    { key: "opened", header: t("quality.trend.opened"), align: "end", render: (w) => w.opened },
    { key: "closed", header: t("quality.trend.closed"), align: "end", render: (w) => w.closed },
    { key: "open", header: t("quality.trend.open"), align: "end", render: (w) => w.open },
  ];
  return (
    <Card>
      <div className="stack" data-testid="defect-trend">
        <h3 className="card-title">{t("quality.trend.title")}</h3>
        <p className="subtle" data-testid="defect-open-by-severity">
          {DEFECT_SEVERITIES.map((s) => `${t(`quality.severity.${s}`)} ${data.openBySeverity[s]}`).join(" · ")}
        </p>
        <Suspense fallback={<Spinner />}>
          <DefectTrendChart data={data} />
        </Suspense>
        <details>
          <summary>{t("quality.trend.table")}</summary>
          <DataTable columns={columns} rows={data.weeks} rowKey={(w) => w.weekStart} caption={t("quality.trend.table")} />
        </details>
      </div>
    </Card>
  );
}
