import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, planResources, planTasks, timeEntries } from "../../db/schema";
import { actualCostByPeriod, actualCostOf } from "./actual-cost";

/** The clock the app reads: tests move it. */
let clock = new Date("2025-03-05T02:00:00Z");
let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);

function expectStatus(res: HttpResponse, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}
const fields = (body: { error: { details: { fields: { path: string; message: string }[] } } }) => Object.fromEntries(body.error.details.fields.map((f) => [f.path, f.message]));

/** A project of client A with the usual team, a phase "Build" with a task "API" under it, and a top-level task "Docs". */
async function freshProject() {
  const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
  const [phase] = await t.db.insert(planTasks).values({ workspaceId: w.workspace.id, projectId: project.id, position: 0, name: "Build", wbsCode: "1", isSummary: true }).returning();
  const [task] = await t.db.insert(planTasks).values({ workspaceId: w.workspace.id, projectId: project.id, parentId: phase?.id, position: 0, name: "API", wbsCode: "1.1" }).returning();
  const [docs] = await t.db.insert(planTasks).values({ workspaceId: w.workspace.id, projectId: project.id, position: 1, name: "Docs", wbsCode: "2" }).returning();
  if (!phase || !task || !docs) throw new Error("tasks not made");
  return { project, phase, task, docs };
}

const log = async (who: TestUser, body: Record<string, unknown>) => expectStatus(await (await as(who)).post("/api/v1/time/entries", body), 201);

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("the timer", () => {
  it("starts, shows, stops into entries split at midnight in the person's zone, switches and discards", async () => {
    const { project, task, docs } = await freshProject();
    const dev = await as(w.dev);
    expect(expectStatus(await dev.get("/api/v1/time/timer"), 200)).toEqual({ timer: null });

    clock = new Date("2025-03-03T14:30:00Z"); // 22:30 in Shanghai
    const started = expectStatus(await dev.post("/api/v1/time/timer/start", { projectId: project.id, taskId: task.id, note: "pairing" }), 201);
    expect(started).toMatchObject({ timer: { projectId: project.id, taskId: task.id, taskName: "API", note: "pairing", startedAt: "2025-03-03T14:30:00.000Z" }, stopped: [] });
    expect(expectStatus(await dev.get("/api/v1/time/timer"), 200).timer).toMatchObject({ projectId: project.id, taskName: "API" });

    clock = new Date("2025-03-03T17:15:20Z"); // 01:15 the next day
    const stopped = expectStatus(await dev.post("/api/v1/time/timer/stop", {}), 200);
    expect(stopped.entries.map((e: { workDate: string; minutes: number; source: string; note: string }) => [e.workDate, e.minutes, e.source, e.note])).toEqual([
      ["2025-03-03", 90, "timer", "pairing"],
      ["2025-03-04", 75, "timer", "pairing"],
    ]);
    expect(expectStatus(await dev.get("/api/v1/time/timer"), 200)).toEqual({ timer: null });

    // The browser's zone wins: in London the same evening stays one day.
    clock = new Date("2025-03-10T14:30:00Z");
    expectStatus(await dev.post("/api/v1/time/timer/start", { projectId: project.id, taskId: task.id }), 201);
    clock = new Date("2025-03-10T15:00:00Z");
    const switched = expectStatus(await dev.post("/api/v1/time/timer/start", { projectId: project.id, taskId: docs.id, timeZone: "Europe/London" }), 201);
    expect(switched.timer).toMatchObject({ taskId: docs.id, taskName: "Docs" });
    expect(switched.stopped).toEqual([expect.objectContaining({ workDate: "2025-03-10", minutes: 30, taskId: task.id })]);

    expect((await dev.delete("/api/v1/time/timer")).status).toBe(204);
    const none = expectStatus(await dev.post("/api/v1/time/timer/stop", {}), 404);
    expect(none.error.message).toBe("No timer is running.");
    expectStatus(await dev.post("/api/v1/time/timer/stop", { timeZone: "Mars/Olympus" }), 400);
  });
});

