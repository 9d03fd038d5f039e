/**
 * Time tracking's use-cases (docs/execution.md "Time tracking"): the running timer, time entries, the weekly
 * timesheet and its submission per project, the manager's decision, and the actual cost. A person's time is written
 * in transactions that lock their `users` row first; an entry may change only while its week's part for its project
 * is a draft or was rejected; no day of a person's time may exceed 24 hours. Approval fixes the rate on the part's
 * entries: the plan resource's rate for that person in that project, else the person's own cost per hour.
 */
import type {
  TActualCost,
  TCreateTimeEntryRequest,
  TDecideTimesheetPartRequest,
  TListTimeEntriesQuery,
  TStartTimerRequest,
  TStopTimerRequest,
  TSubmitTimesheetRequest,
  TTimeEntry,
  TTimesheetApproval,
  TTimesheetWeek,
  TUpdateTimeEntryRequest,
} from "@jiaofu/contracts";
import {
  TIME_MINUTES_PER_DAY,
  timeAddDays,
  timeDateInZone,
  timeIsoWeekday,
  timeWeekDays,
  timeWeekStart,
  timerSlices,
  timesheetGrid,
  timesheetPartEditable,
  timesheetStatus,
  type CostInterval,
  type TimesheetPartStatus,
} from "@jiaofu/engine";
import { and, eq } from "drizzle-orm";
import type { AppDeps } from "../../app";
import type { Db, Tx } from "../../db/database";
import { planTasks } from "../../db/schema";
import { AppError, fieldError, notFound, versionConflict } from "../../platform/app-error";
import { recordAudit } from "../../platform/audit";
import { authorize, canKeepTime, canProject, canTime, canTimeOfPerson, type Actor, type TimeAction } from "../../platform/policy";
import { loadProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { actualCostByPeriod, actualCostOf } from "./actual-cost";
import { presentApproval, presentTimeEntry, presentTimer, presentTimesheetPart } from "./time.presenter";
import { createNotificationOutbox } from "../notifications/notifications.producer";
import { createTimeRepository, type NewTimeEntry, type PartStatus, type TimeEntryRow, type TimeRepository } from "./time.repository";

/**
 * The zone a day is taken in when the caller does not send theirs: the product's users work on China Standard Time.
 * The web app sends the browser's zone with every timer stop.
 */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

type Stale = { kind: "stale" };
const STALE: Stale = { kind: "stale" };
const isStale = (value: unknown): value is Stale => typeof value === "object" && value !== null && "kind" in value && (value as Stale).kind === "stale";

export function createTimeService(deps: AppDeps) {
  const repo = createTimeRepository(deps.db);
  const today = () => timeDateInZone(deps.now(), DEFAULT_TIME_ZONE);

  /** The project, if the actor may do `action` on its time: 404 when they may not even read it, else 403. */
  async function requireProject(db: Db | Tx, actor: Actor, projectId: string, action: TimeAction): Promise<ProjectAccess> {
    const access = await loadProjectAccess(db, actor, projectId);
    if (!access || !canProject(actor, "project.read", access.facts)) throw notFound("project.not_found");
    authorize(canTime(actor, action, access.facts));
    return access;
  }

  async function requireTask(r: TimeRepository, projectId: string, taskId: string | null | undefined, path: string) {
    if (!taskId) return;
    if (!(await r.taskOf(projectId, taskId))) throw fieldError(path, "time.task_not_found");
  }

  /** Entries may be written into a week's part only while it is a draft or was rejected. */
  async function requireEditableWeek(r: TimeRepository, userId: string, projectId: string, workDate: string) {
    const status = await r.partStatus(userId, timeWeekStart(workDate), projectId);
    if (status && !timesheetPartEditable(status)) throw new AppError("conflict", "time.week_locked", { week: timeWeekStart(workDate) });
  }

  /** Adding `minutes` per date to what the person already logged must not pass 24 hours on any day. */
  async function requireDayRoom(r: TimeRepository, userId: string, slices: readonly { workDate: string; minutes: number }[], path: string, exceptId?: string) {
    const logged = await r.dayMinutes(userId, slices.map((s) => s.workDate), exceptId);
    const extra = new Map<string, number>();
    for (const slice of slices) extra.set(slice.workDate, (extra.get(slice.workDate) ?? 0) + slice.minutes);
    for (const [date, minutes] of extra) {
      if ((logged.get(date) ?? 0) + minutes > TIME_MINUTES_PER_DAY) throw fieldError(path, "time.day_over_24h");
    }
  }

  async function entryById(db: Db | Tx, actor: Actor, id: string): Promise<TTimeEntry> {
    const row = await createTimeRepository(db).entry(actor.workspaceId, id);
    if (!row) throw notFound("time.entry_not_found");
    return presentTimeEntry(row);
  }

  /** The entry, if the actor may change it: their own (anyone else's: 403 to those who may read it, else 404). */
  async function requireOwnEntry(actor: Actor, id: string): Promise<TimeEntryRow> {
    authorize(canKeepTime(actor));
    const row = await repo.entry(actor.workspaceId, id);
    if (!row) throw notFound("time.entry_not_found");
    if (row.userId !== actor.userId) {
      const access = await loadProjectAccess(deps.db, actor, row.projectId);
      if (!access || !canTime(actor, "time.read", access.facts)) throw notFound("time.entry_not_found");
      authorize(false);
    }
    return row;
  }

  /** Stops the person's timer (if any) into entries, within `tx` (locked person). */
  async function stopInTransaction(tx: Tx, actor: Actor, timeZone: string, now: Date): Promise<string[] | null> {
    const r = createTimeRepository(tx);
    const timer = await r.takeTimer(actor.userId);
    if (!timer) return null;
    const slices = timerSlices(timer.startedAt.getTime(), now.getTime(), timeZone);
    for (const slice of slices) await requireEditableWeek(r, actor.userId, timer.projectId, slice.workDate);
    await requireDayRoom(r, actor.userId, slices, "body");
    const values: NewTimeEntry[] = slices.map((s) => ({ projectId: timer.projectId, taskId: timer.taskId, userId: actor.userId, workDate: s.workDate, minutes: s.minutes, note: timer.note, source: "timer" }));
    const created = await r.insertEntries(actor.workspaceId, values, now);
    for (const row of created) await recordAudit(tx, actor, actor.workspaceId, { entityType: "time_entry", entityId: row.id, projectId: row.projectId, action: "create", after: row });
    return created.map((row) => row.id);
  }

  async function entriesByIds(actor: Actor, ids: readonly string[]) {
    return Promise.all(ids.map((id) => entryById(deps.db, actor, id)));
  }

  /** The week's status from its parts, counting projects with time but no part yet as drafts. */
  async function weekStatusOf(r: TimeRepository, workspaceId: string, userId: string, timesheetId: string, weekStart: string): Promise<TimesheetPartStatus> {
    const parts = await r.parts(timesheetId);
    const entries = await r.entries(workspaceId, { userId, from: weekStart, to: timeAddDays(weekStart, 6) });
    const decided = new Set(parts.map((p) => p.projectId));
    const drafts = entries.some((e) => !decided.has(e.projectId));
    return timesheetStatus([...parts.map((p) => p.status), ...(drafts ? (["draft"] as const) : [])]);
  }

  async function readWeek(db: Db | Tx, actor: Actor, weekStart: string): Promise<TTimesheetWeek> {
    const r = createTimeRepository(db);
    const entries = await r.entries(actor.workspaceId, { userId: actor.userId, from: weekStart, to: timeAddDays(weekStart, 6) });
    const sheet = await r.timesheet(actor.userId, weekStart);
    const parts = sheet ? await r.parts(sheet.id) : [];
    const grid = timesheetGrid(weekStart, entries);
    const first = new Map<string, TimeEntryRow>();
    for (const e of entries) if (!first.has(`${e.projectId}/${e.taskId ?? ""}`)) first.set(`${e.projectId}/${e.taskId ?? ""}`, e);
    const partByProject = new Map(parts.map((p) => [p.projectId, p]));
    const draftProjects = new Map<string, TimeEntryRow>();
    for (const e of entries) if (!partByProject.has(e.projectId) && !draftProjects.has(e.projectId)) draftProjects.set(e.projectId, e);
    const draftMinutes = (projectId: string) => entries.filter((e) => e.projectId === projectId).reduce((sum, e) => sum + e.minutes, 0);
    const presentedParts = [
      ...parts.map(presentTimesheetPart),
      ...[...draftProjects.values()].map((e) => ({
        projectId: e.projectId,
        projectCode: e.projectCode,
        projectName: e.projectName,
        status: "draft" as const,
        minutes: draftMinutes(e.projectId),
        note: "",
        decidedByName: null,
        decidedAt: null,
        version: 0,
      })),
    ].sort((a, b) => a.projectCode.localeCompare(b.projectCode));
    return {
      userId: actor.userId,
      weekStart,
      days: timeWeekDays(weekStart),
      status: timesheetStatus(presentedParts.map((p) => p.status)),
      submittedAt: sheet?.submittedAt?.toISOString() ?? null,
      version: sheet?.version ?? 0,
      rows: grid.rows.map((row) => {
        const e = first.get(`${row.projectId}/${row.taskId ?? ""}`);
        const partStatus = partByProject.get(row.projectId)?.status ?? "draft";
        return {
          projectId: row.projectId,
          projectCode: e?.projectCode ?? "",
          projectName: e?.projectName ?? "",
          taskId: row.taskId,
          taskName: e?.taskName ?? null,
          taskWbsCode: e?.taskWbsCode ?? null,
          minutes: row.minutes,
          total: row.total,
          editable: timesheetPartEditable(partStatus),
        };
      }),
      dayTotals: grid.dayTotals,
      total: grid.total,
      parts: presentedParts,
      entries: entries.map(presentTimeEntry),
    };
  }

  async function approvalsWithEntries(db: Db | Tx, actor: Actor, rows: Awaited<ReturnType<TimeRepository["approvals"]>>): Promise<TTimesheetApproval[]> {
    const r = createTimeRepository(db);
    return Promise.all(
      rows.map(async (row) => presentApproval(row, await r.entries(actor.workspaceId, { userId: row.userId, projectId: row.projectId, from: row.weekStart, to: timeAddDays(row.weekStart, 6) }))),
    );
  }

  async function approvalOf(db: Db | Tx, actor: Actor, timesheetId: string, projectId: string): Promise<TTimesheetApproval | undefined> {
    const r = createTimeRepository(db);
    const sheet = await r.timesheetById(actor.workspaceId, timesheetId);
    if (!sheet) return undefined;
    const rows = (await r.approvals(actor.workspaceId, [projectId], "all", sheet.weekStart)).filter((row) => row.timesheetId === timesheetId);
    const [approval] = await approvalsWithEntries(db, actor, rows);
    return approval;
  }

  const weekOf = (date: string | undefined) => timeWeekStart(date ?? today());

  return {
    // ---- timer ----------------------------------------------------------------------------------------------------

    getTimer: async (actor: Actor) => {
      authorize(canKeepTime(actor));
      const timer = await repo.timer(actor.userId);
      return { timer: timer ? presentTimer(timer) : null };
    },

    /** Starts a timer on a project (and task); one already running is stopped into entries first. */
    startTimer: async (actor: Actor, input: TStartTimerRequest) => {
      authorize(canKeepTime(actor));
      await requireProject(deps.db, actor, input.projectId, "time.log");
      await requireTask(repo, input.projectId, input.taskId, "body.taskId");
      const now = deps.now();
      const stopped = await deps.db.transaction(async (tx) => {
        const r = createTimeRepository(tx);
        await r.lockPerson(actor.userId);
        const ids = (await stopInTransaction(tx, actor, input.timeZone ?? DEFAULT_TIME_ZONE, now)) ?? [];
        await r.insertTimer({ userId: actor.userId, workspaceId: actor.workspaceId, projectId: input.projectId, taskId: input.taskId, note: input.note, startedAt: now });
        return ids;
      });
      const timer = await repo.timer(actor.userId);
      if (!timer) throw new Error("timer vanished");
      return { timer: presentTimer(timer), stopped: await entriesByIds(actor, stopped) };
    },

    /** Stops the timer: one entry per day it ran (split at midnight in `timeZone`), rounded to whole minutes. */
    stopTimer: async (actor: Actor, input: TStopTimerRequest) => {
      authorize(canKeepTime(actor));
      const now = deps.now();
      const ids = await deps.db.transaction(async (tx) => {
        await createTimeRepository(tx).lockPerson(actor.userId);
        return stopInTransaction(tx, actor, input.timeZone ?? DEFAULT_TIME_ZONE, now);
      });
      if (ids === null) throw notFound("time.no_timer");
      return { entries: await entriesByIds(actor, ids) };
    },

    discardTimer: async (actor: Actor) => {
      authorize(canKeepTime(actor));
      const taken = await repo.takeTimer(actor.userId);
      if (!taken) throw notFound("time.no_timer");
    },

    // ---- entries --------------------------------------------------------------------------------------------------

    listEntries: async (actor: Actor, query: TListTimeEntriesQuery) => {
      authorize(canKeepTime(actor));
      let projectId = query.projectId;
      if (query.taskId) {
        const [task] = await deps.db
          .select({ projectId: planTasks.projectId })
          .from(planTasks)
          .where(and(eq(planTasks.workspaceId, actor.workspaceId), eq(planTasks.id, query.taskId)));
        if (!task || (projectId && task.projectId !== projectId)) throw notFound("time.task_not_found");
        projectId = task.projectId;
      }
      let userId = query.userId;
      if (projectId) await requireProject(deps.db, actor, projectId, "time.read");
      else {
        userId = userId ?? actor.userId;
        authorize(canTimeOfPerson(actor, userId));
      }
      const from = query.week ? timeWeekStart(query.week) : query.from;
      const to = query.week ? timeAddDays(timeWeekStart(query.week), 6) : query.to;
      const rows = await repo.entries(actor.workspaceId, { userId, projectId, taskId: query.taskId, from, to });
      return { items: rows.map(presentTimeEntry), totalMinutes: rows.reduce((sum, r) => sum + r.minutes, 0) };
    },

    createEntry: async (actor: Actor, input: TCreateTimeEntryRequest) => {
      authorize(canKeepTime(actor));
      await requireProject(deps.db, actor, input.projectId, "time.log");
      await requireTask(repo, input.projectId, input.taskId, "body.taskId");
      const now = deps.now();
      const id = await deps.db.transaction(async (tx) => {
        const r = createTimeRepository(tx);
        await r.lockPerson(actor.userId);
        await requireEditableWeek(r, actor.userId, input.projectId, input.workDate);
        await requireDayRoom(r, actor.userId, [input], "body.minutes");
        const [row] = await r.insertEntries(actor.workspaceId, [{ ...input, userId: actor.userId, source: "manual" }], now);
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "time_entry", entityId: row.id, projectId: row.projectId, action: "create", after: row });
        return row.id;
      });
      return entryById(deps.db, actor, id);
    },

    /** Changes an own entry (send `version`); both its old and its new week must still be open for editing. */
    updateEntry: async (actor: Actor, id: string, input: TUpdateTimeEntryRequest) => {
      const current = await requireOwnEntry(actor, id);
      const access = await requireProject(deps.db, actor, current.projectId, "time.log");
      await requireTask(repo, access.project.id, input.taskId, "body.taskId");
      const { version, ...fields } = input;
      if (version !== current.version) throw versionConflict(presentTimeEntry(current));
      const now = deps.now();
      const outcome = await deps.db.transaction(async (tx) => {
        const r = createTimeRepository(tx);
        await r.lockPerson(actor.userId);
        const locked = await r.entry(actor.workspaceId, id);
        if (!locked || locked.version !== version) return STALE;
        const workDate = fields.workDate ?? locked.workDate;
        const minutes = fields.minutes ?? locked.minutes;
        await requireEditableWeek(r, actor.userId, locked.projectId, locked.workDate);
        if (workDate !== locked.workDate) await requireEditableWeek(r, actor.userId, locked.projectId, workDate);
        await requireDayRoom(r, actor.userId, [{ workDate, minutes }], "body.minutes", id);
        const after = await r.updateEntry(id, version, fields, now);
        if (!after) return STALE;
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "time_entry", entityId: id, projectId: after.projectId, action: "update", before: locked, after });
        return after;
      });
      if (isStale(outcome)) throw versionConflict(await entryById(deps.db, actor, id));
      return entryById(deps.db, actor, id);
    },

    /** Removes an own entry while its week is open; `version`, when sent, must be current. */
    deleteEntry: async (actor: Actor, id: string, version: number | undefined) => {
      const current = await requireOwnEntry(actor, id);
      await requireProject(deps.db, actor, current.projectId, "time.log");
      if (version !== undefined && version !== current.version) throw versionConflict(presentTimeEntry(current));
      const outcome = await deps.db.transaction(async (tx) => {
        const r = createTimeRepository(tx);
        await r.lockPerson(actor.userId);
        await requireEditableWeek(r, actor.userId, current.projectId, current.workDate);
        const removed = await r.deleteEntry(id, version ?? current.version);
        if (!removed) return STALE;
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "time_entry", entityId: id, projectId: removed.projectId, action: "delete", before: removed });
        return removed;
      });
      if (isStale(outcome)) throw versionConflict(await entryById(deps.db, actor, id));
    },

    // ---- timesheets -----------------------------------------------------------------------------------------------

    myWeek: async (actor: Actor, week: string | undefined) => {
      authorize(canKeepTime(actor));
      return readWeek(deps.db, actor, weekOf(week));
    },

    /**
     * Submits the week: every project with time whose part is a draft or was rejected gets a part awaiting its
     * manager's decision (with the week's minutes on it); those entries are locked from then on.
     */
    submitWeek: async (actor: Actor, input: TSubmitTimesheetRequest) => {
      authorize(canKeepTime(actor));
      if (timeIsoWeekday(input.weekStart) !== 1) throw fieldError("body.weekStart", "time.not_monday");
      const weekStart = input.weekStart;
      const now = deps.now();
      const outcome = await deps.db.transaction(async (tx) => {
        const r = createTimeRepository(tx);
        await r.lockPerson(actor.userId);
        const existing = await r.timesheet(actor.userId, weekStart);
        if ((existing?.version ?? 0) !== input.version) return STALE;
        const entries = await r.entries(actor.workspaceId, { userId: actor.userId, from: weekStart, to: timeAddDays(weekStart, 6) });
        const perProject = new Map<string, { minutes: number; status: PartStatus | null }>();
        for (const e of entries) {
          const line = perProject.get(e.projectId) ?? { minutes: 0, status: e.partStatus };
          line.minutes += e.minutes;
          perProject.set(e.projectId, line);
        }
        const toSubmit = [...perProject.entries()].filter(([, line]) => line.status === null || line.status === "rejected");
        if (toSubmit.length === 0) throw fieldError("body.weekStart", "time.nothing_to_submit");
        const sheet = existing ?? (await r.insertTimesheet({ workspaceId: actor.workspaceId, userId: actor.userId, weekStart, status: "submitted", submittedAt: now, createdAt: now, updatedAt: now }));
        for (const [projectId, line] of toSubmit) await r.submitPart(actor.workspaceId, sheet.id, projectId, line.minutes);
        const status = await weekStatusOf(r, actor.workspaceId, actor.userId, sheet.id, weekStart);
        const after = await r.updateTimesheet(sheet.id, sheet.version, { status, submittedAt: now }, now);
        if (!after) return STALE;
        await recordAudit(tx, actor, actor.workspaceId, {
          entityType: "timesheet",
          entityId: sheet.id,
          action: "submit",
          before: existing ?? null,
          after: { ...after, projects: toSubmit.map(([projectId, line]) => ({ projectId, minutes: line.minutes })) },
        });
        return after;
      });
      if (isStale(outcome)) throw versionConflict(await readWeek(deps.db, actor, weekStart));
      return readWeek(deps.db, actor, weekStart);
    },

    /** What awaits the caller's decision (or was decided) on the projects they manage. */
    approvals: async (actor: Actor, query: { status: PartStatus | "all"; week?: string | undefined }) => {
      authorize(canKeepTime(actor));
      const projectIds = await repo.managedProjectIds(actor.workspaceId, actor.userId);
      const rows = await repo.approvals(actor.workspaceId, projectIds, query.status, query.week ? timeWeekStart(query.week) : undefined);
      return { items: await approvalsWithEntries(deps.db, actor, rows) };
    },

    projectApprovals: async (actor: Actor, projectId: string, query: { status: PartStatus | "all"; week?: string | undefined }) => {
      await requireProject(deps.db, actor, projectId, "time.approve");
      const rows = await repo.approvals(actor.workspaceId, [projectId], query.status, query.week ? timeWeekStart(query.week) : undefined);
      return { items: await approvalsWithEntries(deps.db, actor, rows) };
    },

    /**
     * The manager's decision on a submitted part (send its `version`). Approving fixes the rate on its entries;
     * rejecting (a note is required) opens them for editing until the person submits the week again.
     */
    decide: async (actor: Actor, timesheetId: string, projectId: string, input: TDecideTimesheetPartRequest) => {
      await requireProject(deps.db, actor, projectId, "time.approve");
      const current = await approvalOf(deps.db, actor, timesheetId, projectId);
      if (!current) throw notFound("time.part_not_found");
      if (input.decision === "rejected" && input.note.trim() === "") throw fieldError("body.note", "time.reject_note_required");
      if (current.status !== "submitted" || current.version !== input.version) throw versionConflict(current);
      const now = deps.now();
      const outbox = createNotificationOutbox(deps);
      const outcome = await deps.db.transaction(async (tx) => {
        const r = createTimeRepository(tx);
        await r.lockPerson(current.userId);
        const decided = await r.decidePart(timesheetId, projectId, input.version, { status: input.decision, note: input.note, decidedById: actor.userId, decidedAt: now });
        if (!decided) return STALE;
        let rate: number | null = null;
        if (input.decision === "approved") {
          rate = await r.rateFor(projectId, current.userId);
          await r.fixRates(current.userId, projectId, current.weekStart, timeAddDays(current.weekStart, 6), rate, now);
        }
        const sheet = await r.timesheetById(actor.workspaceId, timesheetId);
        if (!sheet) throw new Error("timesheet vanished");
        const status = await weekStatusOf(r, actor.workspaceId, current.userId, timesheetId, current.weekStart);
        if (status !== sheet.status) await r.updateTimesheet(timesheetId, sheet.version, { status }, now);
        await recordAudit(tx, actor, actor.workspaceId, {
          entityType: "timesheet",
          entityId: timesheetId,
          projectId,
          action: input.decision === "approved" ? "approve" : "reject",
          before: { status: current.status, minutes: current.minutes, userId: current.userId, weekStart: current.weekStart },
          after: { status: decided.status, note: decided.note, costPerHour: rate },
        });
        await outbox.notify(tx, {
          workspaceId: actor.workspaceId,
          kind: "timesheet_decided",
          projectId,
          entityType: "timesheet",
          entityId: timesheetId,
          actorId: actor.userId,
          recipientIds: [current.userId],
          params: { weekStart: current.weekStart, decision: input.decision, note: input.note },
        });
        return decided;
      });
      outbox.send();
      const after = await approvalOf(deps.db, actor, timesheetId, projectId);
      if (!after) throw notFound("time.part_not_found");
      if (isStale(outcome)) throw versionConflict(after);
      return after;
    },

    // ---- actual cost ----------------------------------------------------------------------------------------------

    actualCost: async (actor: Actor, projectId: string, interval: CostInterval): Promise<TActualCost> => {
      const access = await requireProject(deps.db, actor, projectId, "time.cost.read");
      const [summary, periods, pendingMinutes] = await Promise.all([
        actualCostOf(deps.db, actor.workspaceId, projectId),
        actualCostByPeriod(deps.db, actor.workspaceId, projectId, interval),
        repo.pendingMinutes(projectId),
      ]);
      return {
        projectId,
        currency: access.project.currency,
        interval,
        totalMinutes: summary.minutes,
        totalCost: summary.cost,
        pendingMinutes,
        periods,
        phases: summary.phases,
        people: summary.people,
      };
    },
  };
}
export type TimeService = ReturnType<typeof createTimeService>;
