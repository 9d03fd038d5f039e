import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { notifications, planTasks, timesheets, users } from "../../db/schema";
import type { Mail } from "../../platform/mailer";
import { runDueNotifications } from "./notifications.due";
import { notificationEmailsSettled } from "./notifications.producer";

/** The clock: Thursday 2026-11-12 09:00 UTC. Two working days ahead is Monday 2026-11-16. */
const NOW = new Date("2026-11-12T09:00:00Z");
const fields = (body: { error: { details: { fields: { path: string; message: string }[] } } }) => Object.fromEntries(body.error.details.fields.map((f) => [f.path, f.message]));

/** A fake SMTP server: records what is sent; `failing` makes every send throw, like a server that is down. */
const sent: Mail[] = [];
let failing = false;
const mailer = {
  send: async (mail: Mail) => {
    await Promise.resolve();
    if (failing) throw new Error("SMTP down");
    sent.push(mail);
  },
};

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
function expectStatus(res: HttpResponse, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}
const mine = async (user: TestUser, query = "") => expectStatus(await (await as(user)).get(`/api/v1/me/notifications${query}`), 200).items as { id: string; kind: string; params: Record<string, string>; link: string; readAt: string | null; actorName: string | null }[];
const unread = async (user: TestUser) => expectStatus(await (await as(user)).get("/api/v1/me/notifications/unread-count"), 200).unread as number;
const taskVersion = async (id: string) => (await t.db.select({ v: planTasks.version }).from(planTasks).where(eq(planTasks.id, id)))[0]?.v as number;

/** A task on project A through the plan API. */
async function task(name: string, values: Record<string, unknown> = {}) {
  const res = expectStatus(await (await as(w.pm)).post(`/api/v1/projects/${w.projectA.id}/plan/tasks`, { name, ...values }), 201);
  return res.taskId as string;
}
const assign = async (taskId: string, userIds: string[], by: TestUser = w.pm) => (await as(by)).put(`/api/v1/plan-tasks/${taskId}/assignees`, { userIds, version: await taskVersion(taskId) });
const chooseEmail = async (user: TestUser, emailKinds: string[]) => {
  const c = await as(user);
  const current = expectStatus(await c.get("/api/v1/me/notification-settings"), 200);
  return expectStatus(await c.put("/api/v1/me/notification-settings", { emailKinds, version: current.version }), 200);
};

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW, mailer });
  w = await t.seedWorkspace();
  // The board's workflow exists once someone opened the board (assigning before that answers 500: reported).
  expectStatus(await (await as(w.pm)).get(`/api/v1/projects/${w.projectA.id}/board`), 200);
});
afterAll(() => t.close());

