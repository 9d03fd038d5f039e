import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, type TPlanExchangeFormat, type TPlanImportOutcome } from "@jiaofu/contracts";
import { api } from "../../../api";
import { Banner, Button, Dialog, Field, useToast } from "../../../ui";
import { apiMessageOf } from "../../../lib/api-errors";
import { formatPlanDate } from "../plan-format";
import { planKeys } from "../planning.queries";

export type PlanImportDialogProps = { projectId: string; taskCount: number; open: boolean; onClose: () => void };

/** How many of the file's first tasks the preview lists. */
const LISTED_TASKS = 12;

/** MS Project XML by its extension; everything else is read as a spreadsheet (CSV or XLSX). */
const formatOf = (file: File): TPlanExchangeFormat => (/\.xml$/i.test(file.name) ? "mspdi" : "csv");

/** The preview a refused commit carries in `details.preview`, if any. */
function previewOf(error: unknown): TPlanImportOutcome | undefined {
  if (!(error instanceof ApiError) || typeof error.details !== "object" || error.details === null) return undefined;
  return (error.details as { preview?: TPlanImportOutcome }).preview;
}

/**
 * Importing a plan: choose a file, see what it would create (counts, the first tasks, warnings and every problem, in
 * the person's language), then confirm. A plan with tasks is replaced only when the person ticks "replace".
 */
