import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { defects, meetings, planBaselines, projects, planBaselineTasks, planTasks, progressSnapshots, risks, statusReports, timeEntries } from "../../db/schema";

/** The clock: Wednesday 2026-11-11, so today is 11-11 and the current week starts on Monday 11-09. */
const NOW = new Date("2026-11-11T10:00:00Z");

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** A third project, of client A, managed by dev (who is only a member of A); pm is not on it. */
let projectC: Awaited<ReturnType<TestApp["factories"]["project"]>>;
let ids: { build: string; golive: string; reportA: string; sharedRisk: string; clientDefect: string; teamDefect: string; sharedMeeting: string };

/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const get = async (user: TestUser, url: string) => (await as(user)).get(url, { "accept-language": "en" });

const snapshot = (projectId: string, asOf: string, pv: number, ev: number, ac: number, percentComplete: number) => ({
  workspaceId: w.workspace.id,
  projectId,
  asOf,
  plannedValue: pv,
  earnedValue: ev,
  actualCost: ac,
  budgetAtCompletion: 2500,
  percentComplete,
  detail: { phases: [], milestones: [] },
});

/**
 * Project A (execution): phase "Delivery" (1) with Build (1.1, due 11-05, 50 % done: overdue by 6 days) and the
 * milestone Go-live (2, forecast 11-20, 11-18 in baseline PB-1: 2 days late). Snapshots on 11-04 and today (PV 1,000,
 * EV 800, AC 1,000: SPI = CPI = 0.8, 40 %). Risks: RISK-1 4×5 = 20 (critical, shared with the client), RISK-2 2×2 = 4.
 * Defects: a critical one open (raised by the team), a trivial one open raised by contact A, a minor one resolved.
 * A published green report; 2 h logged on 11-10; a client meeting next week and a team-only one.
 * Project B (planning): nothing. Project C (execution, client A): SPI 1.0, CPI 1.1 today.
 */
async function seed() {
  const base = { workspaceId: w.workspace.id, projectId: w.projectA.id };
  await t.db.update(projects).set({ stage: "execution" }).where(eq(projects.id, w.projectA.id));
  await t.db.update(projects).set({ stage: "planning" }).where(eq(projects.id, w.projectB.id));
  projectC = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.dev.id, stage: "execution", code: "ZC-1" });
  await t.factories.member(projectC.id, w.dev.id, "manager");

  const [phase] = await t.db.insert(planTasks).values({ ...base, position: 0, name: "Delivery", isSummary: true, wbsCode: "1", calcStart: "2026-11-02", calcFinish: "2026-11-05", calcPercentComplete: 50 }).returning();
  const [build] = await t.db
    .insert(planTasks)
    .values({ ...base, parentId: phase!.id, position: 0, name: "Build", durationDays: 4, wbsCode: "1.1", percentComplete: 50, calcStart: "2026-11-02", calcFinish: "2026-11-05" })
    .returning();
  const [golive] = await t.db.insert(planTasks).values({ ...base, position: 1, name: "Go-live", durationDays: 0, wbsCode: "2", calcStart: "2026-11-20", calcFinish: "2026-11-20" }).returning();
  const [baseline] = await t.db.insert(planBaselines).values({ ...base, number: 1, name: "Signed" }).returning();
  await t.db.insert(planBaselineTasks).values({ baselineId: baseline!.id, taskId: golive!.id, wbsCode: "2", name: "Go-live", finish: "2026-11-18" });

  await t.db.insert(progressSnapshots).values([
    snapshot(w.projectA.id, "2026-11-04", 500, 450, 400, 20),
    snapshot(w.projectA.id, "2026-11-11", 1000, 800, 1000, 40),
    snapshot(projectC.id, "2026-11-11", 1000, 1000, 909.0909, 60),
  ]);
  const [shared] = await t.db.insert(risks).values({ ...base, number: 1, title: "Vendor late", probability: 4, impact: 5, sharedWithClient: true, createdById: w.pm.id }).returning();
  await t.db.insert(risks).values({ ...base, number: 2, title: "Key person leaves", probability: 2, impact: 2, createdById: w.pm.id });
  const [teamDefect] = await t.db.insert(defects).values({ ...base, number: 1, title: "Crash on login", severity: "critical", reportedById: w.pm.id }).returning();
  const [clientDefect] = await t.db.insert(defects).values({ ...base, number: 2, title: "Typo on invoice", severity: "trivial", reportedById: w.contactA.id }).returning();
  await t.db.insert(defects).values({ ...base, number: 3, title: "Slow search", severity: "minor", status: "resolved", reportedById: w.pm.id });
  const rule = { rag: "green" as const, rule: "status_report.rule.scope.green", note: "" };
  const [report] = await t.db
    .insert(statusReports)
    .values({
      ...base,
      number: 1,
      periodFrom: "2026-11-02",
      periodTo: "2026-11-08",
      title: "Week 45",
      overall: "green",
      dimensions: { scope: rule, schedule: rule, cost: rule, quality: rule, risk: rule },
      content: {},
      status: "published",
      publishedAt: new Date("2026-11-09T08:00:00Z"),
      publishedById: w.pm.id,
    })
    .returning();
  await t.db.insert(timeEntries).values({ ...base, taskId: build!.id, userId: w.dev.id, workDate: "2026-11-10", minutes: 120, costPerHour: 300 });
  const [sharedMeeting] = await t.db
    .insert(meetings)
    .values({ ...base, number: 1, kind: "client_review", title: "Sprint review", startsAt: new Date("2026-11-16T02:00:00Z"), sharedWithClient: true, location: "Room 1", createdById: w.pm.id })
    .returning();
  await t.db.insert(meetings).values({ ...base, number: 2, kind: "ad_hoc", title: "Team retro", startsAt: new Date("2026-11-17T02:00:00Z"), createdById: w.pm.id });
  ids = { build: build!.id, golive: golive!.id, reportA: report!.id, sharedRisk: shared!.id, clientDefect: clientDefect!.id, teamDefect: teamDefect!.id, sharedMeeting: sharedMeeting!.id };
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  w = await t.seedWorkspace();
  await seed();
});
afterAll(() => t.close());

