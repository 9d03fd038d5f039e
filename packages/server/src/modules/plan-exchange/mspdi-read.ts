/**
 * Reading Microsoft Project XML (MSPDI, the schema of Project 2007 and later, namespace
 * `http://schemas.microsoft.com/project`) into an `ExchangePlan`. Pure: text in, plan and issues out.
 *
 * What is read, and how (docs/planning.md has the full mapping table):
 * - Project: StartDate, FinishDate, MinutesPerDay (the working day durations and lags are counted in; default 480),
 *   CalendarUID (the project's base calendar).
 * - Calendar: WeekDays (DayType 1 = Sunday … 7 = Saturday, DayWorking, WorkingTimes), exceptions from Exceptions
 *   (Project 2007+) or, in older files, WeekDays with DayType 0; a derived calendar on top of its base. Recurring
 *   exceptions and alternative work weeks are not supported (a warning each).
 * - Tasks in file order (the outline order), skipping the project summary task (OutlineLevel 0), blank rows
 *   (IsNull) and external tasks; Duration and Work as `PT…H…M…S` in working time; ConstraintType 0–7; Manual;
 *   PredecessorLink with Type 0 FF, 1 FS, 2 SF, 3 SS and LinkLag in tenths of a minute (elapsed lags are taken as
 *   working time, percentage lags dropped — a warning each). Costs (FixedCost, CostPerUse) are in hundredths of the
 *   currency, as MS Project writes them; StandardRate is per hour.
 * - Resources (Type 0 material, 1 work, 2 cost; Group is the role) and Assignments (Units, 1 = 100 %).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { calendarCompile, type PlanCalendarException, type PlanCalendarInterval, type WeekdayKey, type WorkingInterval } from "@jiaofu/engine";
import { type TLocale, type TPlanConstraintType, type TPlanDependencyType } from "@jiaofu/contracts";
import { translate, type MessageKey } from "../../platform/messages";
import { emptyExchangePlan, type ExchangeCalendar, type ExchangePlan, hundredths } from "./plan-exchange.model";

export const MSPDI_NAMESPACE = "http://schemas.microsoft.com/project";

/** MS Project's ConstraintType codes. */
export const MSPDI_CONSTRAINTS: readonly TPlanConstraintType[] = ["ASAP", "ALAP", "MSO", "MFO", "SNET", "SNLT", "FNET", "FNLT"];
/** MS Project's PredecessorLink Type codes. */
export const MSPDI_LINK_TYPES: readonly TPlanDependencyType[] = ["FF", "FS", "SF", "SS"];
/** LagFormat / DurationFormat codes of elapsed time (e.g. 8 = elapsed days), with their "estimated" twins (+32). */
const ELAPSED_FORMATS = new Set([4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52]);
const PERCENT_FORMATS = new Set([19, 20, 51, 52]);
/** MS Project's unassigned resource. */
const NO_RESOURCE = "-65535";
/** MS Project's default working day, for a weekday that says it works but lists no times. */
const MSP_DEFAULT_DAY: PlanCalendarInterval[] = [
  { start: 8 * 60, end: 12 * 60 },
  { start: 13 * 60, end: 17 * 60 },
];
/** DayType 1 is Sunday. */
const DAY_TYPES: readonly WeekdayKey[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

type XmlNode = Record<string, unknown>;

const ARRAY_TAGS = new Set(["Calendar", "WeekDay", "WorkingTime", "Exception", "WorkWeek", "Task", "PredecessorLink", "Resource", "Assignment", "ExtendedAttribute", "Baseline", "TimephasedData"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => ARRAY_TAGS.has(name),
});

const isNode = (value: unknown): value is XmlNode => typeof value === "object" && value !== null && !Array.isArray(value);
const nodes = (value: unknown): XmlNode[] => (Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : []);
const child = (node: XmlNode, tag: string): XmlNode | undefined => {
  const value = node[tag];
  return isNode(value) ? value : Array.isArray(value) && isNode(value[0]) ? value[0] : undefined;
};
/** An element's text (an element with attributes keeps its text in `#text`). */
function text(node: XmlNode, tag: string): string | undefined {
  const value = node[tag];
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (isNode(value) && typeof value["#text"] === "string") return value["#text"];
  return undefined;
}
const int = (node: XmlNode, tag: string): number | undefined => {
  const value = text(node, tag);
  if (value === undefined || value === "" || !/^-?\d+$/.test(value)) return undefined;
  return Number(value);
};
const num = (node: XmlNode, tag: string): number | undefined => {
  const value = text(node, tag);
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};
const flag = (node: XmlNode, tag: string) => text(node, tag) === "1" || text(node, tag)?.toLowerCase() === "true";

/** The date of an MSPDI date-time (`2026-09-28T09:00:00` → `2026-09-28`). */
function datePart(value: string | undefined): string | null {
  if (!value) return null;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return match ? (match[1] as string) : null;
}

/**
 * Minutes of an ISO 8601 duration as MS Project writes them (`PT16H0M0S`; also `P2DT4H`, days of 24 hours).
 *
 * @example
 * mspdiDurationMinutes("PT40H30M0S"); // 2430
 */
export function mspdiDurationMinutes(value: string): number | undefined {
  const match = /^-?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value.trim());
  if (!match || value.trim() === "P" || value.trim() === "PT") return undefined;
  const [, d = "0", h = "0", m = "0", s = "0"] = match;
  return Number(d) * 1440 + Number(h) * 60 + Number(m) + Number(s) / 60;
}

