import { z } from "zod";
import { MEETING_ITEM_KINDS, MEETING_KINDS, MEETING_STATUSES, timeZoneIsValid } from "@jiaofu/engine";
import { ZId, ZIsoDate, ZIsoDateTime, ZVersioned } from "./common";

/**
 * Meetings of a project (`MTG-n`, docs/execution.md, "Meetings"): kick-off, weekly status, client review and ad hoc
 * meetings with an agenda, attendees and their attendance, minutes, decisions and action items (which become plan
 * tasks); a meeting may recur (RRULE), and each occurrence that is held becomes its own meeting. Meetings go out as
 * iCalendar invitations and in a subscribable feed; client contacts read the meetings shared with the client.
 */
export { MEETING_ITEM_KINDS, MEETING_KINDS, MEETING_STATUSES };
export type TMeetingKind = (typeof MEETING_KINDS)[number];
export type TMeetingStatus = (typeof MEETING_STATUSES)[number];
export type TMeetingItemKind = (typeof MEETING_ITEM_KINDS)[number];
export const ZMeetingKind = z.enum(MEETING_KINDS);
export const ZMeetingStatus = z.enum(MEETING_STATUSES);
export const ZMeetingItemKind = z.enum(MEETING_ITEM_KINDS);

/** An IANA time zone name, e.g. `Asia/Shanghai`. */
export const ZTimeZone = z.string().trim().min(1).max(64).refine(timeZoneIsValid, { message: "meeting.time_zone_invalid" });
/**
 * An RFC 5545 recurrence rule without `DTSTART` (the meeting's start is its first occurrence), e.g.
 * `FREQ=WEEKLY;BYDAY=MO`. The server checks it (400 when it cannot be read). Empty or null: a one-off meeting.
 */
export const ZRrule = z.string().trim().max(500).regex(/^(RRULE:)?FREQ=/i, "meeting.rrule_invalid");

const ZMeetingTitle = z.string().trim().min(1).max(200);
const ZMeetingMarkdown = z.string().max(50_000);
const ZDuration = z.number().int().min(5).max(1440);

export const ZMeetingAttendeeInput = z.object({
  userId: ZId,
  /** Optional attendees are invited as such (ROLE=OPT-PARTICIPANT). */
  required: z.boolean().default(true),
  /** Whether they came: null until the meeting is held. */
  attended: z.boolean().nullable().default(null),
});

export const ZMeetingAttendee = z
  .object({
    userId: ZId,
    name: z.string(),
    email: z.string(),
    /** `client` for the client's contacts; else their role on the project. */
    projectRole: z.string(),
    required: z.boolean(),
    attended: z.boolean().nullable(),
  })
  .meta({ id: "MeetingAttendee" });
export type TMeetingAttendee = z.infer<typeof ZMeetingAttendee>;

export const ZMeetingItem = z
  .object({
    id: ZId,
    meetingId: ZId,
    kind: ZMeetingItemKind,
    position: z.number().int(),
    text: z.string(),
    ownerId: ZId.nullable(),
    ownerName: z.string().nullable(),
    dueDate: ZIsoDate.nullable(),
    /** The plan task the action item became (null until "Create task"). */
    taskId: ZId.nullable(),
    /** The task's WBS code and name, while it exists. */
    task: z.object({ id: ZId, wbsCode: z.string(), name: z.string(), percentComplete: z.number() }).nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: "MeetingItem" });
export type TMeetingItem = z.infer<typeof ZMeetingItem>;

export const ZMeetingSummary = z
  .object({
    id: ZId,
    projectId: ZId,
    number: z.number().int(),
    /** `MTG-<number>`. */
    key: z.string(),
    kind: ZMeetingKind,
    title: z.string(),
    startsAt: ZIsoDateTime,
    endsAt: ZIsoDateTime,
    durationMinutes: z.number().int(),
    timeZone: z.string(),
    location: z.string(),
    /** The recurrence of a series; null for a one-off meeting or an occurrence. */
    rrule: z.string().nullable(),
    /** The series an occurrence belongs to, and the start it had in the series. */
    seriesId: ZId.nullable(),
    occurrenceStart: ZIsoDateTime.nullable(),
    status: ZMeetingStatus,
    sharedWithClient: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "MeetingSummary" });
export type TMeetingSummary = z.infer<typeof ZMeetingSummary>;

export const ZMeeting = ZMeetingSummary.extend({
  /** Markdown, and the same rendered and sanitised. */
  agenda: z.string(),
  agendaHtml: z.string(),
  minutes: z.string(),
  minutesHtml: z.string(),
  attendees: z.array(ZMeetingAttendee),
  items: z.array(ZMeetingItem),
  /** A series' next occurrences from now (up to 5), not yet held. */
  nextOccurrences: z.array(ZIsoDateTime),
  seriesKey: z.string().nullable(),
  createdById: ZId.nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
}).meta({ id: "Meeting" });
export type TMeeting = z.infer<typeof ZMeeting>;

