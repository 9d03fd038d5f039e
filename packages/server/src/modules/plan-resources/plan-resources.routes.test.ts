import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, planTasks } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));
const en = { "accept-language": "en" };

type Project = Awaited<ReturnType<TestApp["factories"]["project"]>>;
type Task = { id: string; wbsCode: string; name: string; version: number; priority: number; levellingStart: string | null; schedule: { start: string; finish: string; workHours: number | null; cost: number | null; [key: string]: unknown } };
type Resource = { id: string; name: string; version: number; [key: string]: unknown };

/** A project of client A starting Monday 2026-10-12 (no holiday for weeks): pm manages, dev is a member, viewer views. */
async function freshProject() {
  const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id, startDate: "2026-10-12" });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
  return project;
}
const planOf = async (project: Project) => {
  const res = await (await as(w.pm)).get(`/api/v1/projects/${project.id}/plan`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { finish: string | null; tasks: Task[] };
};
const taskIn = async (project: Project, id: string) => (await planOf(project)).tasks.find((x) => x.id === id) as Task;
async function addTask(project: Project, body: Record<string, unknown>): Promise<Task> {
  const res = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/tasks`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.tasks.find((x: Task) => x.id === res.body.taskId);
}
async function addResource(project: Project, body: Record<string, unknown>, user: TestUser = w.pm): Promise<Resource> {
  const res = await (await as(user)).post(`/api/v1/projects/${project.id}/plan/resources`, body, en);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.resource;
}
async function assign(project: Project, taskId: string, assignments: { resourceId: string; units: number }[], user: TestUser = w.pm) {
  return (await as(user)).put(`/api/v1/plan-tasks/${taskId}/assignments`, { version: (await taskIn(project, taskId)).version, assignments }, en);
}
const preview = async (project: Project, withinSlackOnly = false, user: TestUser = w.pm) =>
  (await as(user)).post(`/api/v1/projects/${project.id}/plan/levelling/preview`, { withinSlackOnly }, en);

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("resources", () => {
  it("creates, changes and removes resources with version checks and audit; names are unique in the plan", async () => {
    const project = await freshProject();
    const li = await addResource(project, { name: "Li Wei", role: "Developer", costPerHour: 300, userId: w.dev.id, exceptions: [{ from: "2026-10-14", hours: "", name: "Leave" }] });
    expect(li).toMatchObject({ kind: "work", maxUnits: 1, costPerHour: 300, costPerUse: 0, userId: w.dev.id, role: "Developer", exceptions: [{ from: "2026-10-14", to: null, hours: "", name: "Leave" }], version: 1 });
    await addResource(project, { name: "Cement", kind: "material", materialLabel: "t", costPerHour: 500 });

    const taken = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/resources`, { name: "li wei" }, en);
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe("This plan already has a resource named “li wei”.");

    const changed = await (await as(w.pm)).patch(`/api/v1/plan-resources/${li.id}`, { version: 1, costPerHour: 320, maxUnits: 0.5 }, en);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.resource).toMatchObject({ costPerHour: 320, maxUnits: 0.5, version: 2 });
    const stale = await (await as(w.pm)).patch(`/api/v1/plan-resources/${li.id}`, { version: 1, role: "Lead" }, en);
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: li.id, version: 2 });

    const list = await (await as(w.viewer)).get(`/api/v1/projects/${project.id}/plan/resources`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ currency: "CNY", assignments: [] });
    expect(list.body.resources.map((r: Resource) => r.name)).toEqual(["Cement", "Li Wei"]);

    expect((await (await as(w.pm)).delete(`/api/v1/plan-resources/${li.id}?version=1`)).status).toBe(409);
    const removed = await (await as(w.pm)).delete(`/api/v1/plan-resources/${li.id}?version=2`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ resource: null, removedResourceId: li.id });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, li.id), eq(auditLog.entityType, "plan_resource")));
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "delete"]);
  });

  it("answers 400 with field messages for bad amounts, hours and people", async () => {
    const project = await freshProject();
    const bad = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/resources`, { name: "", kind: "robot", maxUnits: 0.0005, costPerHour: -1 }, en);
    expect(bad.status).toBe(400);
    expect(Object.keys(fields(bad)).sort()).toEqual(["body.costPerHour", "body.kind", "body.maxUnits", "body.name"]);
    expect(fields(bad)["body.maxUnits"]).toBe("Use at most three decimals (0.5 is half time).");
    const hours = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/resources`, { name: "Wang", exceptions: [{ from: "2026-10-14", hours: "12:00-09:00" }] }, en);
    expect(fields(hours)).toEqual({ "body.exceptions.0.hours": "These hours are not valid: each period must end after it starts, in order, without overlapping." });
    const outsider = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/resources`, { name: "Zhao", userId: w.outsider.id }, { "accept-language": "zh-CN" });
    expect(fields(outsider)).toEqual({ "body.userId": "该人员必须是本项目的经理或成员。" });
  });

  it("is the team's: managers and admins change resources, members and viewers read them, client contacts never", async () => {
    const project = await freshProject();
    const li = await addResource(project, { name: "Li", costPerHour: 300 });
    expect((await (await as(w.dev)).post(`/api/v1/projects/${project.id}/plan/resources`, { name: "Dev's" })).status).toBe(403);
    expect((await (await as(w.dev)).patch(`/api/v1/plan-resources/${li.id}`, { version: 1, name: "X" })).status).toBe(403);
    expect((await (await as(w.viewer)).get(`/api/v1/projects/${project.id}/plan/resources/load`)).status).toBe(200);
    await addResource(project, { name: "By the admin" }, w.admin);
    for (const url of [`/api/v1/projects/${project.id}/plan/resources`, `/api/v1/projects/${project.id}/plan/resources/load`, `/api/v1/projects/${project.id}/plan/budget`]) {
      expect((await (await as(w.contactA)).get(url)).status, url).toBe(403);
      expect((await (await as(w.contactB)).get(url)).status, url).toBe(404);
      expect((await t.anonymous().get(url)).status, url).toBe(401);
    }
    expect((await (await as(w.contactA)).patch(`/api/v1/plan-resources/${li.id}`, { version: 1, name: "X" })).status).toBe(403);
    expect((await (await as(w.contactB)).patch(`/api/v1/plan-resources/${li.id}`, { version: 1, name: "X" })).status).toBe(404);
  });
});

describe("assignments", () => {
  it("puts the assignments' work and cost into the task and its summary, and re-costs when a rate changes", async () => {
    const project = await freshProject();
    const phase = await addTask(project, { name: "Build" });
    const code = await addTask(project, { name: "Code", parentId: phase.id, durationDays: 4 });
    await (await as(w.pm)).patch(`/api/v1/plan-tasks/${code.id}`, { version: code.version, fixedCost: 1000 });
    const li = await addResource(project, { name: "Li", costPerHour: 300 });
    const cement = await addResource(project, { name: "Cement", kind: "material", costPerHour: 500, costPerUse: 100 });

    const set = await assign(project, code.id, [
      { resourceId: li.id, units: 0.5 },
      { resourceId: cement.id, units: 2 },
    ]);
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    // Li half time for 4 days of 8 hours: 16 h × 300 = 4,800; cement 2 t × 4 days × 500 + 100 = 4,100.
    expect(set.body.assignments.map((a: { units: number; workHours: number; cost: number }) => [a.units, a.workHours, a.cost])).toEqual([
      [0.5, 16, 4800],
      [2, 0, 4100],
    ]);
    const answered = set.body.plan.tasks as Task[];
    expect(answered.find((x) => x.id === code.id)?.schedule).toMatchObject({ workHours: 16, cost: 9900 });
    expect(answered.find((x) => x.id === phase.id)?.schedule).toMatchObject({ workHours: 16, cost: 9900 });

    const recosted = await (await as(w.pm)).patch(`/api/v1/plan-resources/${li.id}`, { version: li.version, costPerHour: 400 });
    expect(recosted.body.assignments).toMatchObject([{ taskId: code.id, workHours: 16, cost: 6400 }]);
    expect((await taskIn(project, phase.id)).schedule.cost).toBe(11_500);

    // A longer task: more work and cost.
    const longer = await (await as(w.pm)).patch(`/api/v1/plan-tasks/${code.id}`, { version: (await taskIn(project, code.id)).version, durationDays: 5 });
    expect(longer.body.tasks.find((x: Task) => x.id === code.id).schedule).toMatchObject({ workHours: 20, cost: 1000 + 8000 + 5100 });

    const removed = await (await as(w.pm)).delete(`/api/v1/plan-resources/${cement.id}?version=1`);
    expect(removed.body.removedAssignmentIds).toHaveLength(1);
    expect((await taskIn(project, code.id)).schedule.cost).toBe(9000);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, code.id), eq(auditLog.action, "assignments")));
    expect(audit).toHaveLength(1);
  });

  it("refuses summary tasks, unknown resources and stale versions; a task with resources cannot become a summary", async () => {
    const project = await freshProject();
    const phase = await addTask(project, { name: "Phase" });
    const child = await addTask(project, { name: "Child", parentId: phase.id });
    const other = await addTask(project, { name: "Other" });
    const li = await addResource(project, { name: "Li" });

    const onSummary = await assign(project, phase.id, [{ resourceId: li.id, units: 1 }]);
    expect(onSummary.status).toBe(409);
    expect(onSummary.body.error.message).toBe("“1 Phase” is a summary task: assign resources to the tasks under it.");
    const unknown = await assign(project, child.id, [{ resourceId: phase.id, units: 1 }]);
    expect(fields(unknown)).toEqual({ "body.assignments.0.resourceId": "No such resource in this plan." });
    const twice = await assign(project, child.id, [{ resourceId: li.id, units: 1 }, { resourceId: li.id, units: 1 }]);
    expect(fields(twice)).toEqual({ "body.assignments.1.resourceId": "This resource is listed twice on the task." });
    const zero = await assign(project, child.id, [{ resourceId: li.id, units: 0 }]);
    expect(fields(zero)).toEqual({ "body.assignments.0.units": "Units must be more than 0." });

    expect((await assign(project, other.id, [{ resourceId: li.id, units: 1 }])).status).toBe(200);
    const stale = await (await as(w.pm)).put(`/api/v1/plan-tasks/${other.id}/assignments`, { version: other.version, assignments: [] }, en);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");

    // Putting a task under "Other" would make it a summary with a resource on it.
    const indent = await (await as(w.pm)).post(`/api/v1/plan-tasks/${(await addTask(project, { name: "Below" })).id}/move`, { version: 1, action: "indent" }, en);
    expect(indent.status).toBe(409);
    expect(indent.body.error.message).toBe("“2 Other” would become a summary task, but it has resources assigned. Remove them first (and assign them to the tasks under it).");

    expect((await assign(project, other.id, [], w.viewer)).status).toBe(403);
    expect((await assign(project, other.id, [], w.dev)).status).toBe(200);
    expect((await (await as(w.contactB)).put(`/api/v1/plan-tasks/${other.id}/assignments`, { version: 1, assignments: [] })).status).toBe(404);
  });
});

/** Li (full time) on A (3 d) and B (2 d), both starting on day 0; C (6 d) beside them sets the finish. */
async function overAllocatedPlan() {
  const project = await freshProject();
  const a = await addTask(project, { name: "A", durationDays: 3 });
  const b = await addTask(project, { name: "B", durationDays: 2 });
  await addTask(project, { name: "C", durationDays: 6 });
  const li = await addResource(project, { name: "Li", costPerHour: 100 });
  expect((await assign(project, a.id, [{ resourceId: li.id, units: 1 }])).status).toBe(200);
  expect((await assign(project, b.id, [{ resourceId: li.id, units: 1 }])).status).toBe(200);
  return { project, a, b, li };
}

describe("load and levelling", () => {
  it("shows each resource's load per working day with capacity, days off and over-allocated days", async () => {
    const { project, li } = await overAllocatedPlan();
    await (await as(w.pm)).patch(`/api/v1/plan-resources/${li.id}`, { version: 1, exceptions: [{ from: "2026-10-14", hours: "" }] });
    const load = await (await as(w.pm)).get(`/api/v1/projects/${project.id}/plan/resources/load`);
    expect(load.status).toBe(200);
    expect(load.body.resources).toEqual([
      {
        resourceId: li.id,
        name: "Li",
        kind: "work",
        maxUnits: 1,
        days: [
          { date: "2026-10-12", day: 0, units: 2, capacity: 1, overAllocated: true },
          { date: "2026-10-13", day: 1, units: 2, capacity: 1, overAllocated: true },
          { date: "2026-10-14", day: 2, units: 1, capacity: 0, overAllocated: true },
        ],
        overAllocatedDays: 3,
      },
    ]);
  });

  it("previews levelling without writing, applies it (the task moves, the over-allocation is gone) and clears it", async () => {
    const { project, a, b, li } = await overAllocatedPlan();
    const before = await planOf(project);
    const auditBefore = (await t.db.select().from(auditLog).where(eq(auditLog.projectId, project.id))).length;

    const shown = await preview(project);
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body).toMatchObject({
      levelled: false,
      finishBefore: "2026-10-19",
      finishAfter: "2026-10-19",
      finishChangeDays: 0,
      moved: [{ taskId: b.id, wbsCode: "2", name: "B", startBefore: "2026-10-12", finishBefore: "2026-10-13", startAfter: "2026-10-15", finishAfter: "2026-10-16", shiftDays: 3 }],
      overAllocations: [{ resourceId: li.id, name: "Li", daysBefore: 2, daysAfter: 0 }],
      unlevellable: [],
    });
    // Nothing was written: the plan and the audit log are as they were.
    expect(await planOf(project)).toEqual(before);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.projectId, project.id))).length).toBe(auditBefore);

    // Members and viewers may look, only managers apply.
    expect((await preview(project, false, w.viewer)).status).toBe(200);
    expect((await (await as(w.dev)).post(`/api/v1/projects/${project.id}/plan/levelling`, { withinSlackOnly: false, basis: shown.body.basis })).status).toBe(403);
    expect((await preview(project, false, w.contactA)).status).toBe(403);

    const applied = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/levelling`, { withinSlackOnly: false, basis: shown.body.basis }, en);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.tasks.find((x: Task) => x.id === b.id)).toMatchObject({ levellingStart: "2026-10-15", schedule: { start: "2026-10-15", finish: "2026-10-16" } });
    const load = await (await as(w.pm)).get(`/api/v1/projects/${project.id}/plan/resources/load`);
    expect(load.body.resources[0].overAllocatedDays).toBe(0);
    // Levelling did not bump the task's version: nobody's edit of B goes stale.
    expect((await taskIn(project, b.id)).version).toBe(before.tasks.find((x) => x.id === b.id)?.version);
    const again = await preview(project);
    expect(again.body).toMatchObject({ levelled: true, moved: [], overAllocations: [] });

    // The preview's basis is spent once the plan changed.
    const stale = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/levelling`, { withinSlackOnly: false, basis: shown.body.basis }, en);
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe("The plan changed since this preview. Preview levelling again, then apply.");

    const cleared = await (await as(w.pm)).delete(`/api/v1/projects/${project.id}/plan/levelling`);
    expect(cleared.status).toBe(200);
    const after = await planOf(project);
    expect(after.tasks.map((x) => [x.id, x.schedule.start, x.schedule.finish, x.levellingStart])).toEqual(before.tasks.map((x) => [x.id, x.schedule.start, x.schedule.finish, null]));
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, project.id), eq(auditLog.entityType, "plan_levelling")));
    expect(audit.map((x) => x.action)).toEqual(["apply", "clear"]);
    expect(a.id).toBeTruthy();
  });

  it("uses task priority (editable on the task) and reports what it cannot level, in the caller's language", async () => {
    const { project, a, b } = await overAllocatedPlan();
    const prioritised = await (await as(w.pm)).patch(`/api/v1/plan-tasks/${b.id}`, { version: (await taskIn(project, b.id)).version, priority: 800 });
    expect(prioritised.status).toBe(200);
    expect(prioritised.body.tasks.find((x: Task) => x.id === b.id).priority).toBe(800);
    expect((await preview(project)).body.moved.map((m: { taskId: string }) => m.taskId)).toEqual([a.id]);
    expect((await (await as(w.pm)).patch(`/api/v1/plan-tasks/${b.id}`, { version: prioritised.body.tasks[0].version, priority: 1001 }, en)).status).toBe(400);

    // Within slack only: A (float 3) has no room after B (priority 800), which keeps its days.
    const tight = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/levelling/preview`, { withinSlackOnly: true }, { "accept-language": "zh-CN" });
    expect(tight.body.unlevellable).toEqual([]);
    const noRoom = await freshProject();
    const x = await addTask(noRoom, { name: "X", durationDays: 3 });
    const y = await addTask(noRoom, { name: "Y", durationDays: 3 });
    const li = await addResource(noRoom, { name: "Li" });
    await assign(noRoom, x.id, [{ resourceId: li.id, units: 1 }]);
    await assign(noRoom, y.id, [{ resourceId: li.id, units: 1 }]);
    const listed = await (await as(w.pm)).post(`/api/v1/projects/${noRoom.id}/plan/levelling/preview`, { withinSlackOnly: true }, { "accept-language": "zh-CN" });
    expect(listed.body.unlevellable).toEqual([{ taskId: y.id, wbsCode: "2", name: "Y", resourceId: null, reason: "no-slack", message: "“2 Y”在其可用时差内没有足够的资源空档。" }]);
    expect(listed.body.overAllocations).toEqual([{ resourceId: li.id, name: "Li", daysBefore: 3, daysAfter: 3 }]);
    const stored = await t.db.select({ levellingStart: planTasks.levellingStart }).from(planTasks).where(eq(planTasks.projectId, noRoom.id));
    expect(stored.every((r) => r.levellingStart === null)).toBe(true);
  });
});