/** Minutes from midnight of `09:00:00`; a ToTime of `00:00:00` ends the day (24:00). */
function timeMinutes(value: string | undefined, isEnd: boolean): number | undefined {
  const match = value ? /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(value) : null;
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return isEnd && minutes === 0 ? 1440 : minutes;
}

function workingTimes(node: XmlNode): PlanCalendarInterval[] {
  const intervals: PlanCalendarInterval[] = [];
  for (const wt of nodes(child(node, "WorkingTimes")?.WorkingTime)) {
    const start = timeMinutes(text(wt, "FromTime"), false);
    const end = timeMinutes(text(wt, "ToTime"), true);
    if (start !== undefined && end !== undefined && end > start) intervals.push({ start, end });
  }
  return intervals.sort((a, b) => a.start - b.start);
}

type Reader = { plan: ExchangePlan; locale: TLocale };
const warn = (r: Reader, key: MessageKey, at: string | null, params: Record<string, string | number> = {}) => r.plan.warnings.push({ key, params, at });
const fail = (r: Reader, key: MessageKey, at: string | null, params: Record<string, string | number> = {}) => r.plan.errors.push({ key, params, at });
const where = (r: Reader, key: MessageKey, ref: string) => translate(r.locale, key, { ref });

/** A calendar's week and exceptions, on top of its base calendar's (one level, as project calendars are). */
function readCalendar(r: Reader, calendars: XmlNode[], uid: string | undefined): ExchangeCalendar {
  const byUid = new Map(calendars.map((c) => [text(c, "UID") ?? "", c]));
  const own = (uid !== undefined ? byUid.get(uid) : undefined) ?? calendars.find((c) => flag(c, "IsBaseCalendar"));
  const week: Record<WeekdayKey, PlanCalendarInterval[]> = { mon: MSP_DEFAULT_DAY, tue: MSP_DEFAULT_DAY, wed: MSP_DEFAULT_DAY, thu: MSP_DEFAULT_DAY, fri: MSP_DEFAULT_DAY, sat: [], sun: [] };
  const exceptions: PlanCalendarException[] = [];
  if (!own) return { week, exceptions };
  const baseUid = text(own, "BaseCalendarUID");
  const layers = [baseUid && baseUid !== "-1" ? byUid.get(baseUid) : undefined, own].filter(isNode);
  const at = where(r, "plan_exchange.at.calendar", text(own, "Name") ?? text(own, "UID") ?? "");
  for (const calendar of layers) {
    const hasNewExceptions = child(calendar, "Exceptions") !== undefined;
    for (const day of nodes(child(calendar, "WeekDays")?.WeekDay)) {
      const type = int(day, "DayType");
      const working = flag(day, "DayWorking");
      const times = working ? workingTimes(day) : [];
      if (type !== undefined && type >= 1 && type <= 7) {
        week[DAY_TYPES[type - 1] as WeekdayKey] = working && times.length === 0 ? MSP_DEFAULT_DAY : times;
      } else if (type === 0 && !hasNewExceptions) {
        // Before Project 2007, exceptions were weekdays of type 0 with a time period.
        const period = child(day, "TimePeriod");
        const from = datePart(period ? text(period, "FromDate") : undefined);
        const to = datePart(period ? text(period, "ToDate") : undefined);
        if (from) exceptions.push({ from, ...(to && to !== from ? { to } : {}), intervals: working && times.length === 0 ? MSP_DEFAULT_DAY : times });
      }
    }
    for (const exception of nodes(child(calendar, "Exceptions")?.Exception)) {
      const name = text(exception, "Name") ?? "";
      const type = int(exception, "Type");
      const period = child(exception, "TimePeriod");
      const from = datePart(period ? text(period, "FromDate") : undefined);
      const to = datePart(period ? text(period, "ToDate") : undefined);
      if ((type !== undefined && type !== 1) || (int(exception, "Period") ?? 1) > 1 || !from) {
        warn(r, "plan_exchange.calendar_recurring_exception", at, { name });
        continue;
      }
      const working = flag(exception, "DayWorking");
      const times = working ? workingTimes(exception) : [];
      exceptions.push({ from, ...(to && to > from ? { to } : {}), intervals: working && times.length === 0 ? MSP_DEFAULT_DAY : times, ...(name ? { name: { zh: name, en: name } } : {}) });
    }
    if (nodes(child(calendar, "WorkWeeks")?.WorkWeek).length > 0) warn(r, "plan_exchange.calendar_work_weeks", at);
  }
  const compiled = calendarCompile({
    week: week as unknown as Record<WeekdayKey, readonly WorkingInterval[]>,
    exceptions: exceptions.map((e) => ({ from: e.from, ...(e.to ? { to: e.to } : {}), intervals: e.intervals as unknown as WorkingInterval[] })),
  });
  if (!compiled.ok) fail(r, "plan_exchange.calendar_invalid", at, { reason: compiled.error.message });
  return { week, exceptions: exceptions.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)) };
}

