import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { planTasks, statusReports, timeEntries, timesheetProjects, timesheets } from "../../db/schema";

/** The clock: Friday 2026-11-13 09:00 UTC. */
const NOW = new Date("2026-11-13T09:00:00Z");
const fields = (body: { error: { details: { fields: { path: string; message: string }[] } } }) => Object.fromEntries(body.error.details.fields.map((f) => [f.path, f.message]));

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const taskRow = async (id: string) => (await t.db.select().from(planTasks).where(eq(planTasks.id, id)))[0] as typeof planTasks.$inferSelect;

/**
 * A project of client A from Monday 2026-11-02, both tasks owned by dev: Design (5 days, 40 h, estimate 30 h,
 * deadline Friday 11-06) → Build (5 days, 40 h, estimate 20 h, planned to finish Friday 11-13).
 */
async function project() {
  const p = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id, startDate: "2026-11-02" });
  await t.factories.member(p.id, w.pm.id, "manager");
  await t.factories.member(p.id, w.dev.id, "member");
  await t.factories.member(p.id, w.viewer.id, "viewer");
  await t.factories.member(p.id, w.contactA.id, "client");
  const pm = await as(w.pm);
  const add = async (body: Record<string, unknown>) => {
    const res = await pm.post(`/api/v1/projects/${p.id}/plan/tasks`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.taskId as string;
  };
  const design = await add({ name: "Design", durationDays: 5 });
  const build = await add({ name: "Build", durationDays: 5 });
  await pm.post(`/api/v1/projects/${p.id}/plan/dependencies`, { predecessorId: design, successorId: build });
  for (const [id, extra] of [
    [design, { deadline: "2026-11-06" }],
    [build, {}],
  ] as const) {
    const res = await pm.patch(`/api/v1/plan-tasks/${id}`, { version: (await taskRow(id)).version, workHours: 40, ownerId: w.dev.id, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  await t.db.update(planTasks).set({ estimateHours: 30 }).where(eq(planTasks.id, design));
  await t.db.update(planTasks).set({ estimateHours: 20 }).where(eq(planTasks.id, build));
  return { p, design, build };
}

/** dev's time on the project: an approved week (8 h on Design on 11-03 and on 11-04), a submitted week (6 h on Build on 11-10); pm's draft hour. */
async function logTime(projectId: string, design: string, build: string) {
  const base = { workspaceId: w.workspace.id, projectId };
  const week = async (userId: string, weekStart: string, status: "submitted" | "approved", minutes: number) => {
    const [sheet] = await t.db.insert(timesheets).values({ workspaceId: w.workspace.id, userId, weekStart, status, submittedAt: NOW }).returning();
    await t.db.insert(timesheetProjects).values({ ...base, timesheetId: (sheet as { id: string }).id, status, minutes });
  };
  await week(w.dev.id, "2026-11-02", "approved", 960);
  await week(w.dev.id, "2026-11-09", "submitted", 360);
  await t.db.insert(timeEntries).values([
    { ...base, userId: w.dev.id, taskId: design, workDate: "2026-11-03", minutes: 480, costPerHour: 100 },
    { ...base, userId: w.dev.id, taskId: design, workDate: "2026-11-04", minutes: 480, costPerHour: 100 },
    { ...base, userId: w.dev.id, taskId: build, workDate: "2026-11-10", minutes: 360 },
    { ...base, userId: w.pm.id, taskId: build, workDate: "2026-11-05", minutes: 60 },
  ]);
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("task completion stamp", () => {
  it("stamps completedAt when a task reaches 100 % or moves to Done, and clears it when reopened", async () => {
    const { p, design, build } = await project();
    const pm = await as(w.pm);
    const done = await pm.patch(`/api/v1/plan-tasks/${design}`, { version: (await taskRow(design)).version, percentComplete: 100 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect((await taskRow(design)).completedAt?.toISOString()).toBe(NOW.toISOString());
    await pm.patch(`/api/v1/plan-tasks/${design}`, { version: (await taskRow(design)).version, percentComplete: 60 });
    expect((await taskRow(design)).completedAt).toBeNull();

    const board = (await pm.get(`/api/v1/projects/${p.id}/board`)).body as { workflow: { statuses: { id: string; name: string; category: string }[] }; cards: { id: string; version: number }[] };
    const doneColumn = board.workflow.statuses.find((s) => s.category === "done") as { id: string };
    const todoColumn = board.workflow.statuses.find((s) => s.category === "todo") as { id: string };
    const card = board.cards.find((c) => c.id === build) as { version: number };
    const moved = await pm.post(`/api/v1/plan-tasks/${build}/board-move`, { version: card.version, statusId: doneColumn.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await taskRow(build)).percentComplete).toBe(100);
    expect((await taskRow(build)).completedAt?.toISOString()).toBe(NOW.toISOString());
    const back = await pm.post(`/api/v1/plan-tasks/${build}/board-move`, { version: moved.body.version, statusId: todoColumn.id });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect((await taskRow(build)).completedAt).toBeNull();
  });
});

describe("performance evaluation", () => {
  it("works a person's figures through by hand, with the health score and its formula", async () => {
    const { p, design, build } = await project();
    await logTime(p.id, design, build);
    // Design done today (11-13), a week after its deadline: late. Build done yesterday, before its planned finish: on time.
    await (await as(w.pm)).patch(`/api/v1/plan-tasks/${design}`, { version: (await taskRow(design)).version, percentComplete: 100 });
    await (await as(w.pm)).patch(`/api/v1/plan-tasks/${build}`, { version: (await taskRow(build)).version, percentComplete: 100 });
    await t.db.update(planTasks).set({ completedAt: new Date("2026-11-12T10:00:00Z") }).where(eq(planTasks.id, build));

    const res = await (await as(w.pm)).get(`/api/v1/projects/${p.id}/performance?from=2026-11-02&to=2026-11-13`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ projectId: p.id, from: "2026-11-02", to: "2026-11-13" });
    // pm logged an hour in a draft week: not counted, and nothing else of theirs is in the project.
    expect(res.body.people.map((x: { personId: string }) => x.personId)).toEqual([w.dev.id]);
    // Planned 80 h (both tasks fall in the period); actual 16 h approved + 6 h submitted; 1 of 2 due tasks on time;
    // estimates: Design 16 h of 30 (APE 0.467), Build 6 h of 20 (APE 0.7): MAPE 58.3 %, ratio 22 / 50 = 0.44.
    expect(res.body.people[0]).toMatchObject({
      plannedHours: 80,
      actualHours: 22,
      approvedHours: 16,
      varianceHours: -58,
      completedTasks: 2,
      dueTasks: 2,
      onTimeTasks: 1,
      onTimeRate: 50,
      estimatedTasks: 2,
      estimateHours: 50,
      estimatedActualHours: 22,
      estimateMape: 58.3,
      estimateRatio: 0.44,
    });
    // Half the period: the first week's 40 planned hours and its 16 approved hours; nothing completed yet.
    const firstWeek = await (await as(w.pm)).get(`/api/v1/projects/${p.id}/performance?from=2026-11-02&to=2026-11-08`);
    expect(firstWeek.body.people[0]).toMatchObject({ plannedHours: 40, actualHours: 16, completedTasks: 0, onTimeRate: null, estimateMape: null });

    const health = res.body.health;
    expect(health.parts.map((x: { part: string }) => x.part)).toEqual(["schedule", "cost", "quality", "risk", "satisfaction"]);
    expect(health.parts.map((x: { weight: number }) => x.weight)).toEqual([30, 25, 20, 15, 10]);
    expect(health.satisfactionWindowDays).toBe(90);
    const satisfaction = health.parts.find((x: { part: string }) => x.part === "satisfaction");
    expect(satisfaction).toMatchObject({ score: null, effectiveWeight: 0, figures: { mean: null, count: 0 } });
    const measured = health.parts.filter((x: { score: number | null }) => x.score !== null);
    expect(measured.reduce((s: number, x: { effectiveWeight: number }) => s + x.effectiveWeight, 0)).toBeCloseTo(100, 0);

    // The client rates the period's published report 4 of 5: the satisfaction part counts, 75 points.
    const [report] = await t.db
      .insert(statusReports)
      .values({
        workspaceId: w.workspace.id,
        projectId: p.id,
        number: 1,
        periodFrom: "2026-11-02",
        periodTo: "2026-11-08",
        title: "Week 45",
        status: "published",
        publishedAt: NOW,
        overall: "green",
        dimensions: {} as never,
        content: {},
      })
      .returning();
    const rated = await (await as(w.contactA)).put(`/api/v1/status-reports/${(report as { id: string }).id}/satisfaction`, { rating: 4, comment: "Good week", version: 0 });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    const after = await (await as(w.pm)).get(`/api/v1/projects/${p.id}/performance?from=2026-11-02&to=2026-11-13`);
    expect(after.body.health.parts.find((x: { part: string }) => x.part === "satisfaction")).toMatchObject({ score: 75, effectiveWeight: expect.any(Number), figures: { mean: 4, count: 1 } });
    expect(after.body.health.parts.find((x: { part: string }) => x.part === "satisfaction").effectiveWeight).toBeGreaterThan(0);

    // The workspace view: pm manages this project (and the seeded ones); dev's figures are the same there.
    const overview = await (await as(w.pm)).get("/api/v1/performance?from=2026-11-02&to=2026-11-13");
    expect(overview.status, JSON.stringify(overview.body)).toBe(200);
    expect(overview.body.projects.map((x: { id: string }) => x.id)).toContain(p.id);
    // dev's workspace figures are the sums over the projects: each project's view added up (the earlier test's project too).
    let planned = 0;
    let actual = 0;
    for (const { id } of overview.body.projects as { id: string }[]) {
      const one = await (await as(w.pm)).get(`/api/v1/projects/${id}/performance?from=2026-11-02&to=2026-11-13`);
      const dev = one.body.people.find((x: { personId: string }) => x.personId === w.dev.id);
      planned += dev?.plannedHours ?? 0;
      actual += dev?.actualHours ?? 0;
    }
    expect(planned).toBeGreaterThanOrEqual(80);
    expect(overview.body.people.find((x: { personId: string }) => x.personId === w.dev.id)).toMatchObject({ plannedHours: planned, actualHours: actual });
    const scope = await (await as(w.pm)).get("/api/v1/performance/scope");
    expect(scope.body.projects.map((x: { id: string }) => x.id)).toContain(p.id);
  });

  it("defaults to the 30 days ending today and refuses an inverted or over-long period in the caller's language", async () => {
    const { p } = await project();
    const pm = await as(w.pm);
    const res = await pm.get(`/api/v1/projects/${p.id}/performance`);
    expect(res.body).toMatchObject({ from: "2026-10-15", to: "2026-11-13" });
    const inverted = await pm.get(`/api/v1/projects/${p.id}/performance?from=2026-11-10&to=2026-11-01`, { "accept-language": "en" });
    expect(inverted.status).toBe(400);
    expect(fields(inverted.body)).toEqual({ "query.from": "The period starts after it ends." });
    const long = await pm.get(`/api/v1/projects/${p.id}/performance?from=2025-01-01&to=2026-11-01`, { "accept-language": "zh-CN" });
    expect(long.status).toBe(400);
    expect(fields(long.body)).toEqual({ "query.from": "期间最长 366 天。" });
    const junk = await pm.get(`/api/v1/projects/${p.id}/performance?from=yesterday`);
    expect(junk.status).toBe(400);
    expect((await pm.get("/api/v1/performance?from=2026-11-10&to=2026-11-01")).status).toBe(400);
  });

  it("is for managers and admins only: a member, a viewer and a client contact get 403, an outsider 404, nobody signed in 401", async () => {
    const { p } = await project();
    const url = `/api/v1/projects/${p.id}/performance`;
    expect((await (await as(w.admin)).get(url)).status).toBe(200);
    for (const user of [w.dev, w.viewer, w.contactA]) expect((await (await as(user)).get(url)).status, user.email).toBe(403);
    expect((await (await as(w.outsider)).get(url)).status).toBe(404);
    expect((await (await as(w.contactB)).get(url)).status).toBe(404);
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
    // The workspace view: a member who manages nothing and a contact get 403; the scope of a member is empty.
    for (const user of [w.dev, w.contactA]) expect((await (await as(user)).get("/api/v1/performance")).status).toBe(403);
    expect((await (await as(w.dev)).get("/api/v1/performance/scope")).body).toEqual({ projects: [] });
    expect((await (await as(w.contactA)).get("/api/v1/performance/scope")).status).toBe(403);
  });
});
