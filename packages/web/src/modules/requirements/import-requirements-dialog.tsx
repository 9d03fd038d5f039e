import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import { Link } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  ApiError,
  REQUIREMENT_IMPORT_MAX_MB,
  REQUIREMENT_IMPORT_MAX_ROWS,
  type TRequirementImportColumn,
  type TRequirementImportField,
  type TRequirementImportPreview,
  type TRequirementImportResult,
  type TRequirementImportRow,
} from "@jiaofu/contracts";
import { api } from "../../api";
import { Badge, Banner, Button, Dialog, useToast } from "../../ui";
import { apiMessageOf } from "../../lib/api-errors";
import { cellIssues, previewOfImportError, previewPage, previewTableColumns, rowHasProblems } from "./import-preview";
import { UploadAborted, uploadWithProgress, type UploadProgress } from "./import-upload";
import { analysisInboxPath, requirementPath } from "./requirement-paths";
import { requirementKeys } from "./requirements.queries";
import "./requirements-import.css";

export type ImportRequirementsDialogProps = { projectId: string; open: boolean; onClose: () => void };

/**
 * Import from a CSV or XLSX file: choose (or drop) a file → it is uploaded and read (progress) → the preview shows
 * every row with its problems per cell → import (only when no row has an error) → the new requirements, with a link
 * to the analysis inbox for the duplicates and conflicts the finder sees among them.
 */
export function ImportRequirementsDialog({ projectId, open, onClose }: ImportRequirementsDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("requirementsImport.title")} description={t("requirementsImport.description")} wide testId="import-dialog">
      <ImportFlow projectId={projectId} onClose={onClose} />
    </Dialog>
  );
}

type Step =
  | { kind: "choose"; error: unknown }
  | { kind: "uploading"; file: File; purpose: "preview" | "import"; progress: UploadProgress }
  | { kind: "preview"; file: File; preview: TRequirementImportPreview; error: unknown }
  | { kind: "done"; result: TRequirementImportResult };

function ImportFlow({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: "choose", error: null });
  const abortUpload = useRef<(() => void) | null>(null);
  // The dialog unmounts its content when closed: an upload still running is abandoned with it.
  useEffect(() => () => abortUpload.current?.(), []);

  function send<T>(file: File, purpose: "preview" | "import", url: string, onDone: (answer: T) => Promise<void> | void, onFail: (error: unknown) => void) {
    setStep({ kind: "uploading", file, purpose, progress: 0 });
    const upload = uploadWithProgress<T>(url, file, (progress) => setStep((s) => (s.kind === "uploading" ? { ...s, progress } : s)));
    abortUpload.current = upload.abort;
    upload.done
      .then(onDone)
      .catch(onFail)
      .finally(() => {
        if (abortUpload.current === upload.abort) abortUpload.current = null;
      });
  }

  function handlePreview(file: File) {
    send<TRequirementImportPreview>(
      file,
      "preview",
      api.requirements.importPreviewUrl(projectId),
      (preview) => setStep({ kind: "preview", file, preview, error: null }),
      (error: unknown) => setStep({ kind: "choose", error: error instanceof UploadAborted ? null : error }),
    );
  }

  function handleImport(file: File, preview: TRequirementImportPreview) {
    send<TRequirementImportResult>(
      file,
      "import",
      api.requirements.importUrl(projectId),
      async (result) => {
        setStep({ kind: "done", result });
        toast.show(t("requirementsImport.result.toast", { count: result.created.length }), "success");
        await queryClient.invalidateQueries({ queryKey: requirementKeys.lists(projectId) });
        await queryClient.invalidateQueries({ queryKey: requirementKeys.projectProposals(projectId) });
      },
      (error: unknown) => {
        if (error instanceof UploadAborted) {
          setStep({ kind: "preview", file, preview, error: null });
          return;
        }
        // A row that went wrong since the preview (say its owner left the team): the refusal brings a fresh preview.
        const fresh = error instanceof ApiError ? previewOfImportError(error.details) : null;
        setStep({ kind: "preview", file, preview: fresh ?? preview, error });
      },
    );
  }

  switch (step.kind) {
    case "choose":
      return <ChooseFile projectId={projectId} error={step.error} onFile={handlePreview} onClose={onClose} />;
    case "uploading":
      return <Uploading step={step} onCancel={() => abortUpload.current?.()} />;
    case "preview":
      return (
        <PreviewStep
          preview={step.preview}
          error={step.error}
          onChooseAnother={() => setStep({ kind: "choose", error: null })}
          onImport={() => handleImport(step.file, step.preview)}
          onClose={onClose}
        />
      );
    case "done":
      return <ImportResult projectId={projectId} result={step.result} onClose={onClose} />;
  }
}

