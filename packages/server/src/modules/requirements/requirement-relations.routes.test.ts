import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, requirementRelations } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));

type Req = { id: string; key: string; version: number };
async function create(projectId: string, title: string): Promise<Req> {
  const res = await (await as(w.pm)).post(`/api/v1/projects/${projectId}/requirements`, { title });
  expect(res.status).toBe(201);
  return res.body;
}
async function moveTo(id: string, ...path: string[]) {
  const pm = await as(w.pm);
  for (const to of path) {
    const current = (await pm.get(`/api/v1/requirements/${id}`)).body;
    expect((await pm.post(`/api/v1/requirements/${id}/transitions`, { to, version: current.version })).status).toBe(200);
  }
}
const relate = async (from: Req, to: Req, kind: string, user: TestUser = w.pm, lang = "en") =>
  (await as(user)).post(`/api/v1/requirements/${from.id}/relations`, { toId: to.id, kind }, { "accept-language": lang });

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("requirement relations", () => {
  it("relates two requirements of a project, shows the relation on both, and audits both", async () => {
    const a = await create(w.projectA.id, "Login");
    const b = await create(w.projectA.id, "Accounts");
    const res = await relate(a, b, "depends_on");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: "depends_on", from: { id: a.id, key: a.key, title: "Login", status: "draft" }, to: { id: b.id, key: b.key }, status: null, version: 1 });
    const pm = await as(w.pm);
    for (const r of [a, b]) {
      expect((await pm.get(`/api/v1/requirements/${r.id}/relations`)).body.items.map((x: { id: string }) => x.id)).toEqual([res.body.id]);
      expect((await pm.get(`/api/v1/requirements/${r.id}`)).body.relations.map((x: { kind: string }) => x.kind)).toEqual(["depends_on"]);
      const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "requirement"), eq(auditLog.entityId, r.id), eq(auditLog.action, "relation.add")));
      expect(audit).toHaveLength(1);
    }
  });

  it("refuses a self-relation, a requirement of another project and a duplicate (either way round for symmetric kinds)", async () => {
    const a = await create(w.projectA.id, "Search");
    const b = await create(w.projectA.id, "Find");
    const other = await create(w.projectB.id, "Elsewhere");
    expect(fields(await relate(a, a, "duplicates"))).toEqual({ "body.toId": "A requirement cannot be related to itself." });
    expect(fields(await relate(a, other, "duplicates", w.pm, "zh-CN"))).toEqual({ "body.toId": "两个需求必须属于同一个项目。" });
    expect((await relate(a, b, "duplicates")).status).toBe(201);
    const twice = await relate(b, a, "duplicates");
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe("These requirements are already related this way.");
    // Direction matters for dependencies: B depends on A is a different relation … but would close a cycle.
    expect((await relate(a, b, "depends_on")).status).toBe(201);
    expect((await relate(a, b, "depends_on")).status).toBe(409);
  });

  it("refuses a dependency or refinement cycle with a message naming it", async () => {
    const r1 = await create(w.projectA.id, "One");
    const r2 = await create(w.projectA.id, "Two");
    const r3 = await create(w.projectA.id, "Three");
    expect((await relate(r1, r2, "depends_on")).status).toBe(201);
    expect((await relate(r2, r3, "depends_on")).status).toBe(201);
    const before = await t.db.select().from(requirementRelations).where(eq(requirementRelations.projectId, w.projectA.id));
    const cycle = await relate(r3, r1, "depends_on");
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.message).toBe(`This would make a cycle: ${r3.key} → ${r1.key} → ${r2.key} → ${r3.key}.`);
    expect(cycle.body.error.details.cycle).toEqual([r3.id, r1.id, r2.id, r3.id]);
    const zh = await relate(r2, r1, "depends_on", w.pm, "zh-CN");
    expect(zh.body.error.message).toBe(`这会形成循环：${r2.key} → ${r1.key} → ${r2.key}。`);
    expect(await t.db.select().from(requirementRelations).where(eq(requirementRelations.projectId, w.projectA.id))).toHaveLength(before.length);
    // Refinement: a child has one parent, and cannot refine its own descendant.
    expect((await relate(r2, r1, "refines")).status).toBe(201);
    const second = await relate(r2, r3, "refines");
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe(`${r2.key} already refines ${r1.key}; a requirement has one parent.`);
    expect((await relate(r1, r2, "refines")).status).toBe(400);
  });

  it("resolves a conflict with a note, reopens it, and refuses resolving other kinds or stale versions", async () => {
    const a = await create(w.projectA.id, "500 users");
    const b = await create(w.projectA.id, "5,000 users");
    const conflict = (await relate(b, a, "conflicts_with")).body;
    expect(conflict).toMatchObject({ status: "open", resolutionNote: "", resolvedById: null });
    const pm = await as(w.pm);
    const url = `/api/v1/requirement-relations/${conflict.id}`;
    const noNote = await pm.patch(url, { version: 1, status: "resolved" }, { "accept-language": "en" });
    expect(fields(noNote)).toEqual({ "body.resolutionNote": "Required." });
    const resolved = await pm.patch(url, { version: 1, status: "resolved", resolutionNote: "The client confirmed 5,000." });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: "resolved", resolutionNote: "The client confirmed 5,000.", resolvedById: w.pm.id, version: 2 });
    expect(resolved.body.resolvedAt).toBeTruthy();
    const stale = await pm.patch(url, { version: 1, status: "open" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ status: "resolved", version: 2 });
    expect((await pm.patch(url, { version: 2, status: "open" })).body).toMatchObject({ status: "open", resolvedById: null, resolvedAt: null });
    const dependency = (await relate(a, b, "depends_on")).body;
    const notConflict = await pm.patch(`/api/v1/requirement-relations/${dependency.id}`, { version: 1, status: "resolved", resolutionNote: "x" }, { "accept-language": "en" });
    expect(fields(notConflict)).toEqual({ "body.status": "Only conflicts are resolved." });
  });

  it("removes a relation", async () => {
    const a = await create(w.projectA.id, "Remove A");
    const b = await create(w.projectA.id, "Remove B");
    const rel = (await relate(a, b, "depends_on")).body;
    const pm = await as(w.pm);
    expect((await (await as(w.viewer)).delete(`/api/v1/requirement-relations/${rel.id}`)).status).toBe(403);
    expect((await pm.delete(`/api/v1/requirement-relations/${rel.id}`)).status).toBe(204);
    expect((await pm.get(`/api/v1/requirements/${a.id}/relations`)).body.items).toEqual([]);
    expect((await pm.delete(`/api/v1/requirement-relations/${rel.id}`)).status).toBe(404);
  });

  it("shows a client contact dependencies and refinements between requirements they see, never conflicts or duplicates", async () => {
    const a = await create(w.projectA.id, "Shared A");
    const b = await create(w.projectA.id, "Shared B");
    const hidden = await create(w.projectA.id, "Internal");
    await moveTo(a.id, "in_analysis", "awaiting_client");
    await moveTo(b.id, "in_analysis", "awaiting_client");
    const dep = (await relate(a, b, "depends_on")).body;
    const conflict = (await relate(a, b, "conflicts_with")).body;
    const toHidden = (await relate(a, hidden, "refines")).body;
    const contact = await as(w.contactA);
    expect((await contact.get(`/api/v1/requirements/${a.id}/relations`)).body.items.map((r: { id: string }) => r.id)).toEqual([dep.id]);
    expect((await contact.get(`/api/v1/requirements/${a.id}`)).body.relations.map((r: { id: string }) => r.id)).toEqual([dep.id]);
    expect((await contact.patch(`/api/v1/requirement-relations/${conflict.id}`, { version: 1, status: "resolved", resolutionNote: "x" })).status).toBe(404);
    expect((await contact.delete(`/api/v1/requirement-relations/${toHidden.id}`)).status).toBe(404);
    expect((await contact.delete(`/api/v1/requirement-relations/${dep.id}`)).status).toBe(403);
    expect((await contact.post(`/api/v1/requirements/${a.id}/relations`, { toId: b.id, kind: "duplicates" })).status).toBe(403);
    expect((await (await as(w.contactB)).get(`/api/v1/requirements/${a.id}/relations`)).status).toBe(404);
  });
});
