/**
 * The plan as a spreadsheet: one row per task in outline order — WBS code, name, duration in working days, start,
 * finish, predecessors as MS Project writes them (`1.2, 3FS+2d, 4SS-1d`, by WBS code), scheduling mode, constraint
 * type and date, deadline, % complete, work, fixed cost, notes. The export writes the headers in the caller's
 * language; the import recognises them in either language (or as the field codes), takes the outline from the WBS
 * codes or an outline level column (or, with neither, a flat list), and reports every cell it cannot read. Start
 * and finish are the schedule's: the import reads a start only for a manually scheduled task. Pure.
 */
import { PLAN_CONSTRAINT_TYPES, PLAN_DATED_CONSTRAINTS, PLAN_DEPENDENCY_TYPES, PLAN_MAX_DAYS, type TLocale, type TPlanConstraintType, type TPlanDependencyType } from "@jiaofu/contracts";
import { translate, type MessageKey } from "../../platform/messages";
import type { ExportTable } from "../../platform/spreadsheet-export";
import type { SheetRow } from "../requirements/requirements-import.read";
import { columnLetter, foldHeader, foldText, undoFormulaDefuse } from "../requirements/requirements-import.validate";
import { emptyExchangePlan, type ExchangePlan, type ExchangeTask, hundredths } from "./plan-exchange.model";

export const PLAN_CSV_FIELDS = [
  "wbs",
  "outlineLevel",
  "name",
  "durationDays",
  "start",
  "finish",
  "predecessors",
  "mode",
  "constraintType",
  "constraintDate",
  "deadline",
  "percentComplete",
  "workHours",
  "fixedCost",
  "notes",
] as const;
export type PlanCsvField = (typeof PLAN_CSV_FIELDS)[number];

/** The columns only the team sees (a client contact's export leaves them out). */
const INTERNAL_FIELDS: ReadonlySet<PlanCsvField> = new Set(["workHours", "fixedCost", "notes"]);
/** What the export writes (the outline level follows from the WBS code). */
const EXPORT_FIELDS = PLAN_CSV_FIELDS.filter((f) => f !== "outlineLevel");

const headerKey = (field: PlanCsvField) => `plan_csv.${field}` as MessageKey;

/** Headers without what is in brackets: "Duration (days)" = "duration" = "工期（天）" = "工期". */
const foldPlanHeader = (header: string) => foldHeader(header.normalize("NFKC").replace(/\([^)]*\)/g, ""));

const HEADER_FIELDS: ReadonlyMap<string, PlanCsvField> = (() => {
  const map = new Map<string, PlanCsvField>();
  const aliases: Partial<Record<PlanCsvField, string[]>> = {
    wbs: ["outline number", "大纲编号", "wbs code", "wbs 编码"],
    outlineLevel: ["level", "级别"],
    name: ["task name", "任务名称", "title"],
    durationDays: ["duration", "days", "天数"],
    predecessors: ["predecessor"],
    percentComplete: ["% done", "percent complete", "完成率"],
    workHours: ["work", "工时"],
  };
  for (const field of PLAN_CSV_FIELDS) {
    for (const text of [field, translate("en", headerKey(field)), translate("zh-CN", headerKey(field)), ...(aliases[field] ?? [])]) map.set(foldPlanHeader(text), field);
  }
  return map;
})();

const MODE_NAMES: Record<TLocale, Record<"auto" | "manual", string>> = { en: { auto: "Auto", manual: "Manual" }, "zh-CN": { auto: "自动", manual: "手动" } };
const MODE_VALUES = new Map<string, "auto" | "manual">([
  ["auto", "auto"],
  ["automatic", "auto"],
  ["auto scheduled", "auto"],
  ["自动", "auto"],
  ["自动计划", "auto"],
  ["自动排程", "auto"],
  ["manual", "manual"],
  ["manually scheduled", "manual"],
  ["手动", "manual"],
  ["手动计划", "manual"],
  ["手动排程", "manual"],
]);