function ChooseFile({ projectId, error, onFile, onClose }: { projectId: string; error: unknown; onFile: (file: File) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const [notOneFile, setNotOneFile] = useState(false);
  const hintId = useId();

  function handleFiles(files: FileList | null) {
    const file = files?.[0];
    if (!files || files.length !== 1 || !file) {
      setNotOneFile(true);
      return;
    }
    setNotOneFile(false);
    onFile(file);
  }

  function handleDrop(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    handleFiles(event.dataTransfer.files);
  }

  const message = notOneFile ? t("requirementsImport.choose.notAFile") : error ? (apiMessageOf(error) ?? t("errors.network")) : null;
  return (
    <div className="import-flow stack">
      {message ? (
        <Banner tone="error">
          <span data-testid="import-file-error">{message}</span>
        </Banner>
      ) : null}
      <label
        className={dragging ? "import-drop is-dragging" : "import-drop"}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={handleDrop}
        data-testid="import-drop"
      >
        <input
          type="file"
          className="visually-hidden"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t("requirementsImport.choose.label")}
          aria-describedby={hintId}
          onChange={(event) => handleFiles(event.target.files)}
          data-testid="import-file-input"
        />
        <span className="import-drop-icon" aria-hidden="true">
          ⇪
        </span>
        <span className="import-drop-title">{dragging ? t("requirementsImport.choose.dragging") : t("requirementsImport.choose.drop")}</span>
        <span className="subtle">{t("requirementsImport.choose.or")}</span>
        <span className="btn btn-secondary btn-sm" aria-hidden="true">
          {t("requirementsImport.choose.browse")}
        </span>
      </label>
      <div id={hintId} className="import-hints">
        <p className="subtle">{t("requirementsImport.choose.limits", { rows: REQUIREMENT_IMPORT_MAX_ROWS.toLocaleString(), megabytes: REQUIREMENT_IMPORT_MAX_MB })}</p>
        <p className="subtle">{t("requirementsImport.choose.columns")}</p>
      </div>
      <div className="import-actions">
        <a className="btn btn-ghost btn-sm" href={api.requirements.importTemplateUrl(projectId)} download data-testid="import-template">
          {t("requirementsImport.choose.template")}
        </a>
        <Button onClick={onClose}>{t("ui.cancel")}</Button>
      </div>
    </div>
  );
}

function Uploading({ step, onCancel }: { step: Extract<Step, { kind: "uploading" }>; onCancel: () => void }) {
  const { t } = useTranslation();
  const sent = step.progress === 100;
  const text =
    step.purpose === "import"
      ? t("requirementsImport.progress.importing", { name: step.file.name })
      : sent
        ? t("requirementsImport.progress.reading", { name: step.file.name })
        : t("requirementsImport.progress.uploading", { name: step.file.name, percent: step.progress ?? 0 });
  return (
    <div className="import-flow stack" data-testid="import-progress">
      <p role="status" aria-live="polite">
        {text}
      </p>
      <progress
        className="import-progress"
        max={100}
        // No value while the server reads the file (or the browser cannot measure): an indeterminate bar.
        value={sent || step.progress === null ? undefined : step.progress}
        aria-label={t("requirementsImport.progress.label")}
      />
      <div className="import-actions">
        <span />
        <Button onClick={onCancel} data-testid="import-cancel">
          {t("requirementsImport.progress.cancel")}
        </Button>
      </div>
    </div>
  );
}

type PreviewStepProps = {
  preview: TRequirementImportPreview;
  error: unknown;
  onChooseAnother: () => void;
  onImport: () => void;
  onClose: () => void;
};

