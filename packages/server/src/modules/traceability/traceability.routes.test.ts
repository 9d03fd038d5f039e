import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog } from "../../db/schema";
import { registerTraceTarget, traceTargetResolver, type TraceTarget } from "./trace-targets";

/**
 * Acceptance tests do not exist yet (delivery, a later stage). Until they do, this file stands them in with
 * in-memory artefacts registered the way that module will register its own. Tasks are the planning module's.
 */
const fakes = new Map<string, TraceTarget>();
for (const type of ["acceptance_test"] as const) {
  if (!traceTargetResolver(type)) {
    registerTraceTarget(type, async (_db, _workspaceId, ids) => new Map(ids.flatMap((id) => (fakes.has(id) ? [[id, fakes.get(id) as TraceTarget]] : []))));
  }
}
const fake = (projectId: string, label: string) => {
  const id = randomUUID();
  fakes.set(id, { projectId, label });
  return id;
};

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));

type Req = { id: string; key: string; title: string };
async function requirement(projectId: string, title: string, path: string[] = []): Promise<Req> {
  const pm = await as(w.pm);
  const created = await pm.post(`/api/v1/projects/${projectId}/requirements`, { title });
  expect(created.status).toBe(201);
  for (const to of path) {
    const current = (await pm.get(`/api/v1/requirements/${created.body.id}`)).body;
    expect((await pm.post(`/api/v1/requirements/${created.body.id}/transitions`, { to, version: current.version })).status).toBe(200);
  }
  return created.body;
}
const APPROVED = ["in_analysis", "awaiting_client", "approved"];

/** A task of the project's plan, with the label trace links give it ("3 Configure SSO"). */
async function planTask(projectId: string, name: string): Promise<{ id: string; label: string }> {
  const res = await (await as(w.pm)).post(`/api/v1/projects/${projectId}/plan/tasks`, { name });
  expect(res.status).toBe(201);
  const task = res.body.tasks.find((x: { id: string }) => x.id === res.body.taskId);
  return { id: task.id, label: `${task.wbsCode} ${name}` };
}

let project: { id: string };
const linksUrl = () => `/api/v1/projects/${project.id}/trace-links`;
const link = async (body: Record<string, unknown>, user: TestUser = w.pm) => (await as(user)).post(linksUrl(), body, { "accept-language": "en" });

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
  project = await t.factories.project(w.workspace.id, w.clientA.id);
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
});
afterAll(() => t.close());

describe("trace links", () => {
  it("link a downstream artefact to a requirement, labelled, and audited on the requirement", async () => {
    const req = await requirement(project.id, "Single sign-on");
    const task = await planTask(project.id, "Configure SSO");
    const res = await link({ fromType: "task", fromId: task.id, toType: "requirement", toId: req.id, kind: "implements" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fromType: "task", fromId: task.id, fromLabel: task.label, toType: "requirement", toId: req.id, toLabel: `${req.key} Single sign-on`, kind: "implements", createdById: w.pm.id });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, req.id), eq(auditLog.action, "trace.add")));
    expect(audit).toHaveLength(1);
    expect((await link({ fromType: "task", fromId: task.id, toType: "requirement", toId: req.id, kind: "implements" })).status).toBe(409);
  });

  it("refuses a requirement as the downstream end, types nobody registered yet, and artefacts outside the project", async () => {
    const req = await requirement(project.id, "Reports");
    const other = await requirement(w.projectA.id, "Elsewhere");
    const task = (await planTask(project.id, "T-2")).id;
    const foreignTask = (await planTask(w.projectA.id, "T-9")).id;
    expect(fields(await link({ fromType: "requirement", fromId: req.id, toType: "requirement", toId: other.id, kind: "relates_to" }))).toEqual({
      "body.fromType": "A requirement is the upstream end of a link: link from the task, test, deliverable or ticket to it (requirements relate to each other through relations).",
    });
    expect(fields(await link({ fromType: "deliverable", fromId: randomUUID(), toType: "requirement", toId: req.id, kind: "delivers" }))).toEqual({
      "body.fromType": "Links to this kind of item are not available yet.",
    });
    expect(fields(await link({ fromType: "task", fromId: task, toType: "requirement", toId: other.id, kind: "implements" }))).toEqual({ "body.toId": "Not found in this project." });
    expect(fields(await link({ fromType: "task", fromId: foreignTask, toType: "requirement", toId: req.id, kind: "implements" }))).toEqual({ "body.fromId": "Not found in this project." });
    expect(fields(await link({ fromType: "task", fromId: task, toType: "requirement", toId: req.id, kind: "built" }))["body.kind"]).toMatch(/^Must be one of: implements/);
  });

  it("list by artefact and page, and are removed", async () => {
    const req = await requirement(project.id, "Paging");
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await link({ fromType: "task", fromId: (await planTask(project.id, `P-${i}`)).id, toType: "requirement", toId: req.id, kind: "implements" })).body.id);
    const pm = await as(w.pm);
    const first = await pm.get(`${linksUrl()}?type=requirement&id=${req.id}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    const second = await pm.get(`${linksUrl()}?type=requirement&id=${req.id}&limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((l: { id: string }) => l.id)).toEqual(ids);
    expect(second.body.nextCursor).toBeNull();
    expect((await (await as(w.viewer)).delete(`/api/v1/trace-links/${ids[0]}`)).status).toBe(403);
    expect((await pm.delete(`/api/v1/trace-links/${ids[0]}`)).status).toBe(204);
    expect((await pm.delete(`/api/v1/trace-links/${ids[0]}`)).status).toBe(404);
    expect((await pm.get(`${linksUrl()}?id=${req.id}`)).body.items).toHaveLength(2);
  });
});