describe("time entries", () => {
  it("logs, edits with version checks and removes own entries; refuses days over 24 hours and foreign tasks", async () => {
    const { project, task } = await freshProject();
    const other = await freshProject();
    const dev = await as(w.dev);
    const entry = await log(w.dev, { projectId: project.id, taskId: task.id, workDate: "2025-04-07", minutes: 90, note: "endpoints" });
    expect(entry).toMatchObject({ projectId: project.id, taskName: "API", taskWbsCode: "1.1", userId: w.dev.id, minutes: 90, source: "manual", status: "draft", editable: true, version: 1 });

    const edited = expectStatus(await dev.patch(`/api/v1/time/entries/${entry.id}`, { version: 1, minutes: 120 }), 200);
    expect(edited).toMatchObject({ minutes: 120, version: 2 });
    const stale = expectStatus(await dev.patch(`/api/v1/time/entries/${entry.id}`, { version: 1, minutes: 30 }), 409);
    expect(stale.error.details.current).toMatchObject({ minutes: 120, version: 2 });

    // 22 hours more on the same day (another project) passes 24 hours: 400, in the caller's language.
    const over = expectStatus(await dev.post("/api/v1/time/entries", { projectId: other.project.id, workDate: "2025-04-07", minutes: 1321 }), 400);
    expect(fields(over)).toEqual({ "body.minutes": "A day cannot hold more than 24 hours of time." });
    const zh = expectStatus(await dev.post("/api/v1/time/entries", { projectId: other.project.id, workDate: "2025-04-07", minutes: 1321 }, { "accept-language": "zh-CN" }), 400);
    expect(fields(zh)).toEqual({ "body.minutes": "一天的工时不能超过 24 小时。" });
    expectStatus(await dev.post("/api/v1/time/entries", { projectId: other.project.id, workDate: "2025-04-07", minutes: 1320 }), 201);
    expectStatus(await dev.patch(`/api/v1/time/entries/${entry.id}`, { version: 2, minutes: 121 }), 400);

    expect(fields(expectStatus(await dev.post("/api/v1/time/entries", { projectId: project.id, taskId: other.task.id, workDate: "2025-04-08", minutes: 30 }), 400))).toEqual({ "body.taskId": "No such task in this project." });
    expectStatus(await dev.post("/api/v1/time/entries", { projectId: project.id, workDate: "2025-04-31", minutes: 30 }), 400);
    expectStatus(await dev.post("/api/v1/time/entries", { projectId: project.id, workDate: "2025-04-08", minutes: 0 }), 400);
    expectStatus(await dev.post("/api/v1/time/entries", { projectId: project.id, workDate: "2025-04-08", minutes: 1441 }), 400);

    // Someone else's entry: the manager may read it, not change it.
    const pm = await as(w.pm);
    expectStatus(await pm.patch(`/api/v1/time/entries/${entry.id}`, { version: 2, minutes: 10 }), 403);
    expectStatus(await (await as(w.outsider)).patch(`/api/v1/time/entries/${entry.id}`, { version: 2, minutes: 10 }), 404);
    const listed = expectStatus(await pm.get(`/api/v1/time/entries?taskId=${task.id}`), 200);
    expect(listed).toMatchObject({ totalMinutes: 120, items: [{ id: entry.id }] });

    expectStatus(await dev.delete(`/api/v1/time/entries/${entry.id}?version=1`), 409);
    expect((await dev.delete(`/api/v1/time/entries/${entry.id}?version=2`)).status).toBe(204);
    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "time_entry"), eq(auditLog.entityId, entry.id))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "delete"]);
  });

  it("serialises a person's writes: two entries logged at once cannot together pass 24 hours, two submits cannot both win", async () => {
    const { project } = await freshProject();
    const dev = await as(w.dev);
    const body = { projectId: project.id, workDate: "2025-06-02", minutes: 800 };
    const both = await Promise.all([dev.post("/api/v1/time/entries", body), dev.post("/api/v1/time/entries", body)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 400]);
    const submits = await Promise.all([
      dev.post("/api/v1/time/timesheets/me/submit", { weekStart: "2025-06-02", version: 0 }),
      dev.post("/api/v1/time/timesheets/me/submit", { weekStart: "2025-06-02", version: 0 }),
    ]);
    expect(submits.map((r) => r.status).sort()).toEqual([200, 409]);
    const conflict = submits.find((r) => r.status === 409);
    expect(conflict?.body.error.details.current).toMatchObject({ weekStart: "2025-06-02", status: "submitted" });
  });

  it("keeps rates off client contacts: an admin cannot give one a cost per hour", async () => {
    const admin = await as(w.admin);
    const contact = expectStatus(await admin.get(`/api/v1/users/${w.contactA.id}`), 200);
    expect(contact.costPerHour).toBeNull();
    expect(fields(expectStatus(await admin.patch(`/api/v1/users/${w.contactA.id}`, { version: contact.version, costPerHour: 100 }), 400))).toEqual({
      "body.costPerHour": "Only delivery staff have a cost per hour: client contacts do not log time.",
    });
    expect(expectStatus(await (await as(w.contactA)).get(`/api/v1/users/${w.contactA.id}`), 200).costPerHour).toBeNull();
  });

  it("lets only the project's team log time: not viewers, strangers or client contacts", async () => {
    const { project } = await freshProject();
    const body = { projectId: project.id, workDate: "2025-04-09", minutes: 30 };
    expectStatus(await (await as(w.viewer)).post("/api/v1/time/entries", body), 403);
    expectStatus(await (await as(w.outsider)).post("/api/v1/time/entries", body), 404);
    expectStatus(await (await as(w.admin)).post("/api/v1/time/entries", body), 403);
    expectStatus(await (await as(w.contactA)).post("/api/v1/time/entries", body), 403);
    expectStatus(await (await as(w.contactA)).get("/api/v1/time/timesheets/me"), 403);
    expectStatus(await (await as(w.contactA)).get(`/api/v1/time/entries?projectId=${project.id}`), 403);
    expectStatus(await (await as(w.contactB)).get(`/api/v1/time/entries?projectId=${project.id}`), 403);
    expectStatus(await (await as(w.dev)).get(`/api/v1/time/entries?userId=${w.pm.id}`), 403);
    expectStatus(await t.anonymous().get("/api/v1/time/timer"), 401);
  });
});

