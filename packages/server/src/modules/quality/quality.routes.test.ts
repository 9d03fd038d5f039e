import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, planTasks } from "../../db/schema";

/** The clock: Wednesday 2026-11-11 (Asia/Shanghai 18:00), so the trend's last week starts Monday 11-09. */
const NOW_MS = Date.parse("2026-11-11T10:00:00Z");
let nowMs = NOW_MS;

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const en = { "accept-language": "en" };
const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));
const taskVersion = async (id: string) => (await t.db.select({ v: planTasks.version }).from(planTasks).where(eq(planTasks.id, id)))[0]?.v as number;

type Project = Awaited<ReturnType<TestApp["factories"]["project"]>>;

/** A project of client A with phase Design (tasks a, b) and phase Build (task c). */
async function projectWithPhases() {
  const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id, startDate: "2026-11-02" });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
  const pm = await as(w.pm);
  const add = async (body: Record<string, unknown>) => {
    const res = await pm.post(`/api/v1/projects/${project.id}/plan/tasks`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.taskId as string;
  };
  const design = await add({ name: "Design" });
  const a = await add({ name: "Wireframes", parentId: design, durationDays: 2 });
  const b = await add({ name: "Data model", parentId: design, durationDays: 3 });
  const build = await add({ name: "Build" });
  const c = await add({ name: "API", parentId: build, durationDays: 5 });
  return { project, design, a, b, build, c };
}

async function createGate(project: Project, phaseTaskId: string, body: Record<string, unknown> = {}, user: TestUser = w.pm) {
  return (await as(user)).post(`/api/v1/projects/${project.id}/quality-gates`, { phaseTaskId, ...body }, en);
}

