/**
 * Plan exchange use-cases (docs/planning.md, "Exchange: MS Project, CSV, iCalendar").
 *
 * - Export reads the plan the way the Plan page does (`getPlan`: the caller's view, rescheduled first if its basis
 *   changed) and writes it as MSPDI or CSV; the team's fields, resources and assignments only for the team.
 * - Import reads the file into an `ExchangePlan`, resolves it, schedules it in memory on the calendar it will have
 *   (so the preview reports a dependency cycle or a link a summary task cannot have, as the commit would), and on
 *   commit writes everything in one transaction: (with `replace`) delete the current plan, insert tasks, links,
 *   resources and assignments, replace the calendar (MSPDI), then reschedule through the planning module's own code
 *   path. Any error: 400 listing every problem, and nothing is written.
 *
 *   Decision — an import fills an empty plan, or replaces the whole plan when the caller says `replace=true` (the
 *   deletion and the import are one transaction). Merging a file into a plan that people edit would have to match
 *   tasks across tools without stable ids; replacing is what "open this .xml" means in MS Project.
 *
 *   Decision — the plan's start. A project with a start date keeps it (the preview warns when the file starts on
 *   another day); a project without one takes the file's.
 * - The milestone feed: one token per person and project, shown once, stored as its SHA-256 hash; every fetch checks
 *   again that the person is active and may still read the plan, and serves the plan as it is now.
 */