describe("GET /api/v1/projects/:id/traceability", () => {
  it("shows everything downstream of each requirement, grouped by type, and the approved ones with nothing as gaps", async () => {
    const covered = await requirement(project.id, "Covered", APPROVED);
    const gap = await requirement(project.id, "Nothing yet", APPROVED);
    const draft = await requirement(project.id, "Just a draft");
    const task = await planTask(project.id, "Build it");
    const test = fake(project.id, "AT-1 Check it");
    await link({ fromType: "task", fromId: task.id, toType: "requirement", toId: covered.id, kind: "implements" });
    await link({ fromType: "acceptance_test", fromId: test, toType: "task", toId: task.id, kind: "verifies" });
    const res = await (await as(w.viewer)).get(`/api/v1/projects/${project.id}/traceability`);
    expect(res.status).toBe(200);
    const row = (id: string) => res.body.rows.find((r: { requirement: { id: string } }) => r.requirement.id === id);
    expect(row(covered.id)).toMatchObject({ gap: false, requirement: { key: covered.key, status: "approved" } });
    expect(row(covered.id).downstream).toEqual([
      { type: "task", items: [expect.objectContaining({ id: task.id, label: task.label, kind: "implements", depth: 1, viaType: "requirement", viaId: covered.id })] },
      { type: "acceptance_test", items: [expect.objectContaining({ id: test, label: "AT-1 Check it", kind: "verifies", depth: 2, viaType: "task", viaId: task.id })] },
    ]);
    expect(row(gap.id)).toMatchObject({ gap: true, downstream: [] });
    expect(row(draft.id)).toMatchObject({ gap: false, downstream: [] });
    expect(res.body.gaps.map((g: { id: string }) => g.id)).toContain(gap.id);
    expect(res.body.gaps.map((g: { id: string }) => g.id)).not.toContain(covered.id);
    expect(res.body.rows.map((r: { requirement: { key: string } }) => Number(r.requirement.key.slice(4)))).toEqual(
      [...res.body.rows.map((r: { requirement: { key: string } }) => Number(r.requirement.key.slice(4)))].sort((a, b) => a - b),
    );
  });

  it("is the team's: client contacts get 403, strangers 404", async () => {
    expect((await (await as(w.contactA)).get(`/api/v1/projects/${project.id}/traceability`)).status).toBe(403);
    expect((await (await as(w.contactA)).get(linksUrl())).status).toBe(403);
    expect((await (await as(w.contactB)).get(`/api/v1/projects/${project.id}/traceability`)).status).toBe(404);
    expect((await (await as(w.dev)).get(`/api/v1/projects/${project.id}/traceability`)).status).toBe(404);
  });
});