export function PlanImportDialog({ projectId, taskCount, open, onClose }: PlanImportDialogProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<TPlanExchangeFormat>("mspdi");
  const [replace, setReplace] = useState(false);
  const [preview, setPreview] = useState<TPlanImportOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Each opening starts afresh.
  useEffect(() => {
    if (!open) return;
    setFile(null);
    setFormat("mspdi");
    setReplace(false);
    setPreview(null);
    setProblem(null);
  }, [open]);

  const send = (mode: "preview" | "commit") => {
    if (!file) throw new Error("no file");
    const form = new FormData();
    form.append("file", file, file.name);
    return api.planExchange.importFile(projectId, format, form, { mode, replace: replace ? "true" : "false" });
  };
  const previewing = useMutation({
    mutationFn: () => send("preview"),
    onSuccess: (outcome) => {
      setPreview(outcome);
      setProblem(null);
    },
    onError: (error) => {
      setPreview(null);
      setProblem(apiMessageOf(error) ?? t("planExchange.importDialog.failed"));
    },
  });
  const committing = useMutation({
    mutationFn: () => send("commit"),
    onSuccess: async (outcome) => {
      await queryClient.invalidateQueries({ queryKey: planKeys.plan(projectId) });
      toast.show(t("planExchange.importDialog.done", { count: outcome.counts.tasks }), "success");
      onClose();
    },
    onError: (error) => {
      const refused = previewOf(error);
      if (refused) setPreview(refused);
      setProblem(refused ? null : (apiMessageOf(error) ?? t("planExchange.importDialog.failed")));
    },
  });

  function handleFile(chosen: File | null) {
    setFile(chosen);
    setPreview(null);
    setProblem(null);
    if (chosen) setFormat(formatOf(chosen));
  }

  const needsReplace = taskCount > 0;
  const ready = preview !== null && preview.canImport && (!needsReplace || replace);
  const counts = preview ? (Object.entries(preview.counts) as [keyof TPlanImportOutcome["counts"], number][]) : [];

  const footer = (
    <>
      <Button variant="ghost" onClick={onClose}>
        {t("planExchange.importDialog.cancel")}
      </Button>
      <Button variant="secondary" disabled={!file} loading={previewing.isPending} onClick={() => previewing.mutate()} data-testid="plan-import-preview-button">
        {t("planExchange.importDialog.preview")}
      </Button>
      <Button variant="primary" disabled={!ready} loading={committing.isPending} onClick={() => committing.mutate()} data-testid="plan-import-confirm">
        {needsReplace ? t("planExchange.importDialog.confirmReplace") : t("planExchange.importDialog.confirm")}
      </Button>
    </>
  );

  return (
    <Dialog open={open} onClose={onClose} title={t("planExchange.importDialog.title")} description={t("planExchange.importDialog.description")} footer={footer} wide testId="plan-import-dialog">
      <div className="stack plan-import">
        <Field label={t("planExchange.importDialog.file")} hint={t("planExchange.importDialog.fileHint")}>
          {(control) => (
            <input
              {...control}
              type="file"
              className="input"
              accept=".xml,.csv,.xlsx,application/xml,text/xml,text/csv"
              onChange={(event) => handleFile(event.currentTarget.files?.[0] ?? null)}
              data-testid="plan-import-file"
            />
          )}
        </Field>
        <fieldset className="plan-import-format">
          <legend className="field-label">{t("planExchange.importDialog.format")}</legend>
          {(["mspdi", "csv"] as const).map((value) => (
            <label key={value} className="checkbox">
              <input
                type="radio"
                name="plan-import-format"
                value={value}
                checked={format === value}
                onChange={() => {
                  setFormat(value);
                  setPreview(null);
                }}
                data-testid={`plan-import-format-${value}`}
              />
              {value === "mspdi" ? t("planExchange.importDialog.formatMspdi") : t("planExchange.importDialog.formatCsv")}
            </label>
          ))}
        </fieldset>
        {needsReplace ? (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={replace}
              onChange={(event) => {
                setReplace(event.currentTarget.checked);
                setPreview(null);
              }}
              data-testid="plan-import-replace"
            />
            {t("planExchange.importDialog.replace", { count: taskCount })}
          </label>
        ) : null}

        {problem ? <Banner tone="error">{problem}</Banner> : null}
        {preview ? (
          <section className="stack plan-import-preview" aria-live="polite" data-testid="plan-import-preview">
            <h3 className="plan-import-heading">{t("planExchange.importDialog.summary")}</h3>
            <dl className="plan-import-counts">
              {counts.map(([key, value]) => (
                <div key={key} data-testid={`plan-import-count-${key}`}>
                  <dt>{t(`planExchange.importDialog.counts.${key}`)}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <p className="subtle">
              {t("planExchange.importDialog.start", { date: formatPlanDate(preview.planStart, i18n.language) })}
              {preview.holidaySets.includes("cn") ? ` ${t("planExchange.importDialog.chinaHolidays")}` : null}
            </p>
            {preview.errors.length > 0 ? (
              <div className="banner banner-error plan-import-issues" role="alert" data-testid="plan-import-errors">
                <div>
                  <strong>{t("planExchange.importDialog.errors", { count: preview.errors.length })}</strong>
                  <p>{t("planExchange.importDialog.errorsIntro")}</p>
                  <ul>
                    {preview.errors.map((issue, i) => (
                      <li key={i}>
                        {issue.at ? <span className="plan-import-at">{issue.at}</span> : null}
                        {issue.message}
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            ) : null}
            {preview.warnings.length > 0 ? (
              <details className="plan-import-warnings" open={preview.warnings.length <= 3} data-testid="plan-import-warnings">
                <summary>{t("planExchange.importDialog.warnings", { count: preview.warnings.length })}</summary>
                <ul>
                  {preview.warnings.map((issue, i) => (
                    <li key={i}>
                      {issue.at ? <span className="plan-import-at">{issue.at}</span> : null}
                      {issue.message}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {preview.tasks.length > 0 ? (
              <div>
                <h4 className="plan-import-heading">{t("planExchange.importDialog.firstTasks")}</h4>
                <ol className="plan-import-tasks" data-testid="plan-import-tasks">
                  {preview.tasks.slice(0, LISTED_TASKS).map((task) => (
                    <li key={task.wbsCode} className={task.kind === "summary" ? "is-summary" : undefined} style={{ paddingInlineStart: `${(task.wbsCode.split(".").length - 1) * 1.25}rem` }}>
                      <span className="plan-import-wbs">{task.wbsCode}</span>
                      <span className="plan-import-name">{task.name}</span>
                      <span className="subtle">{task.kind === "task" ? t("planExchange.importDialog.days", { count: task.durationDays }) : t(`planExchange.importDialog.kind.${task.kind}`)}</span>
                    </li>
                  ))}
                </ol>
                {preview.counts.tasks > LISTED_TASKS ? <p className="subtle">{t("planExchange.importDialog.moreTasks", { count: preview.counts.tasks - LISTED_TASKS })}</p> : null}
              </div>
            ) : null}
          </section>
        ) : null}
      </div>
    </Dialog>
  );
}
