/**
 * Meetings of a project (`MTG-n`, docs/execution.md, "Meetings"): create, edit and cancel meetings with their
 * agenda (the kind's template in the caller's language unless one is sent), attendees and attendance, minutes,
 * decisions and action items; recurring series (RRULE) listed occurrence by occurrence in a range, an occurrence
 * opened as its own row (`seriesId`, `occurrenceStart`) to hold it; an action item made a plan task through the
 * planning module's `runChange` (so it is scheduled) with owner, assignee and deadline — once, however often asked;
 * iCalendar invitations and a per-person feed (token hash only, revocable). Every write is version-checked and
 * audited in its transaction.
 */
import { randomUUID } from "node:crypto";
import { meetingAgendaTemplate, meetingKey, meetingSharedByDefault } from "@jiaofu/engine";
import type {
  TCreateMeetingItemRequest,
  TCreateMeetingRequest,
  TLocale,
  TMeeting,
  TCalendarFeed,
  TCalendarFeedCreated,
  TMeetingItem,
  TMeetingList,
  TMeetingListQuery,
  TMeetingOccurrence,
  TUpdateMeetingItemRequest,
  TUpdateMeetingRequest,
} from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import type { Config } from "../../config";
import type { Db, Tx } from "../../db/database";
import { planTaskAssignees } from "../../db/schema";
import { AppError, fieldError, notFound, versionConflict } from "../../platform/app-error";
import { calendarFeeds } from "../../platform/calendar-feeds";
import { recordAudit } from "../../platform/audit";
import { toActor } from "../../platform/authentication";
import { isUniqueViolation } from "../../platform/database-errors";
import { translate } from "../../platform/messages";
import { authorize, canMeeting, canMeetings, isStaff, meetingVisibility, type Actor, type MeetingAction, type MeetingFacts, type MeetingsAction } from "../../platform/policy";
import { loadProjectAccess, requireProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { createNotificationOutbox, type NotificationOutbox } from "../notifications/notifications.producer";
import { createPlanningService } from "../planning/planning.service";
import { icalWriteMeetings, type IcalMeeting } from "./meeting-ical";
import { meetingHasOccurrence, meetingNextOccurrences, meetingOccurrencesBetween, normaliseMeetingRrule } from "./meeting-recurrence";
import { presentMeeting, presentMeetingItem, presentMeetingSummary } from "./meetings.presenter";
import { createMeetingsRepository, type MeetingItemRecord, type MeetingRow, type NewMeetingRow } from "./meetings.repository";

const DAY_MS = 86_400_000;
/** The list's default range: 30 days back, 90 ahead; at most 400 days. */
const DEFAULT_PAST_DAYS = 30;
const DEFAULT_FUTURE_DAYS = 90;
const MAX_RANGE_DAYS = 400;
/** How many of a series' next occurrences a list or a meeting shows. */
const NEXT_OCCURRENCES = 5;
/** Calendar apps are asked to refresh the feed this often. */
const FEED_REFRESH_MINUTES = 60;

export type MeetingAccess = { row: MeetingRow; project: ProjectAccess; facts: MeetingFacts };

/** The meeting, its project's facts and what the policy allows (undefined: no such meeting in the workspace). */
export async function loadMeetingAccess(db: Db | Tx, actor: Actor, id: string): Promise<MeetingAccess | undefined> {
  const row = await createMeetingsRepository(db).get(actor.workspaceId, id);
  if (!row) return undefined;
  const project = await loadProjectAccess(db, actor, row.projectId);
  if (!project) return undefined;
  return { row, project, facts: { project: project.facts, sharedWithClient: row.sharedWithClient } };
}

/** What the audit log records of a meeting. */
const auditFields = (row: MeetingRow) => ({
  kind: row.kind,
  title: row.title,
  startsAt: row.startsAt,
  durationMinutes: row.durationMinutes,
  timeZone: row.timeZone,
  location: row.location,
  rrule: row.rrule,
  status: row.status,
  sharedWithClient: row.sharedWithClient,
  agenda: row.agenda,
  minutes: row.minutes,
  version: row.version,
});
const itemFields = (row: MeetingItemRecord) => ({ kind: row.kind, text: row.text, ownerId: row.ownerId, dueDate: row.dueDate, taskId: row.taskId, version: row.version });

type AttendeeInput = { userId: string; required: boolean; attended: boolean | null };

export function createMeetingsService(deps: AppDeps, config: Config) {
  const repo = createMeetingsRepository(deps.db);
  const planning = createPlanningService(deps);

  async function requireMeetings(actor: Actor, projectId: string, action: MeetingsAction): Promise<ProjectAccess> {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canMeetings(actor, action, access.facts));
    return access;
  }

  /** 404 when the meeting does not exist or the actor may not see it; 403 when they see it but may not act. */
  async function requireMeeting(actor: Actor, id: string, action: MeetingAction): Promise<MeetingAccess> {
    const access = await loadMeetingAccess(deps.db, actor, id);
    if (!access || !canMeeting(actor, "meeting.read", access.facts)) throw notFound("meeting.not_found");
    authorize(canMeeting(actor, action, access.facts));
    return access;
  }

  async function requireItem(actor: Actor, id: string, action: MeetingAction): Promise<{ item: MeetingItemRecord; meeting: MeetingAccess }> {
    const item = await repo.item(actor.workspaceId, id);
    const meeting = item && (await loadMeetingAccess(deps.db, actor, item.meetingId));
    if (!item || !meeting || !canMeeting(actor, "meeting.read", meeting.facts)) throw notFound("meeting.item_not_found");
    authorize(canMeeting(actor, action, meeting.facts));
    return { item, meeting };
  }

  /** Attendees must be on the project (its team or the client's contacts on it), each once. */
  async function checkAttendees(projectId: string, list: readonly AttendeeInput[]) {
    const members = new Set((await repo.members(projectId)).map((m) => m.userId));
    const seen = new Set<string>();
    list.forEach((attendee, index) => {
      if (!members.has(attendee.userId)) throw fieldError(`body.attendees.${index}.userId`, "meeting.attendee_not_on_project");
      if (seen.has(attendee.userId)) throw fieldError(`body.attendees.${index}.userId`, "meeting.attendee_duplicate");
      seen.add(attendee.userId);
    });
  }

  /** An action item's (new) owner hears of it (docs/monitoring.md, "Notifications"). */
  async function notifyActionOwner(outbox: NotificationOutbox, tx: Tx, actor: Actor, meeting: { id: string; workspaceId: string; projectId: string; title: string; number: number; sharedWithClient: boolean }, item: MeetingItemRecord) {
    if (item.kind !== "action" || !item.ownerId) return;
    await outbox.notify(tx, {
      workspaceId: meeting.workspaceId,
      kind: "action_item",
      projectId: meeting.projectId,
      entityType: "meeting",
      entityId: meeting.id,
      actorId: actor.userId,
      recipientIds: [item.ownerId],
      params: { meetingTitle: meeting.title, meetingKey: meetingKey(meeting.number), itemText: item.text, ...(item.dueDate ? { dueDate: item.dueDate } : {}) },
      dedupeKey: `action_item:${item.id}:${item.ownerId}`,
      // A client contact owning an item of an internal meeting is not told of it.
      visibleTo: (person) => isStaff(person) || meeting.sharedWithClient,
    });
  }

  async function checkItemOwner(projectId: string, ownerId: string | null | undefined) {
    if (!ownerId) return;
    if (!(await repo.members(projectId)).some((m) => m.userId === ownerId)) throw fieldError("body.ownerId", "meeting.item_owner_not_on_project");
  }

  function readRrule(text: string | null | undefined): string | null {
    if (!text) return null;
    const rule = normaliseMeetingRrule(text);
    if (!rule) throw fieldError("body.rrule", "meeting.rrule_invalid");
    return rule;
  }

  /** The meeting as `actor` may read it. */
  async function readDetail(db: Db | Tx, actor: Actor, row: MeetingRow): Promise<TMeeting> {
    const r = createMeetingsRepository(db);
    let nextOccurrences: Date[] = [];
    if (row.rrule && row.status !== "cancelled") {
      const opened = new Set((await r.occurrencesOf([row.id])).flatMap((o) => (o.occurrenceStart ? [o.occurrenceStart.getTime()] : [])));
      nextOccurrences = meetingNextOccurrences({ startsAt: row.startsAt, timeZone: row.timeZone, rrule: row.rrule }, deps.now(), NEXT_OCCURRENCES, opened);
    }
    const series = row.seriesId ? await r.get(row.workspaceId, row.seriesId) : undefined;
    return presentMeeting(row, {
      attendees: await r.attendees([row.id]),
      items: await r.items(row.id),
      nextOccurrences,
      seriesNumber: series?.number ?? null,
      internal: isStaff(actor),
    });
  }

  /** Creates a meeting row (numbered under the project lock) with its attendees, and audits it. */
  async function insertMeeting(tx: Tx, actor: Actor, values: Omit<NewMeetingRow, "number">, attendees: readonly AttendeeInput[]): Promise<MeetingRow> {
    const r = createMeetingsRepository(tx);
    await r.lockProject(values.projectId);
    const row = await r.insert({ ...values, number: await r.nextNumber(values.projectId) });
    await r.replaceAttendees(row, attendees);
    await recordAudit(tx, actor, row.workspaceId, { entityType: "meeting", entityId: row.id, projectId: row.projectId, action: "create", after: { ...auditFields(row), attendees } });
    return row;
  }

  /** An occurrence of a series on the calendar, as the list shows it. */
  const occurrenceOf = (row: MeetingRow, start: Date, virtual: boolean): TMeetingOccurrence => ({
    meetingId: row.id,
    key: meetingKey(row.number),
    kind: row.kind,
    title: row.title,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + row.durationMinutes * 60_000).toISOString(),
    timeZone: row.timeZone,
    location: row.location,
    status: row.status,
    sharedWithClient: row.sharedWithClient,
    seriesId: row.rrule ? row.id : row.seriesId,
    virtual,
  });

  /** The meetings `actor` may see in the feed or an invitation, as iCalendar events. */
  async function icalMeetings(db: Db | Tx, rows: readonly MeetingRow[], withAttendees: boolean, origin: string): Promise<IcalMeeting[]> {
    const r = createMeetingsRepository(db);
    const attendees = withAttendees ? await r.attendees(rows.map((m) => m.id)) : [];
    const organizers = new Map((await r.userNames([...new Set(rows.flatMap((m) => (m.createdById ? [m.createdById] : [])))])).map((u) => [u.id, u]));
    const base = (config.JIAOFU_PUBLIC_URL ?? origin).replace(/\/$/, "");
    return rows.map((m) => ({
      id: m.id,
      number: m.number,
      title: m.title,
      startsAt: m.startsAt,
      durationMinutes: m.durationMinutes,
      timeZone: m.timeZone,
      location: m.location,
      rrule: m.rrule,
      seriesId: m.seriesId,
      occurrenceStart: m.occurrenceStart,
      status: m.status,
      description: m.agenda,
      version: m.version,
      updatedAt: m.updatedAt,
      organizer: m.createdById ? (organizers.get(m.createdById) ?? null) : null,
      attendees: attendees.filter((a) => a.meetingId === m.id).map((a) => ({ name: a.name, email: a.email, required: a.required })),
      url: `${base}/projects/${m.projectId}/execution/meetings/${m.id}`,
    }));
  }

  const feeds = calendarFeeds(deps.db, "meetings", (origin, token) => `${(config.JIAOFU_PUBLIC_URL ?? origin).replace(/\/$/, "")}/api/v1/feeds/meetings/${token}.ics`);

  return {
    /**
     * The meetings starting in the range, series expanded (an occurrence with a row of its own shows as that row),
     * and the series with their next occurrences. A contact sees the meetings shared with the client only.
     */
    list: async (actor: Actor, projectId: string, query: TMeetingListQuery): Promise<TMeetingList> => {
      const { facts } = await requireMeetings(actor, projectId, "meetings.read");
      const now = deps.now();
      const from = query.from ? new Date(query.from) : new Date(now.getTime() - DEFAULT_PAST_DAYS * DAY_MS);
      const to = query.to ? new Date(query.to) : new Date(from.getTime() + (DEFAULT_PAST_DAYS + DEFAULT_FUTURE_DAYS) * DAY_MS);
      if (to <= from || to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw fieldError("query.to", "meeting.range_invalid");
      const visibility = meetingVisibility(actor, facts);
      const rows = await repo.inRange(projectId, from, to, visibility.kind !== "all");
      const seriesRows = rows.filter((m) => m.rrule !== null);
      const opened = await repo.occurrencesOf(seriesRows.map((s) => s.id));
      const openedStarts = new Map<string, Set<number>>();
      for (const o of opened) {
        if (!o.seriesId || !o.occurrenceStart) continue;
        const set = openedStarts.get(o.seriesId) ?? new Set<number>();
        set.add(o.occurrenceStart.getTime());
        openedStarts.set(o.seriesId, set);
      }
      const occurrences: TMeetingOccurrence[] = [];
      for (const row of rows) {
        if (!row.rrule) {
          occurrences.push(occurrenceOf(row, row.startsAt, false));
          continue;
        }
        const skip = openedStarts.get(row.id) ?? new Set<number>();
        // The series' own row is its first occurrence; later ones are virtual until opened.
        for (const start of meetingOccurrencesBetween({ startsAt: row.startsAt, timeZone: row.timeZone, rrule: row.rrule }, from, to)) {
          if (skip.has(start.getTime())) continue;
          const first = start.getTime() === row.startsAt.getTime();
          occurrences.push(occurrenceOf(row, start, !first));
        }
      }
      occurrences.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.key.localeCompare(b.key));
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        occurrences,
        series: seriesRows.map((row) => ({
          ...presentMeetingSummary(row),
          nextOccurrences:
            row.status === "cancelled" || !row.rrule
              ? []
              : meetingNextOccurrences({ startsAt: row.startsAt, timeZone: row.timeZone, rrule: row.rrule }, now, NEXT_OCCURRENCES, openedStarts.get(row.id)).map((d) => d.toISOString()),
        })),
      };
    },

    /** `locale`: the caller's language, for the kind's agenda template. */
    create: async (actor: Actor, projectId: string, input: TCreateMeetingRequest, locale: TLocale): Promise<TMeeting> => {
      const { project, facts } = await requireMeetings(actor, projectId, "meetings.write");
      const shared = input.sharedWithClient ?? meetingSharedByDefault(input.kind);
      // Sharing differently from the kind's default is a manager's call.
      if (shared !== meetingSharedByDefault(input.kind)) authorize(canMeeting(actor, "meeting.share", { project: facts, sharedWithClient: shared }));
      const rrule = readRrule(input.rrule);
      await checkAttendees(project.id, input.attendees);
      const now = deps.now();
      const row = await deps.db.transaction((tx) =>
        insertMeeting(
          tx,
          actor,
          {
            workspaceId: project.workspaceId,
            projectId: project.id,
            kind: input.kind,
            title: input.title,
            startsAt: new Date(input.startsAt),
            durationMinutes: input.durationMinutes,
            timeZone: input.timeZone,
            location: input.location,
            rrule,
            agenda: input.agenda ?? meetingAgendaTemplate(input.kind, locale),
            sharedWithClient: shared,
            createdById: actor.userId,
            createdAt: now,
            updatedAt: now,
          },
          input.attendees,
        ),
      );
      return readDetail(deps.db, actor, row);
    },

    get: async (actor: Actor, id: string): Promise<TMeeting> => readDetail(deps.db, actor, (await requireMeeting(actor, id, "meeting.read")).row),

    /** An edit (send `version`): details, agenda, minutes, status (held, cancelled), attendees with attendance, sharing. */
    update: async (actor: Actor, id: string, input: TUpdateMeetingRequest): Promise<TMeeting> => {
      const access = await requireMeeting(actor, id, "meeting.update");
      const { version, attendees, ...fields } = input;
      if (fields.sharedWithClient !== undefined && fields.sharedWithClient !== access.row.sharedWithClient) authorize(canMeeting(actor, "meeting.share", access.facts));
      if (fields.rrule && access.row.seriesId) throw fieldError("body.rrule", "meeting.rrule_on_occurrence");
      const set: Partial<NewMeetingRow> = {};
      if (fields.kind !== undefined) set.kind = fields.kind;
      if (fields.title !== undefined) set.title = fields.title;
      if (fields.startsAt !== undefined) set.startsAt = new Date(fields.startsAt);
      if (fields.durationMinutes !== undefined) set.durationMinutes = fields.durationMinutes;
      if (fields.timeZone !== undefined) set.timeZone = fields.timeZone;
      if (fields.location !== undefined) set.location = fields.location;
      if (fields.rrule !== undefined) set.rrule = readRrule(fields.rrule);
      if (fields.agenda !== undefined) set.agenda = fields.agenda;
      if (fields.minutes !== undefined) set.minutes = fields.minutes;
      if (fields.status !== undefined) set.status = fields.status;
      if (fields.sharedWithClient !== undefined) set.sharedWithClient = fields.sharedWithClient;
      if (attendees) await checkAttendees(access.row.projectId, attendees);
      if (version !== access.row.version) throw versionConflict(await readDetail(deps.db, actor, access.row));
      const saved = await deps.db.transaction(async (tx) => {
        const r = createMeetingsRepository(tx);
        const locked = await r.lock(access.row.id);
        if (!locked || locked.version !== version) return undefined;
        const row = await r.update(locked.id, version, set, deps.now());
        if (!row) return undefined;
        const before: Record<string, unknown> = auditFields(locked);
        const after: Record<string, unknown> = auditFields(row);
        if (attendees) {
          before.attendees = (await r.attendees([locked.id])).map((a) => ({ userId: a.userId, required: a.required, attended: a.attended }));
          await r.replaceAttendees(row, attendees);
          after.attendees = attendees;
        }
        await recordAudit(tx, actor, row.workspaceId, { entityType: "meeting", entityId: row.id, projectId: row.projectId, action: set.status === "cancelled" ? "cancel" : "update", before, after });
        return row;
      });
      if (!saved) {
        const current = await repo.get(actor.workspaceId, id);
        throw versionConflict(current ? await readDetail(deps.db, actor, current) : undefined);
      }
      return readDetail(deps.db, actor, saved);
    },

    /**
     * Gives an occurrence of a series its own meeting (to hold it, take its minutes, cancel just it): a copy of the
     * series' details, agenda and attendees at the occurrence's start. Opened before: that meeting, unchanged.
     */
    openOccurrence: async (actor: Actor, seriesId: string, occurrenceStart: string): Promise<{ created: boolean; meeting: TMeeting }> => {
      const access = await requireMeeting(actor, seriesId, "meeting.update");
      const series = access.row;
      if (!series.rrule) throw fieldError("params.id", "meeting.not_a_series");
      const start = new Date(occurrenceStart);
      const existing = await repo.occurrence(series.id, start);
      if (existing) return { created: false, meeting: await readDetail(deps.db, actor, existing) };
      if (!meetingHasOccurrence({ startsAt: series.startsAt, timeZone: series.timeZone, rrule: series.rrule }, start)) throw fieldError("body.occurrenceStart", "meeting.not_an_occurrence");
      const attendees = (await repo.attendees([series.id])).map((a) => ({ userId: a.userId, required: a.required, attended: null }));
      const now = deps.now();
      try {
        const row = await deps.db.transaction((tx) =>
          insertMeeting(
            tx,
            actor,
            {
              workspaceId: series.workspaceId,
              projectId: series.projectId,
              kind: series.kind,
              title: series.title,
              startsAt: start,
              durationMinutes: series.durationMinutes,
              timeZone: series.timeZone,
              location: series.location,
              rrule: null,
              seriesId: series.id,
              occurrenceStart: start,
              agenda: series.agenda,
              sharedWithClient: series.sharedWithClient,
              createdById: actor.userId,
              createdAt: now,
              updatedAt: now,
            },
            attendees,
          ),
        );
        return { created: true, meeting: await readDetail(deps.db, actor, row) };
      } catch (error) {
        // Two people opened it at once: the other one's row stands.
        if (!isUniqueViolation(error, "meetings_series_occurrence_uq")) throw error;
        const row = await repo.occurrence(series.id, start);
        if (!row) throw error;
        return { created: false, meeting: await readDetail(deps.db, actor, row) };
      }
    },

    addItem: async (actor: Actor, meetingId: string, input: TCreateMeetingItemRequest): Promise<TMeetingItem> => {
      const { row: meeting } = await requireMeeting(actor, meetingId, "meeting.update");
      await checkItemOwner(meeting.projectId, input.ownerId);
      const outbox = createNotificationOutbox(deps);
      const id = await deps.db.transaction(async (tx) => {
        const r = createMeetingsRepository(tx);
        await r.lock(meeting.id);
        const now = deps.now();
        const item = await r.insertItem({
          workspaceId: meeting.workspaceId,
          projectId: meeting.projectId,
          meetingId: meeting.id,
          kind: input.kind,
          position: await r.nextItemPosition(meeting.id),
          text: input.text,
          ownerId: input.ownerId ?? null,
          dueDate: input.dueDate ?? null,
          createdAt: now,
          updatedAt: now,
        });
        await recordAudit(tx, actor, meeting.workspaceId, { entityType: "meeting_item", entityId: item.id, projectId: meeting.projectId, action: "create", after: { meetingId: meeting.id, ...itemFields(item) } });
        await notifyActionOwner(outbox, tx, actor, meeting, item);
        return item.id;
      });
      outbox.send();
      return presentItemById(meeting.id, id);
    },

    updateItem: async (actor: Actor, id: string, input: TUpdateMeetingItemRequest): Promise<TMeetingItem> => {
      const { item, meeting } = await requireItem(actor, id, "meeting.update");
      if (input.ownerId !== undefined) await checkItemOwner(meeting.row.projectId, input.ownerId);
      if (input.version !== item.version) throw versionConflict(await presentItemById(item.meetingId, item.id));
      const set: Partial<MeetingItemRecord> = {};
      if (input.text !== undefined) set.text = input.text;
      if (input.ownerId !== undefined) set.ownerId = input.ownerId;
      if (input.dueDate !== undefined) set.dueDate = input.dueDate;
      const outbox = createNotificationOutbox(deps);
      const saved = await deps.db.transaction(async (tx) => {
        const row = await createMeetingsRepository(tx).updateItem(item.id, input.version, set, deps.now());
        if (row) await recordAudit(tx, actor, row.workspaceId, { entityType: "meeting_item", entityId: row.id, projectId: row.projectId, action: "update", before: itemFields(item), after: itemFields(row) });
        if (row && row.ownerId !== item.ownerId) await notifyActionOwner(outbox, tx, actor, meeting.row, row);
        return row;
      });
      outbox.send();
      if (!saved) throw versionConflict(await presentItemById(item.meetingId, item.id));
      return presentItemById(item.meetingId, item.id);
    },

    removeItem: async (actor: Actor, id: string, version: number): Promise<void> => {
      const { item } = await requireItem(actor, id, "meeting.update");
      if (version !== item.version) throw versionConflict(await presentItemById(item.meetingId, item.id));
      const removed = await deps.db.transaction(async (tx) => {
        const done = await createMeetingsRepository(tx).deleteItem(item.id, version);
        if (done) await recordAudit(tx, actor, item.workspaceId, { entityType: "meeting_item", entityId: item.id, projectId: item.projectId, action: "delete", before: itemFields(item) });
        return done;
      });
      if (!removed) throw versionConflict(await presentItemById(item.meetingId, item.id));
    },

    /**
     * Makes an action item a plan task: at the end of the plan's top level, named by the item, owned and assigned to
     * the item's owner, with the due date as its deadline; the plan is rescheduled. Asked again (or by two people at
     * once), it answers the task made the first time.
     */
    createTask: async (actor: Actor, id: string, locale: TLocale): Promise<{ created: boolean; item: TMeetingItem }> => {
      const { item, meeting } = await requireItem(actor, id, "meeting.create_task");
      if (item.kind !== "action") throw fieldError("item.kind", "meeting.item_not_action");
      const linked = await presentItemById(item.meetingId, item.id);
      if (linked.taskId) return { created: false, item: linked };
      if (!item.ownerId) throw fieldError("item.ownerId", "meeting.item_owner_required");
      if (!item.dueDate) throw fieldError("item.dueDate", "meeting.item_due_required");
      const ownerId = item.ownerId;
      const dueDate = item.dueDate;
      let created = false;
      await planning.runChange(actor, meeting.project.project, async (ctx) => {
        const r = createMeetingsRepository(ctx.tx);
        const locked = await r.lockItem(item.id);
        if (!locked) throw notFound("meeting.item_not_found");
        if (locked.taskId && ctx.state.tasks.has(locked.taskId)) return;
        if (!(await ctx.repo.isProjectWorker(ctx.state.project.id, ownerId))) throw fieldError("item.ownerId", "meeting.item_owner_not_team");
        const topLevel = [...ctx.state.tasks.values()].filter((t) => t.parentId === null).length;
        const notes = translate(locale, "meeting.task_notes", {
          key: meetingKey(meeting.row.number),
          title: meeting.row.title,
          date: new Intl.DateTimeFormat("en-CA", { timeZone: meeting.row.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(meeting.row.startsAt),
        });
        const task = await ctx.repo.insertTask({
          id: randomUUID(),
          workspaceId: ctx.state.project.workspaceId,
          projectId: ctx.state.project.id,
          parentId: null,
          position: topLevel,
          name: locked.text,
          notes,
          durationDays: 1,
          ownerId,
          deadline: dueDate,
          createdById: actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        ctx.state.tasks.set(task.id, { ...task, position: Number.MAX_SAFE_INTEGER });
        ctx.log.taskId = task.id;
        ctx.log.touchedTasks.add(task.id);
        await ctx.tx.insert(planTaskAssignees).values({ taskId: task.id, userId: ownerId, workspaceId: task.workspaceId, projectId: task.projectId, createdAt: ctx.now }).onConflictDoNothing();
        const after = await r.updateItem(locked.id, locked.version, { taskId: task.id }, ctx.now);
        if (!after) throw new AppError("version_conflict");
        await recordAudit(ctx.tx, actor, task.workspaceId, { entityType: "plan_task", entityId: task.id, projectId: task.projectId, action: "create", after: { name: task.name, ownerId, deadline: dueDate, assignees: [ownerId], fromMeetingItem: locked.id } });
        await recordAudit(ctx.tx, actor, task.workspaceId, { entityType: "meeting_item", entityId: locked.id, projectId: task.projectId, action: "create_task", before: itemFields(locked), after: itemFields(after) });
        created = true;
      });
      return { created, item: await presentItemById(item.meetingId, item.id) };
    },

    /** One meeting (a series with its RRULE and its opened occurrences as overrides) as an invitation. */
    invitation: async (actor: Actor, id: string, origin: string): Promise<{ body: string; filename: string }> => {
      const { row, project } = await requireMeeting(actor, id, "meeting.read");
      const overrides = row.rrule ? (await repo.occurrencesOf([row.id])).filter((o) => canMeeting(actor, "meeting.read", { project: project.facts, sharedWithClient: o.sharedWithClient })) : [];
      const body = icalWriteMeetings({
        method: "REQUEST",
        name: `${project.project.code} ${meetingKey(row.number)} ${row.title}`,
        projectCode: project.project.code,
        generatedAt: deps.now(),
        meetings: await icalMeetings(deps.db, [row, ...overrides], true, origin),
      });
      return { body, filename: `${project.project.code}-${meetingKey(row.number)}.ics` };
    },

    getFeed: async (actor: Actor, projectId: string): Promise<TCalendarFeed> => {
      await requireMeetings(actor, projectId, "meetings.read");
      return feeds.status(actor, projectId);
    },

    /** Makes the caller a new feed address (the old one stops working); the address is shown this once. */
    createFeed: async (actor: Actor, projectId: string, origin: string): Promise<TCalendarFeedCreated> => {
      const { project } = await requireMeetings(actor, projectId, "meetings.read");
      return feeds.create(actor, project, origin, deps.now());
    },

    revokeFeed: async (actor: Actor, projectId: string): Promise<void> => {
      const { project } = await requireMeetings(actor, projectId, "meetings.read");
      await feeds.revoke(actor, project, deps.now());
    },

    /**
     * The feed by its token: the project's meetings its owner may read now (a contact: the shared ones). 404 for an
     * unknown or revoked token, an inactive owner, or one no longer on the project.
     */
    feedCalendar: async (token: string, origin: string): Promise<string> => {
      const found = await feeds.find(token);
      if (!found || !found.user.active) throw notFound("meeting_feed.not_found");
      const actor = toActor(found.user);
      const access = await loadProjectAccess(deps.db, actor, found.feed.projectId);
      if (!access || !canMeetings(actor, "meetings.read", access.facts)) throw notFound("meeting_feed.not_found");
      const now = deps.now();
      await feeds.served(found.feed.id, now);
      const rows = await repo.all(access.project.id, meetingVisibility(actor, access.facts).kind !== "all");
      return icalWriteMeetings({
        method: "PUBLISH",
        name: translate(actor.locale, "meeting_feed.calendar_name", { code: access.project.code, name: access.project.name }),
        projectCode: access.project.code,
        generatedAt: now,
        refreshMinutes: FEED_REFRESH_MINUTES,
        meetings: await icalMeetings(deps.db, rows, false, origin),
      });
    },
  };

  async function presentItemById(meetingId: string, itemId: string): Promise<TMeetingItem> {
    const row = (await repo.items(meetingId)).find((i) => i.id === itemId);
    if (!row) throw notFound("meeting.item_not_found");
    return presentMeetingItem(row);
  }
}
export type MeetingsService = ReturnType<typeof createMeetingsService>;
