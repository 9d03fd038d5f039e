import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, planBaselines, planBaselineTasks, planTasks, projects } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));
type Project = Awaited<ReturnType<TestApp["factories"]["project"]>>;

/** A project of client A starting Monday 2026-09-28: pm manages, dev is a member, viewer views, contact A is the client. */
async function freshProject(clientId = w.clientA.id, contact: TestUser | null = w.contactA) {
  const project = await t.factories.project(w.workspace.id, clientId, { managerId: w.pm.id, startDate: "2026-09-28" });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  if (contact) await t.factories.member(project.id, contact.id, "client");
  return project;
}

/** Design (3 days, 1,000 cost) → Build (5 days, 2,000) under one phase: finish Friday 2026-10-09 (国庆 in between). */
async function plannedProject() {
  const project = await freshProject();
  const pm = await as(w.pm);
  const phase = (await pm.post(`/api/v1/projects/${project.id}/plan/tasks`, { name: "Phase" })).body.taskId as string;
  const design = (await pm.post(`/api/v1/projects/${project.id}/plan/tasks`, { name: "Design", parentId: phase, durationDays: 3 })).body.taskId as string;
  const build = (await pm.post(`/api/v1/projects/${project.id}/plan/tasks`, { name: "Build", parentId: phase, durationDays: 5 })).body.taskId as string;
  await pm.post(`/api/v1/projects/${project.id}/plan/dependencies`, { predecessorId: design, successorId: build });
  for (const [id, fixedCost] of [[design, 1000], [build, 2000]] as const) await pm.patch(`/api/v1/plan-tasks/${id}`, { version: await version(id), fixedCost, workHours: 8 });
  return { project, phase, design, build };
}
const version = async (id: string) => (await t.db.select({ v: planTasks.version }).from(planTasks).where(eq(planTasks.id, id)))[0]?.v as number;
const save = async (project: Project, body: Record<string, unknown> = { name: "Signed plan" }, user: TestUser = w.pm) => (await as(user)).post(`/api/v1/projects/${project.id}/plan/baselines`, body, { "accept-language": "en" });

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("plan baselines", () => {
  it("re-reads a baseline's day numbers on today's plan axis once the project start moves", async () => {
    const { project, design, build } = await plannedProject();
    const saved = (await save(project)).body.id as string;
    const before = (await (await as(w.pm)).get(`/api/v1/plan-baselines/${saved}`)).body.tasks as { taskId: string; startDay: number; finishDay: number; start: string }[];
    // The project now starts Monday 09-21: four working days earlier (Friday 09-25 is 中秋, then the weekend).
    await t.db.update(projects).set({ startDate: "2026-09-21" }).where(eq(projects.id, project.id));
    const after = (await (await as(w.pm)).get(`/api/v1/plan-baselines/${saved}`)).body.tasks as typeof before;
    for (const id of [design, build]) {
      const was = before.find((x) => x.taskId === id);
      const now = after.find((x) => x.taskId === id);
      expect(now?.start).toBe(was?.start);
      expect(now?.startDay).toBe((was?.startDay ?? NaN) + 4);
      expect(now?.finishDay).toBe((was?.finishDay ?? NaN) + 4);
    }
  });

  it("saves PB-1 with every task's schedule, work and cost and the plan's totals, and audits it", async () => {
    const { project, phase, design, build } = await plannedProject();
    const res = await save(project, { name: "  Signed plan ", note: "As agreed at kick-off" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ number: 1, key: "PB-1", name: "Signed plan", note: "As agreed at kick-off", finish: "2026-10-13", workHours: 16, cost: 3000, taskCount: 3, createdById: w.pm.id });
    const one = await (await as(w.dev)).get(`/api/v1/plan-baselines/${res.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body.tasks.map((x: { taskId: string }) => x.taskId)).toEqual([phase, design, build]);
    expect(one.body.tasks[2]).toEqual({
      taskId: build,
      wbsCode: "1.2",
      name: "Build",
      isSummary: false,
      // Design: 09-28, 09-29, 09-30; 10-01…10-07 off; Build: 10-08, 10-09, Sat 10-10 (调休), 10-12, 10-13.
      start: "2026-10-08",
      finish: "2026-10-13",
      startDay: 3,
      finishDay: 8,
      durationDays: 5,
      workHours: 8,
      cost: 2000,
    });
    expect(one.body.tasks[0]).toMatchObject({ isSummary: true, durationDays: 8, cost: 3000 });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "plan_baseline"), eq(auditLog.entityId, res.body.id)));
    expect(audit).toMatchObject({ action: "create", actorId: w.pm.id, projectId: project.id });
  });

  it("lists newest first; numbers go on after a delete; the snapshot does not follow later edits", async () => {
    const { project, build } = await plannedProject();
    const first = (await save(project, { name: "First" })).body;
    await (await as(w.pm)).patch(`/api/v1/plan-tasks/${build}`, { version: await version(build), durationDays: 7 });
    const second = (await save(project, { name: "Second" })).body;
    expect(second).toMatchObject({ number: 2, finish: "2026-10-15" });
    const list = await (await as(w.viewer)).get(`/api/v1/projects/${project.id}/plan/baselines`);
    expect(list.body.items.map((b: { key: string }) => b.key)).toEqual(["PB-2", "PB-1"]);
    const firstTasks = (await (await as(w.pm)).get(`/api/v1/plan-baselines/${first.id}`)).body.tasks;
    expect(firstTasks.find((x: { taskId: string }) => x.taskId === build)).toMatchObject({ durationDays: 5, finish: "2026-10-13" });

    expect((await (await as(w.pm)).delete(`/api/v1/plan-baselines/${second.id}`)).status).toBe(204);
    expect(await t.db.select().from(planBaselineTasks).where(eq(planBaselineTasks.baselineId, second.id))).toEqual([]);
    expect((await (await as(w.pm)).get(`/api/v1/plan-baselines/${second.id}`)).status).toBe(404);
    expect((await (await as(w.pm)).delete(`/api/v1/plan-baselines/${second.id}`)).status).toBe(404);
    expect((await save(project, { name: "Third" })).body.number).toBe(2);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "plan_baseline"), eq(auditLog.entityId, second.id), eq(auditLog.action, "delete")));
    expect(audit?.before).toMatchObject({ key: "PB-2", name: "Second" });
  });

  it("refuses an empty plan (409) and writes nothing", async () => {
    const project = await freshProject();
    const res = await save(project);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe("The plan has no tasks yet: there is nothing to save in a baseline.");
    expect(await t.db.select().from(planBaselines).where(eq(planBaselines.projectId, project.id))).toEqual([]);
  });

  it("checks the body (400 with field messages in the caller's language)", async () => {
    const { project } = await plannedProject();
    const res = await save(project, { name: "  ", note: 5 });
    expect(res.status).toBe(400);
    expect(Object.keys(fields(res)).sort()).toEqual(["body.name", "body.note"]);
    const zh = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/baselines`, {}, { "accept-language": "zh-CN" });
    expect(zh.status).toBe(400);
    expect(fields(zh)["body.name"]).toMatch(/[\u4e00-\u9fff]/);
    expect((await (await as(w.pm)).get("/api/v1/plan-baselines/not-a-uuid")).status).toBe(400);
  });

  it("gives concurrent saves distinct numbers", async () => {
    const { project } = await plannedProject();
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) => save(project, { name: `Save ${i}` })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(results.map((r) => r.body.number).sort()).toEqual([1, 2, 3, 4]);
  });
});