const setPercent = async (id: string, percentComplete: number, user: TestUser = w.pm) =>
  (await as(user)).patch(`/api/v1/plan-tasks/${id}`, { version: await taskVersion(id), percentComplete }, en);

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(nowMs) });
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("quality gates", () => {
  it("creates a gate with the default checklist in the caller's language, lists it per phase, ticks items with evidence and passes", async () => {
    const { project, design, build } = await projectWithPhases();
    const res = await createGate(project, design);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name: "Quality gate: Design", status: "open", phaseTaskId: design, version: 1 });
    expect(res.body.items.map((i: { text: string }) => i.text)).toEqual(["Solution design reviewed", "Every requirement traced to the design", "Security and data protection checked", "Design signed off by the client"]);
    const zh = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/quality-gates`, { phaseTaskId: build }, { "accept-language": "zh-CN" });
    expect(zh.body.name).toBe("质量关卡：Build");
    expect(zh.body.items[0].text).toBe("代码或配置已评审");

    const list = await (await as(w.viewer)).get(`/api/v1/projects/${project.id}/quality-gates`);
    expect(list.status).toBe(200);
    expect(list.body.phases.map((p: { name: string; gate: { id: string } | null }) => [p.name, p.gate?.id])).toEqual([
      ["Design", res.body.id],
      ["Build", zh.body.id],
    ]);

    let gate = res.body;
    const early = await (await as(w.dev)).post(`/api/v1/quality-gates/${gate.id}/decision`, { version: gate.version, decision: "pass" }, en);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe("Every checklist item must be done before the gate passes (4 open).");
    for (const item of gate.items) {
      const tick = await (await as(w.dev)).patch(`/api/v1/quality-gates/${gate.id}/items/${item.id}`, { version: item.version, done: true, evidence: "https://wiki.example.com/review" }, en);
      expect(tick.status, JSON.stringify(tick.body)).toBe(200);
      gate = tick.body;
    }
    expect(gate.items.every((i: { done: boolean; checkedById: string; evidence: string }) => i.done && i.checkedById === w.dev.id && i.evidence.startsWith("https://"))).toBe(true);
    const stale = await (await as(w.dev)).patch(`/api/v1/quality-gates/${gate.id}/items/${gate.items[0].id}`, { version: 1, done: false }, en);
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: gate.id, version: gate.version });
    const passed = await (await as(w.dev)).post(`/api/v1/quality-gates/${gate.id}/decision`, { version: gate.version, decision: "pass" }, en);
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    expect(passed.body).toMatchObject({ status: "passed", decidedById: w.dev.id });
    const again = await (await as(w.dev)).post(`/api/v1/quality-gates/${gate.id}/decision`, { version: passed.body.version, decision: "pass" }, en);
    expect(again.status).toBe(409);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "quality_gate"), eq(auditLog.entityId, gate.id)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["create", "item.update", "decision.pass"]));
  });

  it("refuses a second gate, a gate on a task that is not a phase, and bad input", async () => {
    const { project, design, a } = await projectWithPhases();
    expect((await createGate(project, design)).status).toBe(201);
    const dup = await createGate(project, design);
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toBe("This phase already has a quality gate.");
    const child = await createGate(project, a);
    expect(child.status).toBe(400);
    expect(fields(child)).toEqual({ "body.phaseTaskId": "No such phase: a quality gate belongs to a top-level task of the plan." });
    const bad = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/quality-gates`, { phaseTaskId: "nope", items: [] }, en);
    expect(bad.status).toBe(400);
    expect((await createGate(project, design, {}, w.viewer)).status).toBe(403);
    expect((await createGate(project, design, {}, w.contactA)).status).toBe(403);
    expect((await createGate(project, design, {}, w.contactB)).status).toBe(404);
  });

  it("waives with a reason (managers only) and reopens", async () => {
    const { project, design } = await projectWithPhases();
    const gate = (await createGate(project, design, { name: "Design review", items: ["Reviewed"] })).body;
    const byMember = await (await as(w.dev)).post(`/api/v1/quality-gates/${gate.id}/decision`, { version: gate.version, decision: "waive", reason: "late" }, en);
    expect(byMember.status).toBe(403);
    const noReason = await (await as(w.pm)).post(`/api/v1/quality-gates/${gate.id}/decision`, { version: gate.version, decision: "waive", reason: "  " }, en);
    expect(noReason.status).toBe(400);
    expect(fields(noReason)).toEqual({ "body.reason": "Say why the gate is waived." });
    const waived = await (await as(w.pm)).post(`/api/v1/quality-gates/${gate.id}/decision`, { version: gate.version, decision: "waive", reason: "The client accepted the design in the steering meeting." }, en);
    expect(waived.status).toBe(200);
    expect(waived.body).toMatchObject({ status: "waived", waiverReason: "The client accepted the design in the steering meeting.", decidedById: w.pm.id });
    const reopened = await (await as(w.dev)).post(`/api/v1/quality-gates/${gate.id}/decision`, { version: waived.body.version, decision: "reopen" }, en);
    expect(reopened.body).toMatchObject({ status: "open", waiverReason: "", decidedById: null });
    const stale = await (await as(w.pm)).post(`/api/v1/quality-gates/${gate.id}/decision`, { version: gate.version, decision: "reopen" }, en);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    const added = await (await as(w.dev)).post(`/api/v1/quality-gates/${gate.id}/items`, { text: "Accessibility checked" }, en);
    expect(added.status).toBe(201);
    expect(added.body.items.map((i: { text: string }) => i.text)).toEqual(["Reviewed", "Accessibility checked"]);
  });
});