function PreviewStep({ preview, error, onChooseAnother, onImport, onClose }: PreviewStepProps) {
  const { t } = useTranslation();
  const { counts } = preview;
  const refusal = error ? (apiMessageOf(error) ?? t("errors.network")) : null;
  return (
    <div className="import-flow stack" data-testid="import-preview">
      <div className="import-summary">
        <div>
          <p className="import-file-name">{preview.fileName}</p>
          <p className="subtle">
            {preview.format === "csv" ? t("requirementsImport.preview.csv", { encoding: (preview.encoding ?? "").toUpperCase() }) : t("requirementsImport.preview.xlsx", { sheet: preview.sheetName ?? "" })}
          </p>
        </div>
        <div className="row" data-testid="import-counts">
          <Badge tone="gray">{t("requirementsImport.preview.rows", { count: counts.rows })}</Badge>
          <Badge tone="green">{t("requirementsImport.preview.ok", { count: counts.ok })}</Badge>
          {counts.withErrors > 0 ? <Badge tone="red">{t("requirementsImport.preview.errors", { count: counts.withErrors })}</Badge> : null}
          {counts.withWarnings > 0 ? <Badge tone="amber">{t("requirementsImport.preview.warnings", { count: counts.withWarnings })}</Badge> : null}
        </div>
      </div>
      {refusal ? (
        <Banner tone="error">
          <p>{t("requirementsImport.preview.importFailed")}</p>
          <p data-testid="import-refusal">{refusal}</p>
        </Banner>
      ) : null}
      <ColumnList columns={preview.columns} />
      <PreviewTable preview={preview} />
      {preview.canImport ? (
        <p className="subtle">{t("requirementsImport.preview.ready", { count: counts.rows })}</p>
      ) : (
        <Banner tone="warning">{t("requirementsImport.preview.blocked")}</Banner>
      )}
      <div className="import-actions">
        <Button variant="ghost" onClick={onChooseAnother} data-testid="import-choose-another">
          {t("requirementsImport.preview.chooseAnother")}
        </Button>
        <div className="row">
          <Button onClick={onClose}>{t("ui.cancel")}</Button>
          <Button variant="primary" onClick={onImport} disabled={!preview.canImport} data-testid="import-submit">
            {t("requirementsImport.preview.import", { count: counts.rows })}
          </Button>
        </div>
      </div>
    </div>
  );
}

/** The field's name in the UI language. */
function useFieldLabel() {
  const { t } = useTranslation();
  return (field: TRequirementImportField): string => {
    switch (field) {
      case "key":
        return t("requirements.columns.key");
      case "title":
        return t("requirements.fields.title");
      case "type":
        return t("requirements.fields.type");
      case "status":
        return t("requirements.fields.status");
      case "moscow":
        return t("requirements.fields.moscow");
      case "clientPriority":
        return t("requirements.fields.clientPriority");
      case "owner":
        return t("requirements.fields.owner");
      case "tags":
        return t("requirements.fields.tags");
      case "acceptanceCriteria":
        return t("requirements.fields.acceptanceCriteria");
      case "description":
        return t("requirements.fields.description");
      case "updatedAt":
        return t("requirements.columns.updated");
    }
  };
}

