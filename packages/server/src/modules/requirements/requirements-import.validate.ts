/**
 * From rows of text (requirements-import.read.ts) to the requirements they describe, with every problem named by
 * row and column. Pure: the project's delivery team and existing keys are passed in; problems are message keys with
 * parameters, said in the caller's language by the service.
 *
 * Headers are recognised in English and Chinese as the register's export writes them ("Title" / "标题", …), as the
 * field codes (`title`, `clientPriority`, `client_priority`), and by a few common Chinese names ("需求名称",
 * "需求描述"), ignoring case, spaces, width (ＴＩＴＬＥ) and a trailing `*`. Values are recognised the same way: a type
 * or MoSCoW tier as its code or its label in either language. A CSV cell the export defused against formula injection
 * (`'=…`) loses that apostrophe again, so export → import gives back what was exported.
 */
import {
  REQUIREMENT_IMPORT_MAX_ROWS,
  MOSCOW_PRIORITIES,
  REQUIREMENT_TYPES,
  type TMoscow,
  type TRequirementImportField,
  type TRequirementType,
} from "@jiaofu/contracts";
import { requirementKey, requirementNumberFromText } from "@jiaofu/engine";
import { localisedParam, translate, type MessageKey } from "../../platform/messages";
import type { SheetFormat, SheetRow } from "./requirements-import.read";

/** The register's limits, as the API's create enforces them (ZCreateRequirementRequest). */
export const IMPORT_LIMITS = {
  title: 200,
  description: 50_000,
  tags: 20,
  tag: 40,
  criteria: 50,
  criterion: 2000,
} as const;

/** Values shown in the preview are cut to this many characters. */
const DISPLAY_LENGTH = 300;

export type ImportIssue = { field: TRequirementImportField | null; key: MessageKey; params: Record<string, unknown> };

/** What a valid row creates. */
export type ImportedRequirement = {
  title: string;
  description: string;
  type: TRequirementType;
  moscow: TMoscow | null;
  clientPriority: number | null;
  ownerId: string | null;
  tags: string[];
  acceptanceCriteria: string[];
};

export type ImportRowPlan = {
  rowNumber: number;
  values: Partial<Record<TRequirementImportField, string>>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Null when the row has errors. */
  requirement: ImportedRequirement | null;
};

export type ImportColumnPlan = {
  index: number;
  letter: string;
  header: string;
  field: TRequirementImportField | null;
  imported: boolean;
  noteKey: MessageKey | null;
};

export type ImportPlan =
  | { ok: true; columns: ImportColumnPlan[]; rows: ImportRowPlan[] }
  | { ok: false; problem: { key: MessageKey; params: Record<string, unknown> } };

/** A person the owner column may name: the project's delivery team (and the workspace's admins). */
export type OwnerCandidate = { id: string; name: string; email: string };

export type ImportContext = {
  format: SheetFormat;
  owners: readonly OwnerCandidate[];
  /** The numbers of the project's requirements (REQ-n), to warn about a row whose key names one. */
  existingNumbers: ReadonlySet<number>;
};

/** Case, width, curly apostrophes and runs of spaces do not matter when recognising a value. */
export const foldText = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim();

/** Headers also ignore spaces, underscores, hyphens and a required-marker `*`: "Client priority" = "clientPriority". */
export const foldHeader = (text: string) => foldText(text).replace(/[*＊]/g, "").replace(/[\s_-]/g, "");

/** Column letters as a spreadsheet names them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const EXPORT_HEADER_KEYS: Record<TRequirementImportField, MessageKey> = {
  key: "requirement_export.key",
  title: "requirement_export.title",
  type: "requirement_export.type",
  status: "requirement_export.status",
  moscow: "requirement_export.moscow",
  clientPriority: "requirement_export.client_priority",
  owner: "requirement_export.owner",
  tags: "requirement_export.tags",
  acceptanceCriteria: "requirement_export.acceptance_criteria",
  description: "requirement_export.description",
  updatedAt: "requirement_export.updated_at",
};

/** Other names people give these columns in their own sheets. */
const EXTRA_HEADERS: Partial<Record<TRequirementImportField, readonly string[]>> = {
  key: ["需求编号", "REQ"],
  title: ["需求名称", "需求标题", "名称"],
  description: ["需求描述", "详细描述"],
  owner: ["owner email", "负责人邮箱"],
  acceptanceCriteria: ["验收条件"],
};

const ALL_FIELDS = Object.keys(EXPORT_HEADER_KEYS) as TRequirementImportField[];

/** The headers a field is recognised by, as written (for messages) — English, Chinese, the code. */
export function headersOf(field: TRequirementImportField): string[] {
  const snake = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return [...new Set([translate("en", EXPORT_HEADER_KEYS[field]), translate("zh-CN", EXPORT_HEADER_KEYS[field]), field, snake, ...(EXTRA_HEADERS[field] ?? [])])];
}

const HEADER_FIELDS = new Map<string, TRequirementImportField>(ALL_FIELDS.flatMap((field) => headersOf(field).map((h) => [foldHeader(h), field] as const)));