describe("notifications", () => {
  it("tells the people assigned to a task, never the one who assigned, with a link to the task on the board", async () => {
    const id = await task("Build the API");
    expectStatus(await assign(id, [w.dev.id, w.pm.id]), 200);
    const [n, ...rest] = await mine(w.dev);
    expect(rest).toEqual([]);
    expect(n).toMatchObject({ kind: "assigned", actorName: expect.any(String), readAt: null, link: `/projects/${w.projectA.id}/execution?task=${id}` });
    expect(n?.params).toMatchObject({ taskName: "Build the API", projectName: w.projectA.name, projectCode: w.projectA.code });
    expect(await mine(w.pm)).toEqual([]);
    expect(await unread(w.dev)).toBe(1);

    // Saved again with the same people: nobody new, nothing new.
    expectStatus(await assign(id, [w.pm.id, w.dev.id]), 200);
    expect(await unread(w.dev)).toBe(1);

    // Marking read: once, and the count follows.
    const read = expectStatus(await (await as(w.dev)).post(`/api/v1/me/notifications/${n?.id}/read`), 200);
    expect(read.readAt).toBe(NOW.toISOString());
    expect(await unread(w.dev)).toBe(0);
    expect(await mine(w.dev, "?unread=true")).toEqual([]);
    expect(await mine(w.dev)).toHaveLength(1);
  });

  it("tells a task's new owner from the plan", async () => {
    const id = await task("Write the manual", { ownerId: w.dev.id });
    const owned = (await mine(w.dev)).find((n) => n.params.taskName === "Write the manual");
    expect(owned).toMatchObject({ kind: "assigned" });
    // Giving it back to the same owner says nothing new; another owner hears of it.
    expectStatus(await (await as(w.pm)).patch(`/api/v1/plan-tasks/${id}`, { version: await taskVersion(id), name: "Write the user manual" }), 200);
    expect((await mine(w.dev)).filter((n) => n.params.taskName?.includes("manual"))).toHaveLength(1);
  });

  it("tells the people a comment mentions who may read the commented thing, once per comment", async () => {
    const id = await task("Review the design");
    const pm = await as(w.pm);
    const comment = expectStatus(await pm.post(`/api/v1/plan_tasks/${id}/comments`, { body: `@${w.dev.email} please review; @${w.contactA.email} FYI` }), 201);
    const mention = (await mine(w.dev)).find((n) => n.kind === "mentioned");
    expect(mention).toMatchObject({ entityId: id, link: `/projects/${w.projectA.id}/execution?task=${id}` });
    expect(mention?.params).toMatchObject({ entityTitle: "Review the design", excerpt: expect.stringContaining("please review") });
    // A client contact does not see plan tasks: they are not told.
    expect((await mine(w.contactA)).filter((n) => n.kind === "mentioned")).toEqual([]);
    // Editing the comment does not tell the same person twice.
    expectStatus(await pm.patch(`/api/v1/comments/${comment.id}`, { body: `@${w.dev.email} please review again`, version: comment.version }), 200);
    expect((await mine(w.dev)).filter((n) => n.kind === "mentioned")).toHaveLength(1);
  });

  it("tells the team and the client contacts when a report is published, each with their own link", async () => {
    const pm = await as(w.pm);
    const draft = expectStatus(await pm.post(`/api/v1/projects/${w.projectA.id}/status-reports`, { periodFrom: "2026-11-02", periodTo: "2026-11-08" }), 201);
    expect((await mine(w.contactA)).filter((n) => n.kind === "report_published")).toEqual([]);
    expectStatus(await pm.post(`/api/v1/status-reports/${draft.id}/publish`, { version: draft.version }), 200);
    const forClient = (await mine(w.contactA)).find((n) => n.kind === "report_published");
    expect(forClient).toMatchObject({ link: `/portal/projects/${w.projectA.id}?tab=status-reports&report=${draft.id}` });
    expect(forClient?.params).toMatchObject({ reportKey: draft.key, reportTitle: draft.title });
    expect((await mine(w.dev)).find((n) => n.kind === "report_published")).toMatchObject({ link: `/projects/${w.projectA.id}/monitoring/status-reports/${draft.id}` });
    // Not the publisher, not client B, not the outsider.
    for (const user of [w.pm, w.contactB, w.outsider]) expect((await mine(user)).filter((n) => n.kind === "report_published")).toEqual([]);
  });

  it("tells the owner of a timesheet that it was decided", async () => {
    const id = await task("Timesheet work");
    await t.db.update(planTasks).set({ ownerId: w.dev.id }).where(eq(planTasks.id, id));
    const dev = await as(w.dev);
    expectStatus(await dev.post("/api/v1/time/entries", { projectId: w.projectA.id, taskId: id, workDate: "2026-11-02", minutes: 60 }), 201);
    expectStatus(await dev.post("/api/v1/time/timesheets/me/submit", { weekStart: "2026-11-02", version: 0 }), 200);
    const [sheet] = await t.db.select().from(timesheets).where(eq(timesheets.userId, w.dev.id));
    const approvals = expectStatus(await (await as(w.pm)).get(`/api/v1/projects/${w.projectA.id}/timesheets`), 200);
    const part = approvals.items.find((p: { timesheetId: string }) => p.timesheetId === sheet?.id);
    expectStatus(await (await as(w.pm)).post(`/api/v1/timesheets/${sheet?.id}/projects/${w.projectA.id}/decision`, { decision: "rejected", note: "Wrong task", version: part.version }), 200);
    const decided = (await mine(w.dev)).find((n) => n.kind === "timesheet_decided");
    expect(decided).toMatchObject({ link: "/time" });
    expect(decided?.params).toMatchObject({ weekStart: "2026-11-02", decision: "rejected", note: "Wrong task" });
  });

  it("runs the due-date pass: due soon within two working days, overdue after, each once", async () => {
    const soon = await task("Due Monday", { ownerId: w.dev.id });
    const late = await task("Was due Tuesday", { ownerId: w.dev.id });
    const later = await task("Due next Wednesday", { ownerId: w.dev.id });
    const done = await task("Done already", { ownerId: w.dev.id });
    await t.db.update(planTasks).set({ deadline: "2026-11-16" }).where(eq(planTasks.id, soon));
    await t.db.update(planTasks).set({ deadline: "2026-11-10" }).where(eq(planTasks.id, late));
    await t.db.update(planTasks).set({ deadline: "2026-11-18" }).where(eq(planTasks.id, later));
    await t.db.update(planTasks).set({ deadline: "2026-11-11", percentComplete: 100 }).where(eq(planTasks.id, done));
    await runDueNotifications(t.app.deps);
    await runDueNotifications(t.app.deps);
    const due = (await mine(w.dev)).filter((n) => n.kind === "due_soon" || n.kind === "overdue");
    const byTask = (id: string) => due.filter((n) => n.link.endsWith(id)).map((n) => n.kind);
    expect(byTask(soon)).toEqual(["due_soon"]);
    expect(byTask(late)).toEqual(["overdue"]);
    expect(byTask(later)).toEqual([]);
    expect(byTask(done)).toEqual([]);
    expect(due.find((n) => n.link.endsWith(soon))?.params).toMatchObject({ taskName: "Due Monday", dueDate: "2026-11-16" });
    // A moved due date is news again.
    await t.db.update(planTasks).set({ deadline: "2026-11-13" }).where(eq(planTasks.id, soon));
    await runDueNotifications(t.app.deps);
    expect((await mine(w.dev)).filter((n) => n.kind === "due_soon" && n.link.endsWith(soon))).toHaveLength(2);
  });

  it("e-mails the kinds a person chose, in their language, after the change — and a failing SMTP server fails nothing", async () => {
    const settings = expectStatus(await (await as(w.viewer)).get("/api/v1/me/notification-settings"), 200);
    expect(settings).toMatchObject({ emailKinds: [], smtpConfigured: true });
    expect(await chooseEmail(w.dev, ["overdue", "assigned", "assigned"])).toMatchObject({ emailKinds: ["assigned", "overdue"] });
    sent.length = 0;
    const id = await task("Mailed task");
    // The team member to assign must work on the project: the viewer does not, so the dev and the pm.
    expectStatus(await assign(id, [w.dev.id]), 200);
    await notificationEmailsSettled(t.app.deps);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: w.dev.email, subject: expect.stringContaining("Mailed task") });
    expect(sent[0]?.text).toContain(`/projects/${w.projectA.id}/execution?task=${id}`);
    const [row] = await t.db.select().from(notifications).where(eq(notifications.entityId, id));
    expect(row?.emailedAt).not.toBeNull();

    // In the recipient's language: the manager reads Chinese.
    await t.db.update(users).set({ locale: "zh-CN" }).where(eq(users.id, w.pm.id));
    await chooseEmail(w.pm, ["assigned"]);
    const forPm = await task("给经理的任务");
    expectStatus(await assign(forPm, [w.pm.id], w.dev), 200);
    await notificationEmailsSettled(t.app.deps);
    expect(sent[1]).toMatchObject({ to: w.pm.email, subject: expect.stringContaining("分配给了您") });
    expect(sent[1]?.text).toContain("在交付平台中打开");
    sent.length = 1;

    // Not chosen: not sent (a mention).
    await (await as(w.pm)).post(`/api/v1/plan_tasks/${id}/comments`, { body: `@${w.dev.email} hello` });
    await notificationEmailsSettled(t.app.deps);
    expect(sent).toHaveLength(1);

    // SMTP down: the request still succeeds, the notification is there, not marked e-mailed.
    failing = true;
    const other = await task("Mailed while down");
    expectStatus(await assign(other, [w.dev.id]), 200);
    await notificationEmailsSettled(t.app.deps);
    failing = false;
    const [unsent] = await t.db.select().from(notifications).where(eq(notifications.entityId, other));
    expect(unsent).toMatchObject({ kind: "assigned", emailedAt: null });
  });

  it("keeps each person to their own, and client contacts to their own client's projects", async () => {
    const [ofDev] = await t.db.insert(notifications).values({ workspaceId: w.workspace.id, userId: w.dev.id, kind: "assigned", projectId: w.projectA.id, entityType: "plan_task", entityId: w.projectA.id, params: { taskName: "Private" } }).returning();
    // Contact A has a notification about project B (e.g. written before they were moved): never shown.
    await t.db.insert(notifications).values({ workspaceId: w.workspace.id, userId: w.contactA.id, kind: "report_published", projectId: w.projectB.id, entityType: "status_report", entityId: w.projectB.id, params: { reportTitle: "B secret" } });
    expect(JSON.stringify(await mine(w.contactA))).not.toContain("B secret");
    const contactACount = await unread(w.contactA);
    expect(contactACount).toBe((await mine(w.contactA, "?unread=true")).length);
    expectStatus(await (await as(w.contactA)).post("/api/v1/me/notifications/read-all"), 200);
    const [bRow] = await t.db.select().from(notifications).where(eq(notifications.projectId, w.projectB.id));
    expect(bRow?.readAt).toBeNull();

    for (const user of [w.pm, w.contactA, w.viewer]) {
      const res = await (await as(user)).post(`/api/v1/me/notifications/${ofDev?.id}/read`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    expect((await t.anonymous().get("/api/v1/me/notifications")).status).toBe(401);
    expect((await t.anonymous().post(`/api/v1/me/notifications/${ofDev?.id}/read`)).status).toBe(401);
    const marked = expectStatus(await (await as(w.dev)).post("/api/v1/me/notifications/read-all"), 200);
    expect(marked.marked).toBeGreaterThan(0);
    expect(await unread(w.dev)).toBe(0);
  });

  it("answers 400 with field messages in the caller's language, and 409 on a stale settings version", async () => {
    const dev = await as(w.dev);
    expect(Object.keys(fields(expectStatus(await dev.get("/api/v1/me/notifications?limit=0"), 400)))).toEqual(["querystring.limit"]);
    expect(Object.keys(fields(expectStatus(await dev.get("/api/v1/me/notifications?unread=yes"), 400)))).toEqual(["querystring.unread"]);
    expectStatus(await dev.post("/api/v1/me/notifications/not-a-uuid/read"), 400);
    const bad = expectStatus(await dev.put("/api/v1/me/notification-settings", { emailKinds: ["gossip"], version: 1 }, { "accept-language": "zh-CN" }), 400);
    expect(Object.keys(fields(bad))).toEqual(["body.emailKinds.0"]);
    expect(bad.error.message).toMatch(/[\u4e00-\u9fff]/);
    const current = expectStatus(await dev.get("/api/v1/me/notification-settings"), 200);
    const stale = expectStatus(await dev.put("/api/v1/me/notification-settings", { emailKinds: [], version: current.version - 1 }), 409);
    expect(stale.error.details.current).toMatchObject({ emailKinds: current.emailKinds, version: current.version });
  });

  it("reports when SMTP is not configured", async () => {
    const plain = await createTestApp({ now: () => NOW });
    try {
      const { dev } = await plain.seedWorkspace();
      expect(expectStatus(await (await plain.as(dev)).get("/api/v1/me/notification-settings"), 200)).toMatchObject({ smtpConfigured: false, emailKinds: [] });
    } finally {
      await plain.close();
    }
  });
});
