import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, planAssignments, planResources, planTasks, projectMembers, users } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);

type Project = Awaited<ReturnType<TestApp["factories"]["project"]>>;
type Task = { id: string; wbsCode: string; name: string; kind: string; version: number; durationDays: number; notes: string | null; schedule: Record<string, unknown>; [key: string]: unknown };
type Plan = { start: string; finish: string | null; tasks: Task[]; dependencies: { predecessorId: string; successorId: string; type: string; lagDays: number }[]; calendar: { week: Record<string, string>; holidaySets: string[]; exceptions: unknown[]; version: number } };

const FIXTURE = readFileSync(new URL("./fixtures/ms-project-2016-erp-rollout.xml", import.meta.url), "utf8");

async function freshProject(startDate: string | null = "2026-09-28") {
  const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id, startDate });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
  return project;
}

const planOf = async (project: Project, user: TestUser = w.pm): Promise<Plan> => {
  const res = await (await as(user)).get(`/api/v1/projects/${project.id}/plan`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Plan;
};

async function addTask(project: Project, body: Record<string, unknown>): Promise<Task> {
  const res = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/tasks`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.tasks.find((x: Task) => x.id === res.body.taskId);
}
async function patchTask(task: Task, project: Project, body: Record<string, unknown>) {
  const current = (await planOf(project)).tasks.find((x) => x.id === task.id) as Task;
  const res = await (await as(w.pm)).patch(`/api/v1/plan-tasks/${task.id}`, { version: current.version, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}
async function link(project: Project, predecessorId: string, successorId: string, type = "FS", lagDays = 0) {
  const res = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/dependencies`, { predecessorId, successorId, type, lagDays });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

/** Uploads `content` as the multipart part `file`. */
async function upload(user: TestUser | null, url: string, name: string, content: string | Buffer, lang = "en"): Promise<HttpResponse> {
  const boundary = `----plan${randomBytes(8).toString("hex")}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    typeof content === "string" ? Buffer.from(content) : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const client = user ? await as(user) : t.anonymous();
  return client.inject({ method: "POST", url, payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "accept-language": lang } });
}
const importUrl = (project: Project, format: "mspdi" | "csv", query = "") => `/api/v1/projects/${project.id}/plan/import/${format}${query}`;

/** A plan with every feature the exchange carries: outline, milestones, all link types with lags, constraints, a deadline, a manual task, notes, work, costs, calendar exceptions, resources and assignments. */
async function richPlan() {
  const project = await freshProject();
  const phase = await addTask(project, { name: "Analysis, phase 1", notes: "=SUM(A1) is not a formula" });
  const interviews = await addTask(project, { name: "Interviews", parentId: phase.id, durationDays: 3 });
  const spec = await addTask(project, { name: "Specification “v1”", parentId: phase.id, durationDays: 2.5 });
  const signoff = await addTask(project, { name: "Sign-off", parentId: phase.id, milestone: true });
  const build = await addTask(project, { name: "Build", durationDays: 10 });
  const ui = await addTask(project, { name: "UI <web> & mobile", durationDays: 7.25 });
  const launch = await addTask(project, { name: "上线", milestone: true });
  const manual = await addTask(project, { name: "Training", durationDays: 2 });
  await link(project, interviews.id, spec.id);
  await link(project, spec.id, signoff.id, "FS", 1);
  await link(project, spec.id, build.id, "SS", 1.5);
  await link(project, build.id, ui.id, "FF", 2);
  await link(project, ui.id, launch.id, "FS", -1);
  await link(project, launch.id, manual.id, "SF", 0);
  await patchTask(spec, project, { workHours: 20, fixedCost: 1234.5, percentComplete: 40, notes: "Line one\nline two; with, commas" });
  await patchTask(build, project, { constraintType: "SNET", constraintDate: "2026-10-12", deadline: "2026-11-06", priority: 800 });
  await patchTask(ui, project, { constraintType: "FNLT", constraintDate: "2026-11-20" });
  await patchTask(manual, project, { schedulingMode: "manual", manualStart: "2026-11-30" });
  const calendar = (await planOf(project)).calendar;
  const res = await (await as(w.pm)).put(`/api/v1/projects/${project.id}/plan/calendar`, {
    version: calendar.version,
    week: { ...calendar.week, sat: "" },
    holidaySets: ["cn"],
    exceptions: [
      { from: "2026-10-19", to: "2026-10-20", hours: "", name: "Offsite" },
      { from: "2026-11-07", hours: "09:00-12:00", name: "Saturday morning" },
    ],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const [dev] = await t.db
    .insert(planResources)
    .values({ workspaceId: w.workspace.id, projectId: project.id, name: "Wang Fang", kind: "work", role: "Developer", maxUnits: 0.8, costPerHour: 150, costPerUse: 0 })
    .returning();
  const [server] = await t.db
    .insert(planResources)
    .values({ workspaceId: w.workspace.id, projectId: project.id, name: "Server", kind: "material", materialLabel: "unit", costPerHour: 3000, costPerUse: 500 })
    .returning();
  await t.db.insert(planAssignments).values([
    { workspaceId: w.workspace.id, projectId: project.id, taskId: build.id, resourceId: (dev as { id: string }).id, units: 1 },
    { workspaceId: w.workspace.id, projectId: project.id, taskId: ui.id, resourceId: (dev as { id: string }).id, units: 0.5 },
    { workspaceId: w.workspace.id, projectId: project.id, taskId: build.id, resourceId: (server as { id: string }).id, units: 2 },
  ]);
  return project;
}

/** What must survive a round trip: outline, names, own fields, links by WBS code, the schedule, the calendar. */
function comparable(plan: Plan) {
  const code = new Map(plan.tasks.map((x) => [x.id, x.wbsCode]));
  return {
    tasks: plan.tasks.map((x) => ({
      wbs: x.wbsCode,
      name: x.name,
      kind: x.kind,
      durationDays: x.kind === "summary" ? null : x.durationDays,
      mode: x.schedulingMode,
      manualStart: x.manualStart,
      constraint: [x.constraintType, x.constraintDate],
      deadline: x.deadline,
      percentComplete: x.percentComplete,
      workHours: x.kind === "summary" ? null : x.workHours,
      fixedCost: x.fixedCost,
      notes: x.notes,
      priority: x.priority,
      dates: [x.schedule.start, x.schedule.finish, x.schedule.startDay, x.schedule.finishDay, x.schedule.totalFloatDays, x.schedule.critical],
    })),
    links: plan.dependencies.map((d) => `${code.get(d.predecessorId)}${d.type}${d.lagDays}>${code.get(d.successorId)}`).sort(),
    calendar: { week: plan.calendar.week, holidaySets: plan.calendar.holidaySets, exceptions: plan.calendar.exceptions },
    start: plan.start,
    finish: plan.finish,
  };
}

async function resourcesOf(project: Project) {
  const resources = await t.db.select().from(planResources).where(eq(planResources.projectId, project.id));
  const tasks = await t.db.select().from(planTasks).where(eq(planTasks.projectId, project.id));
  const assignments = await t.db.select().from(planAssignments).where(eq(planAssignments.projectId, project.id));
  const nameOf = new Map([...resources.map((r) => [r.id, r.name] as const), ...tasks.map((x) => [x.id, x.name] as const)]);
  return {
    resources: resources.map((r) => ({ name: r.name, kind: r.kind, role: r.role, maxUnits: r.maxUnits, costPerHour: r.costPerHour, costPerUse: r.costPerUse, materialLabel: r.materialLabel })).sort((a, b) => a.name.localeCompare(b.name)),
    assignments: assignments.map((a) => `${nameOf.get(a.taskId)}:${nameOf.get(a.resourceId)}:${a.units}`).sort(),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("MS Project XML", () => {
  it("round-trips a plan: export, import into a fresh project, the same plan and the same computed dates", async () => {
    const source = await richPlan();
    const exported = await (await as(w.pm)).get(`/api/v1/projects/${source.id}/plan/export/mspdi`, { "accept-language": "zh-CN" });
    expect(exported.status).toBe(200);
    expect(exported.headers["content-type"]).toContain("application/xml");
    expect(exported.headers["content-disposition"]).toContain(`${source.code}-plan.xml`);
    const xml = exported.body as string;
    expect(xml).toContain('<Project xmlns="http://schemas.microsoft.com/project">');
    expect(xml).toContain("<SaveVersion>14</SaveVersion>");
    // China's National Day 2026 as an exception, and its make-up Saturday (10-10) as a working exception.
    expect(xml).toMatch(/<FromDate>2026-10-01T00:00:00<\/FromDate>\s*<ToDate>2026-10-07T23:59:00<\/ToDate>/);
    expect(xml).toMatch(/<FromDate>2026-10-10T00:00:00<\/FromDate>[\s\S]*?<DayWorking>1<\/DayWorking>/);
    expect(xml).toContain("UI &lt;web&gt; &amp; mobile");
    expect(xml).toContain("<LinkLag>7200</LinkLag>"); // SS+1.5d: 1.5 × 480 minutes × 10
    expect(xml).toContain("<Type>3</Type>"); // SS

    const target = await freshProject();
    const preview = await upload(w.pm, importUrl(target, "mspdi"), "plan.xml", xml);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({
      committed: false,
      canImport: true,
      errors: [],
      counts: { tasks: 8, summaries: 1, milestones: 2, links: 6, resources: 2, assignments: 3, calendarExceptions: 2 },
      holidaySets: ["cn"],
    });
    expect(await t.db.select().from(planTasks).where(eq(planTasks.projectId, target.id))).toHaveLength(0);

    const committed = await upload(w.pm, importUrl(target, "mspdi", "?mode=commit"), "plan.xml", xml);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body.committed).toBe(true);
    const before = comparable(await planOf(source));
    const after = comparable(await planOf(target));
    expect(after).toEqual(before);
    expect(await resourcesOf(target)).toEqual(await resourcesOf(source));
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, target.id));
    expect(audit.some((a) => a.action === "plan.import")).toBe(true);
  });

  it("imports a file as Microsoft Project writes it (the fixture): outline, links, calendar, resources, assignments", async () => {
    const project = await freshProject(null);
    const res = await upload(w.pm, importUrl(project, "mspdi", "?mode=commit"), "ERP 上线计划.xml", FIXTURE, "zh-CN");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      fileStart: "2026-09-28",
      planStart: "2026-09-28",
      counts: { tasks: 9, summaries: 2, milestones: 2, links: 7, resources: 2, assignments: 4, calendarExceptions: 3 },
      holidaySets: [],
      finish: "2026-10-29",
    });
    const codes = (res.body.warnings as { code: string }[]).map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(["plan_exchange.elapsed_lag", "plan_exchange.start_set"]));
    expect((res.body.warnings as { message: string }[]).find((x) => x.message.includes("持续延隔时间"))).toBeDefined();

    const plan = await planOf(project);
    const row = (name: string) => plan.tasks.find((x) => x.name === name) as Task;
    expect(plan.tasks.map((x) => [x.wbsCode, x.name, x.kind])).toEqual([
      ["1", "需求分析", "summary"],
      ["1.1", "业务访谈", "task"],
      ["1.2", "编写需求规格说明书", "task"],
      ["1.3", "需求评审通过", "milestone"],
      ["2", "系统实施", "summary"],
      ["2.1", "后端配置与开发", "task"],
      ["2.2", "前端开发", "task"],
      ["2.3", "系统上线", "milestone"],
      ["2.4", "用户培训", "task"],
    ]);
    expect(row("前端开发").durationDays).toBe(7.5);
    expect(row("业务访谈")).toMatchObject({ fixedCost: 1500, percentComplete: 25, workHours: 24 });
    expect(row("需求分析").notes).toBe("与客户各部门确认业务流程。");
    expect(row("系统上线")).toMatchObject({ constraintType: "FNLT", constraintDate: "2026-10-30", deadline: "2026-10-28", priority: 1000 });
    expect(row("用户培训")).toMatchObject({ constraintType: "SNET", constraintDate: "2026-10-27" });
    const code = new Map(plan.tasks.map((x) => [x.id, x.wbsCode]));
    expect(plan.dependencies.map((d) => `${code.get(d.predecessorId)}${d.type}${d.lagDays}>${code.get(d.successorId)}`).sort()).toEqual(
      ["1.1FS0>1.2", "1.2FS0>1.3", "1.2SS1>2.1", "2.1FF2>2.2", "2.1FS0>2.3", "2.2FS0>2.3", "2.3FS2>2.4"].sort(),
    );
    // The file's calendar: 08:00–17:00 with lunch, National Day off, Saturday 10-10 worked, a half day on 10-23.
    expect(plan.calendar).toMatchObject({
      week: { mon: "08:00-12:00,13:00-17:00", sat: "", sun: "" },
      holidaySets: [],
      exceptions: [
        { from: "2026-10-01", to: "2026-10-07", hours: "", name: "国庆节" },
        { from: "2026-10-10", to: null, hours: "08:00-12:00,13:00-17:00", name: "国庆节调休上班" },
        { from: "2026-10-23", to: null, hours: "08:00-12:00", name: "公司团建（半天）" },
      ],
    });
    expect([row("业务访谈").schedule.start, row("业务访谈").schedule.finish]).toEqual(["2026-09-28", "2026-09-30"]);
    expect([row("编写需求规格说明书").schedule.start, row("编写需求规格说明书").schedule.finish]).toEqual(["2026-10-08", "2026-10-09"]);
    expect(row("需求评审通过").schedule.start).toBe("2026-10-10");
    expect([row("后端配置与开发").schedule.start, row("后端配置与开发").schedule.finish]).toEqual(["2026-10-09", "2026-10-21"]);
    expect(row("前端开发").schedule.finish).toBe("2026-10-23");
    expect(row("系统上线").schedule.start).toBe("2026-10-26");
    expect([row("用户培训").schedule.start, row("用户培训").schedule.finish]).toEqual(["2026-10-28", "2026-10-29"]);
    expect(await resourcesOf(project)).toEqual({
      resources: [
        { name: "应用服务器", kind: "material", role: "硬件", maxUnits: 1, costPerHour: 5000, costPerUse: 800, materialLabel: "台" },
        { name: "张伟", kind: "work", role: "开发工程师", maxUnits: 1, costPerHour: 200, costPerUse: 0, materialLabel: "" },
      ],
      assignments: ["业务访谈:张伟:1", "前端开发:张伟:0.5", "后端配置与开发:应用服务器:2", "后端配置与开发:张伟:1"].sort(),
    });
    // The project had no start date: it takes the file's.
    expect((await (await as(w.pm)).get(`/api/v1/projects/${project.id}`)).body.startDate).toBe("2026-09-28");
  });

  it("refuses a file with problems with 400, every problem listed in the caller's language, and writes nothing", async () => {
    const project = await freshProject();
    const cyclic = FIXTURE.replace("<PredecessorUID>2</PredecessorUID>", "<PredecessorUID>4</PredecessorUID>").replace("<Name>业务访谈</Name>", "<Name></Name>");
    const preview = await upload(w.pm, importUrl(project, "mspdi"), "bad.xml", cyclic);
    expect(preview.status).toBe(200);
    expect(preview.body.canImport).toBe(false);
    expect(preview.body.errors.map((e: { code: string }) => e.code)).toEqual(["plan_exchange.task_name_missing"]);
    const res = await upload(w.pm, importUrl(project, "mspdi", "?mode=commit"), "bad.xml", cyclic, "zh-CN");
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("未导入任何内容");
    expect(res.body.error.details.fields[0]).toMatchObject({ path: "file.任务 2", message: "任务没有名称。" });
    const cycle = await upload(w.pm, importUrl(project, "mspdi", "?mode=commit"), "cycle.xml", FIXTURE.replace("<PredecessorUID>2</PredecessorUID>", "<PredecessorUID>4</PredecessorUID>"));
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.details.fields[0].message).toContain("dependency cycle: 1.2 编写需求规格说明书 → 1.3 需求评审通过 → 1.2 编写需求规格说明书.");
    const notXml = await upload(w.pm, importUrl(project, "mspdi", "?mode=commit"), "x.xml", "<Project><Tasks>");
    expect(notXml.status).toBe(400);
    expect(notXml.body.error.details.preview.errors[0].code).toBe("plan_exchange.not_xml");
    const notProject = await upload(w.pm, importUrl(project, "mspdi"), "x.xml", "<Workbook/>");
    expect(notProject.body.errors[0].code).toBe("plan_exchange.not_mspdi");
    expect(await t.db.select().from(planTasks).where(eq(planTasks.projectId, project.id))).toHaveLength(0);
    expect(await t.db.select().from(planResources).where(eq(planResources.projectId, project.id))).toHaveLength(0);
    expect((await planOf(project)).calendar.version).toBe(0);
    const missing = await (await as(w.pm)).post(importUrl(project, "mspdi"), {});
    expect(missing.status).toBe(400);
  });

  it("imports into an empty plan only, or replaces the plan in the same transaction with replace=true", async () => {
    const project = await freshProject();
    await addTask(project, { name: "Existing" });
    const refused = await upload(w.pm, importUrl(project, "mspdi", "?mode=commit"), "p.xml", FIXTURE);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.preview.errors.map((e: { code: string }) => e.code)).toEqual(["plan_exchange.plan_not_empty"]);
    expect((await planOf(project)).tasks.map((x) => x.name)).toEqual(["Existing"]);
    const replaced = await upload(w.pm, importUrl(project, "mspdi", "?mode=commit&replace=true"), "p.xml", FIXTURE);
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body.warnings.map((e: { code: string }) => e.code)).toContain("plan_exchange.replace_plan");
    expect(replaced.body.warnings.map((e: { code: string }) => e.code)).not.toContain("plan_exchange.start_set");
    const plan = await planOf(project);
    expect(plan.tasks).toHaveLength(9);
    expect(plan.tasks.some((x) => x.name === "Existing")).toBe(false);
  });

  it("lets the project's managers import, the team export; a client contact exports what they see and nothing of another client's", async () => {
    const source = await richPlan();
    const url = `/api/v1/projects/${source.id}/plan/export/mspdi`;
    expect((await t.anonymous().get(url)).status).toBe(401);
    expect((await (await as(w.outsider)).get(url)).status).toBe(404);
    expect((await (await as(w.contactB)).get(url)).status).toBe(404);
    expect((await (await as(w.viewer)).get(url)).status).toBe(200);
    const client = await (await as(w.contactA)).get(url);
    expect(client.status).toBe(200);
    expect(client.body).toContain("<Name>Build</Name>");
    expect(client.body).not.toContain("Wang Fang");
    expect(client.body).not.toContain("Line one");
    expect(client.body).not.toContain("<FixedCost>123450</FixedCost>");
    const staff = await (await as(w.viewer)).get(url);
    expect(staff.body).toContain("Wang Fang");
    expect(staff.body).toContain("<FixedCost>123450</FixedCost>");

    const target = await freshProject();
    expect((await upload(null, importUrl(target, "mspdi"), "p.xml", FIXTURE)).status).toBe(401);
    expect((await upload(w.dev, importUrl(target, "mspdi"), "p.xml", FIXTURE)).status).toBe(403);
    expect((await upload(w.contactA, importUrl(target, "mspdi"), "p.xml", FIXTURE)).status).toBe(403);
    expect((await upload(w.contactB, importUrl(target, "mspdi"), "p.xml", FIXTURE)).status).toBe(404);
    expect((await upload(w.outsider, importUrl(target, "mspdi"), "p.xml", FIXTURE)).status).toBe(404);
    expect((await upload(w.admin, importUrl(target, "mspdi"), "p.xml", FIXTURE)).status).toBe(200);
    expect(await t.db.select().from(planTasks).where(eq(planTasks.projectId, target.id))).toHaveLength(0);
  });
});

describe("CSV", () => {
  it("round-trips a plan through CSV: headers in the caller's language, predecessors by WBS code, formulas defused", async () => {
    const source = await richPlan();
    const exported = await (await as(w.pm)).get(`/api/v1/projects/${source.id}/plan/export/csv`, { "accept-language": "zh-CN" });
    expect(exported.status).toBe(200);
    expect(exported.headers["content-type"]).toContain("text/csv");
    const csv = exported.body as string;
    expect(csv.startsWith("\uFEFFWBS,名称,工期（天）,开始,完成,前置任务,排程方式,限制类型,限制日期,期限,完成百分比,工时（小时）,固定成本,备注\r\n")).toBe(true);
    expect(csv).toContain("'=SUM(A1) is not a formula");
    expect(csv).toContain(",1.2SS+1.5d,");
    expect(csv).toContain(",1.2FS+1d,");
    expect(csv).toContain(",3FS-1d,");

    const target = await freshProject();
    const committed = await upload(w.pm, importUrl(target, "csv", "?mode=commit"), "plan.csv", csv);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body.counts).toMatchObject({ tasks: 8, links: 6, resources: 0 });
    const before = comparable(await planOf(source));
    const after = comparable(await planOf(target));
    // CSV carries no calendar and no levelling priority: the target keeps its own (the default) calendar.
    const { calendar: _c1, ...restBefore } = before;
    const { calendar: _c2, ...restAfter } = after;
    const withoutPriority = (x: typeof restBefore) => ({ ...x, tasks: x.tasks.map((task) => ({ ...task, priority: 0, dates: task.dates.slice(0, 2) })) });
    expect(withoutPriority(restAfter).tasks.map((x) => [x.wbs, x.name, x.durationDays, x.constraint, x.deadline, x.notes, x.mode, x.manualStart])).toEqual(
      withoutPriority(restBefore).tasks.map((x) => [x.wbs, x.name, x.durationDays, x.constraint, x.deadline, x.notes, x.mode, x.manualStart]),
    );
    expect(after.links).toEqual(before.links);
  });

  it("reads an outline level column, Chinese constraint names and GBK text; a client contact's export has no team columns", async () => {
    const project = await freshProject();
    const text = "名称,大纲级别,工期,前置任务,限制类型,限制日期\r\n阶段一,1,,,,\r\n设计,2,3天,,不得早于...开始,2026/10/12\r\n开发,2,5,1.1FS+1,,\r\n";
    const gbk = Buffer.from(new TextEncoder().encode(text)); // UTF-8 here; the reader's GB18030 path is covered below
    const res = await upload(w.pm, importUrl(project, "csv", "?mode=commit"), "p.csv", gbk);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const plan = await planOf(project);
    expect(plan.tasks.map((x) => [x.wbsCode, x.name, x.kind, x.durationDays, x.constraintType, x.constraintDate])).toEqual([
      ["1", "阶段一", "summary", 1, "ASAP", null],
      ["1.1", "设计", "task", 3, "SNET", "2026-10-12"],
      ["1.2", "开发", "task", 5, "ASAP", null],
    ]);
    const client = await (await as(w.contactA)).get(`/api/v1/projects/${project.id}/plan/export/csv`, { "accept-language": "en" });
    expect(client.status).toBe(200);
    expect(client.body.split("\r\n")[0]).toBe("\uFEFFWBS,Name,Duration (days),Start,Finish,Predecessors,Mode,Constraint type,Constraint date,Deadline,% complete");
  });

  it("reports every cell it cannot read, in the caller's language, and writes nothing", async () => {
    const project = await freshProject();
    const csv = "WBS,Name,Duration (days),Predecessors,Constraint type\r\n1,Design,abc,,\r\n3,Build,2,1XX,SNET\r\n";
    const res = await upload(w.pm, importUrl(project, "csv", "?mode=commit"), "p.csv", csv, "zh-CN");
    expect(res.status).toBe(400);
    const byCell = Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));
    expect(byCell).toMatchObject({
      "file.C2": "无法读取工期“abc”。",
      "file.A3": "WBS 编码 3 顺序不对（此处应为 2）：请按大纲顺序列出任务。",
      "file.D3": "“1XX”不是前置任务：请写 WBS 编码、链接类型和延隔时间，例如 3FS+2d。",
      "file.E3": "限制 SNET 需要一个日期。",
    });
    expect(await t.db.select().from(planTasks).where(eq(planTasks.projectId, project.id))).toHaveLength(0);
    const gbk = await upload(w.pm, importUrl(project, "csv"), "p.csv", Buffer.from([0xc3, 0xfb, 0xb3, 0xc6, 0x0d, 0x0a, 0xc9, 0xe8, 0xbc, 0xc6, 0x0d, 0x0a])); // "名称\r\n设计\r\n" in GBK
    expect(gbk.status, JSON.stringify(gbk.body)).toBe(200);
    expect(gbk.body.tasks).toEqual([{ wbsCode: "1", name: "设计", durationDays: 1, kind: "task" }]);
  });
});

describe("the milestone feed", () => {
  const feedPath = (url: string) => new URL(url).pathname;

  it("gives a person a feed URL once, serves the plan's milestones as iCalendar, and rotates and revokes", async () => {
    const project = await richPlan();
    const base = `/api/v1/projects/${project.id}/plan/feed`;
    expect((await (await as(w.pm)).get(base)).body).toEqual({ exists: false, createdAt: null, lastUsedAt: null });
    const created = await (await as(w.pm)).post(base);
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/\/api\/v1\/feeds\/plan\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await t.anonymous().get(feedPath(created.body.url));
    expect(feed.status).toBe(200);
    expect(feed.headers["content-type"]).toContain("text/calendar");
    const ics = feed.body as string;
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const plan = await planOf(project);
    const signoff = plan.tasks.find((x) => x.name === "Sign-off") as Task;
    const launch = plan.tasks.find((x) => x.name === "上线") as Task;
    expect(ics).toContain(`UID:milestone-${signoff.id}@jiaofu`);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${String(signoff.schedule.start).replaceAll("-", "")}`);
    expect(ics).toContain(`SUMMARY:${project.code} · Sign-off`);
    expect(ics).toContain(`UID:milestone-${launch.id}@jiaofu`);
    expect(ics).toContain("DESCRIPTION:WBS 1.3 · ");
    // The deadline of Build, as its own event.
    expect(ics).toContain("DTSTART;VALUE=DATE:20261106");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const status = (await (await as(w.pm)).get(base)).body;
    expect(status.exists).toBe(true);
    expect(status.lastUsedAt).not.toBeNull();

    const rotated = await (await as(w.pm)).post(base);
    expect(rotated.body.url).not.toBe(created.body.url);
    expect((await t.anonymous().get(feedPath(created.body.url))).status).toBe(404);
    expect((await t.anonymous().get(feedPath(rotated.body.url))).status).toBe(200);
    expect((await (await as(w.pm)).delete(base)).status).toBe(204);
    expect((await t.anonymous().get(feedPath(rotated.body.url))).status).toBe(404);
    expect((await (await as(w.pm)).get(base)).body.exists).toBe(false);
    expect((await t.anonymous().get("/api/v1/feeds/plan/not-a-real-token-at-all-1234567890.ics")).status).toBe(404);
  });

  it("stops serving a person removed from the project or deactivated; a contact's feed shows only their own client's plan", async () => {
    const project = await richPlan();
    const base = `/api/v1/projects/${project.id}/plan/feed`;
    const leaving = await t.factories.user(w.workspace.id, "member");
    await t.factories.member(project.id, leaving.id, "member");
    const url = feedPath((await (await as(leaving)).post(base)).body.url);
    expect((await t.anonymous().get(url)).status).toBe(200);
    await t.db.delete(projectMembers).where(eq(projectMembers.userId, leaving.id));
    expect((await t.anonymous().get(url)).status).toBe(404);

    const contact = await (await as(w.contactA)).post(base);
    expect(contact.status).toBe(201);
    const contactFeed = await t.anonymous().get(feedPath(contact.body.url));
    expect(contactFeed.status).toBe(200);
    expect(contactFeed.body).not.toContain("Line one");
    expect((await (await as(w.contactB)).post(base)).status).toBe(404);
    expect((await (await as(w.outsider)).get(base)).status).toBe(404);
    expect((await t.anonymous().post(base)).status).toBe(401);

    const leaver = await t.factories.user(w.workspace.id, "member");
    await t.factories.member(project.id, leaver.id, "viewer");
    const viewerUrl = feedPath((await (await as(leaver)).post(base)).body.url);
    await t.db.update(users).set({ active: false }).where(eq(users.id, leaver.id));
    expect((await t.anonymous().get(viewerUrl)).status).toBe(404);
  });
});