/** Which field a header names, or null. */
export const fieldOfHeader = (header: string): TRequirementImportField | null => HEADER_FIELDS.get(foldHeader(header)) ?? null;

/** The header row (in the caller's language) of a file the import reads: the fields a new requirement takes. */
export function importTemplateHeader(locale: "en" | "zh-CN"): string[] {
  const fields: TRequirementImportField[] = ["title", "type", "moscow", "clientPriority", "owner", "tags", "acceptanceCriteria", "description"];
  return fields.map((field) => translate(locale, EXPORT_HEADER_KEYS[field]));
}

const COLUMN_NOTES: Partial<Record<TRequirementImportField, MessageKey>> = {
  key: "requirement_import.column_key",
  status: "requirement_import.column_status",
  updatedAt: "requirement_import.column_updated_at",
};

function valueMap<T extends string>(codes: readonly T[], labelKey: (code: T) => MessageKey, extra: Record<string, T> = {}): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(foldText(code), code);
    map.set(foldText(translate("en", labelKey(code))), code);
    map.set(foldText(translate("zh-CN", labelKey(code))), code);
  }
  for (const [text, code] of Object.entries(extra)) map.set(foldText(text), code);
  return map;
}

const TYPES = valueMap(REQUIREMENT_TYPES, (t) => `requirement.type.${t}` satisfies MessageKey);
const MOSCOW = valueMap(MOSCOW_PRIORITIES, (m) => `requirement.moscow.${m}` satisfies MessageKey, {
  "must have": "must",
  "should have": "should",
  "could have": "could",
  "won't have": "wont",
  "wont have": "wont",
  "won't": "wont",
  m: "must",
  s: "should",
  c: "could",
  w: "wont",
});

/** The client priority written as 1–5 (also "3.0" as some programs write numbers, and "P3"). */
export function parseClientPriority(text: string): number | null | undefined {
  const folded = foldText(text);
  if (folded === "") return null;
  const match = /^p?\s*([1-5])(?:\.0+)?$/.exec(folded);
  return match ? Number(match[1]) : undefined;
}

/** Tags separated by commas (also full-width), semicolons, the Chinese enumeration comma 、 or line breaks. */
export const splitTags = (text: string) =>
  text
    .split(/[,，;；、\n]/)
    .map((t) => t.trim())
    .filter((t) => t !== "");

/** One acceptance criterion per line; blank lines are skipped. */
export const splitCriteria = (text: string) =>
  text
    .split("\n")
    .map((c) => c.trim())
    .filter((c) => c !== "");

/** Tags without repeats (case-insensitively; the first spelling wins), as the register stores them. */
function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const folded = tag.toLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

/** The apostrophe the CSV export puts before a cell a spreadsheet would take for a formula, removed. */
export const undoFormulaDefuse = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

const display = (text: string) => (text.length > DISPLAY_LENGTH ? `${text.slice(0, DISPLAY_LENGTH - 1)}…` : text);

const quoteList = (items: readonly string[]) => items.map((h) => `“${h}”`).join(" / ");

function ownerResolver(owners: readonly OwnerCandidate[]) {
  const byEmail = new Map(owners.map((o) => [foldText(o.email), o.id]));
  const byName = new Map<string, string[]>();
  for (const o of owners) byName.set(foldText(o.name), [...(byName.get(foldText(o.name)) ?? []), o.id]);
  return (text: string): { id: string } | { problem: "unknown" | "ambiguous" } => {
    const folded = foldText(text);
    const email = byEmail.get(folded);
    if (email) return { id: email };
    const named = byName.get(folded) ?? [];
    if (named.length === 1 && named[0]) return { id: named[0] };
    return { problem: named.length > 1 ? "ambiguous" : "unknown" };
  };
}

/**
 * Reads the header row, then checks each row. A problem with the file as a whole (no header, no title column, a
 * column given twice, no rows, too many rows) is `ok: false`; problems with rows are on the rows.
 */