describe("who may", () => {
  it("lets the manager and admins save and delete; members and viewers read; anonymous 401", async () => {
    const { project } = await plannedProject();
    expect((await save(project, { name: "by dev" }, w.dev)).status).toBe(403);
    expect((await save(project, { name: "by viewer" }, w.viewer)).status).toBe(403);
    expect((await save(project, { name: "by contact" }, w.contactA)).status).toBe(403);
    expect((await save(project, { name: "by outsider" }, w.outsider)).status).toBe(404);
    expect((await save(project, { name: "by admin" }, w.admin)).status).toBe(201);
    const saved = (await save(project, { name: "by pm" })).body;
    expect((await (await as(w.dev)).delete(`/api/v1/plan-baselines/${saved.id}`)).status).toBe(403);
    expect((await t.anonymous().get(`/api/v1/plan-baselines/${saved.id}`)).status).toBe(401);
    expect((await t.anonymous().post(`/api/v1/projects/${project.id}/plan/baselines`, { name: "x" })).status).toBe(401);
    expect((await (await as(w.owner)).delete(`/api/v1/plan-baselines/${saved.id}`)).status).toBe(204);
  });

  it("shows the project's client contact its baselines without work and cost; never another client's", async () => {
    const { project } = await plannedProject();
    const saved = (await save(project)).body;
    const contact = await as(w.contactA);
    const list = await contact.get(`/api/v1/projects/${project.id}/plan/baselines`);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ key: "PB-1", workHours: null, cost: null });
    const one = await contact.get(`/api/v1/plan-baselines/${saved.id}`);
    expect(one.status).toBe(200);
    expect(one.body.tasks.every((x: { cost: unknown; workHours: unknown }) => x.cost === null && x.workHours === null)).toBe(true);
    expect(one.body.tasks[1].finish).not.toBeNull();
    expect((await contact.delete(`/api/v1/plan-baselines/${saved.id}`)).status).toBe(403);

    const other = await as(w.contactB);
    expect((await other.get(`/api/v1/plan-baselines/${saved.id}`)).status).toBe(404);
    expect((await other.get(`/api/v1/projects/${project.id}/plan/baselines`)).status).toBe(404);
    expect((await other.delete(`/api/v1/plan-baselines/${saved.id}`)).status).toBe(404);
    expect((await (await as(w.outsider)).get(`/api/v1/plan-baselines/${saved.id}`)).status).toBe(404);
    expect((await (await as(w.pm)).get(`/api/v1/plan-baselines/${randomUUID()}`)).status).toBe(404);
  });
});

