import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, clients, planDependencies, planTasks, projectCalendars, risks } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
type Project = Awaited<ReturnType<TestApp["factories"]["project"]>>;
type Task = { id: string; wbsCode: string; name: string; kind: string; schedule: { start: string; finish: string } };

/** A project of a fresh client of `industry` (contact A's client when none), starting Monday 2026-09-28. */
async function freshProject(industry: string | null = null) {
  let clientId = w.clientA.id;
  if (industry !== null) {
    clientId = (await t.factories.client(w.workspace.id)).id;
    await t.db.update(clients).set({ industry }).where(eq(clients.id, clientId));
  }
  const project = await t.factories.project(w.workspace.id, clientId, { managerId: w.pm.id, startDate: "2026-09-28" });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  if (industry === null) await t.factories.member(project.id, w.contactA.id, "client");
  return project;
}
const apply = async (project: Project, body: Record<string, unknown> = { template: "saas_onboarding" }, user: TestUser = w.pm, lang = "en") =>
  (await as(user)).post(`/api/v1/projects/${project.id}/plan/template`, body, { "accept-language": lang });
const planOf = async (project: Project) => (await (await as(w.pm)).get(`/api/v1/projects/${project.id}/plan`)).body as { finish: string; tasks: Task[]; dependencies: { type: string; lagDays: number }[]; calendar: { holidaySets: string[]; week: Record<string, string> } };
const counts = async (project: Project) => ({
  tasks: (await t.db.select().from(planTasks).where(eq(planTasks.projectId, project.id))).length,
  dependencies: (await t.db.select().from(planDependencies).where(eq(planDependencies.projectId, project.id))).length,
  risks: (await t.db.select().from(risks).where(eq(risks.projectId, project.id))).length,
  calendars: (await t.db.select().from(projectCalendars).where(eq(projectCalendars.projectId, project.id))).length,
});

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("the template catalogue", () => {
  it("lists both templates with name, description, counts and length, in the language asked for", async () => {
    const res = await (await as(w.dev)).get("/api/v1/plan-templates", { "accept-language": "en" });
    expect(res.status).toBe(200);
    expect(res.body.industry).toBe("");
    expect(res.body.items.map((x: { kind: string }) => x.kind)).toEqual(["saas_onboarding", "on_premise"]);
    expect(res.body.items[0]).toMatchObject({ name: "SaaS onboarding", taskCount: 21, milestoneCount: 5, phaseCount: 6, durationDays: 39, riskCount: 6, extras: [] });
    const zh = await (await as(w.dev)).get("/api/v1/plan-templates?language=zh-CN");
    expect(zh.body.items[1].name).toBe("本地化部署");
  });

  it("with a project, merges the extras its client's industry brings", async () => {
    const project = await freshProject("城市商业银行");
    const res = await (await as(w.pm)).get(`/api/v1/plan-templates?projectId=${project.id}`, { "accept-language": "en" });
    expect(res.body.industry).toBe("城市商业银行");
    expect(res.body.items[0].extras).toEqual([{ industry: "finance", name: "Finance: classified protection (等保) and data residency", taskCount: 3, riskCount: 2 }]);
    expect(res.body.items[0].taskCount).toBe(24);
  });

  it("is the team's: contacts 403, strangers to the project 404, bad query 400, anonymous 401", async () => {
    const project = await freshProject();
    expect((await (await as(w.contactA)).get("/api/v1/plan-templates")).status).toBe(403);
    expect((await (await as(w.contactA)).get(`/api/v1/plan-templates?projectId=${project.id}`)).status).toBe(403);
    expect((await (await as(w.contactB)).get(`/api/v1/plan-templates?projectId=${project.id}`)).status).toBe(404);
    expect((await (await as(w.outsider)).get(`/api/v1/plan-templates?projectId=${project.id}`)).status).toBe(404);
    expect((await (await as(w.pm)).get("/api/v1/plan-templates?projectId=nope")).status).toBe(400);
    expect((await (await as(w.pm)).get("/api/v1/plan-templates?language=fr")).status).toBe(400);
    expect((await t.anonymous().get("/api/v1/plan-templates")).status).toBe(401);
  });
});

