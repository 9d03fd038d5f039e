/**
 * The meetings module's only Drizzle code: meetings (MTG-n), their attendees and items, and the meeting feed
 * tokens. New numbers are taken with the project row locked (`lockProject`), so two meetings created at once never
 * get the same `MTG-n`.
 */
import { and, asc, eq, gte, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { meetingAttendees, meetingItems, meetings, planTasks, projectMembers, projects, users } from "../../db/schema";

export type MeetingRow = typeof meetings.$inferSelect;
export type NewMeetingRow = typeof meetings.$inferInsert;
export type MeetingItemRecord = typeof meetingItems.$inferSelect;
export type MeetingItemRow = MeetingItemRecord & {
  ownerName: string | null;
  task: { id: string; wbsCode: string; name: string; percentComplete: number } | null;
};
export type MeetingAttendeeRow = { meetingId: string; userId: string; name: string; email: string; projectRole: string | null; required: boolean; attended: boolean | null };

export function createMeetingsRepository(db: Db | Tx) {
  return {
    lockProject: async (projectId: string) => {
      await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for("update");
    },

    /** Next `MTG-n` of the project; call with the project row locked. */
    nextNumber: async (projectId: string): Promise<number> => {
      const [next] = await db.select({ number: sql<number>`coalesce(max(${meetings.number}), 0)::int + 1` }).from(meetings).where(eq(meetings.projectId, projectId));
      return Number(next?.number ?? 1);
    },

    insert: async (values: NewMeetingRow): Promise<MeetingRow> => {
      const [row] = await db.insert(meetings).values(values).returning();
      if (!row) throw new Error("insert returned nothing");
      return row;
    },

    get: async (workspaceId: string, id: string): Promise<MeetingRow | undefined> => {
      const [row] = await db.select().from(meetings).where(and(eq(meetings.workspaceId, workspaceId), eq(meetings.id, id)));
      return row;
    },

    lock: async (id: string): Promise<MeetingRow | undefined> => {
      const [row] = await db.select().from(meetings).where(eq(meetings.id, id)).for("update");
      return row;
    },

    /** Saves `set` if the row is still at `version` (bumping it); undefined when it is not. */
    update: async (id: string, version: number, set: Partial<NewMeetingRow>, now: Date): Promise<MeetingRow | undefined> => {
      const [row] = await db
        .update(meetings)
        .set({ ...set, updatedAt: now, version: sql`${meetings.version} + 1` })
        .where(and(eq(meetings.id, id), eq(meetings.version, version)))
        .returning();
      return row;
    },

    /**
     * The project's meetings that may fall in [from, to): every series (expanded by the caller) and every other
     * meeting starting in the range. `sharedOnly`: those shared with the client.
     */
    inRange: (projectId: string, from: Date, to: Date, sharedOnly: boolean): Promise<MeetingRow[]> =>
      db
        .select()
        .from(meetings)
        .where(
          and(
            eq(meetings.projectId, projectId),
            sharedOnly ? eq(meetings.sharedWithClient, true) : undefined,
            or(isNotNull(meetings.rrule), and(gte(meetings.startsAt, from), lt(meetings.startsAt, to))),
          ),
        )
        .orderBy(asc(meetings.startsAt), asc(meetings.number)),

    /** Every meeting of the project (the feed), `sharedOnly` as above. */
    all: (projectId: string, sharedOnly: boolean): Promise<MeetingRow[]> =>
      db
        .select()
        .from(meetings)
        .where(and(eq(meetings.projectId, projectId), sharedOnly ? eq(meetings.sharedWithClient, true) : undefined))
        .orderBy(asc(meetings.startsAt), asc(meetings.number)),

    /** The occurrences of a series that have a row of their own. */
    occurrencesOf: (seriesIds: readonly string[]): Promise<MeetingRow[]> =>
      seriesIds.length === 0 ? Promise.resolve([]) : db.select().from(meetings).where(inArray(meetings.seriesId, [...seriesIds])),

    occurrence: async (seriesId: string, occurrenceStart: Date): Promise<MeetingRow | undefined> => {
      const [row] = await db.select().from(meetings).where(and(eq(meetings.seriesId, seriesId), eq(meetings.occurrenceStart, occurrenceStart)));
      return row;
    },

    /** The project's members (staff and the client's contacts) with their role: who may be invited. */
    members: (projectId: string) =>
      db
        .select({ userId: projectMembers.userId, role: projectMembers.role, name: users.name, email: users.email })
        .from(projectMembers)
        .innerJoin(users, eq(users.id, projectMembers.userId))
        .where(eq(projectMembers.projectId, projectId)),

    attendees: async (meetingIds: readonly string[]): Promise<MeetingAttendeeRow[]> => {
      if (meetingIds.length === 0) return [];
      return db
        .select({
          meetingId: meetingAttendees.meetingId,
          userId: meetingAttendees.userId,
          name: users.name,
          email: users.email,
          projectRole: projectMembers.role,
          required: meetingAttendees.required,
          attended: meetingAttendees.attended,
        })
        .from(meetingAttendees)
        .innerJoin(users, eq(users.id, meetingAttendees.userId))
        .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
        .leftJoin(projectMembers, and(eq(projectMembers.projectId, meetings.projectId), eq(projectMembers.userId, meetingAttendees.userId)))
        .where(inArray(meetingAttendees.meetingId, [...meetingIds]))
        .orderBy(asc(users.name));
    },

    replaceAttendees: async (meeting: Pick<MeetingRow, "id" | "workspaceId">, list: readonly { userId: string; required: boolean; attended: boolean | null }[]) => {
      await db.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting.id));
      if (list.length > 0) await db.insert(meetingAttendees).values(list.map((a) => ({ meetingId: meeting.id, workspaceId: meeting.workspaceId, ...a })));
    },

    items: async (meetingId: string): Promise<MeetingItemRow[]> => {
      const rows = await db
        .select({ item: meetingItems, ownerName: users.name, taskId: planTasks.id, wbsCode: planTasks.wbsCode, taskName: planTasks.name, percentComplete: planTasks.percentComplete })
        .from(meetingItems)
        .leftJoin(users, eq(users.id, meetingItems.ownerId))
        .leftJoin(planTasks, eq(planTasks.id, meetingItems.taskId))
        .where(eq(meetingItems.meetingId, meetingId))
        .orderBy(asc(meetingItems.position), asc(meetingItems.createdAt));
      return rows.map((r) => ({
        ...r.item,
        ownerName: r.ownerName,
        task: r.taskId ? { id: r.taskId, wbsCode: r.wbsCode ?? "", name: r.taskName ?? "", percentComplete: r.percentComplete ?? 0 } : null,
      }));
    },

    item: async (workspaceId: string, id: string): Promise<MeetingItemRecord | undefined> => {
      const [row] = await db.select().from(meetingItems).where(and(eq(meetingItems.workspaceId, workspaceId), eq(meetingItems.id, id)));
      return row;
    },

    lockItem: async (id: string): Promise<MeetingItemRecord | undefined> => {
      const [row] = await db.select().from(meetingItems).where(eq(meetingItems.id, id)).for("update");
      return row;
    },

    insertItem: async (values: typeof meetingItems.$inferInsert): Promise<MeetingItemRecord> => {
      const [row] = await db.insert(meetingItems).values(values).returning();
      if (!row) throw new Error("insert returned nothing");
      return row;
    },

    nextItemPosition: async (meetingId: string): Promise<number> => {
      const [next] = await db.select({ position: sql<number>`coalesce(max(${meetingItems.position}), -1)::int + 1` }).from(meetingItems).where(eq(meetingItems.meetingId, meetingId));
      return Number(next?.position ?? 0);
    },

    updateItem: async (id: string, version: number, set: Partial<typeof meetingItems.$inferInsert>, now: Date): Promise<MeetingItemRecord | undefined> => {
      const [row] = await db
        .update(meetingItems)
        .set({ ...set, updatedAt: now, version: sql`${meetingItems.version} + 1` })
        .where(and(eq(meetingItems.id, id), eq(meetingItems.version, version)))
        .returning();
      return row;
    },

    deleteItem: async (id: string, version: number): Promise<boolean> => {
      const rows = await db.delete(meetingItems).where(and(eq(meetingItems.id, id), eq(meetingItems.version, version))).returning({ id: meetingItems.id });
      return rows.length > 0;
    },

    userNames: async (ids: readonly string[]) =>
      ids.length === 0 ? [] : db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, [...ids])),
  };
}
export type MeetingsRepository = ReturnType<typeof createMeetingsRepository>;
