import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetingAgendaTemplate } from "@jiaofu/engine";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, planTaskAssignees } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);

const fields = (body: { error: { details: { fields: { path: string; message: string }[] } } }) => Object.fromEntries(body.error.details.fields.map((f) => [f.path, f.message]));
const listUrl = (projectId: string, query = "") => `/api/v1/projects/${projectId}/meetings${query ? `?${query}` : ""}`;
const meetingUrl = (id: string, tail = "") => `/api/v1/meetings/${id}${tail}`;

function expectStatus(res: HttpResponse, status: number) {
  expect(res.status, typeof res.body === "string" ? res.body : JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** A project of client A with the usual team (pm manages, dev is a member, viewer views, contact A is the client). */
async function freshProject() {
  const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id, startDate: "2026-03-02" });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
  return project;
}

async function createMeeting(projectId: string, body: Record<string, unknown>, who: TestUser = w.pm) {
  return expectStatus(await (await as(who)).post(listUrl(projectId), { title: "Meeting", startsAt: "2026-03-02T01:30:00.000Z", ...body }), 201);
}

/** A minimal RFC 5545 reader for the tests: unfolds lines and reads each VEVENT's properties (name with parameters → value). */
function parseIcs(text: string) {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean);
  const events: Record<string, string>[] = [];
  const calendar: Record<string, string> = {};
  let current: Record<string, string> | null = null;
  let depth = 0;
  const attendees: string[][] = [];
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") {
      current = {};
      attendees.push([]);
      continue;
    }
    if (line === "END:VEVENT") {
      if (current) events.push(current);
      current = null;
      continue;
    }
    if (line.startsWith("BEGIN:V") && line !== "BEGIN:VCALENDAR") depth += 1;
    if (line.startsWith("END:V") && line !== "END:VCALENDAR") depth -= 1;
    const colon = line.indexOf(":");
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (current) {
      if (name.startsWith("ATTENDEE")) attendees[attendees.length - 1]?.push(line);
      else current[name] = value;
    } else if (depth === 0) calendar[name] = value;
  }
  return { calendar, events, attendees, lines };
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date("2026-03-10T00:00:00.000Z") });
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("meetings", () => {
  it("creates a kickoff (MTG-1) with the kind's agenda in the caller's language, attendees and the default sharing, and audits it", async () => {
    const project = await freshProject();
    const meeting = await createMeeting(project.id, {
      kind: "kickoff",
      title: "  Kick-off  ",
      location: "Shanghai office, room 3",
      attendees: [{ userId: w.dev.id }, { userId: w.contactA.id, required: false }],
    });
    expect(meeting).toMatchObject({
      key: "MTG-1",
      kind: "kickoff",
      title: "Kick-off",
      timeZone: "Asia/Shanghai",
      durationMinutes: 60,
      status: "scheduled",
      sharedWithClient: false,
      rrule: null,
      agenda: meetingAgendaTemplate("kickoff", "en"),
      endsAt: "2026-03-02T02:30:00.000Z",
    });
    expect(meeting.agendaHtml).toContain("<h2>");
    expect(meeting.attendees.map((a: { userId: string; required: boolean; projectRole: string }) => [a.userId, a.required, a.projectRole]).sort()).toEqual(
      [[w.dev.id, true, "member"], [w.contactA.id, false, "client"]].sort(),
    );
    const zh = await createMeeting(project.id, { kind: "client_review" }, w.pm);
    expect(zh.key).toBe("MTG-2");
    expect(zh.sharedWithClient).toBe(true);
    const zhAgenda = expectStatus(await (await as(w.dev)).post(listUrl(project.id), { kind: "weekly_status", title: "周会", startsAt: "2026-03-02T01:30:00.000Z" }, { "accept-language": "zh-CN" }), 201);
    expect(zhAgenda.agenda).toBe(meetingAgendaTemplate("weekly_status", "zh-CN"));
    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "meeting"), eq(auditLog.entityId, meeting.id)));
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("numbers meetings created at once without a gap or a clash", async () => {
    const project = await freshProject();
    const made = await Promise.all(Array.from({ length: 5 }, (_, i) => createMeeting(project.id, { kind: "ad_hoc", title: `Parallel ${i}` })));
    expect(made.map((m) => m.number).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("answers 400 with field messages in the caller's language", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const bad = await pm.post(listUrl(project.id), { kind: "party", title: "", startsAt: "tomorrow", timeZone: "Mars/Olympus", rrule: "EVERY MONDAY" });
    expect(bad.status).toBe(400);
    const f = fields(bad.body);
    expect(Object.keys(f).sort()).toEqual(["body.kind", "body.rrule", "body.startsAt", "body.timeZone", "body.title"]);
    expect(f["body.timeZone"]).toBe("Give a time zone such as Asia/Shanghai.");
    const zh = await pm.post(listUrl(project.id), { kind: "ad_hoc", title: "x", startsAt: "2026-03-02T01:30:00Z", timeZone: "Mars/Olympus" }, { "accept-language": "zh-CN" });
    expect(fields(zh.body)["body.timeZone"]).toBe("请填写时区，例如 Asia/Shanghai。");
    const hourly = await pm.post(listUrl(project.id), { kind: "ad_hoc", title: "x", startsAt: "2026-03-02T01:30:00Z", rrule: "FREQ=HOURLY" });
    expect(fields(hourly.body)["body.rrule"]).toContain("FREQ=WEEKLY");
    const outsider = await pm.post(listUrl(project.id), { kind: "ad_hoc", title: "x", startsAt: "2026-03-02T01:30:00Z", attendees: [{ userId: w.contactB.id }] });
    expect(fields(outsider.body)["body.attendees.0.userId"]).toBe("Invite only the project's team and the client's contacts on the project.");
    expect((await pm.get(listUrl(project.id, "from=2026-03-10T00:00:00Z&to=2026-03-01T00:00:00Z"))).status).toBe(400);
  });

  it("lets the team create and edit, viewers and contacts read only; sharing is a manager's call", async () => {
    const project = await freshProject();
    expectStatus(await (await as(w.viewer)).post(listUrl(project.id), { kind: "ad_hoc", title: "x", startsAt: "2026-03-02T01:30:00Z" }), 403);
    expectStatus(await (await as(w.contactA)).post(listUrl(project.id), { kind: "ad_hoc", title: "x", startsAt: "2026-03-02T01:30:00Z" }), 403);
    expectStatus(await (await as(w.dev)).post(listUrl(project.id), { kind: "ad_hoc", title: "x", startsAt: "2026-03-02T01:30:00Z", sharedWithClient: true }), 403);
    const meeting = await createMeeting(project.id, { kind: "weekly_status" }, w.dev);
    expectStatus(await (await as(w.dev)).patch(meetingUrl(meeting.id), { version: meeting.version, sharedWithClient: true }), 403);
    const shared = expectStatus(await (await as(w.pm)).patch(meetingUrl(meeting.id), { version: meeting.version, sharedWithClient: true }), 200);
    expect(shared.sharedWithClient).toBe(true);
    expectStatus(await (await as(w.viewer)).patch(meetingUrl(meeting.id), { version: shared.version, title: "no" }), 403);
    expectStatus(await (await as(w.contactA)).patch(meetingUrl(meeting.id), { version: shared.version, title: "no" }), 403);
    expectStatus(await t.anonymous().get(meetingUrl(meeting.id)), 401);
  });

  it("takes minutes, attendance and holds the meeting; a stale version answers 409 with the meeting as it is", async () => {
    const project = await freshProject();
    const meeting = await createMeeting(project.id, { kind: "ad_hoc", attendees: [{ userId: w.dev.id }, { userId: w.viewer.id }] });
    const pm = await as(w.pm);
    const held = expectStatus(
      await pm.patch(meetingUrl(meeting.id), {
        version: meeting.version,
        status: "held",
        minutes: "We agreed on **SSO** <script>alert(1)</script>",
        attendees: [
          { userId: w.dev.id, attended: true },
          { userId: w.viewer.id, attended: false },
        ],
      }),
      200,
    );
    expect(held.status).toBe("held");
    expect(held.minutesHtml).toContain("<strong>SSO</strong>");
    expect(held.minutesHtml).not.toContain("<script");
    expect(Object.fromEntries(held.attendees.map((a: { userId: string; attended: boolean | null }) => [a.userId, a.attended]))).toEqual({ [w.dev.id]: true, [w.viewer.id]: false });
    const stale = await (await as(w.dev)).patch(meetingUrl(meeting.id), { version: meeting.version, title: "Late edit" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: meeting.id, version: held.version, status: "held" });
    const cancelled = expectStatus(await pm.patch(meetingUrl(meeting.id), { version: held.version, status: "cancelled" }), 200);
    expect(cancelled.status).toBe("cancelled");
    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "meeting"), eq(auditLog.entityId, meeting.id))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "cancel"]);
  });
});

