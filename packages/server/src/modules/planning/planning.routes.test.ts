import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, planTasks, traceLinks } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));

type Project = Awaited<ReturnType<TestApp["factories"]["project"]>>;
type Task = { id: string; wbsCode: string; name: string; kind: string; version: number; parentId: string | null; schedule: Record<string, unknown>; [key: string]: unknown };

/** A project of client A starting on `startDate`: pm manages, dev is a member, viewer views, contact A is the client. */
async function freshProject(startDate = "2026-09-28") {
  const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id, startDate });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
  return project;
}

const planOf = async (project: Project, user: TestUser = w.pm) => {
  const res = await (await as(user)).get(`/api/v1/projects/${project.id}/plan`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { start: string; finish: string | null; tasks: Task[]; dependencies: { id: string; predecessorId: string; successorId: string; type: string; lagDays: number; version: number }[]; calendar: Record<string, unknown> };
};
const taskIn = async (project: Project, id: string) => (await planOf(project)).tasks.find((x) => x.id === id) as Task;

async function addTask(project: Project, body: Record<string, unknown>, user: TestUser = w.pm): Promise<Task> {
  const res = await (await as(user)).post(`/api/v1/projects/${project.id}/plan/tasks`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.tasks.find((x: Task) => x.id === res.body.taskId);
}
const link = async (project: Project, predecessorId: string, successorId: string, extra: Record<string, unknown> = {}, lang = "en") =>
  (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/dependencies`, { predecessorId, successorId, ...extra }, { "accept-language": lang });
const move = async (task: { id: string }, project: Project, body: Record<string, unknown>) =>
  (await as(w.pm)).post(`/api/v1/plan-tasks/${task.id}/move`, { version: (await taskIn(project, task.id)).version, ...body }, { "accept-language": "en" });

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("the WBS", () => {
  it("starts empty on the default calendar: Monday to Friday, 8 hours, mainland China's holidays", async () => {
    const project = await freshProject();
    const plan = await planOf(project);
    expect(plan).toMatchObject({ start: "2026-09-28", finish: null, tasks: [], dependencies: [] });
    expect(plan.calendar).toMatchObject({
      week: { mon: "09:00-12:00,13:00-18:00", fri: "09:00-12:00,13:00-18:00", sat: "", sun: "" },
      holidaySets: ["cn"],
      exceptions: [],
      version: 0,
    });
  });

  it("creates tasks at positions and under parents, numbers them 1, 1.1, 1.2 … and rolls summaries up", async () => {
    const project = await freshProject();
    const phase = await addTask(project, { name: "Phase 1" });
    const build = await addTask(project, { name: "Build", parentId: phase.id, durationDays: 3 });
    const design = await addTask(project, { name: "Design", parentId: phase.id, position: 0, durationDays: 2 });
    const golive = await addTask(project, { name: "Go-live", milestone: true });
    await (await as(w.pm)).patch(`/api/v1/plan-tasks/${design.id}`, { version: design.version, workHours: 16, percentComplete: 100 });
    await (await as(w.pm)).patch(`/api/v1/plan-tasks/${build.id}`, { version: build.version, workHours: 24 });
    const plan = await planOf(project);
    expect(plan.tasks.map((x) => [x.wbsCode, x.name, x.kind])).toEqual([
      ["1", "Phase 1", "summary"],
      ["1.1", "Design", "task"],
      ["1.2", "Build", "task"],
      ["2", "Go-live", "milestone"],
    ]);
    const summary = plan.tasks[0] as Task;
    // Design and Build both start on day 0 (no links): the phase spans Build's 3 days; work sums, progress weighs by work (16 of 40 hours done).
    expect(summary.schedule).toMatchObject({ start: "2026-09-28", finish: "2026-09-30", durationDays: 3, workHours: 40, percentComplete: 40 });
    expect(golive.kind).toBe("milestone");
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, design.id), eq(auditLog.entityType, "plan_task")));
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
  });

  it("indents, outdents and moves up and down, renumbering in one change; refuses a task under its own tasks", async () => {
    const project = await freshProject();
    const a = await addTask(project, { name: "A" });
    const b = await addTask(project, { name: "B" });
    const c = await addTask(project, { name: "C" });
    const codes = async () => Object.fromEntries((await planOf(project)).tasks.map((x) => [x.name, x.wbsCode]));

    const indented = await move(b, project, { action: "indent" });
    expect(indented.status, JSON.stringify(indented.body)).toBe(200);
    expect(indented.body.tasks.map((x: Task) => [x.name, x.wbsCode])).toEqual(expect.arrayContaining([["A", "1"], ["B", "1.1"], ["C", "2"]]));
    expect(await codes()).toEqual({ A: "1", B: "1.1", C: "2" });
    expect((await move(c, project, { action: "indent" })).status).toBe(200);
    expect(await codes()).toEqual({ A: "1", B: "1.1", C: "1.2" });
    expect((await move(c, project, { action: "up" })).status).toBe(200);
    expect(await codes()).toEqual({ A: "1", C: "1.1", B: "1.2" });
    expect((await move(c, project, { action: "down" })).status).toBe(200);
    expect(await codes()).toEqual({ A: "1", B: "1.1", C: "1.2" });
    expect((await move(b, project, { action: "outdent" })).status).toBe(200);
    expect(await codes()).toEqual({ A: "1", C: "1.1", B: "2" });

    const intoItself = await move(a, project, { action: "to", parentId: c.id });
    expect(intoItself.status).toBe(409);
    expect(intoItself.body.error.message).toBe("A task cannot be moved under itself or one of its own tasks.");
    expect((await move(a, project, { action: "indent" })).status).toBe(409);
    expect((await move(a, project, { action: "up" })).status).toBe(409);
    expect((await move(a, project, { action: "outdent" })).body.error.message).toBe("This task is already at the top level.");
    expect((await move(c, project, { action: "to", parentId: null, position: 0 })).status).toBe(200);
    expect(await codes()).toEqual({ C: "1", A: "2", B: "3" });
  });

  it("deletes a summary task with its tasks only when confirmed, with their dependencies and trace links", async () => {
    const project = await freshProject();
    const phase = await addTask(project, { name: "Phase" });
    const inner = await addTask(project, { name: "Inner", parentId: phase.id });
    const after = await addTask(project, { name: "After" });
    expect((await link(project, inner.id, after.id)).status).toBe(201);
    const requirement = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/requirements`, { title: "Traced" });
    expect((await (await as(w.pm)).post(`/api/v1/projects/${project.id}/trace-links`, { fromType: "task", fromId: inner.id, toType: "requirement", toId: requirement.body.id, kind: "implements" })).status).toBe(201);
    const version = (await taskIn(project, phase.id)).version;

    const unconfirmed = await (await as(w.pm)).delete(`/api/v1/plan-tasks/${phase.id}?version=${version}`, { "accept-language": "en" });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error).toMatchObject({ message: "This task has 1 tasks under it. Confirm to delete them too.", details: { count: 1 } });
    const confirmed = await (await as(w.pm)).delete(`/api/v1/plan-tasks/${phase.id}?version=${version}&withSubtasks=true`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.removedTaskIds.sort()).toEqual([phase.id, inner.id].sort());
    expect(confirmed.body.removedDependencyIds).toHaveLength(1);
    expect(confirmed.body.tasks.map((x: Task) => [x.name, x.wbsCode])).toEqual([["After", "1"]]);
    expect(await t.db.select().from(traceLinks).where(eq(traceLinks.fromId, inner.id))).toEqual([]);
    expect((await planOf(project)).tasks.map((x) => x.name)).toEqual(["After"]);
  });
});