/** Which column of the file became which field, and which were read but not kept, or not recognised. */
function ColumnList({ columns }: { columns: readonly TRequirementImportColumn[] }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  return (
    <details className="import-columns" data-testid="import-columns">
      <summary>
        {t("requirementsImport.preview.columnsTitle")}
        <span className="subtle"> · {columns.filter((c) => c.imported).map((c) => (c.field ? label(c.field) : "")).join(" · ")}</span>
      </summary>
      <ul>
        {columns.map((column) => (
          <li key={column.index} className={column.imported ? undefined : "is-ignored"}>
            <span className="mono">{t("requirementsImport.preview.column", { letter: column.letter, header: column.header })}</span>
            <span aria-hidden="true"> → </span>
            <strong>{column.field ? label(column.field) : t("requirementsImport.preview.unknownColumn")}</strong>
            {column.note ? <span className="subtle"> — {column.note}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The rows, a page at a time, each cell with its value and, highlighted, its problems. */
function PreviewTable({ preview }: { preview: TRequirementImportPreview }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [page, setPage] = useState(0);
  const columns = previewTableColumns(preview.columns);
  const current = previewPage(preview, { onlyProblems, page });
  const anyProblems = preview.rows.some(rowHasProblems);

  return (
    <div className="stack import-table-block">
      <div className="import-table-bar">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlyProblems}
            onChange={(event) => {
              setOnlyProblems(event.target.checked);
              setPage(0);
            }}
            disabled={!anyProblems}
            data-testid="import-only-problems"
          />
          <span>{t("requirementsImport.preview.onlyProblems")}</span>
        </label>
        <Pager current={current} onPage={setPage} />
      </div>
      {onlyProblems && current.total === 0 ? (
        <p className="subtle">{t("requirementsImport.preview.noProblems")}</p>
      ) : (
        <div className="table-wrap import-table-wrap">
          <table className="table import-table" data-testid="import-table">
            <caption className="visually-hidden">{t("requirementsImport.preview.tableLabel")}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("requirementsImport.preview.row")}
                </th>
                {columns.map((column) => (
                  <th scope="col" key={column.index} title={column.header}>
                    {column.field ? label(column.field) : column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {current.items.map((row) => (
                <PreviewRow key={row.rowNumber} row={row} columns={columns} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function PreviewRow({ row, columns }: { row: TRequirementImportRow; columns: readonly TRequirementImportColumn[] }) {
  const rowIssues = cellIssues(row, null);
  const state = row.errors.length > 0 ? "has-errors" : row.warnings.length > 0 ? "has-warnings" : undefined;
  return (
    <tr className={state} data-testid="import-row" data-row={row.rowNumber}>
      <th scope="row" className="num import-row-number">
        {row.rowNumber}
        <IssueList errors={rowIssues.errors} warnings={rowIssues.warnings} />
      </th>
      {columns.map((column) => {
        const field = column.field;
        const issues = field ? cellIssues(row, field) : { errors: [], warnings: [] };
        const className = issues.errors.length > 0 ? "import-cell is-error" : issues.warnings.length > 0 ? "import-cell is-warning" : "import-cell";
        return (
          <td key={column.index} className={className} data-field={field ?? undefined} aria-invalid={issues.errors.length > 0 || undefined}>
            <span className="import-cell-value">{field ? row.values[field] : ""}</span>
            <IssueList errors={issues.errors} warnings={issues.warnings} />
          </td>
        );
      })}
    </tr>
  );
}

function IssueList({ errors, warnings }: ReturnType<typeof cellIssues>) {
  const { t } = useTranslation();
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <ul className="import-issues">
      {errors.map((issue) => (
        <li key={`e-${issue.code}`} className="import-issue is-error" data-testid="import-cell-error">
          <span className="visually-hidden">{t("requirementsImport.preview.errorPrefix")} </span>
          {issue.message}
        </li>
      ))}
      {warnings.map((issue) => (
        <li key={`w-${issue.code}`} className="import-issue is-warning" data-testid="import-cell-warning">
          <span className="visually-hidden">{t("requirementsImport.preview.warningPrefix")} </span>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

function Pager({ current, onPage }: { current: ReturnType<typeof previewPage>; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  if (current.total === 0) return null;
  return (
    <div className="row import-pager" role="group" aria-label={t("requirementsImport.preview.page", { from: current.from, to: current.to, total: current.total })}>
      <span className="subtle" aria-live="polite">
        {t("requirementsImport.preview.page", { from: current.from, to: current.to, total: current.total })}
      </span>
      {current.pages > 1 ? (
        <>
          <Button size="sm" variant="ghost" onClick={() => onPage(current.page - 1)} disabled={current.page === 0} data-testid="import-page-previous">
            {t("requirementsImport.preview.previous")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => onPage(current.page + 1)} disabled={current.page >= current.pages - 1} data-testid="import-page-next">
            {t("requirementsImport.preview.next")}
          </Button>
        </>
      ) : null}
    </div>
  );
}

/** How many of the created requirements are listed as links; the rest are counted. */
const LISTED = 12;

function ImportResult({ projectId, result, onClose }: { projectId: string; result: TRequirementImportResult; onClose: () => void }) {
  const { t } = useTranslation();
  const listed = result.created.slice(0, LISTED);
  const proposals = result.proposals;
  return (
    <div className="import-flow stack" data-testid="import-result">
      <Banner tone="success">
        <p>
          <strong>{t("requirementsImport.result.title", { count: result.created.length })}</strong>
        </p>
        <p>{t("requirementsImport.result.body", { file: result.fileName })}</p>
      </Banner>
      <ul className="link-list import-created" aria-label={t("requirementsImport.result.listLabel")}>
        {listed.map((created) => (
          <li key={created.id}>
            <Link to={requirementPath(projectId, created.id)} className="strong-link" onClick={onClose} data-testid="import-created-link">
              <span className="mono">{created.key}</span> {created.title}
            </Link>
          </li>
        ))}
        {result.created.length > LISTED ? <li className="subtle">{t("requirementsImport.result.more", { count: result.created.length - LISTED })}</li> : null}
      </ul>
      <p data-testid="import-proposals">
        {proposals === null
          ? t("requirementsImport.result.proposalsUnknown")
          : proposals.requirements > 0
            ? t("requirementsImport.result.proposals", { count: proposals.requirements })
            : t("requirementsImport.result.noProposals")}
      </p>
      <div className="import-actions">
        <Link to={analysisInboxPath(projectId)} className="btn btn-secondary" onClick={onClose} data-testid="import-inbox-link">
          {t("requirementsImport.result.inbox")}
        </Link>
        <Button variant="primary" onClick={onClose} data-testid="import-done">
          {t("requirementsImport.result.done")}
        </Button>
      </div>
    </div>
  );
}