describe("a large plan", () => {
  it("saves a baseline of 10,000 tasks", async () => {
    const project = await freshProject();
    const rows: (typeof planTasks.$inferInsert)[] = [];
    for (let p = 0; p < 500; p++) {
      const phaseId = randomUUID();
      rows.push({ id: phaseId, workspaceId: w.workspace.id, projectId: project.id, position: p, name: `Phase ${p}` });
      for (let k = 0; k < 19; k++) rows.push({ id: randomUUID(), workspaceId: w.workspace.id, projectId: project.id, parentId: phaseId, position: k, name: `Task ${p}.${k}`, durationDays: 1 + (k % 4) });
    }
    for (let i = 0; i < rows.length; i += 1000) await t.db.insert(planTasks).values(rows.slice(i, i + 1000));
    // A first write schedules the plan (the rows above were written without a schedule).
    expect((await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/tasks`, { name: "Kick-off", position: 0, milestone: true })).status).toBe(201);
    let started = performance.now();
    const res = await save(project, { name: "Big" });
    const saveMs = performance.now() - started;
    expect(res.status).toBe(201);
    expect(res.body.taskCount).toBe(10_001);
    started = performance.now();
    const one = await (await as(w.pm)).get(`/api/v1/plan-baselines/${res.body.id}`);
    const readMs = performance.now() - started;
    expect(one.body.tasks).toHaveLength(10_001);
    console.log(`baseline of 10,001 tasks: save ${saveMs.toFixed(0)} ms, read ${readMs.toFixed(0)} ms`);
  }, 120_000);
});