type Row = { id: string; code: string; [key: string]: unknown };
const codes = (rows: Row[]) => rows.map((r) => r.code);

describe("GET /portfolio", () => {
  it("lists every project an owner reads, with the figures of each", async () => {
    const res = await get(w.owner, "/api/v1/portfolio");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.today).toBe("2026-11-11");
    expect(res.body.projects).toHaveLength(3);
    const a = res.body.projects.find((p: Row) => p.id === w.projectA.id);
    // Health: schedule 50 (SPI 0.8), cost 50 (CPI 0.8), quality 75 (one critical), risk 20.8 (top score 20), no
    // rating: (50×30 + 50×25 + 75×20 + 20.8×15) / 90 = 50.7 → 51, at risk.
    expect(a).toMatchObject({
      code: w.projectA.code,
      stage: "execution",
      client: { id: w.clientA.id },
      manager: { id: w.pm.id },
      percentComplete: 40,
      spi: 0.8,
      cpi: 0.8,
      measuredOn: "2026-11-11",
      health: { score: 51, band: "at_risk" },
      nextMilestone: { taskId: ids.golive, name: "Go-live", date: "2026-11-20", baselineDate: "2026-11-18", slipDays: 2, done: false },
      topRisk: { id: ids.sharedRisk, key: "RISK-1", title: "Vendor late", score: 20, level: "critical" },
      overdueTasks: 1,
      openDefects: 2,
      lastReport: { id: ids.reportA, number: 1, overall: "green", periodTo: "2026-11-08", published: true },
    });
    const b = res.body.projects.find((p: Row) => p.id === w.projectB.id);
    expect(b).toMatchObject({ stage: "planning", percentComplete: null, spi: null, cpi: null, nextMilestone: null, topRisk: null, overdueTasks: 0, openDefects: 0, lastReport: null });
    // Nothing measured but quality and risk (both perfect): 100.
    expect(b.health).toEqual({ score: 100, band: "healthy" });
    const c = res.body.projects.find((p: Row) => p.id === projectC.id);
    expect(c).toMatchObject({ spi: 1, cpi: 1.1, percentComplete: 60, manager: { id: w.dev.id } });
    expect(res.body.summary).toEqual({ byStage: { execution: 2, planning: 1 }, byHealth: { healthy: 2, watch: 0, at_risk: 1, unscored: 0, hidden: 0 }, overdueTasks: 1, openDefects: 2 });
  });

  it("shows each person only the projects they read, and health only where they manage", async () => {
    const pm = await get(w.pm, "/api/v1/portfolio");
    expect(codes(pm.body.projects).sort()).toEqual([w.projectA.code, w.projectB.code].sort());
    expect(pm.body.projects.every((p: { health: unknown }) => p.health !== null)).toBe(true);

    const dev = await get(w.dev, "/api/v1/portfolio");
    const devA = dev.body.projects.find((p: Row) => p.id === w.projectA.id);
    const devC = dev.body.projects.find((p: Row) => p.id === projectC.id);
    expect(dev.body.projects).toHaveLength(2);
    expect(devA.health).toBeNull(); // a member, not a manager
    expect(devA.spi).toBe(0.8);
    expect(devC.health).toMatchObject({ band: "healthy" });
    expect(dev.body.summary.byHealth).toMatchObject({ hidden: 1, healthy: 1 });

    const viewer = await get(w.viewer, "/api/v1/portfolio");
    expect(codes(viewer.body.projects)).toEqual([w.projectA.code]);
    expect(viewer.body.projects[0].health).toBeNull();

    const outsider = await get(w.outsider, "/api/v1/portfolio");
    expect(outsider.status).toBe(200);
    expect(outsider.body.projects).toEqual([]);
  });

  it("filters by stage, client, manager and health band, and sorts with empty values last", async () => {
    const stage = await get(w.owner, "/api/v1/portfolio?stage=execution");
    expect(codes(stage.body.projects).sort()).toEqual([w.projectA.code, projectC.code].sort());
    const client = await get(w.owner, `/api/v1/portfolio?clientId=${w.clientB.id}`);
    expect(codes(client.body.projects)).toEqual([w.projectB.code]);
    const manager = await get(w.owner, `/api/v1/portfolio?managerId=${w.dev.id}`);
    expect(codes(manager.body.projects)).toEqual([projectC.code]);
    const band = await get(w.owner, "/api/v1/portfolio?healthBand=at_risk");
    expect(codes(band.body.projects)).toEqual([w.projectA.code]);
    // A health-band filter keeps only projects whose health the caller reads.
    const devBand = await get(w.dev, "/api/v1/portfolio?healthBand=at_risk");
    expect(devBand.body.projects).toEqual([]);

    const bySpi = await get(w.owner, "/api/v1/portfolio?sort=spi&dir=desc");
    expect(codes(bySpi.body.projects)).toEqual([projectC.code, w.projectA.code, w.projectB.code]);
    const bySpiAsc = await get(w.owner, "/api/v1/portfolio?sort=spi&dir=asc");
    expect(codes(bySpiAsc.body.projects)).toEqual([w.projectA.code, projectC.code, w.projectB.code]);
    const byOverdue = await get(w.owner, "/api/v1/portfolio?sort=overdue&dir=desc");
    expect(byOverdue.body.projects[0].code).toBe(w.projectA.code);
  });

  it("answers 400 for a bad filter, 401 without a session and 403 to client contacts", async () => {
    const bad = await get(w.owner, "/api/v1/portfolio?stage=someday&healthBand=green");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(["querystring.healthBand", "querystring.stage"]);
    expect((await t.anonymous().get("/api/v1/portfolio")).status).toBe(401);
    expect((await get(w.contactA, "/api/v1/portfolio")).status).toBe(403);
  });
});