export function planRequirementImport(rows: readonly SheetRow[], context: ImportContext): ImportPlan {
  const [headerRow, ...dataRows] = rows;
  if (!headerRow) return { ok: false, problem: { key: "requirement_import.no_header", params: { headers: quoteList(headersOf("title").slice(0, 2)) } } };
  const clean = (text: string) => (context.format === "csv" ? undoFormulaDefuse(text) : text);

  const columns: ImportColumnPlan[] = [];
  const columnOf = new Map<TRequirementImportField, number>();
  for (const [index, raw] of headerRow.cells.entries()) {
    const header = clean(raw).trim();
    if (header === "") continue;
    const field = fieldOfHeader(header);
    if (field) {
      const first = columnOf.get(field);
      if (first !== undefined) {
        return { ok: false, problem: { key: "requirement_import.duplicate_column", params: { first: columnLetter(first), second: columnLetter(index), header } } };
      }
      columnOf.set(field, index);
    }
    const imported = field !== null && !(field in COLUMN_NOTES);
    columns.push({ index, letter: columnLetter(index), header, field, imported, noteKey: field ? (COLUMN_NOTES[field] ?? null) : "requirement_import.column_unknown" });
  }
  if (!columnOf.has("title")) return { ok: false, problem: { key: "requirement_import.no_title_column", params: { headers: quoteList(headersOf("title").slice(0, 3)) } } };
  if (dataRows.length === 0) return { ok: false, problem: { key: "requirement_import.no_rows", params: {} } };
  if (dataRows.length > REQUIREMENT_IMPORT_MAX_ROWS) {
    return { ok: false, problem: { key: "requirement_import.too_many_rows", params: { count: dataRows.length, max: REQUIREMENT_IMPORT_MAX_ROWS } } };
  }

  const resolveOwner = ownerResolver(context.owners);
  const firstRowOf = new Map<string, number>();
  const typeOptions = REQUIREMENT_TYPES.map((t) => localisedParam(`requirement.type.${t}`));
  const moscowOptions = MOSCOW_PRIORITIES.map((m) => localisedParam(`requirement.moscow.${m}`));

  const plans = dataRows.map((row): ImportRowPlan => {
    const text = (field: TRequirementImportField) => {
      const index = columnOf.get(field);
      return index === undefined ? "" : clean(row.cells[index] ?? "");
    };
    const values: ImportRowPlan["values"] = {};
    for (const field of columnOf.keys()) values[field] = display(text(field).trim());
    const errors: ImportIssue[] = [];
    const warnings: ImportIssue[] = [];
    const error = (field: TRequirementImportField | null, key: MessageKey, params: Record<string, unknown> = {}) => errors.push({ field, key, params });
    const tooLong = (field: TRequirementImportField, length: number, maximum: number) => error(field, "requirement_import.too_long", { length, maximum });

    const title = text("title").trim();
    if (title === "") error("title", "requirement_import.title_required");
    else if (title.length > IMPORT_LIMITS.title) tooLong("title", title.length, IMPORT_LIMITS.title);

    const rawDescription = text("description");
    const description = rawDescription.trim() === "" ? "" : rawDescription;
    if (description.length > IMPORT_LIMITS.description) tooLong("description", description.length, IMPORT_LIMITS.description);

    const typeText = text("type").trim();
    const type = typeText === "" ? "functional" : TYPES.get(foldText(typeText));
    if (!type) error("type", "requirement_import.unknown_type", { value: typeText, options: typeOptions, codes: REQUIREMENT_TYPES.join(", ") });

    const moscowText = text("moscow").trim();
    const moscow = moscowText === "" ? null : MOSCOW.get(foldText(moscowText));
    if (moscow === undefined) error("moscow", "requirement_import.unknown_moscow", { value: moscowText, options: moscowOptions, codes: MOSCOW_PRIORITIES.join(", ") });

    const priorityText = text("clientPriority").trim();
    const clientPriority = parseClientPriority(priorityText);
    if (clientPriority === undefined) error("clientPriority", "requirement_import.bad_priority", { value: priorityText });

    const ownerText = text("owner").trim();
    let ownerId: string | null = null;
    if (ownerText !== "") {
      const owner = resolveOwner(ownerText);
      if ("id" in owner) ownerId = owner.id;
      else error("owner", owner.problem === "ambiguous" ? "requirement_import.ambiguous_owner" : "requirement_import.unknown_owner", { value: ownerText });
    }

    const tags = uniqueTags(splitTags(text("tags")));
    const longTag = tags.find((tag) => tag.length > IMPORT_LIMITS.tag);
    if (longTag) error("tags", "requirement_import.tag_too_long", { tag: longTag, maximum: IMPORT_LIMITS.tag });
    else if (tags.length > IMPORT_LIMITS.tags) error("tags", "requirement_import.too_many_tags", { count: tags.length, maximum: IMPORT_LIMITS.tags });

    const criteria = splitCriteria(text("acceptanceCriteria"));
    const longCriterion = criteria.findIndex((c) => c.length > IMPORT_LIMITS.criterion);
    if (longCriterion >= 0) error("acceptanceCriteria", "requirement_import.criterion_too_long", { number: longCriterion + 1, maximum: IMPORT_LIMITS.criterion });
    else if (criteria.length > IMPORT_LIMITS.criteria) error("acceptanceCriteria", "requirement_import.too_many_criteria", { count: criteria.length, maximum: IMPORT_LIMITS.criteria });

    if (title !== "") {
      const identity = `${foldText(title)}\u0000${foldText(description)}`;
      const first = firstRowOf.get(identity);
      if (first === undefined) firstRowOf.set(identity, row.rowNumber);
      else error("title", "requirement_import.duplicate_row", { row: first });
    }

    const number = requirementNumberFromText(text("key").trim());
    if (number !== null && context.existingNumbers.has(number)) warnings.push({ field: "key", key: "requirement_import.key_exists", params: { key: requirementKey(number) } });

    const requirement =
      errors.length === 0 && type && moscow !== undefined && clientPriority !== undefined
        ? { title, description, type, moscow, clientPriority, ownerId, tags, acceptanceCriteria: criteria }
        : null;
    return { rowNumber: row.rowNumber, values, errors, warnings, requirement };
  });
  return { ok: true, columns, rows: plans };
}