/** One meeting on the calendar: a one-off meeting, a held/opened occurrence (its own row) or a series' occurrence not yet opened. */
export const ZMeetingOccurrence = z
  .object({
    /** The row to open: the meeting itself, or the series for an occurrence not yet opened. */
    meetingId: ZId,
    key: z.string(),
    kind: ZMeetingKind,
    title: z.string(),
    startsAt: ZIsoDateTime,
    endsAt: ZIsoDateTime,
    timeZone: z.string(),
    location: z.string(),
    status: ZMeetingStatus,
    sharedWithClient: z.boolean(),
    seriesId: ZId.nullable(),
    /** An occurrence of a series with no row of its own yet (open it to hold it). */
    virtual: z.boolean(),
  })
  .meta({ id: "MeetingOccurrence" });
export type TMeetingOccurrence = z.infer<typeof ZMeetingOccurrence>;

export const ZMeetingListQuery = z.object({
  /** The range of starts to list (default: 30 days back to 90 days ahead); at most 400 days. */
  from: ZIsoDateTime.optional(),
  to: ZIsoDateTime.optional(),
});
export type TMeetingListQuery = z.infer<typeof ZMeetingListQuery>;

export const ZMeetingList = z
  .object({
    from: ZIsoDateTime,
    to: ZIsoDateTime,
    /** Every meeting starting in the range, series expanded, by start. */
    occurrences: z.array(ZMeetingOccurrence),
    /** The recurring series, with their next occurrences. */
    series: z.array(ZMeetingSummary.extend({ nextOccurrences: z.array(ZIsoDateTime) })),
  })
  .meta({ id: "MeetingList" });
export type TMeetingList = z.infer<typeof ZMeetingList>;

export const ZCreateMeetingRequest = z.object({
  kind: ZMeetingKind,
  title: ZMeetingTitle,
  startsAt: ZIsoDateTime,
  durationMinutes: ZDuration.default(60),
  timeZone: ZTimeZone.default("Asia/Shanghai"),
  location: z.string().trim().max(500).default(""),
  rrule: ZRrule.nullable().optional(),
  /** Markdown; omitted: the kind's agenda template in the caller's language. */
  agenda: ZMeetingMarkdown.optional(),
  attendees: z.array(ZMeetingAttendeeInput).max(200).default([]),
  /** Omitted: client reviews are shared with the client, other kinds are not. Only managers may share. */
  sharedWithClient: z.boolean().optional(),
});
export type TCreateMeetingRequest = z.infer<typeof ZCreateMeetingRequest>;

export const ZUpdateMeetingRequest = ZVersioned.extend({
  kind: ZMeetingKind.optional(),
  title: ZMeetingTitle.optional(),
  startsAt: ZIsoDateTime.optional(),
  durationMinutes: ZDuration.optional(),
  timeZone: ZTimeZone.optional(),
  location: z.string().trim().max(500).optional(),
  rrule: ZRrule.nullable().optional(),
  agenda: ZMeetingMarkdown.optional(),
  minutes: ZMeetingMarkdown.optional(),
  status: ZMeetingStatus.optional(),
  /** Replaces the attendee list (with attendance). */
  attendees: z.array(ZMeetingAttendeeInput).max(200).optional(),
  /** Managers (and admins) only. */
  sharedWithClient: z.boolean().optional(),
});
export type TUpdateMeetingRequest = z.infer<typeof ZUpdateMeetingRequest>;

export const ZOpenMeetingOccurrenceRequest = z.object({
  /** The occurrence's start as the series lists it. */
  occurrenceStart: ZIsoDateTime,
});

const ZItemText = z.string().trim().min(1).max(2000);
export const ZCreateMeetingItemRequest = z.object({
  kind: ZMeetingItemKind,
  text: ZItemText,
  ownerId: ZId.nullable().optional(),
  dueDate: ZIsoDate.nullable().optional(),
});
export type TCreateMeetingItemRequest = z.infer<typeof ZCreateMeetingItemRequest>;

export const ZUpdateMeetingItemRequest = ZVersioned.extend({
  text: ZItemText.optional(),
  ownerId: ZId.nullable().optional(),
  dueDate: ZIsoDate.nullable().optional(),
});
export type TUpdateMeetingItemRequest = z.infer<typeof ZUpdateMeetingItemRequest>;

export const ZVersionQuery = z.object({ version: z.coerce.number().int().positive() });

export const ZMeetingFeedTokenParams = z.object({ token: z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/) });