describe("GET /projects/:id/dashboard", () => {
  it("gives the team the project's figures", async () => {
    const res = await get(w.pm, `/api/v1/projects/${w.projectA.id}/dashboard`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      projectId: w.projectA.id,
      today: "2026-11-11",
      currency: "CNY",
      percentComplete: 40,
      spi: 0.8,
      cpi: 0.8,
      curve: [
        { asOf: "2026-11-04", pv: 500, ev: 450, ac: 400 },
        { asOf: "2026-11-11", pv: 1000, ev: 800, ac: 1000 },
      ],
      phases: [{ wbsCode: "1", name: "Delivery", percentComplete: 50 }],
      milestones: [{ taskId: ids.golive, date: "2026-11-20", baselineDate: "2026-11-18", slipDays: 2, done: false }],
      risksByLevel: { low: 1, medium: 0, high: 0, critical: 1 },
      defectsBySeverity: { critical: 1, major: 0, minor: 0, trivial: 1 },
      tasksByStatus: [
        { id: "todo", name: "To do", category: "todo", count: 0 },
        { id: "in_progress", name: "In progress", category: "in_progress", count: 1 },
        { id: "done", name: "Done", category: "done", count: 0 },
      ],
      overdueTaskCount: 1,
      overdueTasks: [{ id: ids.build, wbsCode: "1.1", name: "Build", dueDate: "2026-11-05", daysOverdue: 6, percentComplete: 50 }],
      lastReport: { id: ids.reportA, overall: "green", published: true },
      health: { score: 51, band: "at_risk" },
    });
    expect(res.body.hoursByWeek).toHaveLength(8);
    expect(res.body.hoursByWeek[0]).toEqual({ weekStart: "2026-09-21", hours: 0 });
    expect(res.body.hoursByWeek[7]).toEqual({ weekStart: "2026-11-09", hours: 2 });
    expect(res.body.health.parts.map((p: { part: string }) => p.part)).toEqual(["schedule", "cost", "quality", "risk", "satisfaction"]);
  });

  it("hides health from members and viewers, names default columns in the reader's language", async () => {
    const dev = await get(w.dev, `/api/v1/projects/${w.projectA.id}/dashboard`);
    expect(dev.status).toBe(200);
    expect(dev.body.health).toBeNull();
    const zh = await (await as(w.viewer)).get(`/api/v1/projects/${w.projectA.id}/dashboard`, { "accept-language": "zh-CN" });
    expect(zh.body.health).toBeNull();
    expect(zh.body.tasksByStatus.map((s: { name: string }) => s.name)).toEqual(["待办", "进行中", "已完成"]);
  });

  it("is the team's: 403 for the project's own contact, 404 for others, 401 anonymous", async () => {
    expect((await get(w.contactA, `/api/v1/projects/${w.projectA.id}/dashboard`)).status).toBe(403);
    expect((await get(w.contactB, `/api/v1/projects/${w.projectA.id}/dashboard`)).status).toBe(404);
    expect((await get(w.outsider, `/api/v1/projects/${w.projectA.id}/dashboard`)).status).toBe(404);
    expect((await t.anonymous().get(`/api/v1/projects/${w.projectA.id}/dashboard`)).status).toBe(401);
    expect((await get(w.pm, "/api/v1/projects/not-a-uuid/dashboard")).status).toBe(400);
  });
});