describe("budget", () => {
  it("gives the planned cost in total, by phase and over time: the cumulative curve ends at the total", async () => {
    const project = await freshProject();
    const phase = await addTask(project, { name: "Build" });
    const code = await addTask(project, { name: "Code", parentId: phase.id, durationDays: 10 });
    const go = await addTask(project, { name: "Go-live", milestone: true });
    await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/dependencies`, { predecessorId: code.id, successorId: go.id });
    await (await as(w.pm)).patch(`/api/v1/plan-tasks/${go.id}`, { version: (await taskIn(project, go.id)).version, fixedCost: 500 });
    const li = await addResource(project, { name: "Li", costPerHour: 100 });
    await assign(project, code.id, [{ resourceId: li.id, units: 1 }]);

    const month = await (await as(w.viewer)).get(`/api/v1/projects/${project.id}/plan/budget?interval=month`);
    expect(month.status, JSON.stringify(month.body)).toBe(200);
    // Code: 10 days × 8 h × 100 = 8,000 from Mon 10-12 to Fri 10-23; Go-live on Mon 10-26 with 500.
    expect(month.body).toMatchObject({
      currency: "CNY",
      interval: "month",
      start: "2026-10-12",
      finish: "2026-10-26",
      totalCost: 8500,
      fixedCost: 500,
      resourceCost: 8000,
      workHours: 80,
      phases: [
        { taskId: phase.id, wbsCode: "1", name: "Build", kind: "summary", workHours: 80, cost: 8000 },
        { taskId: go.id, wbsCode: "2", name: "Go-live", kind: "milestone", workHours: 0, cost: 500 },
      ],
      periods: [{ from: "2026-10-01", to: "2026-10-31", cost: 8500, cumulative: 8500 }],
    });
    const week = await (await as(w.pm)).get(`/api/v1/projects/${project.id}/plan/budget?interval=week`);
    expect(week.body.periods).toEqual([
      { from: "2026-10-12", to: "2026-10-18", cost: 4000, cumulative: 4000 },
      { from: "2026-10-19", to: "2026-10-25", cost: 4000, cumulative: 8000 },
      { from: "2026-10-26", to: "2026-11-01", cost: 500, cumulative: 8500 },
    ]);
    expect((await (await as(w.pm)).get(`/api/v1/projects/${project.id}/plan/budget?interval=day`, en)).status).toBe(400);
    expect((await (await as(w.contactA)).get(`/api/v1/projects/${project.id}/plan/budget`)).status).toBe(403);
  });
});