describe("starting a plan from a template", () => {
  it("writes the WBS with milestones and typed links, the calendar and the default risks, and schedules it", async () => {
    const project = await freshProject();
    const res = await apply(project);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ template: "saas_onboarding", industries: [], taskCount: 27, dependencyCount: 25, riskCount: 6 });
    const plan = await planOf(project);
    expect(plan.tasks).toHaveLength(27);
    expect(plan.tasks.slice(0, 3).map((x) => [x.wbsCode, x.name, x.kind])).toEqual([
      ["1", "Initiation", "summary"],
      ["1.1", "Kick-off meeting", "task"],
      ["1.2", "Project charter and plan agreed", "task"],
    ]);
    expect(plan.tasks.filter((x) => x.kind === "milestone").map((x) => x.name)).toEqual(["Kick-off complete", "Design approved", "UAT sign-off", "Go-live", "Project closed"]);
    expect(new Set(plan.dependencies.map((d) => d.type))).toEqual(new Set(["FS", "SS", "FF"]));
    expect(plan.dependencies.some((d) => d.lagDays === -2)).toBe(true);
    // 39 working days from Monday 2026-09-28, over 国庆 (10-01…10-07 off, Saturday 10-10 worked).
    expect(res.body.finish).toBe(plan.finish);
    expect(plan.tasks[1]?.schedule.start).toBe("2026-09-28");
    expect(plan.calendar).toMatchObject({ holidaySets: ["cn"], week: { mon: "09:00-12:00,13:00-18:00", sat: "" } });
    expect(await counts(project)).toMatchObject({ calendars: 1, risks: 6 });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.projectId, project.id));
    expect(audits.filter((a) => a.entityType === "plan_task" && a.action === "create")).toHaveLength(27);
    expect(audits.some((a) => a.entityType === "project" && a.action === "plan.template")).toBe(true);
  });

  it("names everything in the language chosen", async () => {
    const project = await freshProject();
    expect((await apply(project, { template: "on_premise", language: "zh-CN" })).status).toBe(201);
    const plan = await planOf(project);
    expect(plan.tasks[1]?.name).toBe("项目启动会");
    const [risk] = await t.db.select().from(risks).where(eq(risks.projectId, project.id));
    expect(risk?.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it("adds the industry's tasks, links and risks (manufacturing: ERP and plant floor; finance: 等保)", async () => {
    const factory = await freshProject("制造业（汽车零部件）");
    const made = await apply(factory, { template: "on_premise" }, w.pm, "zh-CN");
    expect(made.body.industries).toEqual(["manufacturing"]);
    const names = (await planOf(factory)).tasks.map((x) => x.name);
    expect(names).toContain("ERP 接口对接（订单、物料、主数据）");
    expect(names).toContain("车间系统集成（MES、工位终端）");
    const keys = (await t.db.select({ key: risks.templateKey }).from(risks).where(eq(risks.projectId, factory.id))).map((r) => r.key);
    expect(keys).toContain("industry/manufacturing/production-disruption");
    expect(keys).toContain("on_premise/cutover-window");

    const bank = await freshProject("Banking");
    expect((await apply(bank)).body.industries).toEqual(["finance"]);
    const tasks = (await planOf(bank)).tasks;
    const assessment = tasks.find((x) => x.name === "Classified protection assessment by an accredited agency");
    const goLive = tasks.find((x) => x.name === "Go-live" && x.kind === "milestone");
    expect(assessment && goLive && assessment.schedule.finish < goLive.schedule.start).toBe(true);
  });

  it("refuses a plan that has tasks (409) and writes nothing", async () => {
    const project = await freshProject();
    await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/tasks`, { name: "Already here" });
    const before = await counts(project);
    const res = await apply(project);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict", details: { count: 1 } });
    expect(res.body.error.message).toContain("already has 1 tasks");
    expect(await counts(project)).toEqual(before);
  });

  it("lets one of two concurrent applies through", async () => {
    const project = await freshProject();
    const results = await Promise.all([apply(project), apply(project, { template: "on_premise" })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const won = results.find((r) => r.status === 201)?.body.taskCount as number;
    expect((await counts(project)).tasks).toBe(won);
  });

  it("checks the body (400)", async () => {
    const project = await freshProject();
    expect((await apply(project, { template: "waterfall" })).status).toBe(400);
    expect((await apply(project, { template: "saas_onboarding", language: "fr" })).status).toBe(400);
    expect((await apply(project, {})).status).toBe(400);
    expect(await counts(project)).toMatchObject({ tasks: 0, risks: 0 });
  });

  it("is for the project's manager and admins: members, viewers and contacts 403, strangers 404, anonymous 401", async () => {
    const project = await freshProject();
    for (const user of [w.dev, w.viewer, w.contactA]) expect((await apply(project, undefined, user)).status).toBe(403);
    for (const user of [w.outsider, w.contactB]) expect((await apply(project, undefined, user)).status).toBe(404);
    expect((await t.anonymous().post(`/api/v1/projects/${project.id}/plan/template`, { template: "saas_onboarding" })).status).toBe(401);
    expect((await counts(project)).tasks).toBe(0);
    expect((await apply(project, undefined, w.admin)).status).toBe(201);
  });
});
