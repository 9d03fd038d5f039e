/**
 * Importing requirements from a CSV or XLSX file (docs/requirements.md "Import"). The preview and the import read
 * the same file the same way (requirements-import.read.ts, requirements-import.validate.ts); the import checks
 * again inside its transaction and writes every row or none.
 *
 * Decision — the import only creates. A row's key (REQ-n) is not kept: new requirements take the next free keys,
 * and a row whose key names an existing requirement gets a warning saying that it adds a new one and leaves the
 * existing one alone. Updating through a spreadsheet would bypass what the register guards on every edit (the version
 * each change is based on, frozen baselined content, re-confirmation after approval); the bulk edit and the
 * requirement page are the ways to change existing requirements.
 */
import { randomUUID } from "node:crypto";
import { requirementFinderAnalyzeAll, requirementKey } from "@jiaofu/engine";
import { REQUIREMENT_IMPORT_MAX_MB, REQUIREMENT_IMPORT_MAX_ROWS, type TLocale, type TRequirementImportPreview, type TRequirementImportResult } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import type { Config } from "../../config";
import { AppError } from "../../platform/app-error";
import { translate, type MessageKey } from "../../platform/messages";
import { authorize, canRequirements, type Actor } from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { tableToCsv } from "../../platform/spreadsheet-export";
import type { IncomingFile } from "../attachments/attachments.service";
import { receiveUploadedFile, type UploadedFile } from "../attachments/attachments.upload";
import { createRequirementProposalsRepository, finderPairKey } from "./requirement-proposals.repository";
import { finderText } from "./requirement-proposals.service";
import { createRequirementsImportRepository, type ImportInsert, type ImportSnapshot } from "./requirements-import.repository";
import { readSpreadsheet, XLSX_MAX_UNCOMPRESSED_BYTES, type SheetReadProblem, type SheetTable } from "./requirements-import.read";
import { importTemplateHeader, planRequirementImport, type ImportIssue, type ImportPlan } from "./requirements-import.validate";

/** Above this many requirements in the register the finder is not run on the spot (it is, on demand, in the inbox). */
const PROPOSALS_CORPUS_CAP = 10_000;

type ReadPlan = { table: SheetTable; plan: Extract<ImportPlan, { ok: true }> };

const MEGABYTE = 1024 * 1024;

/** A problem with the file as a whole: 400 on `body.file`, its message in the caller's language. */
function fileProblem(locale: TLocale, key: MessageKey, params: Record<string, unknown> = {}): AppError {
  return new AppError("validation_failed", key, params, { fields: [{ path: "body.file", message: translate(locale, key, params) }] });
}

function readProblem(locale: TLocale, problem: SheetReadProblem): AppError {
  switch (problem.kind) {
    case "empty":
      return fileProblem(locale, "attachment.empty");
    case "unsupported_format":
      return new AppError("unsupported_media_type", "requirement_import.unsupported_format");
    case "unreadable_xlsx":
      return fileProblem(locale, "requirement_import.unreadable_xlsx");
    case "xlsx_too_large":
      return fileProblem(locale, "requirement_import.xlsx_too_large", { limitMb: XLSX_MAX_UNCOMPRESSED_BYTES / MEGABYTE });
    case "csv_malformed":
      return fileProblem(locale, "requirement_import.csv_malformed", { row: problem.row });
  }
}

const say = (locale: TLocale, issue: ImportIssue) => ({ field: issue.field, code: issue.key, message: translate(locale, issue.key, issue.params) });

export function presentImportPreview(locale: TLocale, fileName: string, maxMegabytes: number, { table, plan }: ReadPlan): TRequirementImportPreview {
  const rows = plan.rows.map((row) => ({
    rowNumber: row.rowNumber,
    values: row.values,
    errors: row.errors.map((issue) => say(locale, issue)),
    warnings: row.warnings.map((issue) => say(locale, issue)),
  }));
  const withErrors = rows.filter((r) => r.errors.length > 0).length;
  return {
    fileName,
    format: table.format,
    encoding: table.encoding,
    sheetName: table.sheetName,
    columns: plan.columns.map((c) => ({ index: c.index, letter: c.letter, header: c.header, field: c.field, imported: c.imported, note: c.noteKey ? translate(locale, c.noteKey) : null })),
    rows,
    counts: { rows: rows.length, ok: rows.length - withErrors, withErrors, withWarnings: rows.filter((r) => r.warnings.length > 0).length },
    limits: { maxRows: REQUIREMENT_IMPORT_MAX_ROWS, maxMegabytes },
    canImport: rows.length > 0 && withErrors === 0,
  };
}