/** Constraint codes, and MS Project's names for them in English and Chinese. */
const CONSTRAINT_VALUES: ReadonlyMap<string, TPlanConstraintType> = new Map(
  (
    [
      ["ASAP", ["as soon as possible", "越早越好"]],
      ["ALAP", ["as late as possible", "越晚越好"]],
      ["SNET", ["start no earlier than", "不得早于...开始", "不得早于…开始"]],
      ["SNLT", ["start no later than", "不得晚于...开始", "不得晚于…开始"]],
      ["FNET", ["finish no earlier than", "不得早于...完成", "不得早于…完成"]],
      ["FNLT", ["finish no later than", "不得晚于...完成", "不得晚于…完成"]],
      ["MSO", ["must start on", "必须开始于"]],
      ["MFO", ["must finish on", "必须完成于"]],
    ] as const
  ).flatMap(([code, names]) => [[code.toLowerCase(), code] as const, ...names.map((name) => [foldText(name), code] as const)]),
);

const lagText = (lagDays: number) => (lagDays === 0 ? "" : `${lagDays > 0 ? "+" : "-"}${Math.abs(lagDays)}d`);

/** `1.2, 3FS+2d` — by WBS code, in WBS order; FS without a lag is the code alone (as MS Project writes it). */
export function planCsvPredecessors(links: readonly { code: string; type: TPlanDependencyType; lagDays: number }[]): string {
  return [...links]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((l) => (l.type === "FS" && l.lagDays === 0 ? l.code : `${l.code}${l.type}${lagText(l.lagDays)}`))
    .join(", ");
}

