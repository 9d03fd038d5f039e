import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { planTasks, progressSnapshots, timeEntries, timesheetProjects, timesheets } from "../../db/schema";
import { snapshotActiveProjects } from "./monitoring.service";

/** The clock: Wednesday 2026-11-11, so the status date is 11-11. */
const NOW = new Date("2026-11-11T10:00:00Z");

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const version = async (id: string) => (await t.db.select({ v: planTasks.version }).from(planTasks).where(eq(planTasks.id, id)))[0]?.v as number;

/**
 * A project of client A from Monday 2026-11-02 (no holidays in November): phase "Delivery" with Design (5 days,
 * 11-02…11-06, fixed cost 5,000, 40 h, 100 % done) → Build (5 days, 11-09…11-13, fixed cost 10,000, 40 h, 20 %
 * done) → Go-live (a milestone). A worker logged 16 h on Build on 11-10 at 100/h, approved; a helper 8 h on 11-11,
 * only submitted (no rate fixed yet: not actual cost).
 */
async function plannedProject() {
  const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id, startDate: "2026-11-02" });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
  const pm = await as(w.pm);
  const add = async (body: Record<string, unknown>) => (await pm.post(`/api/v1/projects/${project.id}/plan/tasks`, body)).body.taskId as string;
  const phase = await add({ name: "Delivery" });
  const design = await add({ name: "Design", parentId: phase, durationDays: 5 });
  const build = await add({ name: "Build", parentId: phase, durationDays: 5 });
  const golive = await add({ name: "Go-live", milestone: true });
  await pm.post(`/api/v1/projects/${project.id}/plan/dependencies`, { predecessorId: design, successorId: build });
  await pm.post(`/api/v1/projects/${project.id}/plan/dependencies`, { predecessorId: build, successorId: golive });
  for (const [id, fixedCost, percentComplete] of [
    [design, 5000, 100],
    [build, 10000, 20],
  ] as const) {
    const res = await pm.patch(`/api/v1/plan-tasks/${id}`, { version: await version(id), fixedCost, workHours: 40, percentComplete });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  // Timesheets are per person and week: two people of this project only, so each project's time is its own.
  const worker = await t.factories.user(w.workspace.id, "member");
  const helper = await t.factories.user(w.workspace.id, "member");
  const [sheet] = await t.db.insert(timesheets).values({ workspaceId: w.workspace.id, userId: worker.id, weekStart: "2026-11-09", status: "submitted" }).returning();
  if (!sheet) throw new Error("timesheet");
  await t.db.insert(timesheetProjects).values({ timesheetId: sheet.id, projectId: project.id, workspaceId: w.workspace.id, status: "approved", minutes: 960 });
  await t.db.insert(timeEntries).values({ workspaceId: w.workspace.id, projectId: project.id, taskId: build, userId: worker.id, workDate: "2026-11-10", minutes: 960, costPerHour: 100 });
  // Another person's week, submitted and not yet approved: no actual cost.
  const [other] = await t.db.insert(timesheets).values({ workspaceId: w.workspace.id, userId: helper.id, weekStart: "2026-11-09", status: "submitted" }).returning();
  if (!other) throw new Error("timesheet");
  await t.db.insert(timesheetProjects).values({ timesheetId: other.id, projectId: project.id, workspaceId: w.workspace.id, status: "submitted", minutes: 480 });
  await t.db.insert(timeEntries).values({ workspaceId: w.workspace.id, projectId: project.id, taskId: build, userId: helper.id, workDate: "2026-11-11", minutes: 480 });
  return { project, phase, design, build, golive };
}

