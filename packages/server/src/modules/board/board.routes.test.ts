import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, planTasks, traceLinks, users } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));

type Project = Awaited<ReturnType<TestApp["factories"]["project"]>>;
type Status = { id: string; name: string; category: string; wipLimit: number | null };
type Workflow = { projectId: string; statuses: Status[]; version: string };
type Card = { id: string; name: string; statusId: string; wbsCode: string; phaseId: string | null; percentComplete: number; version: number; assigneeIds: string[]; checklistDone: number; checklistTotal: number; commentCount: number; boardPosition: number; dueDate: string | null };
type Board = { workflow: Workflow; cards: Card[]; phases: { id: string; name: string }[]; people: { id: string; name: string }[] };

/** A project of client A: pm manages, dev is a member, viewer views, contact A is the client. */
async function freshProject() {
  const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id, startDate: "2026-09-28" });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
  return project;
}

async function addTask(project: Project, body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/plan/tasks`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.taskId as string };
}

async function boardOf(project: Project, user: TestUser = w.pm): Promise<Board> {
  const res = await (await as(user)).get(`/api/v1/projects/${project.id}/board`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Board;
}
const cardOf = async (project: Project, id: string) => (await boardOf(project)).cards.find((c) => c.id === id) as Card;
const column = (board: Board, name: string) => board.workflow.statuses.find((s) => s.name === name) as Status;

async function moveCard(project: Project, id: string, body: Record<string, unknown>, user: TestUser = w.pm) {
  const card = await cardOf(project, id);
  return (await as(user)).post(`/api/v1/plan-tasks/${id}/board-move`, { version: card.version, ...body }, { "accept-language": "en" });
}

/** A project with phase 1 (Design: tasks a, b) and phase 2 (Build: task c), and a milestone. */
async function projectWithPlan() {
  const project = await freshProject();
  const design = await addTask(project, { name: "Design" });
  const a = await addTask(project, { name: "Wireframes", parentId: design.id, durationDays: 2 });
  const b = await addTask(project, { name: "Data model", parentId: design.id, durationDays: 3 });
  const build = await addTask(project, { name: "Build" });
  const c = await addTask(project, { name: "API", parentId: build.id, durationDays: 5 });
  const milestone = await addTask(project, { name: "Go-live", milestone: true });
  return { project, design, build, a, b, c, milestone };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("the workflow", () => {
  it("is made the first time it is read: To do, In progress, In review, Done in the reader's language", async () => {
    const project = await freshProject();
    const res = await (await as(w.dev)).get(`/api/v1/projects/${project.id}/board/workflow`, { "accept-language": "en" });
    expect(res.status).toBe(200);
    expect((res.body as Workflow).statuses.map((s) => [s.name, s.category])).toEqual([
      ["To do", "todo"],
      ["In progress", "in_progress"],
      ["In review", "in_progress"],
      ["Done", "done"],
    ]);
    // Read again, in another language: the same columns, not a second set.
    const again = await (await as(w.pm)).get(`/api/v1/projects/${project.id}/board/workflow`, { "accept-language": "zh-CN" });
    expect(again.body).toEqual(res.body);
  });

  it("is edited as a whole by a manager: rename, reorder, WIP limit, add a column, remove one moving its tasks", async () => {
    const { project, a, b } = await projectWithPlan();
    const board = await boardOf(project);
    const [todo, doing, review, done] = board.workflow.statuses as [Status, Status, Status, Status];
    expect((await moveCard(project, a.id, { statusId: review.id })).status).toBe(200);
    expect((await moveCard(project, b.id, { statusId: review.id })).status).toBe(200);

    const body = {
      version: board.workflow.version,
      statuses: [
        { id: todo.id, name: "Backlog", category: "todo", wipLimit: null },
        { name: "Ready", category: "todo", wipLimit: 5 },
        { id: doing.id, name: "Doing", category: "in_progress", wipLimit: 3 },
        { id: done.id, name: "Done", category: "done", wipLimit: null },
      ],
      reassign: [{ from: review.id, to: 2 }],
    };
    expect((await (await as(w.dev)).put(`/api/v1/projects/${project.id}/board/workflow`, body)).status).toBe(403);
    const res = await (await as(w.pm)).put(`/api/v1/projects/${project.id}/board/workflow`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((res.body as Workflow).statuses.map((s) => [s.name, s.category, s.wipLimit])).toEqual([
      ["Backlog", "todo", null],
      ["Ready", "todo", 5],
      ["Doing", "in_progress", 3],
      ["Done", "done", null],
    ]);
    expect((await cardOf(project, a.id)).statusId).toBe(doing.id);
    expect((await cardOf(project, b.id)).statusId).toBe(doing.id);

    // The old version is stale now: 409 with the current workflow.
    const stale = await (await as(w.pm)).put(`/api/v1/projects/${project.id}/board/workflow`, body);
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe((res.body as Workflow).version);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "task_workflow"), eq(auditLog.entityId, project.id), eq(auditLog.action, "update")));
    expect(audit).toHaveLength(1);
  });

  it("swaps two columns' names in one change", async () => {
    const project = await freshProject();
    const wf = (await boardOf(project)).workflow;
    const [todo, doing, review, done] = wf.statuses as [Status, Status, Status, Status];
    const res = await (await as(w.pm)).put(`/api/v1/projects/${project.id}/board/workflow`, {
      version: wf.version,
      statuses: [todo, { ...review, name: doing.name }, { ...doing, name: review.name }, done],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it("refuses a workflow without a to-do or done column, duplicate names, an unknown column, and a removal without a target (400)", async () => {
    const { project, a } = await projectWithPlan();
    const wf = (await boardOf(project)).workflow;
    const [todo, doing, , done] = wf.statuses as [Status, Status, Status, Status];
    await moveCard(project, a.id, { statusId: doing.id });
    const put = (body: Record<string, unknown>) => as(w.pm).then((c) => c.put(`/api/v1/projects/${project.id}/board/workflow`, { version: wf.version, ...body }, { "accept-language": "en" }));

    let res = await put({ statuses: [{ ...doing }, { ...done }] });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual({ "body.statuses": "The workflow needs at least one “to do” column." });
    res = await put({ statuses: [{ ...todo }, { ...doing, category: "in_progress" }] });
    expect(fields(res)).toEqual({ "body.statuses": "The workflow needs at least one “done” column." });
    res = await put({ statuses: [{ ...todo }, { ...done, name: todo.name.toUpperCase() }] });
    expect(fields(res)).toEqual({ "body.statuses.1.name": "Two columns have the same name." });
    res = await put({ statuses: [{ ...todo, id: project.id }, { ...done }] });
    expect(fields(res)).toEqual({ "body.statuses.0.id": "This column is not in the workflow (reload it)." });
    res = await put({ statuses: [{ ...todo }, { ...done }] });
    expect(fields(res)).toEqual({ "body.reassign": "Choose the column that the tasks of each removed column move to." });
    res = await put({ statuses: [{ ...todo, wipLimit: 0 }, { ...done }] });
    expect(res.status).toBe(400);
    expect(Object.keys(fields(res))).toEqual(["body.statuses.0.wipLimit"]);
  });
});

describe("the board", () => {
  it("shows the plan's leaf tasks (not summaries, not milestones) in the first column, with their phase", async () => {
    const { project, design, build, a, b, c } = await projectWithPlan();
    const board = await boardOf(project, w.viewer);
    expect(board.cards.map((x) => [x.name, x.wbsCode, x.phaseId])).toEqual([
      ["Wireframes", "1.1", design.id],
      ["Data model", "1.2", design.id],
      ["API", "2.1", build.id],
    ]);
    expect(new Set(board.cards.map((x) => x.statusId))).toEqual(new Set([board.workflow.statuses[0]?.id]));
    expect(board.phases.map((p) => p.name)).toEqual(["Design", "Build"]);
    expect(board.people.map((p) => p.id).sort()).toEqual([w.pm.id, w.dev.id].sort());
    expect([a, b, c].every((x) => board.cards.some((card) => card.id === x.id))).toBe(true);
  });

  it("moves a card into done: 100 % in the plan and its phase rolled up; out of done back to 0 %", async () => {
    const { project, design, a, b } = await projectWithPlan();
    const board = await boardOf(project);
    const done = column(board, "Done");
    const res = await moveCard(project, a.id, { statusId: done.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: a.id, statusId: done.id, percentComplete: 100 });

    const plan = (await (await as(w.pm)).get(`/api/v1/projects/${project.id}/plan`)).body as { tasks: { id: string; percentComplete: number; statusId: string | null; schedule: { percentComplete: number } }[]; statuses: Status[] };
    const task = plan.tasks.find((x) => x.id === a.id);
    expect(task).toMatchObject({ percentComplete: 100, statusId: done.id });
    expect(plan.tasks.find((x) => x.id === design.id)?.schedule.percentComplete).toBeGreaterThan(0);
    expect(plan.statuses.map((s) => s.name)).toEqual(["To do", "In progress", "In review", "Done"]);

    const back = await moveCard(project, a.id, { statusId: column(board, "To do").id });
    expect(back.body).toMatchObject({ percentComplete: 0 });
    const history = await (await as(w.viewer)).get(`/api/v1/plan_tasks/${a.id}/audit`);
    expect(history.status).toBe(200);
    expect((history.body.items as { action: string }[]).filter((e) => e.action === "board.move")).toHaveLength(2);
    expect((await cardOf(project, b.id)).percentComplete).toBe(0);
  });

  it("follows a percent complete edit in the plan: 100 % shows in done, below 100 % leaves it", async () => {
    const { project, a } = await projectWithPlan();
    const board = await boardOf(project);
    await moveCard(project, a.id, { statusId: column(board, "In review").id });
    const edit = async (percentComplete: number) => {
      const version = (await cardOf(project, a.id)).version;
      const res = await (await as(w.pm)).patch(`/api/v1/plan-tasks/${a.id}`, { version, percentComplete });
      expect(res.status).toBe(200);
    };
    await edit(100);
    expect((await cardOf(project, a.id)).statusId).toBe(column(board, "Done").id);
    await edit(50);
    expect((await cardOf(project, a.id)).statusId).toBe(column(board, "In review").id);
  });

  it("orders cards in a column by the drop: before or after another card", async () => {
    const { project, a, b, c } = await projectWithPlan();
    const board = await boardOf(project);
    const doing = column(board, "In progress");
    await moveCard(project, a.id, { statusId: doing.id });
    await moveCard(project, b.id, { statusId: doing.id, beforeId: a.id });
    await moveCard(project, c.id, { statusId: doing.id, afterId: b.id });
    const order = (await boardOf(project)).cards.filter((x) => x.statusId === doing.id).map((x) => x.id);
    expect(order).toEqual([b.id, c.id, a.id]);
    // Within the first column, where every card sits at position 0 until moved: the column is renumbered.
    const other = await projectWithPlan();
    const todo = (await boardOf(other.project)).workflow.statuses[0] as Status;
    const res = await moveCard(other.project, other.c.id, { statusId: todo.id, beforeId: other.b.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await boardOf(other.project)).cards.map((x) => x.id)).toEqual([other.a.id, other.c.id, other.b.id]);
    const bad = await moveCard(project, a.id, { statusId: column(board, "To do").id, beforeId: other.a.id });
    expect(fields(bad)).toEqual({ "body.beforeId": "The card to place it next to is not in that column." });
  });

  it("refuses a move into a column at its WIP limit (409) unless a manager forces it", async () => {
    const { project, a, b } = await projectWithPlan();
    const board = await boardOf(project);
    const statuses = board.workflow.statuses.map((s) => (s.name === "In progress" ? { ...s, wipLimit: 1 } : s));
    const put = await (await as(w.pm)).put(`/api/v1/projects/${project.id}/board/workflow`, { version: board.workflow.version, statuses });
    expect(put.status).toBe(200);
    const doing = column(board, "In progress");
    expect((await moveCard(project, a.id, { statusId: doing.id }, w.dev)).status).toBe(200);
    const refused = await moveCard(project, b.id, { statusId: doing.id }, w.dev);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe("“In progress” is at its WIP limit of 1 tasks. Finish or move a task out of it first, or ask a project manager to place it anyway.");
    expect(refused.body.error.details).toMatchObject({ statusId: doing.id, limit: 1, count: 1 });
    expect((await moveCard(project, b.id, { statusId: doing.id, force: true }, w.dev)).status).toBe(403);
    expect((await moveCard(project, b.id, { statusId: doing.id, force: true }, w.pm)).status).toBe(200);
    // A move within the full column is no move into it.
    expect((await moveCard(project, a.id, { statusId: doing.id, beforeId: b.id }, w.dev)).status).toBe(200);
  });

  it("refuses a stale version (409 with the current card), a milestone or summary (409), an unknown column (400)", async () => {
    const { project, a, milestone, design } = await projectWithPlan();
    const board = await boardOf(project);
    const card = await cardOf(project, a.id);
    await moveCard(project, a.id, { statusId: column(board, "In progress").id });
    const stale = await (await as(w.pm)).post(`/api/v1/plan-tasks/${a.id}/board-move`, { version: card.version, statusId: column(board, "Done").id });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect(stale.body.error.details.current).toMatchObject({ id: a.id, version: card.version + 1 });
    for (const id of [milestone.id, design.id]) {
      const res = await (await as(w.pm)).post(`/api/v1/plan-tasks/${id}/board-move`, { version: 1, statusId: column(board, "Done").id });
      expect(res.status).toBe(409);
    }
    const unknown = await moveCard(project, a.id, { statusId: project.id });
    expect(fields(unknown)).toEqual({ "body.statusId": "This column is not in the project's workflow." });
    const invalid = await (await as(w.pm)).post(`/api/v1/plan-tasks/${a.id}/board-move`, { version: "x", statusId: "nope" });
    expect(invalid.status).toBe(400);
  });

  it("quick-adds a task in a column, under a phase or at the top", async () => {
    const { project, design, a } = await projectWithPlan();
    const board = await boardOf(project);
    const review = column(board, "In review");
    const res = await (await as(w.dev)).post(`/api/v1/projects/${project.id}/board/cards`, { name: "Review the wireframes", statusId: review.id, phaseId: design.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name: "Review the wireframes", statusId: review.id, wbsCode: "1.3", phaseId: design.id });
    const top = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/board/cards`, { name: "Loose end", statusId: column(board, "Done").id });
    expect(top.body).toMatchObject({ wbsCode: "4", phaseId: null, percentComplete: 100 });
    const notPhase = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/board/cards`, { name: "x", statusId: review.id, phaseId: a.id }, { "accept-language": "en" });
    expect(fields(notPhase)).toEqual({ "body.phaseId": "This phase is not in the plan." });
    expect((await (await as(w.pm)).post(`/api/v1/projects/${project.id}/board/cards`, { name: " ", statusId: review.id })).status).toBe(400);
    expect((await (await as(w.viewer)).post(`/api/v1/projects/${project.id}/board/cards`, { name: "x", statusId: review.id })).status).toBe(403);
  });
});

describe("the task detail", () => {
  it("edits the description, checklist, estimate and remaining work with version checks", async () => {
    const { project, a } = await projectWithPlan();
    const first = await (await as(w.dev)).get(`/api/v1/plan-tasks/${a.id}/board-detail`);
    expect(first.status).toBe(200);
    const version = first.body.card.version as number;
    const res = await (await as(w.dev)).patch(`/api/v1/plan-tasks/${a.id}/board-detail`, {
      version,
      notes: "**Sketch** the screens <script>alert(1)</script>",
      checklist: [
        { id: "1", text: "Login", done: true },
        { id: "2", text: "Dashboard", done: false },
      ],
      estimateHours: 16,
      remainingHours: 6,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.notesHtml).toContain("<strong>Sketch</strong>");
    expect(res.body.notesHtml).not.toContain("<script");
    expect(res.body.card).toMatchObject({ checklistDone: 1, checklistTotal: 2, estimateHours: 16, remainingHours: 6, version: version + 1 });
    const stale = await (await as(w.dev)).patch(`/api/v1/plan-tasks/${a.id}/board-detail`, { version, notes: "lost" });
    expect(stale.status).toBe(409);
    const dup = await (await as(w.dev)).patch(`/api/v1/plan-tasks/${a.id}/board-detail`, { version: version + 1, checklist: [{ id: "1", text: "a", done: false }, { id: "1", text: "b", done: false }] }, { "accept-language": "en" });
    expect(fields(dup)).toEqual({ "body.checklist.1.id": "Two checklist items have the same id." });
    expect((await (await as(w.dev)).patch(`/api/v1/plan-tasks/${a.id}/board-detail`, { version: version + 1, estimateHours: -1 })).status).toBe(400);
    expect((await (await as(w.viewer)).patch(`/api/v1/plan-tasks/${a.id}/board-detail`, { version: version + 1, notes: "x" })).status).toBe(403);

    // Out of done, the percent is the share of the estimate worked: (16 − 6) / 16.
    const board = await boardOf(project);
    await moveCard(project, a.id, { statusId: column(board, "Done").id });
    expect((await cardOf(project, a.id)).percentComplete).toBe(100);
    const reopened = await moveCard(project, a.id, { statusId: column(board, "In progress").id });
    expect(reopened.body).toMatchObject({ percentComplete: 99 });
  });

  it("sets assignees from the project's managers and members, never a client contact or a stranger", async () => {
    const { project, a } = await projectWithPlan();
    const version = (await cardOf(project, a.id)).version;
    const put = (userIds: string[], v = version) => as(w.pm).then((c) => c.put(`/api/v1/plan-tasks/${a.id}/assignees`, { version: v, userIds }, { "accept-language": "en" }));
    const res = await put([w.dev.id, w.pm.id]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.card.assigneeIds).toEqual([w.dev.id, w.pm.id]);
    expect(fields(await put([w.contactA.id], version + 1))).toEqual({ "body.userIds.0": "Only the project's managers and members can be assigned." });
    expect(fields(await put([w.viewer.id], version + 1))).toEqual({ "body.userIds.0": "Only the project's managers and members can be assigned." });
    expect((await put([w.dev.id], version)).status).toBe(409);
  });

  it("assigns a task of a project whose board nobody opened yet, and it shows in the assignee's My work", async () => {
    const { project, a } = await projectWithPlan();
    const version = (await t.db.select({ v: planTasks.version }).from(planTasks).where(eq(planTasks.id, a.id)))[0]?.v as number;
    const res = await (await as(w.pm)).put(`/api/v1/plan-tasks/${a.id}/assignees`, { version, userIds: [w.dev.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.card.statusId).toBe((await boardOf(project)).workflow.statuses[0]?.id);
    const mine = await (await as(w.dev)).get("/api/v1/me/work");
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { card: { id: string } }) => i.card.id)).toContain(a.id);
  });

  it("lists the requirements the task is traced to, and takes comments with @mentions", async () => {
    const { project, a } = await projectWithPlan();
    const created = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/requirements`, { title: "Single sign-on" });
    expect(created.status).toBe(201);
    const req = created.body as { id: string };
    await t.db.insert(traceLinks).values({ workspaceId: w.workspace.id, projectId: project.id, fromType: "task", fromId: a.id, toType: "requirement", toId: req.id, kind: "implements" });
    const detail = await (await as(w.viewer)).get(`/api/v1/plan-tasks/${a.id}/board-detail`);
    expect(detail.body.requirements).toEqual([{ id: req.id, key: expect.stringMatching(/^REQ-\d+$/), title: "Single sign-on" }]);

    const [dev] = await t.db.select({ name: users.name }).from(users).where(eq(users.id, w.dev.id));
    const comment = await (await as(w.pm)).post(`/api/v1/plan_tasks/${a.id}/comments`, { body: `@${dev?.name ?? ""} please check, cc @${w.pm.email}` });
    expect(comment.status, JSON.stringify(comment.body)).toBe(201);
    expect((comment.body.mentions as { userId: string }[]).map((m) => m.userId)).toEqual([w.dev.id, w.pm.id]);
    expect((await cardOf(project, a.id)).commentCount).toBe(1);
    expect((await (await as(w.viewer)).post(`/api/v1/plan_tasks/${a.id}/comments`, { body: "hi" })).status).toBe(403);
  });
});