import { randomUUID } from "node:crypto";
import {
  calendarDayFromIso,
  calendarWorkingIntervalsOfDay,
  planCalendarCompile,
  planDayAxis,
  planDefaultCalendar,
  planSchedule,
  type PlanCalendarModel,
  type PlanScheduleRefusal,
  type WorkingCalendar,
} from "@jiaofu/engine";
import {
  PLAN_IMPORT_MAX_MB,
  PLAN_IMPORT_MAX_TASKS,
  type TLocale,
  type TPlan,
  type TPlanExchangeFormat,
  type TCalendarFeed,
  type TCalendarFeedCreated,
  type TPlanImportOutcome,
  type TPlanImportQuery,
} from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import type { Config } from "../../config";
import type { Tx } from "../../db/database";
import { AppError, fieldError, notFound } from "../../platform/app-error";
import { recordAudit } from "../../platform/audit";
import { toActor } from "../../platform/authentication";
import { calendarFeeds } from "../../platform/calendar-feeds";
import { translate, type MessageKey } from "../../platform/messages";
import { authorize, canPlan, canPlanExchange, type Actor, type PlanExchangeAction } from "../../platform/policy";
import { loadProjectAccess, requireProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { tableToCsv } from "../../platform/spreadsheet-export";
import type { IncomingFile } from "../attachments/attachments.service";
import { receiveUploadedFile, type UploadedFile } from "../attachments/attachments.upload";
import { createPlanningService, reschedulePlanInTransaction } from "../planning/planning.service";
import { decodeCsvBytes, readSpreadsheet } from "../requirements/requirements-import.read";
import { icalWrite, type IcalEvent } from "./ical-write";
import { mspdiRead } from "./mspdi-read";
import { mspdiWrite, type MspdiTaskOut } from "./mspdi-write";
import { planCsvPredecessors, planCsvRead, planCsvTable } from "./plan-csv";
import {
  exchangeCalendarAdopt,
  exchangeCalendarRanges,
  type ExchangeIssue,
  exchangeMinutesPerDay,
  type ExchangePlan,
  exchangePlanResolve,
  exchangePlanYears,
  type ResolvedPlan,
} from "./plan-exchange.model";
import { createPlanExchangeRepository, type PlanTaskInsert } from "./plan-exchange.repository";

const MEGABYTE = 1024 * 1024;
/** How many tasks the preview lists. */
const PREVIEW_TASKS = 200;
/** Calendar apps are asked to refresh the feed this often. */
const FEED_REFRESH_MINUTES = 60;

type ProjectRow = ProjectAccess["project"];

const planStartOf = (project: ProjectRow) => project.startDate ?? project.createdAt.toISOString().slice(0, 10);

/** A task as a person reads it in a message: "1.2 Design the schema". */
const label = (wbs: string, name: string) => `${wbs} ${name}`;

/** The local date-time at `fraction` of a day's working time (`finish`: an exact end stays at the end of its period). */
function timeOnDay(calendar: WorkingCalendar, date: string, fraction: number, edge: "start" | "finish"): string {
  const intervals = calendarWorkingIntervalsOfDay(calendar, calendarDayFromIso(date));
  const total = intervals.reduce((sum, i) => sum + i.end - i.start, 0);
  let minute = 0;
  if (total > 0) {
    let rest = fraction * total;
    minute = (intervals[intervals.length - 1] as { end: number }).end;
    for (const interval of intervals) {
      const length = interval.end - interval.start;
      if (edge === "start" ? rest < length : rest <= length) {
        minute = interval.start + Math.round(rest);
        break;
      }
      rest -= length;
    }
  }
  const clock = minute >= 1440 ? "23:59" : `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
  return `${date}T${clock}:00`;
}

/** A task's start and finish as MS Project's date-times, from the stored schedule (working days from day 0). */
function taskTimes(calendar: WorkingCalendar, task: TPlan["tasks"][number]): { start: string | null; finish: string | null } {
  const { start, finish, startDay, finishDay } = task.schedule;
  if (!start || !finish || startDay === null || finishDay === null) return { start: null, finish: null };
  const startFraction = startDay - Math.floor(startDay);
  const startText = timeOnDay(calendar, start, startFraction, "start");
  if (finishDay <= startDay) return { start: startText, finish: startText };
  const finishFraction = finishDay - Math.floor(finishDay);
  return { start: startText, finish: timeOnDay(calendar, finish, finishFraction === 0 ? 1 : finishFraction, "finish") };
}

const calendarModelOf = (row: { week: Record<string, { start: number; end: number }[]>; holidaySets: string[]; exceptions: PlanCalendarModel["exceptions"]; version: number } | undefined): PlanCalendarModel => {
  if (!row) return planDefaultCalendar();
  const day = (key: string) => row.week[key] ?? [];
  return { week: { mon: day("mon"), tue: day("tue"), wed: day("wed"), thu: day("thu"), fri: day("fri"), sat: day("sat"), sun: day("sun") }, holidaySets: row.holidaySets, exceptions: row.exceptions, version: row.version };
};

/** What an import will write, ready for the database, with the outcome the caller sees. */
type PreparedImport = {
  exchange: ExchangePlan;
  resolved: ResolvedPlan;
  calendar: Omit<PlanCalendarModel, "version"> | null;
  planStart: string;
  setProjectStart: string | null;
  taskRows: (PlanTaskInsert & { id: string; parentId: string | null; position: number })[];
  finish: string | null;
};

export function createPlanExchangeService(deps: AppDeps, config: Config) {
  const planning = createPlanningService(deps);
  const repo = createPlanExchangeRepository(deps.db);
  const maxMegabytes = Math.min(PLAN_IMPORT_MAX_MB, config.JIAOFU_MAX_UPLOAD_MB);
  const maxBytes = Math.floor(maxMegabytes * MEGABYTE);

  /** The project, if the actor may read its plan (404 otherwise); 403 when they may read it but not do `action`. */
  async function requireExchange(actor: Actor, projectId: string, action: PlanExchangeAction): Promise<ProjectAccess> {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    if (!canPlan(actor, "plan.read", access.facts)) throw notFound("project.not_found");
    authorize(canPlanExchange(actor, action, access.facts));
    return access;
  }

  async function calendarOf(projectId: string) {
    return calendarModelOf(await repo.calendar(projectId));
  }

  // ---- export ------------------------------------------------------------------------------------------------------

  async function exportMspdi(actor: Actor, projectId: string, locale: TLocale): Promise<{ body: string; code: string }> {
    const { project, facts } = await requireExchange(actor, projectId, "plan_exchange.export");
    const internal = canPlanExchange(actor, "plan_exchange.export_internal", facts);
    const plan = await planning.getPlan(actor, projectId);
    const model = await calendarOf(projectId);
    const compiled = planCalendarCompile(model);
    const minutesPerDay = exchangeMinutesPerDay(model.week);
    const uidOf = new Map(plan.tasks.map((t, i) => [t.id, i + 1]));
    const predecessors = new Map<string, MspdiTaskOut["predecessors"]>();
    for (const d of plan.dependencies) {
      const list = predecessors.get(d.successorId) ?? [];
      list.push({ uid: uidOf.get(d.predecessorId) ?? 0, type: d.type, lagDays: d.lagDays });
      predecessors.set(d.successorId, list);
    }
    const times = new Map(plan.tasks.map((t) => [t.id, taskTimes(compiled, t)]));
    const tasks: MspdiTaskOut[] = plan.tasks.map((t) => ({
      uid: uidOf.get(t.id) as number,
      name: t.name,
      wbs: t.wbsCode,
      outlineLevel: t.outlineLevel,
      summary: t.kind === "summary",
      milestone: t.kind === "milestone",
      durationDays: t.kind === "summary" ? (t.schedule.durationDays ?? 0) : t.durationDays,
      start: times.get(t.id)?.start ?? null,
      finish: times.get(t.id)?.finish ?? null,
      manual: t.schedulingMode === "manual",
      constraintType: t.constraintType,
      constraintDate: t.constraintDate,
      deadline: t.deadline,
      percentComplete: t.percentComplete,
      workHours: internal ? (t.kind === "summary" ? (t.schedule.workHours ?? 0) : (t.workHours ?? 0)) : 0,
      fixedCost: internal ? (t.fixedCost ?? 0) : 0,
      cost: internal ? (t.schedule.cost ?? 0) : 0,
      priority: t.priority,
      notes: internal ? (t.notes ?? "") : "",
      critical: t.schedule.critical,
      totalFloatDays: t.schedule.totalFloatDays ?? 0,
      predecessors: (predecessors.get(t.id) ?? []).sort((a, b) => a.uid - b.uid),
    }));
    const resources = internal ? await repo.resources(projectId) : [];
    const assignments = internal ? await repo.assignments(projectId) : [];
    const resourceUid = new Map(resources.map((r, i) => [r.id, i + 1]));
    const byId = new Map(plan.tasks.map((t) => [t.id, t]));
    const years = exchangePlanYears(plan.start, plan.finish);
    const start = plan.tasks.length > 0 ? tasks.reduce((min, t) => (t.start && t.start < min ? t.start : min), "9999") : `${plan.start}T00:00:00`;
    const finish = plan.tasks.length > 0 ? tasks.reduce((max, t) => (t.finish && t.finish > max ? t.finish : max), "0000") : start;
    const body = mspdiWrite({
      name: `${project.code}.xml`,
      title: project.name,
      currency: project.currency,
      created: deps.now().toISOString().slice(0, 19),
      start: start === "9999" ? `${plan.start}T00:00:00` : start,
      finish: finish === "0000" ? start : finish,
      calendarName: translate(locale, "plan_exchange.calendar_name", { code: project.code }),
      minutesPerDay,
      week: model.week,
      exceptions: exchangeCalendarRanges(compiled, model.exceptions, years, locale),
      tasks,
      resources: resources.map((r) => ({ uid: resourceUid.get(r.id) as number, name: r.name, kind: r.kind, role: r.role, maxUnits: r.maxUnits, costPerHour: r.costPerHour, costPerUse: r.costPerUse, materialLabel: r.materialLabel })),
      assignments: assignments.flatMap((a, i) => {
        const task = byId.get(a.taskId);
        const resource = resourceUid.get(a.resourceId);
        if (!task || resource === undefined) return [];
        const kind = resources[resource - 1]?.kind;
        const workHours = kind === "work" ? (a.units * task.durationDays * minutesPerDay) / 60 : 0;
        const t = times.get(a.taskId);
        return [{ uid: i + 1, taskUid: uidOf.get(a.taskId) as number, resourceUid: resource, units: a.units, workHours, start: t?.start ?? null, finish: t?.finish ?? null }];
      }),
    });
    return { body, code: project.code };
  }

  async function exportCsv(actor: Actor, projectId: string, locale: TLocale): Promise<{ body: string; code: string }> {
    const { project, facts } = await requireExchange(actor, projectId, "plan_exchange.export");
    const internal = canPlanExchange(actor, "plan_exchange.export_internal", facts);
    const plan = await planning.getPlan(actor, projectId);
    const codeOf = new Map(plan.tasks.map((t) => [t.id, t.wbsCode]));
    const links = new Map<string, { code: string; type: TPlan["dependencies"][number]["type"]; lagDays: number }[]>();
    for (const d of plan.dependencies) {
      const list = links.get(d.successorId) ?? [];
      list.push({ code: codeOf.get(d.predecessorId) ?? "?", type: d.type, lagDays: d.lagDays });
      links.set(d.successorId, list);
    }
    const table = planCsvTable(
      plan.tasks.map((t) => ({
        wbs: t.wbsCode,
        name: t.name,
        durationDays: t.kind === "summary" ? (t.schedule.durationDays ?? t.durationDays) : t.durationDays,
        start: t.schedulingMode === "manual" ? (t.manualStart ?? t.schedule.start) : t.schedule.start,
        finish: t.schedule.finish,
        predecessors: planCsvPredecessors(links.get(t.id) ?? []),
        mode: t.schedulingMode,
        constraintType: t.constraintType,
        constraintDate: t.constraintDate,
        deadline: t.deadline,
        percentComplete: t.percentComplete,
        workHours: t.workHours,
        fixedCost: t.fixedCost,
        notes: t.notes,
      })),
      locale,
      internal,
    );
    return { body: tableToCsv(table), code: project.code };
  }

  // ---- import ------------------------------------------------------------------------------------------------------


  async function readExchange(format: TPlanExchangeFormat, file: UploadedFile, locale: TLocale): Promise<ExchangePlan> {
    if (file.bytes.length === 0) throw fieldError("body.file", "attachment.empty");
    if (format === "mspdi") return mspdiRead(decodeCsvBytes(file.bytes).text, locale);
    const sheet = await readSpreadsheet(file.bytes, file.fileName);
    if (!sheet.ok) {
      const plan: ExchangePlan = { fileStart: null, fileFinish: null, tasks: [], links: [], resources: [], assignments: [], calendar: null, errors: [], warnings: [] };
      const problem = sheet.problem;
      const key: MessageKey =
        problem.kind === "csv_malformed" ? "requirement_import.csv_malformed" : problem.kind === "unreadable_xlsx" ? "requirement_import.unreadable_xlsx" : problem.kind === "empty" ? "attachment.empty" : "plan_exchange.not_csv";
      plan.errors.push({ key, params: problem.kind === "csv_malformed" ? { row: problem.row } : { limitMb: 200 }, at: null });
      return plan;
    }
    return planCsvRead(sheet.table.rows, locale);
  }

  /** The engine's refusal of the imported plan, as an error naming the tasks by WBS code. */
  function refusalIssue(refusal: PlanScheduleRefusal, rows: PreparedImport["taskRows"], resolved: ResolvedPlan, linkIds: string[]): ExchangeIssue {
    const index = new Map(rows.map((r, i) => [r.id, i]));
    const named = (id: string) => {
      const i = index.get(id);
      const task = i === undefined ? undefined : resolved.tasks[i];
      return task ? label(task.wbsCode, task.name) : id;
    };
    switch (refusal.kind) {
      case "cycle":
        return { key: "plan.dependency_cycle", params: { tasks: [...refusal.taskIds, refusal.taskIds[0] as string].map(named).join(" → ") }, at: null };
      case "summary-link-nested":
      case "summary-link-type": {
        const link = resolved.links[linkIds.indexOf(refusal.dependencyId)];
        const from = link ? named((rows[link.predecessor] as { id: string }).id) : "";
        const to = link ? named((rows[link.successor] as { id: string }).id) : "";
        return { key: refusal.kind === "summary-link-nested" ? "plan.summary_link_nested" : "plan.summary_link_type", params: { from, to, type: link?.type ?? "" }, at: null };
      }
      case "summary-constraint":
      case "summary-manual":
        return { key: refusal.kind === "summary-constraint" ? "plan.summary_constraint" : "plan.summary_manual", params: { task: named(refusal.taskId) }, at: null };
      case "too-large":
        return { key: "plan.too_large", params: {}, at: null };
      case "invalid":
        return { key: "plan.schedule_refused", params: { reason: refusal.message }, at: null };
    }
  }

  /** Resolves the file against the project: outline, calendar, start, rows; schedules it in memory. */
  async function prepare(tx: Tx, actor: Actor, project: ProjectRow, exchange: ExchangePlan, existingTasks: number, replace: boolean, now: Date): Promise<PreparedImport> {
    const { errors, warnings } = exchange;
    if (exchange.tasks.length > PLAN_IMPORT_MAX_TASKS) errors.push({ key: "plan_exchange.too_many_tasks", params: { count: exchange.tasks.length, limit: PLAN_IMPORT_MAX_TASKS }, at: null });
    else if (exchange.tasks.length === 0 && errors.length === 0) errors.push({ key: "plan_exchange.no_tasks", params: {}, at: null });
    if (existingTasks > 0 && !replace) errors.push({ key: "plan_exchange.plan_not_empty", params: { count: existingTasks }, at: null });
    if (existingTasks > 0 && replace) warnings.push({ key: "plan_exchange.replace_plan", params: { count: existingTasks }, at: null });
    const resolved = exchangePlanResolve(exchange);

    let setProjectStart: string | null = null;
    if (exchange.fileStart && !project.startDate) {
      setProjectStart = exchange.fileStart;
      warnings.push({ key: "plan_exchange.start_set", params: { date: exchange.fileStart }, at: null });
    } else if (exchange.fileStart && project.startDate && exchange.fileStart !== project.startDate) {
      warnings.push({ key: "plan_exchange.start_kept", params: { file: exchange.fileStart, project: project.startDate }, at: null });
    }
    const planStart = setProjectStart ?? planStartOf(project);

    let calendar: Omit<PlanCalendarModel, "version"> | null = null;
    if (exchange.calendar) {
      const years = exchangePlanYears(exchange.fileStart ?? planStart, exchange.fileFinish);
      calendar = exchangeCalendarAdopt(exchange.calendar, years);
      if (calendar.holidaySets.includes("cn")) warnings.push({ key: "plan_exchange.china_holidays", params: {}, at: null });
      resolved.calendarExceptions = calendar.exceptions.length;
    }

    const taskRows: PreparedImport["taskRows"] = [];
    for (const task of resolved.tasks) {
      taskRows.push({
        id: randomUUID(),
        workspaceId: project.workspaceId,
        projectId: project.id,
        parentId: task.parentIndex === -1 ? null : (taskRows[task.parentIndex] as { id: string }).id,
        position: task.position,
        name: task.name.trim(),
        notes: task.notes,
        durationDays: task.durationDays,
        schedulingMode: task.schedulingMode,
        manualStart: task.schedulingMode === "manual" ? task.manualStart : null,
        constraintType: task.constraintType,
        constraintDate: task.constraintType === "ASAP" || task.constraintType === "ALAP" ? null : task.constraintDate,
        deadline: task.deadline,
        percentComplete: task.percentComplete,
        workHours: task.workHours,
        fixedCost: task.fixedCost,
        priority: task.priority,
        levellingStart: null,
        createdById: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
    }

    // Schedule in memory on the calendar the plan will have: the preview says what the commit would refuse.
    let finish: string | null = null;
    if (errors.length === 0) {
      const model = calendar ?? calendarModelOf(await createPlanExchangeRepository(tx).calendar(project.id));
      const axis = planDayAxis(planCalendarCompile(model), planStart);
      const linkIds = resolved.links.map(() => randomUUID());
      const facts = taskRows.map((row) => ({ ...row, notes: row.notes ?? "", durationDays: row.durationDays ?? 1, schedulingMode: row.schedulingMode ?? "auto", manualStart: row.manualStart ?? null, constraintType: row.constraintType ?? "ASAP", constraintDate: row.constraintDate ?? null, deadline: row.deadline ?? null, percentComplete: row.percentComplete ?? 0, workHours: row.workHours ?? 0, fixedCost: row.fixedCost ?? 0 }));
      const links = resolved.links.map((l, i) => ({ id: linkIds[i] as string, predecessorId: (taskRows[l.predecessor] as { id: string }).id, successorId: (taskRows[l.successor] as { id: string }).id, type: l.type, lagDays: l.lagDays }));
      const result = planSchedule(facts, links, axis);
      if (!result.ok) errors.push(refusalIssue(result.refusal, taskRows, resolved, linkIds));
      else finish = result.finish;
    }
    return { exchange, resolved, calendar, planStart, setProjectStart, taskRows, finish };
  }

  const say = (locale: TLocale, issue: ExchangeIssue) => ({ code: issue.key, message: translate(locale, issue.key, issue.params), at: issue.at });

  function outcome(locale: TLocale, format: TPlanExchangeFormat, fileName: string, prepared: PreparedImport, existingTasks: number, replace: boolean, committed: boolean): TPlanImportOutcome {
    const { resolved, exchange } = prepared;
    return {
      format,
      fileName,
      committed,
      replace,
      existingTasks,
      counts: {
        tasks: resolved.tasks.length,
        summaries: resolved.tasks.filter((t) => t.summary).length,
        milestones: resolved.tasks.filter((t) => !t.summary && t.durationDays === 0).length,
        links: resolved.links.length,
        resources: resolved.resources.length,
        assignments: resolved.assignments.length,
        calendarExceptions: resolved.calendarExceptions,
      },
      fileStart: exchange.fileStart,
      planStart: prepared.planStart,
      holidaySets: prepared.calendar?.holidaySets ?? [],
      tasks: resolved.tasks.slice(0, PREVIEW_TASKS).map((t) => ({ wbsCode: t.wbsCode, name: t.name, durationDays: t.durationDays, kind: t.summary ? ("summary" as const) : t.durationDays === 0 ? ("milestone" as const) : ("task" as const) })),
      warnings: exchange.warnings.map((w) => say(locale, w)),
      errors: exchange.errors.map((e) => say(locale, e)),
      canImport: exchange.errors.length === 0,
      finish: prepared.finish,
    };
  }

  async function importPlan(
    actor: Actor,
    projectId: string,
    locale: TLocale,
    format: TPlanExchangeFormat,
    query: TPlanImportQuery,
    readFile: () => Promise<IncomingFile | undefined>,
  ): Promise<TPlanImportOutcome> {
    const { project } = await requireExchange(actor, projectId, "plan_exchange.import");
    const file = await receiveUploadedFile(readFile, maxMegabytes);
    const exchange = await readExchange(format, file, locale);
    const commit = query.mode === "commit";
    return deps.db.transaction(async (tx) => {
      const r = createPlanExchangeRepository(tx);
      if (commit) await r.lockPlan(project.id);
      const existingTasks = await r.taskCount(project.id);
      const now = deps.now();
      const prepared = await prepare(tx, actor, project, exchange, existingTasks, query.replace, now);
      if (!commit) return outcome(locale, format, file.fileName, prepared, existingTasks, query.replace, false);
      if (exchange.errors.length > 0) {
        const preview = outcome(locale, format, file.fileName, prepared, existingTasks, query.replace, false);
        const fields = preview.errors.map((e) => ({ path: `file${e.at ? `.${e.at}` : ""}`, message: e.message }));
        throw new AppError("validation_failed", "plan_exchange.has_errors", { count: preview.errors.length }, { fields, preview });
      }

      if (query.replace && existingTasks > 0) await r.deletePlan(project.id);
      const { resolved, taskRows } = prepared;
      await r.insertTasks(taskRows);
      await r.insertDependencies(
        resolved.links.map((l) => ({
          id: randomUUID(),
          workspaceId: project.workspaceId,
          projectId: project.id,
          predecessorId: (taskRows[l.predecessor] as { id: string }).id,
          successorId: (taskRows[l.successor] as { id: string }).id,
          type: l.type,
          lagDays: l.lagDays,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        })),
      );
      const resourceIds = resolved.resources.map(() => randomUUID());
      await r.insertResources(
        resolved.resources.map((res, i) => ({
          id: resourceIds[i] as string,
          workspaceId: project.workspaceId,
          projectId: project.id,
          name: res.name,
          kind: res.kind,
          role: res.role,
          maxUnits: res.maxUnits,
          costPerHour: res.costPerHour,
          costPerUse: res.costPerUse,
          materialLabel: res.materialLabel,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        })),
      );
      await r.insertAssignments(
        resolved.assignments.map((a) => ({
          workspaceId: project.workspaceId,
          projectId: project.id,
          taskId: (taskRows[a.task] as { id: string }).id,
          resourceId: resourceIds[a.resource] as string,
          units: a.units,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        })),
      );
      if (prepared.calendar) {
        await r.replaceCalendar({ projectId: project.id, workspaceId: project.workspaceId, ...prepared.calendar, updatedById: actor.userId }, now);
      }
      let scheduled = project;
      if (prepared.setProjectStart) {
        const updated = await r.setProjectStartIfUnset(project.id, prepared.setProjectStart, now);
        if (updated) {
          scheduled = updated;
          await recordAudit(tx, actor, project.workspaceId, { entityType: "project", entityId: project.id, projectId: project.id, action: "update", before: { startDate: project.startDate, version: project.version }, after: { startDate: updated.startDate, version: updated.version } });
        } else {
          prepared.planStart = planStartOf(project);
        }
      }
      try {
        await reschedulePlanInTransaction(tx, scheduled, actor, now);
      } catch (error) {
        // The in-memory schedule accepted the plan; a refusal here is the same refusal, said as a 400.
        if (!(error instanceof AppError)) throw error;
        const message = translate(locale, error.messageKey, error.params);
        throw new AppError("validation_failed", "plan_exchange.has_errors", { count: 1 }, { fields: [{ path: "file", message }] });
      }
      const result = outcome(locale, format, file.fileName, prepared, existingTasks, query.replace, true);
      await recordAudit(tx, actor, project.workspaceId, {
        entityType: "project",
        entityId: project.id,
        projectId: project.id,
        action: "plan.import",
        after: { format, fileName: file.fileName, replace: query.replace, replacedTasks: query.replace ? existingTasks : 0, counts: result.counts, holidaySets: result.holidaySets },
      });
      return result;
    });
  }

  // ---- milestone feed ----------------------------------------------------------------------------------------------

  /** The feed's public address on this server (`origin`: the request's, unless JIAOFU_PUBLIC_URL says otherwise). */
  const feeds = calendarFeeds(deps.db, "milestones", (origin, token) => `${(config.JIAOFU_PUBLIC_URL ?? origin).replace(/\/$/, "")}/api/v1/feeds/plan/${token}.ics`);

  async function feedCalendar(token: string, now: Date): Promise<string> {
    const found = await feeds.find(token);
    if (!found || !found.user.active) throw notFound("plan_feed.not_found");
    const actor = toActor(found.user);
    const access = await loadProjectAccess(deps.db, actor, found.feed.projectId);
    if (!access || !canPlanExchange(actor, "plan_exchange.feed", access.facts)) throw notFound("plan_feed.not_found");
    const plan = await planning.getPlan(actor, access.project.id);
    await feeds.served(found.feed.id, now);
    const { project } = access;
    const locale = actor.locale;
    const events: IcalEvent[] = [];
    for (const task of plan.tasks) {
      const description = translate(locale, "plan_feed.description", { wbs: task.wbsCode, project: `${project.code} ${project.name}` });
      const lastModified = new Date(task.updatedAt);
      if (task.kind === "milestone" && task.schedule.start) {
        events.push({ uid: `milestone-${task.id}@jiaofu`, date: task.schedule.start, summary: `${project.code} · ${task.name}`, description, lastModified, categories: translate(locale, "plan_feed.milestone") });
      }
      if (task.deadline) {
        events.push({ uid: `deadline-${task.id}@jiaofu`, date: task.deadline, summary: `${project.code} · ${translate(locale, "plan_feed.deadline", { name: task.name })}`, description, lastModified, categories: translate(locale, "plan_feed.deadline_category") });
      }
    }
    return icalWrite({
      productId: "-//Jiaofu//Plan milestones//EN",
      name: translate(locale, "plan_feed.calendar_name", { code: project.code, name: project.name }),
      refreshMinutes: FEED_REFRESH_MINUTES,
      generatedAt: now,
      events,
    });
  }

  return {
    maxMegabytes,
    maxBytes,
    exportMspdi,
    exportCsv,
    importPlan,

    getFeed: async (actor: Actor, projectId: string): Promise<TCalendarFeed> => {
      await requireExchange(actor, projectId, "plan_exchange.feed");
      return feeds.status(actor, projectId);
    },

    /** Makes the caller a new feed address (the old one stops working); the address is shown this once. */
    createFeed: async (actor: Actor, projectId: string, origin: string): Promise<TCalendarFeedCreated> => {
      const { project } = await requireExchange(actor, projectId, "plan_exchange.feed");
      return feeds.create(actor, project, origin, deps.now());
    },

    revokeFeed: async (actor: Actor, projectId: string): Promise<void> => {
      const { project } = await requireExchange(actor, projectId, "plan_exchange.feed");
      await feeds.revoke(actor, project, deps.now());
    },

    feedCalendar: (token: string) => feedCalendar(token, deps.now()),
  };
}
export type PlanExchangeService = ReturnType<typeof createPlanExchangeService>;
