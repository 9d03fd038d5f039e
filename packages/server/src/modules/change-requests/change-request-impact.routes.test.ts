import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { impactEstimateOf, type TracedPlanTask } from "./change-request-impact";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);

function expectStatus(res: HttpResponse, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

const estimateUrl = (projectId: string) => `/api/v1/projects/${projectId}/change-requests/impact-estimate`;

/** A project of client A with the usual team (pm manages, dev is a member, viewer views, contact A is the client). */
async function freshProject() {
  const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
  return project;
}

type Task = { id: string; version: number };

async function addTask(projectId: string, body: Record<string, unknown>, estimates: { workHours: number; fixedCost: number } | null = null): Promise<Task> {
  const pm = await as(w.pm);
  const created = expectStatus(await pm.post(`/api/v1/projects/${projectId}/plan/tasks`, body), 201);
  const task = created.tasks.find((x: Task) => x.id === created.taskId) as Task;
  if (!estimates) return task;
  const changed = expectStatus(await pm.patch(`/api/v1/plan-tasks/${task.id}`, { version: task.version, ...estimates }), 200);
  return changed.tasks.find((x: Task) => x.id === task.id) as Task;
}

async function trace(projectId: string, taskId: string, requirementId: string) {
  expectStatus(await (await as(w.pm)).post(`/api/v1/projects/${projectId}/trace-links`, { fromType: "task", fromId: taskId, toType: "requirement", toId: requirementId, kind: "implements" }), 201);
}

async function requirement(projectId: string, title: string): Promise<{ id: string }> {
  return expectStatus(await (await as(w.pm)).post(`/api/v1/projects/${projectId}/requirements`, { title }), 201);
}

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("the impact estimate from the plan", () => {
  it("sums the work and fixed cost of the traced tasks and counts the working days they span", async () => {
    const project = await freshProject();
    const [signIn, exportPdf, audit] = [await requirement(project.id, "Sign in"), await requirement(project.id, "Export to PDF"), await requirement(project.id, "Audit")];
    const phase = await addTask(project.id, { name: "Phase 1" });
    const design = await addTask(project.id, { name: "Design", parentId: phase.id, durationDays: 2 }, { workHours: 16, fixedCost: 1000 });
    const build = await addTask(project.id, { name: "Build", parentId: phase.id, durationDays: 3 }, { workHours: 24, fixedCost: 500 });
    const docs = await addTask(project.id, { name: "Docs", durationDays: 1 }, { workHours: 8, fixedCost: 200.5 });
    expectStatus(await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/dependencies`, { predecessorId: design.id, successorId: build.id }), 201);
    await trace(project.id, design.id, signIn.id);
    await trace(project.id, build.id, signIn.id);
    await trace(project.id, docs.id, exportPdf.id);

    // Design days 0–2, then Build 2–5; Docs (days 0–1) runs alongside and adds no days.
    const estimate = expectStatus(await (await as(w.dev)).post(estimateUrl(project.id), { requirementIds: [signIn.id, exportPdf.id] }), 200);
    expect(estimate).toMatchObject({ effortHours: 48, days: 5, cost: 1700.5 });
    expect(estimate.tasks.map((x: { name: string; wbsCode: string; requirementIds: string[] }) => [x.wbsCode, x.name, x.requirementIds])).toEqual([
      ["1.1", "Design", [signIn.id]],
      ["2", "Docs", [exportPdf.id]],
      ["1.2", "Build", [signIn.id]],
    ]);
    expect(estimate.tasks[0]).toMatchObject({ workHours: 16, cost: 1000, durationDays: 2, start: expect.any(String), finish: expect.any(String) });

    // A traced summary counts its roll-up once: its traced tasks are not counted again.
    await trace(project.id, phase.id, audit.id);
    const withSummary = expectStatus(await (await as(w.pm)).post(estimateUrl(project.id), { requirementIds: [signIn.id, audit.id] }), 200);
    expect(withSummary).toMatchObject({ effortHours: 40, days: 5, cost: 1500 });
    expect(withSummary.tasks).toHaveLength(1);
    expect(withSummary.tasks[0].name).toBe("Phase 1");
    expect([...withSummary.tasks[0].requirementIds].sort()).toEqual([signIn.id, audit.id].sort());
  });

  it("answers nulls when no task is traced to the requirements", async () => {
    const project = await freshProject();
    const untraced = await requirement(project.id, "Nothing planned");
    await addTask(project.id, { name: "Unrelated", durationDays: 2 }, { workHours: 10, fixedCost: 10 });
    const none = { effortHours: null, days: null, cost: null, tasks: [] };
    expect(expectStatus(await (await as(w.pm)).post(estimateUrl(project.id), { requirementIds: [untraced.id] }), 200)).toEqual(none);
    expect(expectStatus(await (await as(w.pm)).post(estimateUrl(project.id), { requirementIds: [] }), 200)).toEqual(none);
  });

  it("counts only links inside the project", async () => {
    const project = await freshProject();
    const other = await freshProject();
    const elsewhere = await requirement(other.id, "Elsewhere");
    const task = await addTask(other.id, { name: "Other work", durationDays: 1 }, { workHours: 8, fixedCost: 0 });
    await trace(other.id, task.id, elsewhere.id);
    expect(expectStatus(await (await as(w.pm)).post(estimateUrl(project.id), { requirementIds: [elsewhere.id] }), 200)).toMatchObject({ effortHours: null, tasks: [] });
  });

  it("is for whoever may edit the project's change requests: 401, 403 for viewers and the client, 404 for others", async () => {
    const project = await freshProject();
    const body = { requirementIds: [] };
    expect((await t.anonymous().post(estimateUrl(project.id), body)).status).toBe(401);
    expect((await (await as(w.viewer)).post(estimateUrl(project.id), body)).status).toBe(403);
    expect((await (await as(w.contactA)).post(estimateUrl(project.id), body)).status).toBe(403);
    expect((await (await as(w.contactB)).post(estimateUrl(project.id), body)).status).toBe(404);
    expect((await (await as(w.outsider)).post(estimateUrl(project.id), body)).status).toBe(404);
  });

  it("refuses ids that are not ids (400, in the caller's language)", async () => {
    const project = await freshProject();
    const res = await (await as(w.pm)).post(estimateUrl(project.id), { requirementIds: ["nope"] }, { "accept-language": "en" });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(["body.requirementIds.0"]);
  });
});

describe("impactEstimateOf", () => {
  const row = (id: string, parentId: string | null, requirementId: string, extra: Partial<TracedPlanTask> = {}): TracedPlanTask => ({
    id,
    parentId,
    wbsCode: id,
    name: id,
    start: null,
    finish: null,
    startDay: null,
    finishDay: null,
    durationDays: null,
    workHours: 1,
    cost: 1,
    requirementId,
    ...extra,
  });

  it("credits a task traced twice once, and a traced grandchild to its traced grandparent", () => {
    const parents = new Map<string, string | null>([["top", null], ["mid", "top"], ["leaf", "mid"]]);
    const estimate = impactEstimateOf([row("top", null, "r1", { workHours: 5 }), row("leaf", "mid", "r2"), row("leaf", "mid", "r3")], parents);
    expect(estimate).toMatchObject({ effortHours: 5, cost: 1, days: null });
    expect(estimate.tasks.map((x) => [x.id, x.requirementIds])).toEqual([["top", ["r1", "r2", "r3"]]]);
  });
});