describe("who may see the board", () => {
  it("is the team's: a client contact gets 403 on their own project, 404 on another client's; nobody outside writes", async () => {
    const { project, a } = await projectWithPlan();
    const board = await boardOf(project);
    expect((await (await as(w.contactA)).get(`/api/v1/projects/${project.id}/board`)).status).toBe(403);
    expect((await (await as(w.contactA)).get(`/api/v1/plan-tasks/${a.id}/board-detail`)).status).toBe(403);
    expect((await (await as(w.contactA)).get(`/api/v1/plan_tasks/${a.id}/comments`)).status).toBe(403);
    expect((await (await as(w.contactA)).post(`/api/v1/plan-tasks/${a.id}/board-move`, { version: 1, statusId: board.workflow.statuses[3]?.id })).status).toBe(403);
    expect((await (await as(w.contactB)).get(`/api/v1/projects/${project.id}/board`)).status).toBe(404);
    expect((await (await as(w.contactB)).get(`/api/v1/projects/${project.id}/board/workflow`)).status).toBe(404);
    expect((await (await as(w.contactB)).post(`/api/v1/plan-tasks/${a.id}/board-move`, { version: 1, statusId: board.workflow.statuses[3]?.id })).status).toBe(404);
    expect((await (await as(w.outsider)).get(`/api/v1/projects/${project.id}/board`)).status).toBe(404);
    expect((await (await as(w.viewer)).post(`/api/v1/plan-tasks/${a.id}/board-move`, { version: 1, statusId: board.workflow.statuses[3]?.id })).status).toBe(403);
    expect((await t.anonymous().get(`/api/v1/projects/${project.id}/board`)).status).toBe(401);
    expect((await (await as(w.contactA)).get("/api/v1/me/work")).status).toBe(403);
  });
});