export function createRequirementsImportService(deps: AppDeps, config: Config) {
  const repo = createRequirementsImportRepository(deps.db);
  const proposalsRepo = createRequirementProposalsRepository(deps.db);
  const maxMegabytes = Math.min(REQUIREMENT_IMPORT_MAX_MB, config.JIAOFU_MAX_UPLOAD_MB);
  const maxBytes = Math.floor(maxMegabytes * MEGABYTE);

  /** Staff who may write the project's requirements; checked before the upload is read. */
  async function authoriseImport(actor: Actor, projectId: string) {
    const { facts } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canRequirements(actor, "requirements.write", facts));
  }


  async function readTable(locale: TLocale, file: UploadedFile): Promise<SheetTable> {
    const result = await readSpreadsheet(file.bytes, file.fileName);
    if (!result.ok) throw readProblem(locale, result.problem);
    return result.table;
  }

  function planOrThrow(locale: TLocale, table: SheetTable, facts: ImportSnapshot): ReadPlan {
    const plan = planRequirementImport(table.rows, { ...facts, format: table.format });
    if (!plan.ok) throw fileProblem(locale, plan.problem.key, plan.problem.params);
    return { table, plan };
  }

  /** Open finder proposals that involve at least one of `ids`, or null when the register is too large to analyse now. */
  async function proposalsAbout(workspaceId: string, projectId: string, ids: ReadonlySet<string>) {
    const corpus = await proposalsRepo.corpus(workspaceId, projectId);
    if (corpus.length > PROPOSALS_CORPUS_CAP) return null;
    const settled = await proposalsRepo.settledPairs(projectId);
    const open = requirementFinderAnalyzeAll(corpus.map(finderText)).filter((p) => (ids.has(p.a) || ids.has(p.b)) && !settled.has(finderPairKey(p.a, p.b, p.kind)));
    const involved = new Set(open.flatMap((p) => [p.a, p.b].filter((id) => ids.has(id))));
    return { total: open.length, requirements: involved.size };
  }

  return {
    maxMegabytes,
    maxBytes,

    /** What importing the file would do: every row with its values, errors and warnings. Writes nothing. */
    previewImport: async (actor: Actor, projectId: string, locale: TLocale, readFile: () => Promise<IncomingFile | undefined>): Promise<TRequirementImportPreview> => {
      await authoriseImport(actor, projectId);
      const file = await receiveUploadedFile(readFile, maxMegabytes);
      const table = await readTable(locale, file);
      const facts = await repo.snapshot(actor.workspaceId, projectId);
      return presentImportPreview(locale, file.fileName, maxMegabytes, planOrThrow(locale, table, facts));
    },

    /**
     * Creates a draft for every row, in one transaction, each with a `document` source naming the file and row.
     * Any row with an error: 400 with every row's problems (`details.fields`, paths `rows.<row>.<column>`) and the
     * whole preview (`details.preview`), and nothing is written.
     */
    importRequirements: async (actor: Actor, projectId: string, locale: TLocale, readFile: () => Promise<IncomingFile | undefined>): Promise<TRequirementImportResult> => {
      await authoriseImport(actor, projectId);
      const file = await receiveUploadedFile(readFile, maxMegabytes);
      const table = await readTable(locale, file);
      // The file name is the label's first part; the API's own limit on a document label is 300 characters.
      const labelName = Array.from(file.fileName).slice(0, 200).join("");
      let rowNumbers: number[] = [];
      const created = await repo.importRequirements(
        actor,
        projectId,
        (facts): ImportInsert[] => {
          const read = planOrThrow(locale, table, facts);
          const failing = read.plan.rows.filter((row) => row.errors.length > 0);
          if (failing.length > 0) {
            const fields = failing.flatMap((row) => row.errors.map((issue) => ({ path: `rows.${row.rowNumber}.${issue.field ?? "row"}`, message: translate(locale, issue.key, issue.params) })));
            const preview = presentImportPreview(locale, file.fileName, maxMegabytes, read);
            throw new AppError("validation_failed", "requirement_import.has_errors", { count: failing.length }, { fields, preview });
          }
          rowNumbers = read.plan.rows.map((row) => row.rowNumber);
          return read.plan.rows.flatMap((row) => {
            const r = row.requirement;
            if (!r) return [];
            const values = {
              title: r.title,
              description: r.description,
              type: r.type,
              ownerId: r.ownerId,
              tags: r.tags,
              acceptanceCriteria: r.acceptanceCriteria.map((text) => ({ id: randomUUID(), text })),
              moscow: r.moscow,
              clientPriority: r.clientPriority,
            };
            return [{ values, sourceLabel: translate(locale, "requirement_import.source_label", { file: labelName, row: row.rowNumber }) }];
          });
        },
        deps.now(),
      );
      const proposals = await proposalsAbout(actor.workspaceId, projectId, new Set(created.map((r) => r.id)));
      return {
        fileName: file.fileName,
        created: created.map((row, i) => ({ id: row.id, key: requirementKey(row.number), title: row.title, rowNumber: rowNumbers[i] ?? 0 })),
        proposals,
      };
    },

    /** A CSV with the header row in the caller's language (UTF-8 with BOM, as the export writes). */
    importTemplate: async (actor: Actor, projectId: string, locale: TLocale): Promise<string> => {
      await authoriseImport(actor, projectId);
      return tableToCsv({ header: importTemplateHeader(locale), rows: [] });
    },
  };
}