describe("recurring meetings", () => {
  it("expands a weekly series in Asia/Shanghai (no DST) at the same UTC time every week", async () => {
    const project = await freshProject();
    // Mondays 09:30 China Standard Time = 01:30 UTC.
    const series = await createMeeting(project.id, { kind: "weekly_status", title: "Weekly", rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=10" });
    expect(series.rrule).toBe("FREQ=WEEKLY;BYDAY=MO;COUNT=10");
    expect(series.nextOccurrences[0]).toBe("2026-03-16T01:30:00.000Z");
    const list = expectStatus(await (await as(w.pm)).get(listUrl(project.id, "from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z")), 200);
    expect(list.occurrences.map((o: { startsAt: string }) => o.startsAt)).toEqual(["2026-03-02T01:30:00.000Z", "2026-03-09T01:30:00.000Z", "2026-03-16T01:30:00.000Z", "2026-03-23T01:30:00.000Z", "2026-03-30T01:30:00.000Z"]);
    expect(list.occurrences.map((o: { virtual: boolean }) => o.virtual)).toEqual([false, true, true, true, true]);
    expect(list.series).toHaveLength(1);
    expect(list.series[0].nextOccurrences).toHaveLength(5);
  });

  it("keeps the wall-clock time across the DST change in Europe/Berlin (CET → CEST on 29 March 2026)", async () => {
    const project = await freshProject();
    // Mondays 09:30 Berlin: 08:30 UTC in CET, 07:30 UTC in CEST.
    await createMeeting(project.id, { kind: "weekly_status", title: "Berlin weekly", startsAt: "2026-03-16T08:30:00.000Z", timeZone: "Europe/Berlin", rrule: "FREQ=WEEKLY;BYDAY=MO" });
    const list = expectStatus(await (await as(w.pm)).get(listUrl(project.id, "from=2026-03-15T00:00:00Z&to=2026-04-07T00:00:00Z")), 200);
    expect(list.occurrences.map((o: { startsAt: string }) => o.startsAt)).toEqual(["2026-03-16T08:30:00.000Z", "2026-03-23T08:30:00.000Z", "2026-03-30T07:30:00.000Z", "2026-04-06T07:30:00.000Z"]);
  });

  it("holds an occurrence as its own meeting (once), which then replaces the virtual one in the list", async () => {
    const project = await freshProject();
    const series = await createMeeting(project.id, { kind: "weekly_status", title: "Weekly", rrule: "FREQ=WEEKLY;BYDAY=MO", attendees: [{ userId: w.dev.id }] });
    const pm = await as(w.pm);
    const opened = await pm.post(meetingUrl(series.id, "/occurrences"), { occurrenceStart: "2026-03-09T01:30:00.000Z" });
    const occurrence = expectStatus(opened, 201);
    expect(occurrence).toMatchObject({ key: "MTG-2", seriesId: series.id, seriesKey: "MTG-1", occurrenceStart: "2026-03-09T01:30:00.000Z", startsAt: "2026-03-09T01:30:00.000Z", rrule: null, agenda: series.agenda });
    expect(occurrence.attendees.map((a: { userId: string }) => a.userId)).toEqual([w.dev.id]);
    const again = expectStatus(await pm.post(meetingUrl(series.id, "/occurrences"), { occurrenceStart: "2026-03-09T01:30:00.000Z" }), 200);
    expect(again.id).toBe(occurrence.id);
    expect(fields(expectStatus(await pm.post(meetingUrl(series.id, "/occurrences"), { occurrenceStart: "2026-03-10T01:30:00.000Z" }), 400))["body.occurrenceStart"]).toBe("The series has no occurrence at this time.");
    expectStatus(await pm.post(meetingUrl(occurrence.id, "/occurrences"), { occurrenceStart: "2026-03-09T01:30:00.000Z" }), 400);
    expect(fields(expectStatus(await pm.patch(meetingUrl(occurrence.id), { version: occurrence.version, rrule: "FREQ=DAILY" }), 400))["body.rrule"]).toBeTruthy();
    const held = expectStatus(await pm.patch(meetingUrl(occurrence.id), { version: occurrence.version, status: "held", minutes: "Done." }), 200);
    expect(held.status).toBe("held");
    const list = expectStatus(await pm.get(listUrl(project.id, "from=2026-03-01T00:00:00Z&to=2026-03-17T00:00:00Z")), 200);
    expect(list.occurrences.map((o: { meetingId: string; virtual: boolean; status: string }) => [o.meetingId, o.virtual, o.status])).toEqual([
      [series.id, false, "scheduled"],
      [occurrence.id, false, "held"],
      [series.id, true, "scheduled"],
    ]);
  });
});

describe("decisions and action items", () => {
  it("turns an action item into a plan task with owner, assignee and deadline, once, visible in the plan and both ways", async () => {
    const project = await freshProject();
    const meeting = await createMeeting(project.id, { kind: "kickoff" });
    const pm = await as(w.pm);
    const decision = expectStatus(await pm.post(meetingUrl(meeting.id, "/items"), { kind: "decision", text: "Go with SSO via ADFS" }), 201);
    expect(decision).toMatchObject({ kind: "decision", position: 0, taskId: null });
    const action = expectStatus(await pm.post(meetingUrl(meeting.id, "/items"), { kind: "action", text: "Request the ADFS test tenant", ownerId: w.dev.id, dueDate: "2026-03-20" }), 201);
    expect(action).toMatchObject({ position: 1, ownerId: w.dev.id, ownerName: expect.any(String), dueDate: "2026-03-20" });

    expect(fields(expectStatus(await pm.post(`/api/v1/meeting-items/${decision.id}/task`), 400))["item.kind"]).toBe("Only an action item becomes a task.");
    expectStatus(await (await as(w.viewer)).post(`/api/v1/meeting-items/${action.id}/task`), 403);

    const converted = await pm.post(`/api/v1/meeting-items/${action.id}/task`);
    const item = expectStatus(converted, 201);
    expect(item.taskId).toEqual(expect.any(String));
    expect(item.task).toMatchObject({ id: item.taskId, name: "Request the ADFS test tenant", wbsCode: "1" });
    const twice = await Promise.all([pm.post(`/api/v1/meeting-items/${action.id}/task`), (await as(w.dev)).post(`/api/v1/meeting-items/${action.id}/task`)]);
    for (const res of twice) expect(expectStatus(res, 200).taskId).toBe(item.taskId);

    const plan = expectStatus(await pm.get(`/api/v1/projects/${project.id}/plan`), 200);
    expect(plan.tasks).toHaveLength(1);
    expect(plan.tasks[0]).toMatchObject({ id: item.taskId, name: "Request the ADFS test tenant", ownerId: w.dev.id, deadline: "2026-03-20" });
    expect(plan.tasks[0].schedule.start).toEqual(expect.any(String));
    expect(plan.tasks[0].notes).toContain("MTG-1");
    const assignees = await t.db.select().from(planTaskAssignees).where(eq(planTaskAssignees.taskId, item.taskId));
    expect(assignees.map((a) => a.userId)).toEqual([w.dev.id]);
    const detail = expectStatus(await pm.get(meetingUrl(meeting.id)), 200);
    expect(detail.items.map((i: { taskId: string | null }) => i.taskId)).toEqual([null, item.taskId]);
  });

  it("needs an owner on the team and a due date; a contact may own an item but not a task", async () => {
    const project = await freshProject();
    const meeting = await createMeeting(project.id, { kind: "client_review" });
    const pm = await as(w.pm);
    const bare = expectStatus(await pm.post(meetingUrl(meeting.id, "/items"), { kind: "action", text: "Send the data" }), 201);
    expect(fields(expectStatus(await pm.post(`/api/v1/meeting-items/${bare.id}/task`), 400))["item.ownerId"]).toBe("Give the action item an owner first.");
    const owned = expectStatus(await pm.patch(`/api/v1/meeting-items/${bare.id}`, { version: bare.version, ownerId: w.contactA.id }), 200);
    expect(fields(expectStatus(await pm.post(`/api/v1/meeting-items/${bare.id}/task`), 400))["item.dueDate"]).toBe("Give the action item a due date first.");
    const dated = expectStatus(await pm.patch(`/api/v1/meeting-items/${bare.id}`, { version: owned.version, dueDate: "2026-04-01" }), 200);
    expect(fields(expectStatus(await pm.post(`/api/v1/meeting-items/${bare.id}/task`), 400))["item.ownerId"]).toContain("delivery team");
    expectStatus(await pm.patch(`/api/v1/meeting-items/${bare.id}`, { version: owned.version, text: "stale" }), 409);
    expect(fields(expectStatus(await pm.patch(`/api/v1/meeting-items/${bare.id}`, { version: dated.version, ownerId: w.contactB.id }), 400))["body.ownerId"]).toBe("The owner must be on the project.");
    expectStatus(await pm.delete(`/api/v1/meeting-items/${bare.id}?version=${owned.version}`), 409);
    expectStatus(await pm.delete(`/api/v1/meeting-items/${bare.id}?version=${dated.version}`), 204);
    expectStatus(await pm.get(meetingUrl(meeting.id)), 200);
  });
});

describe("what client contacts see", () => {
  it("shows a contact the shared meetings of their own project with minutes and items; internal ones and other clients' are 404", async () => {
    const project = await freshProject();
    const review = await createMeeting(project.id, { kind: "client_review", title: "Sprint review", attendees: [{ userId: w.dev.id }, { userId: w.contactA.id }] });
    const internal = await createMeeting(project.id, { kind: "weekly_status", title: "Team weekly" });
    const pm = await as(w.pm);
    expectStatus(await pm.patch(meetingUrl(review.id), { version: review.version, status: "held", minutes: "Accepted with two fixes." }), 200);
    expectStatus(await pm.post(meetingUrl(review.id, "/items"), { kind: "decision", text: "Accepted with conditions" }), 201);

    const contact = await as(w.contactA);
    const list = expectStatus(await contact.get(listUrl(project.id, "from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z")), 200);
    expect(list.occurrences.map((o: { meetingId: string }) => o.meetingId)).toEqual([review.id]);
    const seen = expectStatus(await contact.get(meetingUrl(review.id)), 200);
    expect(seen.minutes).toBe("Accepted with two fixes.");
    expect(seen.items.map((i: { text: string }) => i.text)).toEqual(["Accepted with conditions"]);
    expect(seen.attendees.every((a: { email: string }) => a.email === "")).toBe(true);
    expectStatus(await contact.get(meetingUrl(internal.id)), 404);
    expectStatus(await contact.get(meetingUrl(internal.id, "/ics")), 404);

    const other = await as(w.contactB);
    expectStatus(await other.get(meetingUrl(review.id)), 404);
    expectStatus(await other.get(listUrl(project.id)), 404);
    expectStatus(await (await as(w.outsider)).get(meetingUrl(review.id)), 404);
  });
});

describe("iCalendar", () => {
  it("writes an invitation with METHOD:REQUEST, organizer, attendees, the RRULE and the time zone, and a held occurrence as an override", async () => {
    const project = await freshProject();
    const series = await createMeeting(project.id, {
      kind: "weekly_status",
      title: "Weekly status; team, client",
      startsAt: "2026-03-16T08:30:00.000Z",
      timeZone: "Europe/Berlin",
      location: "Teams",
      rrule: "FREQ=WEEKLY;BYDAY=MO",
      attendees: [{ userId: w.dev.id }, { userId: w.viewer.id, required: false }],
    });
    const pm = await as(w.pm);
    await pm.post(meetingUrl(series.id, "/occurrences"), { occurrenceStart: "2026-03-30T07:30:00.000Z" });
    const res = await pm.get(meetingUrl(series.id, "/ics"));
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("text/calendar");
    expect(res.headers["content-disposition"]).toContain(".ics");
    const ics = res.body as string;
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const parsed = parseIcs(ics);
    expect(parsed.calendar.METHOD).toBe("REQUEST");
    expect(parsed.lines).toContain("TZID:Europe/Berlin");
    expect(parsed.lines).toContain("TZOFFSETTO:+0200");
    expect(parsed.events).toHaveLength(2);
    const [main, override] = parsed.events as [Record<string, string>, Record<string, string>];
    expect(main.UID).toBe(`meeting-${series.id}@jiaofu`);
    expect(main["DTSTART;TZID=Europe/Berlin"]).toBe("20260316T093000");
    expect(main["DTEND;TZID=Europe/Berlin"]).toBe("20260316T103000");
    expect(main.RRULE).toBe("FREQ=WEEKLY;BYDAY=MO");
    expect(main.SUMMARY).toBe(`${project.code} · MTG-1 Weekly status\\; team\\, client`);
    expect(main.LOCATION).toBe("Teams");
    expect(Object.keys(main).find((k) => k.startsWith("ORGANIZER"))).toContain("CN=");
    expect(parsed.attendees[0]?.some((line) => line.includes("ROLE=REQ-PARTICIPANT") && line.endsWith(`:mailto:${w.dev.email}`))).toBe(true);
    expect(parsed.attendees[0]?.some((line) => line.includes("ROLE=OPT-PARTICIPANT") && line.endsWith(`:mailto:${w.viewer.email}`))).toBe(true);
    expect(override.UID).toBe(main.UID);
    expect(override["RECURRENCE-ID;TZID=Europe/Berlin"]).toBe("20260330T093000");
    expect(override["DTSTART;TZID=Europe/Berlin"]).toBe("20260330T093000");
  });

  it("serves a per-person feed by token (only the hash is stored), a contact's with the shared meetings only, and stops on revoke", async () => {
    const project = await freshProject();
    const review = await createMeeting(project.id, { kind: "client_review", title: "Review" });
    await createMeeting(project.id, { kind: "weekly_status", title: "Internal weekly" });
    const feedPath = (url: string) => new URL(url).pathname;
    const base = `/api/v1/projects/${project.id}/meetings/feed`;
    const pm = await as(w.pm);
    expect(expectStatus(await pm.get(base), 200)).toEqual({ exists: false, createdAt: null, lastUsedAt: null });
    const created = expectStatus(await pm.post(base), 201);
    expect(created.url).toMatch(/\/api\/v1\/feeds\/meetings\/[A-Za-z0-9_-]{40,}\.ics$/);
    const feed = await t.anonymous().get(feedPath(created.url));
    expect(feed.status).toBe(200);
    const parsed = parseIcs(feed.body as string);
    expect(parsed.calendar.METHOD).toBe("PUBLISH");
    expect(parsed.events.map((e) => e.SUMMARY)).toEqual([`${project.code} · MTG-1 Review`, `${project.code} · MTG-2 Internal weekly`]);
    expect(parsed.attendees.flat()).toEqual([]);

    const contactFeed = expectStatus(await (await as(w.contactA)).post(base), 201);
    const contactIcs = parseIcs((await t.anonymous().get(feedPath(contactFeed.url))).body as string);
    expect(contactIcs.events.map((e) => e.UID)).toEqual([`meeting-${review.id}@jiaofu`]);
    expectStatus(await (await as(w.contactB)).post(base), 404);

    // The milestone feed is another kind of address: neither token opens the other's calendar, and making one
    // leaves the other alive.
    const milestones = expectStatus(await pm.post(`/api/v1/projects/${project.id}/plan/feed`), 201);
    expectStatus(await t.anonymous().get(feedPath(milestones.url).replace("/feeds/plan/", "/feeds/meetings/")), 404);
    expectStatus(await t.anonymous().get(feedPath(created.url).replace("/feeds/meetings/", "/feeds/plan/")), 404);
    expectStatus(await t.anonymous().get(feedPath(created.url)), 200);

    const rotated = expectStatus(await pm.post(base), 201);
    expectStatus(await t.anonymous().get(feedPath(created.url)), 404);
    expectStatus(await t.anonymous().get(feedPath(rotated.url)), 200);
    expectStatus(await t.anonymous().get(feedPath(milestones.url)), 200);
    expectStatus(await pm.delete(base), 204);
    expectStatus(await t.anonymous().get(feedPath(rotated.url)), 404);
    expect(expectStatus(await pm.get(base), 200).exists).toBe(false);
  });
});