describe("scheduling", () => {
  it("schedules across the 2026 National Day holiday, counting the 调休 Saturday 10-10 as a working day", async () => {
    const project = await freshProject("2026-09-28");
    const a = await addTask(project, { name: "Analyse", durationDays: 5 });
    const b = await addTask(project, { name: "Build", durationDays: 2 });
    const half = await addTask(project, { name: "Review", durationDays: 0.5 });
    const done = await addTask(project, { name: "Done", milestone: true });
    const aside = await addTask(project, { name: "Aside", durationDays: 1 });
    for (const [from, to] of [
      [a, b],
      [a, half],
      [b, done],
    ] as const) {
      expect((await link(project, from.id, to.id)).status).toBe(201);
    }
    const plan = await planOf(project);
    const byName = Object.fromEntries(plan.tasks.map((x) => [x.name, x.schedule]));
    // Mon 09-28, Tue 09-29, Wed 09-30, then 国庆 10-01..10-07 off, Thu 10-08, Fri 10-09.
    expect(byName.Analyse).toMatchObject({ start: "2026-09-28", finish: "2026-10-09", startDay: 0, finishDay: 5, totalFloatDays: 0, critical: true });
    // Saturday 10-10 is a make-up working day (调休上班), then Monday 10-12.
    expect(byName.Build).toMatchObject({ start: "2026-10-10", finish: "2026-10-12", startDay: 5, finishDay: 7, critical: true });
    // Half a day on the Saturday.
    expect(byName.Review).toMatchObject({ start: "2026-10-10", finish: "2026-10-10", startDay: 5, finishDay: 5.5, totalFloatDays: 1.5, critical: false });
    expect(byName.Done).toMatchObject({ start: "2026-10-13", finish: "2026-10-13", critical: true });
    expect(byName.Aside).toMatchObject({ start: "2026-09-28", finish: "2026-09-28", totalFloatDays: 6, critical: false, lateStart: "2026-10-12", lateFinish: "2026-10-12" });
    expect(plan.finish).toBe("2026-10-13");
    void aside;
  });

  it("applies lags and leads, constraints, deadlines and manual tasks, and lists what cannot be kept", async () => {
    const project = await freshProject("2026-09-28");
    const a = await addTask(project, { name: "A", durationDays: 2 });
    const b = await addTask(project, { name: "B", durationDays: 2 });
    expect((await link(project, a.id, b.id, { lagDays: 1 })).status).toBe(201);
    expect((await taskIn(project, b.id)).schedule).toMatchObject({ start: "2026-10-08", finish: "2026-10-09" });
    const dependency = (await planOf(project)).dependencies[0] as { id: string; version: number };
    const lead = await (await as(w.pm)).patch(`/api/v1/plan-dependencies/${dependency.id}`, { version: dependency.version, type: "SS", lagDays: -1 });
    expect(lead.status, JSON.stringify(lead.body)).toBe(200);
    expect((await taskIn(project, b.id)).schedule).toMatchObject({ start: "2026-09-28" });

    // Typing a start on an automatic task gives it "start no earlier than" (MS Project's rule).
    const pinned = await (await as(w.pm)).patch(`/api/v1/plan-tasks/${b.id}`, { version: (await taskIn(project, b.id)).version, start: "2026-10-09", deadline: "2026-10-09" });
    expect(pinned.status, JSON.stringify(pinned.body)).toBe(200);
    const pinnedB = await taskIn(project, b.id);
    expect(pinnedB).toMatchObject({ constraintType: "SNET", constraintDate: "2026-10-09", deadline: "2026-10-09" });
    expect(pinnedB.schedule).toMatchObject({ start: "2026-10-09", finish: "2026-10-10", violations: [{ kind: "deadline", byDays: 1 }], critical: true });

    // A manual task starts where it is put; typing a finish sets its duration in working days.
    const manual = await (await as(w.pm)).patch(`/api/v1/plan-tasks/${a.id}`, { version: (await taskIn(project, a.id)).version, schedulingMode: "manual", manualStart: "2026-09-30", finish: "2026-10-08" });
    expect(manual.status, JSON.stringify(manual.body)).toBe(200);
    expect(await taskIn(project, a.id)).toMatchObject({ schedulingMode: "manual", manualStart: "2026-09-30", durationDays: 2, schedule: { start: "2026-09-30", finish: "2026-10-08" } });
  });

  it("refuses a dependency cycle with 409 naming the tasks, and leaves the plan as it was", async () => {
    const project = await freshProject();
    const a = await addTask(project, { name: "Design" });
    const b = await addTask(project, { name: "Build" });
    const c = await addTask(project, { name: "Test" });
    expect((await link(project, a.id, b.id)).status).toBe(201);
    expect((await link(project, b.id, c.id)).status).toBe(201);
    const cycle = await link(project, c.id, a.id);
    expect(cycle.status).toBe(409);
    expect(cycle.body.error.message).toBe("This would make a dependency cycle: 1 Design → 2 Build → 3 Test → 1 Design. Remove one of these links first.");
    expect(cycle.body.error.details.taskIds).toEqual([a.id, b.id, c.id]);
    const zh = await link(project, c.id, a.id, {}, "zh-CN");
    expect(zh.body.error.message).toBe("这会形成依赖循环：1 Design → 2 Build → 3 Test → 1 Design。请先删除其中一个链接。");
    expect((await planOf(project)).dependencies).toHaveLength(2);
    expect((await link(project, a.id, b.id)).status).toBe(409);
    expect(fields(await link(project, a.id, a.id))).toEqual({ "body.predecessorId": "A task cannot depend on itself." });
  });

  it("replaces a task's predecessors at once", async () => {
    const project = await freshProject();
    const a = await addTask(project, { name: "A", durationDays: 2 });
    const b = await addTask(project, { name: "B", durationDays: 3 });
    const c = await addTask(project, { name: "C", durationDays: 1 });
    const pm = await as(w.pm);
    const set = await pm.put(`/api/v1/plan-tasks/${c.id}/predecessors`, { version: c.version, predecessors: [{ predecessorId: a.id }, { predecessorId: b.id, type: "FS", lagDays: 2 }] });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.dependencies).toHaveLength(2);
    expect(set.body.tasks.find((x: Task) => x.id === c.id).schedule).toMatchObject({ startDay: 5 });
    const again = await pm.put(`/api/v1/plan-tasks/${c.id}/predecessors`, { version: set.body.tasks.find((x: Task) => x.id === c.id).version, predecessors: [{ predecessorId: a.id, type: "SS" }] });
    expect(again.status).toBe(200);
    expect(again.body.removedDependencyIds).toHaveLength(1);
    expect((await planOf(project)).dependencies.map((d) => [d.predecessorId, d.type])).toEqual([[a.id, "SS"]]);
    const cycle = await pm.put(`/api/v1/plan-tasks/${a.id}/predecessors`, { version: (await taskIn(project, a.id)).version, predecessors: [{ predecessorId: c.id }] }, { "accept-language": "en" });
    expect(cycle.status).toBe(409);
    expect(cycle.body.error.message).toContain("1 A → 3 C → 1 A");
  });

  it("refuses to make a manually scheduled task a summary, and links between a summary and its own tasks", async () => {
    const project = await freshProject();
    const phase = await addTask(project, { name: "Phase" });
    const inner = await addTask(project, { name: "Inner" });
    await (await as(w.pm)).patch(`/api/v1/plan-tasks/${phase.id}`, { version: phase.version, schedulingMode: "manual", manualStart: "2026-09-28" });
    const refused = await move(inner, project, { action: "indent" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe("“1 Phase” would become a summary task, but it is scheduled manually. Switch it to automatic scheduling first.");
    await (await as(w.pm)).patch(`/api/v1/plan-tasks/${phase.id}`, { version: (await taskIn(project, phase.id)).version, schedulingMode: "auto" });
    expect((await move(inner, project, { action: "indent" })).status).toBe(200);
    const nested = await link(project, phase.id, inner.id);
    expect(nested.status).toBe(409);
    expect(nested.body.error.message).toBe("“1 Phase” and “1.1 Inner” cannot be linked: one is under the other, so the link would be a cycle through the summary task.");
  });

  it("reschedules on the saved calendar: without China's holidays the National Day week is worked", async () => {
    const project = await freshProject("2026-09-28");
    const a = await addTask(project, { name: "A", durationDays: 5 });
    const calendar = (await planOf(project)).calendar as { version: number; week: Record<string, string> };
    expect(calendar.version).toBe(1);
    const pm = await as(w.pm);
    const saved = await pm.put(`/api/v1/projects/${project.id}/plan/calendar`, { version: calendar.version, week: calendar.week, holidaySets: [], exceptions: [{ from: "2026-09-30", hours: "", name: "Team day" }] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ holidaySets: [], exceptions: [{ from: "2026-09-30", to: null, hours: "", name: "Team day" }], version: 2 });
    expect((await taskIn(project, a.id)).schedule).toMatchObject({ start: "2026-09-28", finish: "2026-10-05" });
    const stale = await pm.put(`/api/v1/projects/${project.id}/plan/calendar`, { version: 1, week: calendar.week, holidaySets: ["cn"], exceptions: [] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(2);
    const bad = await pm.put(`/api/v1/projects/${project.id}/plan/calendar`, { version: 2, week: { ...calendar.week, mon: "12:00-09:00" }, holidaySets: [], exceptions: [] }, { "accept-language": "en" });
    expect(fields(bad)).toEqual({ "body.week.mon": "These hours are not valid: each period must end after it starts, in order, without overlapping." });
    const none = await pm.put(`/api/v1/projects/${project.id}/plan/calendar`, { version: 2, week: { mon: "", tue: "", wed: "", thu: "", fri: "", sat: "", sun: "" }, holidaySets: [], exceptions: [] }, { "accept-language": "zh-CN" });
    expect(fields(none)).toEqual({ "body.week": "一周中至少要有一个工作日。" });
  });

  it("follows the project's start date when it changes", async () => {
    const project = await freshProject("2026-09-28");
    const a = await addTask(project, { name: "A", durationDays: 1 });
    const current = (await (await as(w.pm)).get(`/api/v1/projects/${project.id}`)).body;
    expect((await (await as(w.pm)).patch(`/api/v1/projects/${project.id}`, { version: current.version, startDate: "2026-10-01" })).status).toBe(200);
    expect((await taskIn(project, a.id)).schedule).toMatchObject({ start: "2026-10-08" });
  });
});

describe("edits", () => {
  it("refuses a stale version with 409 and the current task", async () => {
    const project = await freshProject();
    const task = await addTask(project, { name: "Original" });
    const pm = await as(w.pm);
    expect((await pm.patch(`/api/v1/plan-tasks/${task.id}`, { version: task.version, name: "First" })).status).toBe(200);
    const stale = await (await as(w.dev)).patch(`/api/v1/plan-tasks/${task.id}`, { version: task.version, name: "Second" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: task.id, name: "First", version: task.version + 1 });
    expect((await taskIn(project, task.id)).name).toBe("First");
  });

  it("answers invalid input with 400 and field messages in the caller's language", async () => {
    const project = await freshProject();
    const task = await addTask(project, { name: "Task" });
    const pm = await as(w.pm);
    const en = await pm.patch(`/api/v1/plan-tasks/${task.id}`, { version: task.version, durationDays: 1.234 }, { "accept-language": "en" });
    expect(en.status).toBe(400);
    expect(fields(en)).toEqual({ "body.durationDays": "Use at most two decimals (0.5 is half a working day)." });
    const zh = await pm.patch(`/api/v1/plan-tasks/${task.id}`, { version: task.version, durationDays: 1.234 }, { "accept-language": "zh-CN" });
    expect(fields(zh)).toEqual({ "body.durationDays": "最多保留两位小数（0.5 表示半个工作日）。" });
    expect(fields(await pm.patch(`/api/v1/plan-tasks/${task.id}`, { version: task.version, constraintType: "MSO" }, { "accept-language": "en" }))).toEqual({ "body.constraintDate": "This constraint needs a date." });
    expect(fields(await pm.post(`/api/v1/projects/${project.id}/plan/tasks`, { name: "" }, { "accept-language": "en" }))["body.name"]).toBeTruthy();
    expect(fields(await pm.patch(`/api/v1/plan-tasks/${task.id}`, { version: task.version, ownerId: w.viewer.id }, { "accept-language": "en" }))).toEqual({ "body.ownerId": "The owner must be a manager or member of this project." });
    expect((await taskIn(project, task.id)).version).toBe(task.version);
  });

  it("writes only the rows a change moves", async () => {
    const project = await freshProject();
    const chain: Task[] = [];
    for (let i = 0; i < 6; i++) chain.push(await addTask(project, { name: `T${i}` }));
    for (let i = 1; i < 3; i++) expect((await link(project, (chain[i - 1] as Task).id, (chain[i] as Task).id)).status).toBe(201);
    const first = chain[0] as Task;
    const res = await (await as(w.pm)).patch(`/api/v1/plan-tasks/${first.id}`, { version: (await taskIn(project, first.id)).version, durationDays: 2 });
    // T0 (edited) and T1, T2 (moved); T3..T5 stay (their float grew, so they are rewritten too: float is stored).
    expect(res.body.tasks.map((x: Task) => x.name)).toEqual(["T0", "T1", "T2", "T3", "T4", "T5"]);
    const rename = await (await as(w.pm)).patch(`/api/v1/plan-tasks/${first.id}`, { version: (await taskIn(project, first.id)).version, name: "Renamed" });
    expect(rename.body.tasks.map((x: Task) => x.name)).toEqual(["Renamed"]);
  });
});

describe("a large plan", () => {
  it("reschedules 10,000 tasks in one request, and a local edit writes only the rows it moves", async () => {
    const project = await freshProject();
    const rows: (typeof planTasks.$inferInsert)[] = [];
    for (let p = 0; p < 500; p++) {
      const phase = randomUUID();
      rows.push({ id: phase, workspaceId: w.workspace.id, projectId: project.id, position: p, name: `Phase ${p}` });
      for (let k = 0; k < 19; k++) rows.push({ id: randomUUID(), workspaceId: w.workspace.id, projectId: project.id, parentId: phase, position: k, name: `Task ${p}.${k}`, durationDays: 1 + (k % 4) });
    }
    for (let i = 0; i < rows.length; i += 1000) await t.db.insert(planTasks).values(rows.slice(i, i + 1000));
    const pm = await as(w.pm);
    let started = performance.now();
    const first = await pm.post(`/api/v1/projects/${project.id}/plan/tasks`, { name: "Kick-off", position: 0, milestone: true });
    const full = performance.now() - started;
    expect(first.status).toBe(201);
    // Every task got its WBS code and dates: all 10,001 rows written once.
    expect(first.body.tasks).toHaveLength(10_001);
    // Task 0.3 is one of phase 0's longest (4 days, in parallel with the others): shortening it moves nothing else.
    const shortened = rows[4] as { id: string; name: string };
    expect(shortened.name).toBe("Task 0.3");
    started = performance.now();
    const edit = await pm.patch(`/api/v1/plan-tasks/${shortened.id}`, { version: 1, durationDays: 1, percentComplete: 50 });
    const local = performance.now() - started;
    expect(edit.status).toBe(200);
    // The task and its phase (% complete rolls up); every other row keeps its dates and float, and is not written.
    expect(edit.body.tasks.map((x: Task) => x.name)).toEqual(["Phase 0", "Task 0.3"]);
    started = performance.now();
    expect((await pm.get(`/api/v1/projects/${project.id}/plan`)).body.tasks).toHaveLength(10_001);
    const read = performance.now() - started;
    console.log(`10,001-task plan: first reschedule ${full.toFixed(0)} ms, local edit ${local.toFixed(0)} ms, read ${read.toFixed(0)} ms`);
  }, 120_000);
});

describe("who may", () => {
  it("lets managers and members edit, viewers and the project's client contacts read (without the team's notes and costs)", async () => {
    const project = await freshProject();
    const task = await addTask(project, { name: "Shared", notes: "internal", ownerId: w.dev.id }, w.dev);
    await (await as(w.pm)).patch(`/api/v1/plan-tasks/${task.id}`, { version: task.version, fixedCost: 5000, workHours: 8 });
    const viewer = await as(w.viewer);
    expect((await viewer.get(`/api/v1/projects/${project.id}/plan`)).status).toBe(200);
    expect((await viewer.post(`/api/v1/projects/${project.id}/plan/tasks`, { name: "No" })).status).toBe(403);
    const contact = await planOf(project, w.contactA);
    expect(contact.tasks[0]).toMatchObject({ name: "Shared", notes: null, ownerId: null, fixedCost: null, workHours: null, schedule: { cost: null, workHours: null } });
    expect((await (await as(w.contactA)).patch(`/api/v1/plan-tasks/${task.id}`, { version: 2, name: "Hijacked" })).status).toBe(403);
    expect((await (await as(w.dev)).put(`/api/v1/projects/${project.id}/plan/calendar`, { version: 1, week: contact.calendar.week, holidaySets: [], exceptions: [] })).status).toBe(403);
  });

  it("never shows a plan to another client's contact or to staff outside the project", async () => {
    const project = await freshProject();
    const task = await addTask(project, { name: "Secret of A" });
    for (const user of [w.contactB, w.outsider]) {
      const client = await as(user);
      expect((await client.get(`/api/v1/projects/${project.id}/plan`)).status).toBe(404);
      expect((await client.get(`/api/v1/projects/${project.id}/plan/calendar`)).status).toBe(404);
      const patched = await client.patch(`/api/v1/plan-tasks/${task.id}`, { version: 1, name: "Hijacked" });
      expect(patched.status).toBe(404);
      expect(JSON.stringify(patched.body)).not.toContain("Secret of A");
    }
    expect((await t.db.select().from(planTasks).where(eq(planTasks.id, task.id)))[0]?.name).toBe("Secret of A");
  });
});

describe("traceability", () => {
  it("registers tasks as trace targets: the matrix shows requirement → task by WBS code", async () => {
    const project = await freshProject();
    const phase = await addTask(project, { name: "Phase" });
    const task = await addTask(project, { name: "Configure SSO", parentId: phase.id });
    const pm = await as(w.pm);
    const requirement = (await pm.post(`/api/v1/projects/${project.id}/requirements`, { title: "Single sign-on" })).body;
    const linked = await pm.post(`/api/v1/projects/${project.id}/trace-links`, { fromType: "task", fromId: task.id, toType: "requirement", toId: requirement.id, kind: "implements" });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ fromLabel: "1.1 Configure SSO", toLabel: `${requirement.key} Single sign-on` });
    const matrix = (await pm.get(`/api/v1/projects/${project.id}/traceability`)).body;
    const row = matrix.rows.find((r: { requirement: { id: string } }) => r.requirement.id === requirement.id);
    expect(row.downstream).toEqual([{ type: "task", items: [expect.objectContaining({ id: task.id, label: "1.1 Configure SSO", kind: "implements" })] }]);
    const other = await freshProject();
    const foreign = await addTask(other, { name: "Elsewhere" });
    const refused = await pm.post(`/api/v1/projects/${project.id}/trace-links`, { fromType: "task", fromId: foreign.id, toType: "requirement", toId: requirement.id, kind: "implements" }, { "accept-language": "en" });
    expect(fields(refused)).toEqual({ "body.fromId": "Not found in this project." });
  });
});