describe("the phase-close rule", () => {
  it("refuses closing a phase through the plan edit while its gate is open, and allows it once waived", async () => {
    const { project, design, a, b, c } = await projectWithPhases();
    const gate = (await createGate(project, design, { items: ["Reviewed"] })).body;
    // One task of two at 100 %: the phase is not closed yet.
    expect((await setPercent(a, 100)).status).toBe(200);
    const closing = await setPercent(b, 100);
    expect(closing.status).toBe(409);
    expect(closing.body.error.message).toBe('Phase 1 Design cannot be closed: its quality gate "Quality gate: Design" is open. Pass the gate, or have a manager waive it with a reason.');
    expect(closing.body.error.details).toEqual({ phaseTaskId: design });
    // Nothing was written: b is where it was.
    expect((await t.db.select({ p: planTasks.percentComplete }).from(planTasks).where(eq(planTasks.id, b)))[0]?.p).toBe(0);
    // A phase without a gate closes freely.
    expect((await setPercent(c, 100)).status).toBe(200);
    await (await as(w.pm)).post(`/api/v1/quality-gates/${gate.id}/decision`, { version: gate.version, decision: "waive", reason: "Accepted by the client" }, en);
    expect((await setPercent(b, 100)).status).toBe(200);
    // Reopening the gate of a closed phase does not block other edits of it.
    const current = (await (await as(w.pm)).get(`/api/v1/projects/${project.id}/quality-gates`)).body.phases[0].gate;
    await (await as(w.pm)).post(`/api/v1/quality-gates/${gate.id}/decision`, { version: current.version, decision: "reopen" }, en);
    expect((await setPercent(a, 90)).status).toBe(200);
    expect((await setPercent(a, 100)).status).toBe(409);
  });

  it("refuses the board move into Done that would close the phase, and allows it once the gate passed", async () => {
    const { project, design, a, b } = await projectWithPhases();
    const gate = (await createGate(project, design, { items: ["Reviewed"] })).body;
    const pm = await as(w.pm);
    const board = (await pm.get(`/api/v1/projects/${project.id}/board`)).body as { workflow: { statuses: { id: string; category: string }[] }; cards: { id: string; version: number }[] };
    const done = board.workflow.statuses.find((s) => s.category === "done") as { id: string };
    const move = async (id: string) => {
      const card = (await pm.get(`/api/v1/projects/${project.id}/board`)).body.cards.find((x: { id: string }) => x.id === id) as { version: number };
      return pm.post(`/api/v1/plan-tasks/${id}/board-move`, { version: card.version, statusId: done.id }, en);
    };
    expect((await move(a)).status).toBe(200);
    const refused = await move(b);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("cannot be closed");
    const tick = await pm.patch(`/api/v1/quality-gates/${gate.id}/items/${gate.items[0].id}`, { version: gate.items[0].version, done: true, evidence: "Review minutes" }, en);
    await pm.post(`/api/v1/quality-gates/${gate.id}/decision`, { version: tick.body.version, decision: "pass" }, en);
    expect((await move(b)).status).toBe(200);
  });
});