const earnedValue = async (projectId: string, query = "", user: TestUser = w.pm) => (await as(user)).get(`/api/v1/projects/${projectId}/earned-value${query}`, { "accept-language": "en" });

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("earned value", () => {
  it("measures a hand-computed plan against the current plan", async () => {
    const { project, phase } = await plannedProject();
    const res = await earnedValue(project.id, "?baselineId=current");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // PV at the end of 11-11: Design 5,000 + 3 of Build's 5 days (6,000) = 11,000. EV: 5,000 + 20 % of 10,000 = 7,000.
    // AC: approved 16 h × 100 = 1,600 + fixed costs accrued by % complete 5,000 + 2,000 = 8,600.
    expect(res.body).toMatchObject({ statusDate: "2026-11-11", source: "live", baseline: null, eacMethod: "cpi", currency: "CNY", variance: null });
    expect(res.body.project).toMatchObject({ bac: 15000, pv: 11000, ev: 7000, ac: 8600, sv: -4000, cv: -1600, spi: 0.6364, cpi: 0.814, eac: 18428.57, etc: 9828.57, vac: -3428.57, tcpiBac: 1.25 });
    expect(res.body.project.eacByMethod).toEqual({ cpi: 18428.57, budget_rate: 16600, cpi_spi: expect.closeTo(8600 + 8000 / ((7000 / 8600) * (7000 / 11000)), 2) });
    // Progress by effort: 40 h at 100 % and 40 h at 20 %.
    expect(res.body.progress).toEqual({ percentComplete: 60, basis: "work" });
    const delivery = res.body.phases.find((p: { taskId: string }) => p.taskId === phase);
    expect(delivery).toMatchObject({ wbsCode: "1", name: "Delivery", start: "2026-11-02", finish: "2026-11-13", workHours: 80, remainingHours: 32, progress: 60 });
    expect(delivery.figures).toMatchObject({ bac: 15000, pv: 11000, ev: 7000, ac: 8600 });
    // The S-curve: PV by week over the plan; EV and AC on the status date's week (today's snapshot and live figures).
    expect(res.body.curve).toEqual([
      { from: "2026-11-02", to: "2026-11-08", pv: 5000, ev: null, ac: null },
      { from: "2026-11-09", to: "2026-11-15", pv: 15000, ev: 7000, ac: 8600 },
    ]);
    expect(res.body.snapshotCount).toBe(1);
  });

  it("measures against the latest baseline by default, or the one chosen, with the variance", async () => {
    const { project, build } = await plannedProject();
    const pm = await as(w.pm);
    const pb1 = (await pm.post(`/api/v1/projects/${project.id}/plan/baselines`, { name: "Signed" })).body;
    // Build now takes 10 days (finishes 11-20, 5 working days later) and costs 12,000; Go-live follows on the next
    // working day (11-16 before, 11-23 now).
    await pm.patch(`/api/v1/plan-tasks/${build}`, { version: await version(build), durationDays: 10, fixedCost: 12000 });
    const byDefault = await earnedValue(project.id);
    expect(byDefault.status, JSON.stringify(byDefault.body)).toBe(200);
    expect(byDefault.body.baseline).toEqual({ id: pb1.id, key: "PB-1", name: "Signed" });
    // PV and BAC are the baseline's; EV weighs the baseline budget by today's progress.
    expect(byDefault.body.project).toMatchObject({ bac: 15000, pv: 11000, ev: 7000 });
    expect(byDefault.body.variance).toMatchObject({ baselineFinish: "2026-11-16", currentFinish: "2026-11-23", finishVarianceDays: 5, startVarianceDays: 0, baselineCost: 15000, currentCost: 17000, costVariance: 2000, slipped: 2 });
    const chosen = await earnedValue(project.id, `?baselineId=${pb1.id}&eacMethod=budget_rate`);
    expect(chosen.body.project).toMatchObject({ eac: 15000 - 7000 + chosen.body.project.ac });
    const current = await earnedValue(project.id, "?baselineId=current");
    // Against the current plan: BAC 17,000; PV by 11-11: 5,000 + 3 of Build's 10 days (3,600) = 8,600; EV 5,000 + 2,400.
    expect(current.body.project).toMatchObject({ bac: 17000, pv: 8600, ev: 7400 });
    expect(current.body.variance).toBeNull();
  });

  it("reads a past status date from the snapshot on or before it; refuses a future one (400) and one without a snapshot (404)", async () => {
    const { project, phase } = await plannedProject();
    await t.db.insert(progressSnapshots).values({
      workspaceId: w.workspace.id,
      projectId: project.id,
      asOf: "2026-11-04",
      plannedValue: 3000,
      earnedValue: 2500,
      actualCost: 2000,
      budgetAtCompletion: 15000,
      percentComplete: 16,
      detail: { phases: [{ taskId: phase, plannedValue: 3000, earnedValue: 2500, actualCost: 2000, workHours: 80, remainingHours: 60 }], milestones: [] },
    });
    const past = await earnedValue(project.id, "?asOf=2026-11-05");
    expect(past.status, JSON.stringify(past.body)).toBe(200);
    expect(past.body).toMatchObject({ statusDate: "2026-11-05", source: "snapshot", baseline: null, progress: { percentComplete: 16 } });
    expect(past.body.project).toMatchObject({ pv: 3000, ev: 2500, ac: 2000, spi: 0.8333, cpi: 1.25 });
    expect(past.body.phases[0].figures).toMatchObject({ pv: 3000, ev: 2500, ac: 2000 });
    // The curve only runs to the status date.
    expect(past.body.curve.map((p: { ev: number | null }) => p.ev)).toEqual([2500, null]);
    const future = await earnedValue(project.id, "?asOf=2026-11-12");
    expect(future.status).toBe(400);
    expect(future.body.error.details.fields).toEqual([{ path: "querystring.asOf", message: "The status date cannot be after today." }]);
    expect((await earnedValue(project.id, "?asOf=2026-10-01")).status).toBe(404);
  });

  it("answers 400 on bad input and 404 on a baseline of another project", async () => {
    const { project } = await plannedProject();
    expect((await earnedValue(project.id, "?eacMethod=guess")).status).toBe(400);
    expect((await earnedValue(project.id, "?asOf=11/11/2026")).status).toBe(400);
    expect((await earnedValue(project.id, "?baselineId=nope")).status).toBe(400);
    const missing = await earnedValue(project.id, `?baselineId=${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe("Baseline not found.");
    expect((await earnedValue(randomUUID())).status).toBe(404);
  });

  it("is the team's: viewers read; client contacts get 403 on their own project and 404 on another client's; no session is 401", async () => {
    const { project } = await plannedProject();
    expect((await earnedValue(project.id, "", w.viewer)).status).toBe(200);
    for (const path of ["earned-value", "burndown", "milestone-trend"]) {
      expect((await (await as(w.contactA)).get(`/api/v1/projects/${project.id}/${path}`)).status).toBe(403);
      expect((await (await as(w.contactB)).get(`/api/v1/projects/${project.id}/${path}`)).status).toBe(404);
      expect((await (await as(w.outsider)).get(`/api/v1/projects/${project.id}/${path}`)).status).toBe(404);
    }
    expect((await (await as(w.contactA)).post(`/api/v1/projects/${project.id}/progress-snapshots`, {})).status).toBe(403);
    expect((await (await as(w.viewer)).post(`/api/v1/projects/${project.id}/progress-snapshots`, {})).status).toBe(403);
    expect((await t.anonymous().get(`/api/v1/projects/${project.id}/earned-value`)).status).toBe(401);
  });
});

describe("progress snapshots", () => {
  it("writes one row per project and day: the first read, a refresh and the daily pass rewrite the same row", async () => {
    const { project, phase, golive } = await plannedProject();
    const rows = () => t.db.select().from(progressSnapshots).where(eq(progressSnapshots.projectId, project.id));
    expect(await rows()).toHaveLength(0);
    await earnedValue(project.id);
    expect(await rows()).toHaveLength(1);
    const first = await (await as(w.dev)).post(`/api/v1/projects/${project.id}/progress-snapshots`, {});
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ projectId: project.id, asOf: "2026-11-11", baselineId: null, plannedValue: 11000, earnedValue: 7000, actualCost: 8600, budgetAtCompletion: 15000, percentComplete: 60 });
    const [second] = await Promise.all([(await as(w.pm)).post(`/api/v1/projects/${project.id}/progress-snapshots`, {}), (await as(w.dev)).post(`/api/v1/projects/${project.id}/progress-snapshots`, {})]);
    expect(second?.status).toBe(200);
    await snapshotActiveProjects({ db: t.db, now: () => NOW });
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.detail).toEqual({
      phases: [
        { taskId: phase, plannedValue: 11000, earnedValue: 7000, actualCost: 8600, workHours: 80, remainingHours: 32 },
        { taskId: golive, plannedValue: 0, earnedValue: 0, actualCost: 0, workHours: 0, remainingHours: 0 },
      ],
      milestones: [{ taskId: golive, finish: "2026-11-16" }], // the working day after Build
    });
  });

  it("the daily pass snapshots active projects that have none today", async () => {
    const { project } = await plannedProject();
    expect(await snapshotActiveProjects({ db: t.db, now: () => NOW })).toBeGreaterThanOrEqual(1);
    expect(await t.db.select().from(progressSnapshots).where(and(eq(progressSnapshots.projectId, project.id), eq(progressSnapshots.asOf, "2026-11-11")))).toHaveLength(1);
    expect(await snapshotActiveProjects({ db: t.db, now: () => NOW })).toBe(0);
  });
});

describe("burndown and milestone trend", () => {
  it("draws remaining and done work per snapshot with the ideal line, for the project or a phase", async () => {
    const { project, phase, design } = await plannedProject();
    await t.db.insert(progressSnapshots).values({
      workspaceId: w.workspace.id,
      projectId: project.id,
      asOf: "2026-11-06",
      plannedValue: 5000,
      earnedValue: 4000,
      actualCost: 4000,
      budgetAtCompletion: 15000,
      percentComplete: 40,
      detail: { phases: [{ taskId: phase, plannedValue: 5000, earnedValue: 4000, actualCost: 4000, workHours: 80, remainingHours: 48 }], milestones: [] },
    });
    const res = await (await as(w.viewer)).get(`/api/v1/projects/${project.id}/burndown?phaseId=${phase}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ phase: { taskId: phase, wbsCode: "1", name: "Delivery" }, plannedStart: "2026-11-02", plannedFinish: "2026-11-13", phases: [{ taskId: phase }] });
    // Ideal: 80 h on 11-02 falling to 0 on 11-13 (11 calendar days).
    expect(res.body.points).toEqual([
      { date: "2026-11-02", scope: null, remaining: null, done: null, ideal: 80 },
      { date: "2026-11-06", scope: 80, remaining: 48, done: 32, ideal: 50.91 },
      { date: "2026-11-11", scope: 80, remaining: 32, done: 48, ideal: 14.55 },
      { date: "2026-11-13", scope: null, remaining: null, done: null, ideal: 0 },
    ]);
    const whole = await (await as(w.pm)).get(`/api/v1/projects/${project.id}/burndown`);
    expect(whole.body.phase).toBeNull();
    expect(whole.body.points.find((p: { date: string }) => p.date === "2026-11-11")).toMatchObject({ scope: 80, remaining: 32 });
    expect((await (await as(w.pm)).get(`/api/v1/projects/${project.id}/burndown?phaseId=${design}`)).status).toBe(404);
    expect((await (await as(w.pm)).get(`/api/v1/projects/${project.id}/burndown?phaseId=x`)).status).toBe(400);
  });

  it("gives each milestone's forecast finish per snapshot", async () => {
    const { project, golive } = await plannedProject();
    await t.db.insert(progressSnapshots).values({
      workspaceId: w.workspace.id,
      projectId: project.id,
      asOf: "2026-11-04",
      plannedValue: 0,
      earnedValue: 0,
      actualCost: 0,
      budgetAtCompletion: 15000,
      percentComplete: 0,
      detail: { phases: [], milestones: [{ taskId: golive, finish: "2026-11-12" }] },
    });
    const res = await (await as(w.pm)).get(`/api/v1/projects/${project.id}/milestone-trend`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      projectId: project.id,
      dates: ["2026-11-04", "2026-11-11"],
      milestones: [
        {
          taskId: golive,
          wbsCode: "2",
          name: "Go-live",
          finish: "2026-11-16",
          slipDays: 4,
          points: [
            { asOf: "2026-11-04", finish: "2026-11-12" },
            { asOf: "2026-11-11", finish: "2026-11-16" },
          ],
        },
      ],
    });
  });
});