describe("my work", () => {
  it("lists my tasks across projects, grouped by due date, and takes a status change", async () => {
    const first = await projectWithPlan();
    const second = await projectWithPlan();
    const assign = async (project: Project, id: string) => {
      const version = (await cardOf(project, id)).version;
      expect((await (await as(w.pm)).put(`/api/v1/plan-tasks/${id}/assignees`, { version, userIds: [w.dev.id] })).status).toBe(200);
    };
    await assign(first.project, first.a.id);
    await assign(second.project, second.c.id);
    const version = (await cardOf(first.project, first.a.id)).version;
    await (await as(w.pm)).patch(`/api/v1/plan-tasks/${first.a.id}/board-detail`, { version, deadline: "2026-09-25" });

    const res = await (await as(w.dev)).get("/api/v1/me/work?today=2026-09-29");
    expect(res.status).toBe(200);
    const mine = (res.body.items as { card: Card; group: string; projectCode: string; status: Status }[]).filter((i) => [first.a.id, second.c.id].includes(i.card.id));
    expect(mine.map((i) => [i.card.id, i.group])).toEqual([
      [first.a.id, "overdue"],
      [second.c.id, "later"],
    ]);
    expect(mine[0]?.projectCode).toBe(first.project.code);

    const done = column(await boardOf(first.project), "Done");
    expect((await moveCard(first.project, first.a.id, { statusId: done.id }, w.dev)).status).toBe(200);
    const after = await (await as(w.dev)).get("/api/v1/me/work?today=2026-09-29");
    expect((after.body.items as { card: Card }[]).some((i) => i.card.id === first.a.id)).toBe(false);
    const withDone = await (await as(w.dev)).get("/api/v1/me/work?today=2026-09-29&includeDone=true");
    expect((withDone.body.items as { card: Card }[]).some((i) => i.card.id === first.a.id)).toBe(true);
    expect((await (await as(w.dev)).get("/api/v1/me/work?today=tomorrow")).status).toBe(400);
  });
});