/**
 * Reads an MSPDI document. A file that is not XML, or not MS Project's, is one error and an empty plan; otherwise
 * every task, link, resource and assignment the file holds, with an error or warning for each thing that cannot be
 * taken as it is.
 */
export function mspdiRead(xml: string, locale: TLocale): ExchangePlan {
  const plan = emptyExchangePlan();
  const r: Reader = { plan, locale };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    fail(r, "plan_exchange.not_xml", null, { reason: `${valid.err.msg} (${valid.err.line}:${valid.err.col})` });
    return plan;
  }
  let document: XmlNode;
  try {
    document = parser.parse(xml) as XmlNode;
  } catch (error) {
    fail(r, "plan_exchange.not_xml", null, { reason: error instanceof Error ? error.message : String(error) });
    return plan;
  }
  const project = child(document, "Project");
  if (!project) {
    fail(r, "plan_exchange.not_mspdi", null);
    return plan;
  }
  const minutesPerDay = int(project, "MinutesPerDay") ?? 480;
  plan.fileStart = datePart(text(project, "StartDate"));
  plan.fileFinish = datePart(text(project, "FinishDate"));
  plan.calendar = readCalendar(r, nodes(child(project, "Calendars")?.Calendar), text(project, "CalendarUID"));

  const days = (minutes: number) => minutes / minutesPerDay;
  for (const task of nodes(child(project, "Tasks")?.Task)) {
    const uid = text(task, "UID") ?? "";
    const at = where(r, "plan_exchange.at.task", text(task, "ID") ?? uid);
    if (flag(task, "IsNull")) continue;
    const outlineLevel = int(task, "OutlineLevel") ?? (text(task, "OutlineNumber") ?? "1").split(".").length;
    if (outlineLevel === 0 || uid === "0") continue; // the project summary task
    if (flag(task, "ExternalTask") || flag(task, "IsSubproject")) {
      warn(r, "plan_exchange.external_task", at);
      continue;
    }
    if (flag(task, "Recurring")) warn(r, "plan_exchange.recurring_task", at);
    if ((int(task, "CalendarUID") ?? -1) !== -1) warn(r, "plan_exchange.task_calendar_ignored", at);

    let durationDays = 0;
    const durationText = text(task, "Duration");
    if (durationText) {
      const minutes = mspdiDurationMinutes(durationText);
      if (minutes === undefined) fail(r, "plan_exchange.duration_invalid", at, { value: durationText });
      else {
        const format = int(task, "DurationFormat") ?? 7;
        // An elapsed duration counts every hour of the day; taken as that many working days.
        const exact = ELAPSED_FORMATS.has(format) ? minutes / 1440 : days(minutes);
        if (ELAPSED_FORMATS.has(format)) warn(r, "plan_exchange.elapsed_duration", at);
        durationDays = hundredths(exact);
        if (Math.abs(durationDays - exact) > 1e-6) warn(r, "plan_exchange.duration_rounded", at, { value: durationText, days: durationDays });
      }
    }
    if (flag(task, "Milestone") && durationDays > 0) {
      warn(r, "plan_exchange.milestone_duration", at);
      durationDays = 0;
    }
    const constraintCode = int(task, "ConstraintType") ?? 0;
    const constraintType = MSPDI_CONSTRAINTS[constraintCode];
    if (!constraintType) fail(r, "plan_exchange.constraint_invalid", at, { value: String(constraintCode) });
    const dated = constraintType !== undefined && constraintType !== "ASAP" && constraintType !== "ALAP";
    const manual = flag(task, "Manual");
    const percent = int(task, "PercentComplete") ?? 0;
    if (percent < 0 || percent > 100) fail(r, "plan_exchange.percent_invalid", at);
    const workText = text(task, "Work");
    const workMinutes = workText ? mspdiDurationMinutes(workText) : 0;
    const summary = flag(task, "Summary");
    plan.tasks.push({
      key: uid,
      at,
      name: text(task, "Name") ?? "",
      outlineLevel,
      durationDays,
      schedulingMode: manual ? "manual" : "auto",
      manualStart: manual ? datePart(text(task, "ManualStart") ?? text(task, "Start")) : null,
      constraintType: constraintType ?? "ASAP",
      constraintDate: dated ? datePart(text(task, "ConstraintDate")) : null,
      deadline: datePart(text(task, "Deadline")),
      percentComplete: Math.min(100, Math.max(0, percent)),
      // A summary's Work is rolled up from its tasks (the planner rolls them up again).
      workHours: summary ? 0 : hundredths((workMinutes ?? 0) / 60),
      fixedCost: Math.max(0, hundredths((num(task, "FixedCost") ?? 0) / 100)),
      priority: Math.min(1000, Math.max(0, int(task, "Priority") ?? 500)),
      notes: text(task, "Notes") ?? "",
    });

    for (const link of nodes(task.PredecessorLink)) {
      if (flag(link, "CrossProject")) {
        warn(r, "plan_exchange.external_link", at);
        continue;
      }
      const typeCode = int(link, "Type") ?? 1;
      const type = MSPDI_LINK_TYPES[typeCode];
      if (!type) {
        fail(r, "plan_exchange.link_type_invalid", at, { value: String(typeCode) });
        continue;
      }
      const lagTenths = num(link, "LinkLag") ?? 0;
      const format = int(link, "LagFormat") ?? 7;
      let lagDays = days(lagTenths / 10);
      if (PERCENT_FORMATS.has(format)) {
        if (lagTenths !== 0) warn(r, "plan_exchange.percent_lag", at);
        lagDays = 0;
      } else if (ELAPSED_FORMATS.has(format)) {
        if (lagTenths !== 0) warn(r, "plan_exchange.elapsed_lag", at);
        lagDays = lagTenths / 10 / 1440;
      }
      plan.links.push({ predecessorKey: text(link, "PredecessorUID") ?? "", successorKey: uid, type, lagDays: hundredths(lagDays), at });
    }
  }

  for (const resource of nodes(child(project, "Resources")?.Resource)) {
    const uid = text(resource, "UID") ?? "";
    const name = (text(resource, "Name") ?? "").trim();
    if (uid === "0" || flag(resource, "IsNull") || name === "") continue;
    const type = int(resource, "Type") ?? 1;
    plan.resources.push({
      key: uid,
      at: where(r, "plan_exchange.at.resource", name),
      name: [...name].slice(0, 200).join(""),
      kind: type === 0 ? "material" : type === 2 ? "cost" : "work",
      role: text(resource, "Group") ?? "",
      maxUnits: Math.max(0, num(resource, "MaxUnits") ?? 1),
      costPerHour: Math.max(0, hundredths(num(resource, "StandardRate") ?? 0)),
      costPerUse: Math.max(0, hundredths((num(resource, "CostPerUse") ?? 0) / 100)),
      materialLabel: text(resource, "MaterialLabel") ?? "",
    });
  }
  for (const assignment of nodes(child(project, "Assignments")?.Assignment)) {
    const resourceKey = text(assignment, "ResourceUID") ?? NO_RESOURCE;
    if (resourceKey === NO_RESOURCE) continue;
    plan.assignments.push({
      taskKey: text(assignment, "TaskUID") ?? "",
      resourceKey,
      units: Math.round((num(assignment, "Units") ?? 1) * 1000) / 1000,
      at: where(r, "plan_exchange.at.assignment", text(assignment, "UID") ?? ""),
    });
  }
  return plan;
}