describe("weekly timesheets, approval and actual cost", () => {
  it("submits a week, locks it, rejects with a note, resubmits, approves at the resource's rate and costs it", async () => {
    const { project, phase, task, docs } = await freshProject();
    const dev = await as(w.dev);
    const pm = await as(w.pm);
    const admin = await as(w.admin);
    // The dev is a plan resource at 300/h on this project; the pm has only their own rate, 200/h.
    await t.db.insert(planResources).values({ workspaceId: w.workspace.id, projectId: project.id, name: "Dev", userId: w.dev.id, costPerHour: 300 });
    const pmUser = expectStatus(await admin.get(`/api/v1/users/${w.pm.id}`), 200);
    expect(expectStatus(await admin.patch(`/api/v1/users/${w.pm.id}`, { version: pmUser.version, costPerHour: 200 }), 200).costPerHour).toBe(200);
    expect(expectStatus(await dev.get(`/api/v1/users/${w.pm.id}`), 200).costPerHour).toBeNull();
    expectStatus(await dev.patch(`/api/v1/users/${w.dev.id}`, { version: 1, costPerHour: 1 }), 403);

    const monday = "2025-05-05";
    const apiEntry = await log(w.dev, { projectId: project.id, taskId: task.id, workDate: monday, minutes: 120 });
    await log(w.dev, { projectId: project.id, taskId: docs.id, workDate: "2025-05-07", minutes: 60 });
    await log(w.pm, { projectId: project.id, workDate: "2025-05-06", minutes: 90 });

    const week = expectStatus(await dev.get(`/api/v1/time/timesheets/me?week=2025-05-08`), 200);
    expect(week).toMatchObject({ weekStart: monday, status: "draft", version: 0, total: 180, dayTotals: [120, 0, 60, 0, 0, 0, 0] });
    expect(week.rows.map((r: { taskName: string; minutes: number[] }) => [r.taskName, r.minutes])).toEqual([
      ["API", [120, 0, 0, 0, 0, 0, 0]],
      ["Docs", [0, 0, 60, 0, 0, 0, 0]],
    ]);
    expect(week.parts).toEqual([expect.objectContaining({ projectId: project.id, status: "draft", minutes: 180, version: 0 })]);

    expectStatus(await dev.post("/api/v1/time/timesheets/me/submit", { weekStart: "2025-05-06", version: 0 }), 400);
    const submitted = expectStatus(await dev.post("/api/v1/time/timesheets/me/submit", { weekStart: monday, version: 0 }), 200);
    expect(submitted).toMatchObject({ status: "submitted", parts: [{ status: "submitted", minutes: 180 }] });
    expect(submitted.rows.every((r: { editable: boolean }) => !r.editable)).toBe(true);
    expectStatus(await dev.post("/api/v1/time/timesheets/me/submit", { weekStart: monday, version: 0 }), 409);
    expect(fields(expectStatus(await dev.post("/api/v1/time/timesheets/me/submit", { weekStart: monday, version: submitted.version }), 400))).toEqual({ "body.weekStart": "There is no time in this week waiting to be submitted." });

    // Locked: no edits, no new time on that project that week (other weeks are fine).
    const locked = expectStatus(await dev.patch(`/api/v1/time/entries/${apiEntry.id}`, { version: 1, minutes: 60 }), 409);
    expect(locked.error.message).toContain("2025-05-05");
    expectStatus(await dev.post("/api/v1/time/entries", { projectId: project.id, workDate: "2025-05-09", minutes: 30 }), 409);
    expectStatus(await dev.delete(`/api/v1/time/entries/${apiEntry.id}`), 409);

    // The manager's queue.
    const queue = expectStatus(await pm.get("/api/v1/time/approvals"), 200).items.filter((a: { projectId: string }) => a.projectId === project.id);
    expect(queue).toEqual([expect.objectContaining({ userId: w.dev.id, weekStart: monday, status: "submitted", minutes: 180, entries: expect.any(Array) })]);
    const part = queue[0];
    expect(part.entries).toHaveLength(2);
    expectStatus(await pm.get(`/api/v1/projects/${project.id}/timesheets`), 200);
    const decideUrl = `/api/v1/timesheets/${part.timesheetId}/projects/${project.id}/decision`;
    expectStatus(await dev.post(decideUrl, { version: part.version, decision: "approved" }), 403);
    expectStatus(await (await as(w.viewer)).post(decideUrl, { version: part.version, decision: "approved" }), 403);
    expectStatus(await (await as(w.contactA)).post(decideUrl, { version: part.version, decision: "approved" }), 403);
    expectStatus(await (await as(w.contactB)).post(decideUrl, { version: part.version, decision: "approved" }), 404);
    // Another project's manager cannot decide here.
    const elsewhere = await t.factories.project(w.workspace.id, w.clientB.id, { managerId: w.outsider.id });
    await t.factories.member(elsewhere.id, w.outsider.id, "manager");
    expectStatus(await (await as(w.outsider)).post(decideUrl, { version: part.version, decision: "approved" }), 404);
    expect(expectStatus(await (await as(w.outsider)).get("/api/v1/time/approvals"), 200).items).toEqual([]);

    expect(fields(expectStatus(await pm.post(decideUrl, { version: part.version, decision: "rejected", note: "  " }), 400))).toEqual({ "body.note": "Say what needs fixing when you reject time." });
    const rejected = expectStatus(await pm.post(decideUrl, { version: part.version, decision: "rejected", note: "Split the API time by endpoint" }), 200);
    expect(rejected).toMatchObject({ status: "rejected", note: "Split the API time by endpoint", decidedByName: expect.any(String) });
    expectStatus(await pm.post(decideUrl, { version: rejected.version, decision: "approved" }), 409);

    // Rejected time is open again; resubmitting sends it back.
    const reopened = expectStatus(await dev.get(`/api/v1/time/timesheets/me?week=${monday}`), 200);
    expect(reopened).toMatchObject({ status: "rejected", parts: [{ status: "rejected", note: "Split the API time by endpoint" }] });
    expectStatus(await dev.patch(`/api/v1/time/entries/${apiEntry.id}`, { version: 1, minutes: 150 }), 200);
    const again = expectStatus(await dev.post("/api/v1/time/timesheets/me/submit", { weekStart: monday, version: reopened.version }), 200);
    expect(again).toMatchObject({ status: "submitted", total: 210, parts: [{ status: "submitted", minutes: 210 }] });

    const [resubmitted] = expectStatus(await pm.get(`/api/v1/projects/${project.id}/timesheets`), 200).items;
    const approved = expectStatus(await pm.post(decideUrl, { version: resubmitted.version, decision: "approved" }), 200);
    expect(approved).toMatchObject({ status: "approved", minutes: 210 });
    const rates = await t.db.select({ rate: timeEntries.costPerHour }).from(timeEntries).where(and(eq(timeEntries.projectId, project.id), eq(timeEntries.userId, w.dev.id)));
    expect(rates.map((r) => r.rate)).toEqual([300, 300]);
    expect(expectStatus(await dev.get(`/api/v1/time/timesheets/me?week=${monday}`), 200).status).toBe("approved");

    // The pm's own week, approved by an admin at the pm's own rate.
    const pmWeek = expectStatus(await pm.post("/api/v1/time/timesheets/me/submit", { weekStart: monday, version: 0 }), 200);
    expect(pmWeek.status).toBe("submitted");
    const [pmPart] = expectStatus(await admin.get(`/api/v1/projects/${project.id}/timesheets`), 200).items;
    expectStatus(await admin.post(`/api/v1/timesheets/${pmPart.timesheetId}/projects/${project.id}/decision`, { version: pmPart.version, decision: "approved" }), 200);

    // Actual cost: dev 210 min × 300 = 1050 (API 150 min = 750 in phase Build, Docs 60 min = 300); pm 90 min × 200 = 300 on no task.
    const cost = expectStatus(await pm.get(`/api/v1/projects/${project.id}/actual-cost?interval=week`), 200);
    expect(cost).toMatchObject({ currency: "CNY", interval: "week", totalMinutes: 300, totalCost: 1350, pendingMinutes: 0 });
    expect(cost.periods).toEqual([{ start: monday, minutes: 300, cost: 1350, cumulativeMinutes: 300, cumulativeCost: 1350 }]);
    expect(cost.phases).toEqual([
      { taskId: phase.id, wbsCode: "1", name: "Build", minutes: 150, cost: 750 },
      { taskId: docs.id, wbsCode: "2", name: "Docs", minutes: 60, cost: 300 },
      { taskId: null, wbsCode: null, name: null, minutes: 90, cost: 300 },
    ]);
    expect(cost.people).toEqual([
      { userId: w.dev.id, name: expect.any(String), minutes: 210, cost: 1050 },
      { userId: w.pm.id, name: expect.any(String), minutes: 90, cost: 300 },
    ]);
    expect(expectStatus(await pm.get(`/api/v1/projects/${project.id}/actual-cost?interval=month`), 200).periods).toEqual([{ start: "2025-05-01", minutes: 300, cost: 1350, cumulativeMinutes: 300, cumulativeCost: 1350 }]);
    // What the monitoring module reads is the same.
    expect((await actualCostOf(t.db, w.workspace.id, project.id)).cost).toBe(1350);
    expect((await actualCostOf(t.db, w.workspace.id, project.id, "2025-05-05")).cost).toBe(750);
    expect(await actualCostByPeriod(t.db, w.workspace.id, project.id, "week", "2025-05-04")).toEqual([]);

    // Costs are the team's: viewers read them like the plan's costs; client contacts never; strangers do not know the project.
    expectStatus(await (await as(w.viewer)).get(`/api/v1/projects/${project.id}/actual-cost`), 200);
    expectStatus(await (await as(w.contactA)).get(`/api/v1/projects/${project.id}/actual-cost`), 403);
    expectStatus(await (await as(w.contactB)).get(`/api/v1/projects/${project.id}/actual-cost`), 404);
    expectStatus(await (await as(w.outsider)).get(`/api/v1/projects/${project.id}/actual-cost`), 404);
    expectStatus(await pm.get(`/api/v1/projects/${project.id}/actual-cost?interval=year`), 400);

    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "timesheet"), eq(auditLog.entityId, part.timesheetId))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(["submit", "reject", "submit", "approve"]);
  });
});