function compareCodes(a: string, b: string): number {
  const x = a.split(".");
  const y = b.split(".");
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = Number(x[i] ?? -1) - Number(y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export type PlanCsvTask = {
  wbs: string;
  name: string;
  durationDays: number;
  start: string | null;
  finish: string | null;
  predecessors: string;
  mode: "auto" | "manual";
  constraintType: TPlanConstraintType;
  constraintDate: string | null;
  deadline: string | null;
  percentComplete: number;
  /** Null for a client contact (the column is left out). */
  workHours: number | null;
  fixedCost: number | null;
  notes: string | null;
};

/** The export's table: headers in the caller's language, the team's columns only for the team. */
export function planCsvTable(tasks: readonly PlanCsvTask[], locale: TLocale, internal: boolean): ExportTable {
  const fields = EXPORT_FIELDS.filter((f) => internal || !INTERNAL_FIELDS.has(f));
  const cell = (task: PlanCsvTask, field: PlanCsvField): string | number => {
    switch (field) {
      case "wbs":
        return task.wbs;
      case "outlineLevel":
        return task.wbs.split(".").length;
      case "name":
        return task.name;
      case "durationDays":
        return task.durationDays;
      case "start":
        return task.start ?? "";
      case "finish":
        return task.finish ?? "";
      case "predecessors":
        return task.predecessors;
      case "mode":
        return MODE_NAMES[locale][task.mode];
      case "constraintType":
        return task.constraintType;
      case "constraintDate":
        return task.constraintDate ?? "";
      case "deadline":
        return task.deadline ?? "";
      case "percentComplete":
        return task.percentComplete;
      case "workHours":
        return task.workHours ?? "";
      case "fixedCost":
        return task.fixedCost ?? "";
      case "notes":
        return task.notes ?? "";
    }
  };
  return { header: fields.map((f) => translate(locale, headerKey(f))), rows: tasks.map((task) => fields.map((f) => cell(task, f))) };
}

/** `2026-09-28`, `2026/9/28`, `2026.9.28`, `2026年9月28日`, with or without a time after it; null when it is none. */
export function planCsvDate(text: string): string | null {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(text.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const iso = `${y}-${(m as string).padStart(2, "0")}-${(d as string).padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** A number as people type it in a spreadsheet: `1,234.5`, `50%`, `2d`, `2 天`. */
function planCsvNumber(text: string, unit: RegExp | null = null): number | null {
  let value = text.trim().normalize("NFKC");
  if (unit) value = value.replace(unit, "").trim();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) value = value.replaceAll(",", "");
  if (!/^-?\d+(\.\d+)?$/.test(value)) return null;
  return Number(value);
}

const PREDECESSOR = /^(\d+(?:\.\d+)*)\s*(FS|SS|FF|SF)?\s*(?:([+-])\s*(\d+(?:\.\d+)?)\s*(?:d|days?|天|工作日)?)?$/i;
const SEPARATORS = /[,;，；、]/;

/**
 * Reads the rows of a CSV file (the requirements import's reader decoded and split them) into a plan. Every cell
 * that cannot be read is an error at its cell (`C4`); the first row is the header.
 */
export function planCsvRead(rows: readonly SheetRow[], locale: TLocale): ExchangePlan {
  const plan = emptyExchangePlan();
  const [header, ...body] = rows;
  if (!header) {
    plan.errors.push({ key: "plan_exchange.no_tasks", params: {}, at: null });
    return plan;
  }
  const columns = new Map<PlanCsvField, number>();
  header.cells.forEach((text, index) => {
    const field = HEADER_FIELDS.get(foldPlanHeader(undoFormulaDefuse(text)));
    if (field && !columns.has(field)) columns.set(field, index);
  });
  if (!columns.has("name")) {
    plan.errors.push({ key: "plan_exchange.csv_no_name_column", params: {}, at: null });
    return plan;
  }
  const counters: number[] = [];
  let previousLevel = 0;
  for (const row of body) {
    const cellAt = (field: PlanCsvField) => {
      const index = columns.get(field);
      return index === undefined ? null : `${columnLetter(index)}${row.rowNumber}`;
    };
    const value = (field: PlanCsvField) => {
      const index = columns.get(field);
      return index === undefined ? "" : undoFormulaDefuse(row.cells[index] ?? "").trim();
    };
    const error = (field: PlanCsvField, key: MessageKey, params: Record<string, string | number> = {}) => plan.errors.push({ key, params, at: cellAt(field) });

    // The outline: from the WBS code, else the outline level, else flat.
    let level = 1;
    const wbs = value("wbs");
    if (wbs !== "") {
      if (!/^\d+(\.\d+)*$/.test(wbs)) error("wbs", "plan_exchange.wbs_invalid", { value: wbs });
      else level = wbs.split(".").length;
    } else if (value("outlineLevel") !== "") {
      const n = planCsvNumber(value("outlineLevel"));
      if (n === null || !Number.isInteger(n) || n < 1) error("outlineLevel", "plan_exchange.outline_level", { level: value("outlineLevel"), previous: previousLevel });
      else level = n;
    }
    if (level > previousLevel + 1) {
      error(wbs !== "" ? "wbs" : "outlineLevel", "plan_exchange.outline_level", { level, previous: previousLevel });
      level = previousLevel + 1;
    }
    counters.length = level;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    const code = counters.join(".");
    if (wbs !== "" && /^\d+(\.\d+)*$/.test(wbs) && wbs !== code) error("wbs", "plan_exchange.wbs_order", { code: wbs, expected: code });
    previousLevel = level;

    const durationText = value("durationDays");
    let durationDays = 1;
    if (durationText !== "") {
      const n = planCsvNumber(durationText, /\s*(d|days?|天|工作日)$/i);
      if (n === null) error("durationDays", "plan_exchange.duration_invalid", { value: durationText });
      else if (n < 0 || n > PLAN_MAX_DAYS) error("durationDays", "plan_exchange.duration_range", { maximum: PLAN_MAX_DAYS });
      else if (Math.abs(hundredths(n) - n) > 1e-9) error("durationDays", "plan.two_decimals");
      else durationDays = n;
    }

    const date = (field: PlanCsvField): string | null => {
      const text = value(field);
      if (text === "") return null;
      const iso = planCsvDate(text);
      if (iso === null) error(field, "plan_exchange.date_invalid", { value: text });
      return iso;
    };

    const modeText = value("mode");
    let mode: "auto" | "manual" = "auto";
    if (modeText !== "") {
      const found = MODE_VALUES.get(foldText(modeText));
      if (!found) error("mode", "plan_exchange.mode_invalid", { value: modeText });
      else mode = found;
    }
    const start = mode === "manual" ? date("start") : null;
    if (mode === "manual" && start === null && value("start") === "") error("start", "plan_exchange.manual_start_missing");

    const constraintText = value("constraintType");
    let constraintType: TPlanConstraintType = "ASAP";
    if (constraintText !== "") {
      const found = CONSTRAINT_VALUES.get(foldText(constraintText)) ?? CONSTRAINT_VALUES.get(constraintText.toLowerCase());
      if (!found || !PLAN_CONSTRAINT_TYPES.includes(found)) error("constraintType", "plan_exchange.constraint_invalid", { value: constraintText });
      else constraintType = found;
    }
    const constraintDate = PLAN_DATED_CONSTRAINTS.includes(constraintType) ? date("constraintDate") : null;
    if (PLAN_DATED_CONSTRAINTS.includes(constraintType) && value("constraintDate") === "") error(columns.has("constraintDate") ? "constraintDate" : "constraintType", "plan_exchange.constraint_date_missing", { type: constraintType });

    const amount = (field: PlanCsvField, unit: RegExp | null = null): number => {
      const text = value(field);
      if (text === "") return 0;
      const n = planCsvNumber(text, unit);
      if (n === null || n < 0) {
        error(field, "plan_exchange.amount_invalid", { value: text });
        return 0;
      }
      return hundredths(n);
    };
    const percent = amount("percentComplete", /%$/);
    if (!Number.isInteger(percent) || percent > 100) error("percentComplete", "plan_exchange.percent_invalid");

    const task: ExchangeTask = {
      key: code,
      at: translate(locale, "plan_exchange.at.row", { ref: row.rowNumber }),
      name: value("name"),
      outlineLevel: level,
      durationDays,
      schedulingMode: mode,
      manualStart: start,
      constraintType,
      constraintDate,
      deadline: date("deadline"),
      percentComplete: Math.min(100, Math.round(percent)),
      workHours: amount("workHours", /\s*(h|hours?|小时|工时)$/i),
      fixedCost: amount("fixedCost"),
      priority: 500,
      notes: value("notes").replace(/\r\n?/g, "\n"),
    };
    plan.tasks.push(task);

    const predecessors = value("predecessors");
    for (const raw of predecessors === "" ? [] : predecessors.split(SEPARATORS)) {
      const entry = raw.trim();
      if (entry === "") continue;
      const match = PREDECESSOR.exec(entry.replace(/\s+/g, " "));
      if (!match) {
        error("predecessors", "plan_exchange.predecessors_syntax", { entry });
        continue;
      }
      const [, ref = "", typeText, sign, magnitude] = match;
      const type = (typeText ?? "FS").toUpperCase() as TPlanDependencyType;
      if (!PLAN_DEPENDENCY_TYPES.includes(type)) {
        error("predecessors", "plan_exchange.predecessors_syntax", { entry });
        continue;
      }
      const lag = magnitude === undefined ? 0 : Number(magnitude);
      if (Math.abs(hundredths(lag) - lag) > 1e-9) {
        error("predecessors", "plan.two_decimals");
        continue;
      }
      plan.links.push({ predecessorKey: ref, successorKey: code, type, lagDays: sign === "-" ? -lag : lag, at: cellAt("predecessors") ?? task.at });
    }
  }
  if (plan.tasks.length === 0) plan.errors.push({ key: "plan_exchange.no_tasks", params: {}, at: null });
  return plan;
}