describe("GET /projects/:id/client-dashboard", () => {
  it("gives the client progress, dates, the published report, shared risks, their defects and client meetings — nothing internal", async () => {
    const res = await get(w.contactA, `/api/v1/projects/${w.projectA.id}/client-dashboard`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["defects", "latestReport", "meetings", "milestones", "percentComplete", "phases", "projectId", "risks", "stage", "today"]);
    expect(res.body).toMatchObject({ stage: "execution", percentComplete: 40, phases: [{ name: "Delivery", percentComplete: 50 }] });
    expect(res.body.milestones).toEqual([{ taskId: ids.golive, wbsCode: "2", name: "Go-live", date: "2026-11-20", done: false }]);
    expect(res.body.latestReport).toEqual({ id: ids.reportA, number: 1, title: "Week 45", overall: "green", periodTo: "2026-11-08", publishedAt: "2026-11-09T08:00:00.000Z" });
    expect(res.body.risks).toEqual([{ id: ids.sharedRisk, key: "RISK-1", title: "Vendor late", level: "critical", status: "open" }]);
    expect(res.body.defects).toEqual([{ id: ids.clientDefect, key: "DEF-2", title: "Typo on invoice", severity: "trivial", status: "open" }]);
    expect(res.body.meetings).toEqual([{ id: ids.sharedMeeting, title: "Sprint review", kind: "client_review", startsAt: "2026-11-16T02:00:00.000Z", durationMinutes: 60, location: "Room 1" }]);
    // No cost, rate, earned value, baseline or health anywhere in the answer.
    const keys = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x);
        }
    };
    walk(res.body);
    for (const internal of ["pv", "ev", "ac", "spi", "cpi", "cost", "currency", "costPerHour", "health", "score", "baselineDate", "slipDays", "notes", "curve", "hoursByWeek"]) expect(keys).not.toContain(internal);
    expect(JSON.stringify(res.body)).not.toContain("Crash on login");
    expect(JSON.stringify(res.body)).not.toContain("Team retro");
  });

  it("is another client's 404, and the team may preview it", async () => {
    expect((await get(w.contactB, `/api/v1/projects/${w.projectA.id}/client-dashboard`)).status).toBe(404);
    expect((await get(w.contactA, `/api/v1/projects/${w.projectB.id}/client-dashboard`)).status).toBe(404);
    expect((await get(w.outsider, `/api/v1/projects/${w.projectA.id}/client-dashboard`)).status).toBe(404);
    expect((await t.anonymous().get(`/api/v1/projects/${w.projectA.id}/client-dashboard`)).status).toBe(401);
    const pm = await get(w.pm, `/api/v1/projects/${w.projectA.id}/client-dashboard`);
    expect(pm.status).toBe(200);
    expect(pm.body.defects).toHaveLength(1);
  });
});