describe("test cases and defects", () => {
  it("numbers TC-n and DEF-n per project, links requirements, and raises a defect from a failed run", async () => {
    const { project } = await projectWithPhases();
    const requirement = (await (await as(w.pm)).post(`/api/v1/projects/${project.id}/requirements`, { title: "Sign in with SSO" })).body;
    const dev = await as(w.dev);
    const created = await Promise.all([1, 2, 3].map((n) => dev.post(`/api/v1/projects/${project.id}/test-cases`, { title: `Case ${n}`, requirementId: requirement.id }, en)));
    expect(created.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(created.map((r) => r.body.key).sort()).toEqual(["TC-1", "TC-2", "TC-3"]);
    const tc = created[0]?.body;
    expect(tc).toMatchObject({ status: "not_run", requirement: { id: requirement.id, title: "Sign in with SSO" } });

    const notFailed = await dev.post(`/api/v1/test-cases/${tc.id}/runs`, { version: tc.version, result: "passed", defect: { title: "x", severity: "minor" } }, en);
    expect(notFailed.status).toBe(400);
    const run = await dev.post(`/api/v1/test-cases/${tc.id}/runs`, { version: tc.version, result: "failed", defect: { title: "SSO redirect loops", severity: "major" } }, en);
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect(run.body.testCase).toMatchObject({ status: "failed", lastRunById: w.dev.id, openDefects: 1 });
    expect(run.body.defect).toMatchObject({ key: "DEF-1", status: "open", severity: "major", testCase: { id: tc.id, key: tc.key }, requirement: { id: requirement.id }, reportedById: w.dev.id, raisedByClient: false });
    const staleRun = await dev.post(`/api/v1/test-cases/${tc.id}/runs`, { version: tc.version, result: "passed" }, en);
    expect(staleRun.status).toBe(409);
    const edited = await dev.patch(`/api/v1/test-cases/${tc.id}`, { version: run.body.testCase.version, expected: "Signed in" }, en);
    expect(edited.body).toMatchObject({ expected: "Signed in", status: "failed" });

    const defects = await Promise.all([1, 2].map((n) => dev.post(`/api/v1/projects/${project.id}/defects`, { title: `Bug ${n}`, severity: "minor" }, en)));
    expect(defects.map((d) => d.body.key).sort()).toEqual(["DEF-2", "DEF-3"]);
    const otherProject = await projectWithPhases();
    const first = await dev.post(`/api/v1/projects/${otherProject.project.id}/defects`, { title: "Elsewhere", severity: "trivial" }, en);
    expect(first.body.key).toBe("DEF-1");

    const foreignRequirement = (await (await as(w.pm)).post(`/api/v1/projects/${otherProject.project.id}/requirements`, { title: "Other" })).body;
    const badLink = await dev.post(`/api/v1/projects/${project.id}/test-cases`, { title: "x", requirementId: foreignRequirement.id }, en);
    expect(fields(badLink)).toEqual({ "body.requirementId": "No such requirement in this project." });
    const badAssignee = await dev.post(`/api/v1/projects/${project.id}/defects`, { title: "x", severity: "minor", assigneeId: w.viewer.id }, en);
    expect(fields(badAssignee)).toEqual({ "body.assigneeId": "The assignee must be on the delivery team (a manager or member of the project)." });
    const badSeverity = await dev.post(`/api/v1/projects/${project.id}/defects`, { title: "x", severity: "huge" }, en);
    expect(badSeverity.status).toBe(400);

    expect((await dev.delete(`/api/v1/test-cases/${tc.id}?version=${edited.body.version}`)).status).toBe(403);
    expect((await (await as(w.pm)).delete(`/api/v1/test-cases/${tc.id}?version=${edited.body.version}`)).status).toBe(204);
    const orphan = await dev.get(`/api/v1/defects/${run.body.defect.id}`);
    expect(orphan.body.testCase).toBeNull();
  });

  it("moves a defect along its workflow, stamps dates, refuses skipping, and lists by filters", async () => {
    const { project } = await projectWithPhases();
    const dev = await as(w.dev);
    const defect = (await dev.post(`/api/v1/projects/${project.id}/defects`, { title: "Crash on save", severity: "critical", assigneeId: w.dev.id }, en)).body;
    expect(defect).toMatchObject({ assigneeId: w.dev.id, assigneeName: expect.any(String), nextStatuses: ["in_progress", "resolved", "rejected"] });
    const skip = await dev.patch(`/api/v1/defects/${defect.id}`, { version: defect.version, status: "closed" }, en);
    expect(skip.status).toBe(409);
    expect(skip.body.error.message).toBe("A defect cannot go from open to closed.");
    let current = defect;
    for (const status of ["in_progress", "resolved", "closed"]) {
      const res = await dev.patch(`/api/v1/defects/${defect.id}`, { version: current.version, status }, en);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      current = res.body;
    }
    expect(current.resolvedAt).not.toBeNull();
    expect(current.closedAt).not.toBeNull();
    const reopened = await dev.patch(`/api/v1/defects/${defect.id}`, { version: current.version, status: "open" }, en);
    expect(reopened.body).toMatchObject({ status: "open", resolvedAt: null, closedAt: null });
    const stale = await dev.patch(`/api/v1/defects/${defect.id}`, { version: current.version, title: "x" }, en);
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: defect.id, status: "open" });
    await dev.post(`/api/v1/projects/${project.id}/defects`, { title: "Typo", severity: "trivial" }, en);
    const critical = await dev.get(`/api/v1/projects/${project.id}/defects?severity=critical`);
    expect(critical.body.items.map((d: { title: string }) => d.title)).toEqual(["Crash on save"]);
    const open = await dev.get(`/api/v1/projects/${project.id}/defects?status=open`);
    expect(open.body.items).toHaveLength(2);
    expect((await (await as(w.viewer)).patch(`/api/v1/defects/${defect.id}`, { version: reopened.body.version, title: "x" }, en)).status).toBe(403);
  });

  it("counts opened, closed and open defects per week", async () => {
    const { project } = await projectWithPhases();
    const dev = await as(w.dev);
    const raise = async (at: string, title: string) => {
      nowMs = Date.parse(at);
      return (await dev.post(`/api/v1/projects/${project.id}/defects`, { title, severity: "major" }, en)).body;
    };
    try {
      const d1 = await raise("2026-10-27T02:00:00Z", "One");
      await raise("2026-11-03T02:00:00Z", "Two");
      const d3 = await raise("2026-11-04T02:00:00Z", "Three");
      nowMs = Date.parse("2026-11-05T02:00:00Z");
      let v = (await dev.patch(`/api/v1/defects/${d1.id}`, { version: d1.version, status: "resolved" }, en)).body.version;
      await dev.patch(`/api/v1/defects/${d1.id}`, { version: v, status: "closed" }, en);
      nowMs = Date.parse("2026-11-10T02:00:00Z");
      v = (await dev.patch(`/api/v1/defects/${d3.id}`, { version: d3.version, status: "rejected" }, en)).body.version;
      expect(v).toBe(2);
    } finally {
      nowMs = NOW_MS;
    }
    const trend = await dev.get(`/api/v1/projects/${project.id}/defects/trend?weeks=3`);
    expect(trend.status).toBe(200);
    expect(trend.body.weeks).toEqual([
      { weekStart: "2026-10-26", opened: 1, closed: 0, open: 1 },
      { weekStart: "2026-11-02", opened: 2, closed: 1, open: 2 },
      { weekStart: "2026-11-09", opened: 0, closed: 1, open: 1 },
    ]);
    expect(trend.body.openBySeverity).toEqual({ critical: 0, major: 1, minor: 0, trivial: 0 });
    expect((await (await as(w.contactA)).get(`/api/v1/projects/${project.id}/defects/trend`)).status).toBe(403);
  });
});

