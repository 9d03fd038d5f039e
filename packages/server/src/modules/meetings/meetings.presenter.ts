/** Meeting rows → the response contracts. A client contact gets the attendees without their e-mail addresses. */
import { meetingKey } from "@jiaofu/engine";
import type { TMeeting, TMeetingItem, TMeetingSummary } from "@jiaofu/contracts";
import { renderMarkdown } from "../../platform/markdown";
import type { MeetingAttendeeRow, MeetingItemRow, MeetingRow } from "./meetings.repository";

const endOf = (row: Pick<MeetingRow, "startsAt" | "durationMinutes">) => new Date(row.startsAt.getTime() + row.durationMinutes * 60_000);

export function presentMeetingSummary(row: MeetingRow): TMeetingSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    number: row.number,
    key: meetingKey(row.number),
    kind: row.kind,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: endOf(row).toISOString(),
    durationMinutes: row.durationMinutes,
    timeZone: row.timeZone,
    location: row.location,
    rrule: row.rrule,
    seriesId: row.seriesId,
    occurrenceStart: row.occurrenceStart?.toISOString() ?? null,
    status: row.status,
    sharedWithClient: row.sharedWithClient,
    version: row.version,
  };
}

export function presentMeetingItem(row: MeetingItemRow): TMeetingItem {
  return {
    id: row.id,
    meetingId: row.meetingId,
    kind: row.kind,
    position: row.position,
    text: row.text,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    dueDate: row.dueDate,
    taskId: row.task ? row.taskId : null,
    task: row.task,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentMeeting(
  row: MeetingRow,
  detail: { attendees: readonly MeetingAttendeeRow[]; items: readonly MeetingItemRow[]; nextOccurrences: readonly Date[]; seriesNumber: number | null; internal: boolean },
): TMeeting {
  return {
    ...presentMeetingSummary(row),
    agenda: row.agenda,
    agendaHtml: renderMarkdown(row.agenda),
    minutes: row.minutes,
    minutesHtml: renderMarkdown(row.minutes),
    attendees: detail.attendees.map((a) => ({
      userId: a.userId,
      name: a.name,
      email: detail.internal ? a.email : "",
      projectRole: a.projectRole ?? "",
      required: a.required,
      attended: a.attended,
    })),
    items: detail.items.map(presentMeetingItem),
    nextOccurrences: detail.nextOccurrences.map((d) => d.toISOString()),
    seriesKey: detail.seriesNumber === null ? null : meetingKey(detail.seriesNumber),
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
