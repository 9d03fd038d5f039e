import { describe, expect, it } from "vitest";
import type { TRequirementImportPreview, TRequirementImportRow } from "@jiaofu/contracts";
import { cellIssues, IMPORT_PREVIEW_PAGE_SIZE, previewOfImportError, previewPage, previewTableColumns } from "./import-preview";

const row = (rowNumber: number, problems: { error?: "title" | null; warning?: "key" } = {}): TRequirementImportRow => ({
  rowNumber,
  values: { title: `R${rowNumber}` },
  errors: problems.error !== undefined ? [{ field: problems.error, code: "x", message: "bad" }] : [],
  warnings: problems.warning ? [{ field: problems.warning, code: "y", message: "careful" }] : [],
});

function preview(rows: TRequirementImportRow[]): TRequirementImportPreview {
  return {
    fileName: "a.csv",
    format: "csv",
    encoding: "utf-8",
    sheetName: null,
    columns: [],
    rows,
    counts: { rows: rows.length, ok: 0, withErrors: 0, withWarnings: 0 },
    limits: { maxRows: 5000, maxMegabytes: 10 },
    canImport: false,
  };
}

describe("previewTableColumns", () => {
  it("shows imported columns and the key, in the file's order; not status, updated-at or unknown columns", () => {
    const columns = [
      { index: 0, letter: "A", header: "Key", field: "key" as const, imported: false, note: "n" },
      { index: 1, letter: "B", header: "Status", field: "status" as const, imported: false, note: "n" },
      { index: 2, letter: "C", header: "Title", field: "title" as const, imported: true, note: null },
      { index: 3, letter: "D", header: "Estimate", field: null, imported: false, note: "n" },
      { index: 4, letter: "E", header: "Updated at", field: "updatedAt" as const, imported: false, note: "n" },
    ];
    expect(previewTableColumns(columns).map((c) => c.letter)).toEqual(["A", "C"]);
  });
});

describe("previewPage", () => {
  const rows = Array.from({ length: 120 }, (_, i) => row(i + 2, i % 40 === 0 ? { error: "title" } : i === 5 ? { warning: "key" } : {}));

  it("pages through every row", () => {
    const first = previewPage(preview(rows), { onlyProblems: false, page: 0 });
    expect(first).toMatchObject({ page: 0, pages: 3, total: 120, from: 1, to: IMPORT_PREVIEW_PAGE_SIZE });
    expect(first.items[0]?.rowNumber).toBe(2);
    const last = previewPage(preview(rows), { onlyProblems: false, page: 9 });
    expect(last).toMatchObject({ page: 2, from: 101, to: 120 });
  });

  it("keeps only rows with errors or warnings when asked", () => {
    const problems = previewPage(preview(rows), { onlyProblems: true, page: 0 });
    expect(problems.items.map((r) => r.rowNumber)).toEqual([2, 7, 42, 82]);
    expect(problems).toMatchObject({ pages: 1, total: 4, from: 1, to: 4 });
    expect(previewPage(preview([row(2)]), { onlyProblems: true, page: 0 })).toMatchObject({ total: 0, from: 0, to: 0, pages: 1 });
  });
});

describe("cellIssues", () => {
  it("splits a row's problems by column, the row's own under null", () => {
    const r = { ...row(3, { error: "title", warning: "key" }), errors: [{ field: "title" as const, code: "a", message: "A" }, { field: null, code: "b", message: "B" }] };
    expect(cellIssues(r, "title").errors.map((e) => e.code)).toEqual(["a"]);
    expect(cellIssues(r, null).errors.map((e) => e.code)).toEqual(["b"]);
    expect(cellIssues(r, "key").warnings.map((w) => w.code)).toEqual(["y"]);
    expect(cellIssues(r, "owner")).toEqual({ errors: [], warnings: [] });
  });
});

describe("previewOfImportError", () => {
  it("finds the preview a refused import sends back", () => {
    const p = preview([row(2, { error: "title" })]);
    expect(previewOfImportError({ fields: [], preview: p })).toBe(p);
    expect(previewOfImportError({ fields: [] })).toBeNull();
    expect(previewOfImportError(undefined)).toBeNull();
    expect(previewOfImportError({ preview: { nope: true } })).toBeNull();
  });
});