describe("client contacts", () => {
  it("raise defects on their own project and read those raised by the client's side, without the team's fields", async () => {
    const { project } = await projectWithPhases();
    const internal = (await (await as(w.dev)).post(`/api/v1/projects/${project.id}/defects`, { title: "Found in QA", severity: "minor", assigneeId: w.dev.id }, en)).body;
    const contact = await as(w.contactA);
    const raised = await contact.post(`/api/v1/projects/${project.id}/defects`, { title: "Report export is empty", severity: "major", description: "Since Monday" }, en);
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    expect(raised.body).toMatchObject({ raisedByClient: true, assigneeId: null, testCase: null, nextStatuses: [] });
    const noAssign = await contact.post(`/api/v1/projects/${project.id}/defects`, { title: "x", severity: "minor", assigneeId: w.dev.id }, en);
    expect(noAssign.status).toBe(403);
    const list = await contact.get(`/api/v1/projects/${project.id}/defects`);
    expect(list.body.items.map((d: { key: string }) => d.key)).toEqual([raised.body.key]);
    expect((await contact.get(`/api/v1/defects/${internal.id}`)).status).toBe(404);
    expect((await contact.get(`/api/v1/defects/${raised.body.id}`)).status).toBe(200);
    expect((await contact.patch(`/api/v1/defects/${raised.body.id}`, { version: raised.body.version, status: "closed" }, en)).status).toBe(403);
    // The team sees it, with its fields.
    const team = await (await as(w.dev)).get(`/api/v1/defects/${raised.body.id}`);
    expect(team.body).toMatchObject({ raisedByClient: true, nextStatuses: ["in_progress", "resolved", "rejected"] });
    // Test cases and gates are the team's.
    expect((await contact.get(`/api/v1/projects/${project.id}/test-cases`)).status).toBe(403);
    expect((await contact.get(`/api/v1/projects/${project.id}/quality-gates`)).status).toBe(403);
    // Another client's contact learns nothing.
    const other = await as(w.contactB);
    expect((await other.get(`/api/v1/defects/${raised.body.id}`)).status).toBe(404);
    expect((await other.get(`/api/v1/projects/${project.id}/defects`)).status).toBe(404);
    expect((await other.post(`/api/v1/projects/${project.id}/defects`, { title: "x", severity: "minor" }, en)).status).toBe(404);
    expect((await t.anonymous().get(`/api/v1/projects/${project.id}/defects`)).status).toBe(401);
  });
});
