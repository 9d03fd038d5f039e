import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, baselines, requirements } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));

type Req = { id: string; key: string; version: number };
async function create(projectId: string, title: string, ...path: string[]): Promise<Req> {
  const pm = await as(w.pm);
  const res = await pm.post(`/api/v1/projects/${projectId}/requirements`, { title, description: `${title}, in detail` });
  expect(res.status).toBe(201);
  await moveTo(res.body.id, ...path);
  return (await pm.get(`/api/v1/requirements/${res.body.id}`)).body;
}
async function moveTo(id: string, ...path: string[]) {
  const pm = await as(w.pm);
  for (const to of path) {
    const current = (await pm.get(`/api/v1/requirements/${id}`)).body;
    const res = await pm.post(`/api/v1/requirements/${id}/transitions`, { to, version: current.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}
const APPROVED = ["in_analysis", "awaiting_client", "approved"];
const getRequirement = async (id: string) => (await (await as(w.pm)).get(`/api/v1/requirements/${id}`)).body;
const takeBaseline = async (projectId: string, body: unknown, user: TestUser = w.pm, lang = "en") =>
  (await as(user)).post(`/api/v1/projects/${projectId}/baselines`, body, { "accept-language": lang });

/** A project of client A with pm as manager, dev as member, viewer as viewer and contact A as the client. */
async function freshProjectA() {
  const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
  return project;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("scope baselines", () => {
  // One project walked through its life: BL-1, changes, BL-2, comparisons, scope creep.
  let project: Awaited<ReturnType<typeof freshProjectA>>;
  const r: Record<string, Req> = {};
  let bl1 = "";
  let bl2 = "";

  beforeAll(async () => {
    project = await freshProjectA();
    r.login = await create(project.id, "Login", ...APPROVED);
    r.search = await create(project.id, "Search", ...APPROVED);
    r.export = await create(project.id, "Export", "in_analysis", "awaiting_client");
    r.draft = await create(project.id, "Idea");
  });

  it("previews what a baseline would hold, what becomes baselined and what is left out", async () => {
    const res = await (await as(w.pm)).get(`/api/v1/projects/${project.id}/baselines/preview`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ nextKey: "BL-1", blockers: [], sinceLast: null, ready: true });
    expect(res.body.toBaseline.map((x: { key: string }) => x.key)).toEqual([r.login?.key, r.search?.key]);
    expect(res.body.items.map((x: { key: string }) => x.key)).toEqual([r.login?.key, r.search?.key]);
    expect(res.body.leftOut.map((x: { key: string; status: string }) => [x.key, x.status])).toEqual([
      [r.export?.key, "awaiting_client"],
      [r.draft?.key, "draft"],
    ]);
  });

  it("takes BL-1: the approved requirements become baselined with a version and an audit row each", async () => {
    const before = await getRequirement(r.login?.id ?? "");
    const res = await takeBaseline(project.id, { name: "Signed scope", description: "Agreed at the kick-off" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    bl1 = res.body.id;
    expect(res.body).toMatchObject({ key: "BL-1", number: 1, name: "Signed scope", description: "Agreed at the kick-off", requirementCount: 2, sincePrevious: null, createdById: w.pm.id, changeRequestId: null });
    expect(res.body.items.map((i: { key: string; version: number; snapshot: { status: string } }) => [i.key, i.snapshot.status, i.version])).toEqual([
      [r.login?.key, "baselined", before.version + 1],
      [r.search?.key, "baselined", expect.any(Number)],
    ]);
    const after = await getRequirement(r.login?.id ?? "");
    expect(after).toMatchObject({ status: "baselined", version: before.version + 1 });
    const versions = (await (await as(w.pm)).get(`/api/v1/requirements/${r.login?.id}/versions`)).body.items;
    expect(versions[0]).toMatchObject({ version: before.version + 1, action: "transition", automatic: false, changedById: w.pm.id, snapshot: { status: "baselined" } });
    expect(versions[0].changes.map((c: { field: string }) => c.field)).toEqual(["status"]);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, r.login?.id ?? ""), eq(auditLog.action, "transition")));
    expect(audit.map((a) => (a.after as { status: string }).status)).toContain("baselined");
    const baselineAudit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "baseline"), eq(auditLog.entityId, bl1)));
    expect(baselineAudit).toHaveLength(1);
    expect(baselineAudit[0]).toMatchObject({ action: "create", projectId: project.id, actorId: w.pm.id });
    // What the client has not agreed yet is untouched.
    expect((await getRequirement(r.export?.id ?? "")).status).toBe("awaiting_client");
  });

  it("refuses a second baseline with nothing newly approved (400, in the caller's language)", async () => {
    const en = await takeBaseline(project.id, { name: "Again" });
    expect(en.status).toBe(400);
    expect(en.body.error.message).toBe("Nothing is approved to baseline: approve requirements with the client first.");
    const zh = await takeBaseline(project.id, { name: "Again" }, w.pm, "zh-CN");
    expect(zh.body.error.message).toBe("没有可纳入基线的已批准需求：请先与客户确认需求。");
  });

  it("refuses while an open conflict touches a requirement in scope (409 naming both keys), writing nothing", async () => {
    await moveTo(r.export?.id ?? "", "approved");
    const pm = await as(w.pm);
    const relation = await pm.post(`/api/v1/requirements/${r.export?.id}/relations`, { toId: r.draft?.id, kind: "conflicts_with" });
    expect(relation.status).toBe(201);
    const preview = (await pm.get(`/api/v1/projects/${project.id}/baselines/preview`)).body;
    expect(preview.ready).toBe(false);
    expect(preview.blockers).toHaveLength(1);
    expect([preview.blockers[0].from.key, preview.blockers[0].to.key].sort()).toEqual([r.export?.key, r.draft?.key].sort());
    expect(preview.sinceLast).toMatchObject({ baselineId: bl1, key: "BL-1", added: 1, changed: 0, removed: 0 });

    const before = await getRequirement(r.export?.id ?? "");
    const res = await takeBaseline(project.id, { name: "Blocked" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
    expect(res.body.error.message).toContain(r.export?.key);
    expect(res.body.error.message).toContain(r.draft?.key);
    expect(res.body.error.details.blockers).toHaveLength(1);
    const zh = await takeBaseline(project.id, { name: "Blocked" }, w.pm, "zh-CN");
    expect(zh.body.error.message).toMatch(/^存在未解决的冲突/);
    expect(await t.db.select().from(baselines).where(eq(baselines.projectId, project.id))).toHaveLength(1);
    expect(await getRequirement(r.export?.id ?? "")).toMatchObject({ status: "approved", version: before.version });

    const resolved = await pm.patch(`/api/v1/requirement-relations/${relation.body.id}`, { version: relation.body.version, status: "resolved", resolutionNote: "Export wins" });
    expect(resolved.status).toBe(200);
  });

  it("takes BL-2 with what changed since BL-1", async () => {
    const res = await takeBaseline(project.id, { name: "Export added" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    bl2 = res.body.id;
    expect(res.body).toMatchObject({ key: "BL-2", requirementCount: 3, sincePrevious: { added: 1, changed: 0, removed: 0 } });
    const list = await (await as(w.pm)).get(`/api/v1/projects/${project.id}/baselines`);
    expect(list.body.items.map((b: { key: string; requirementCount: number; createdByName: string | null }) => [b.key, b.requirementCount, b.createdByName !== null])).toEqual([
      ["BL-1", 2, true],
      ["BL-2", 3, true],
    ]);
    // BL-1 is as it was: immutable.
    const first = await (await as(w.pm)).get(`/api/v1/baselines/${bl1}`);
    expect(first.body.items.map((i: { key: string }) => i.key)).toEqual([r.login?.key, r.search?.key]);
  });

  it("compares a baseline with today and with another baseline (the older side first)", async () => {
    const pm = await as(w.pm);
    // MoSCoW is scope; tags are bookkeeping; a change request (stood in for here) removed Export; New is approved.
    const login = await getRequirement(r.login?.id ?? "");
    expect((await pm.patch(`/api/v1/requirements/${login.id}`, { version: login.version, moscow: "could" })).status).toBe(200);
    const search = await getRequirement(r.search?.id ?? "");
    expect((await pm.patch(`/api/v1/requirements/${search.id}`, { version: search.version, tags: ["ux"] })).status).toBe(200);
    await t.db.update(requirements).set({ status: "rejected", statusReason: "Dropped by a change request" }).where(eq(requirements.id, r.export?.id ?? ""));
    r.fresh = await create(project.id, "Audit trail", ...APPROVED);

    const res = await pm.get(`/api/v1/baselines/${bl2}/compare?with=current`);
    expect(res.status).toBe(200);
    expect(res.body.from).toMatchObject({ baselineId: bl2, key: "BL-2", name: "Export added" });
    expect(res.body.to).toEqual({ baselineId: null, key: null, name: null, createdAt: null });
    expect(res.body.counts).toEqual({ from: 3, to: 3, added: 1, removed: 1, changed: 1, adjusted: 1, unchanged: 0 });
    expect(res.body.added.map((i: { key: string }) => i.key)).toEqual([r.fresh?.key]);
    expect(res.body.removed[0]).toMatchObject({ before: { key: r.export?.key }, after: { key: r.export?.key, snapshot: { status: "rejected", statusReason: "Dropped by a change request" } } });
    expect(res.body.changed[0]).toMatchObject({ before: { key: r.login?.key }, changes: [{ field: "moscow", after: "could" }] });
    expect(res.body.adjusted[0]).toMatchObject({ before: { key: r.search?.key }, changes: [{ field: "tags", before: [], after: ["ux"] }] });

    const backwards = await pm.get(`/api/v1/baselines/${bl2}/compare?with=${bl1}`);
    expect(backwards.status).toBe(200);
    expect([backwards.body.from.key, backwards.body.to.key]).toEqual(["BL-1", "BL-2"]);
    expect(backwards.body.counts).toMatchObject({ from: 2, to: 3, added: 1, removed: 0, changed: 0 });
  });

  it("reports scope creep since BL-1, with a point per baseline and today", async () => {
    const res = await (await as(w.pm)).get(`/api/v1/projects/${project.id}/scope-creep`);
    expect(res.status).toBe(200);
    expect(res.body.first).toMatchObject({ baselineId: bl1, key: "BL-1" });
    // BL-1 held Login and Search; today Login's MoSCoW changed and Audit trail was added (Export came and went).
    expect(res.body.figure).toEqual({
      added: 1,
      changed: 1,
      removed: 0,
      baseSize: 2,
      currentSize: 3,
      netChange: 1,
      addedPercent: 50,
      changedPercent: 50,
      removedPercent: 0,
      totalPercent: 100,
    });
    expect(res.body.series.map((p: { side: { key: string | null }; size: number; sincePrevious: object }) => [p.side.key, p.size, p.sincePrevious])).toEqual([
      ["BL-1", 2, { added: 0, changed: 0, removed: 0 }],
      ["BL-2", 3, { added: 1, changed: 0, removed: 0 }],
      [null, 3, { added: 1, changed: 1, removed: 1 }],
    ]);
  });

  it("lets the client contact read and compare, without the team's reasons, but never take or preview a baseline", async () => {
    const contact = await as(w.contactA);
    const list = await contact.get(`/api/v1/projects/${project.id}/baselines`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect((await contact.get(`/api/v1/baselines/${bl2}`)).status).toBe(200);
    const compared = await contact.get(`/api/v1/baselines/${bl2}/compare?with=current`);
    expect(compared.status).toBe(200);
    expect(compared.body.removed[0].after.snapshot).toMatchObject({ status: "rejected", statusReason: null });
    expect((await contact.get(`/api/v1/projects/${project.id}/scope-creep`)).body.figure.added).toBe(1);
    expect((await contact.get(`/api/v1/projects/${project.id}/baselines/preview`)).status).toBe(403);
    expect((await takeBaseline(project.id, { name: "By the client" }, w.contactA)).status).toBe(403);
    expect((await takeBaseline(project.id, { name: "By a viewer" }, w.viewer)).status).toBe(403);
  });

  it("shows another client's contact and an outsider nothing", async () => {
    for (const user of [w.contactB, w.outsider]) {
      const c = await as(user);
      expect((await c.get(`/api/v1/projects/${project.id}/baselines`)).status).toBe(404);
      expect((await c.get(`/api/v1/projects/${project.id}/scope-creep`)).status).toBe(404);
      expect((await c.get(`/api/v1/projects/${project.id}/baselines/preview`)).status).toBe(404);
      const one = await c.get(`/api/v1/baselines/${bl1}`);
      expect(one.status).toBe(404);
      expect(JSON.stringify(one.body)).not.toContain("Signed scope");
      expect((await c.get(`/api/v1/baselines/${bl1}/compare?with=current`)).status).toBe(404);
      expect((await takeBaseline(project.id, { name: "Hack" }, user)).status).toBe(404);
    }
    expect((await t.anonymous().get(`/api/v1/projects/${project.id}/baselines`)).status).toBe(401);
  });

  it("refuses a comparison with a baseline of another project, and unknown baselines", async () => {
    const other = await freshProjectA();
    await create(other.id, "Elsewhere", ...APPROVED);
    const otherBaseline = await takeBaseline(other.id, { name: "Other" });
    expect(otherBaseline.status).toBe(201);
    expect(otherBaseline.body.key).toBe("BL-1");
    const pm = await as(w.pm);
    expect((await pm.get(`/api/v1/baselines/${bl1}/compare?with=${otherBaseline.body.id}`)).status).toBe(404);
    expect((await pm.get(`/api/v1/baselines/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});

describe("baseline input and edge cases", () => {
  it("answers 400 with field messages for a bad body or query", async () => {
    const project = await freshProjectA();
    const res = await takeBaseline(project.id, { name: "  " });
    expect(res.status).toBe(400);
    expect(Object.keys(fields(res))).toEqual(["body.name"]);
    const pm = await as(w.pm);
    await create(project.id, "Something", ...APPROVED);
    const made = await takeBaseline(project.id, { name: "Ok" });
    expect((await pm.get(`/api/v1/baselines/${made.body.id}/compare?with=yesterday`)).status).toBe(400);
  });

  it("refuses a baseline of a project with nothing approved", async () => {
    const project = await freshProjectA();
    await create(project.id, "Only a draft");
    const res = await takeBaseline(project.id, { name: "Empty" });
    expect(res.status).toBe(400);
    const preview = (await (await as(w.pm)).get(`/api/v1/projects/${project.id}/baselines/preview`)).body;
    expect(preview).toMatchObject({ ready: false, toBaseline: [], items: [] });
    expect((await (await as(w.pm)).get(`/api/v1/projects/${project.id}/scope-creep`)).body).toEqual({ first: null, figure: null, series: [] });
  });

  it("numbers concurrent baselines one after the other, and baselines each requirement once", async () => {
    const project = await freshProjectA();
    for (const title of ["A", "B", "C"]) await create(project.id, title, ...APPROVED);
    const [one, two] = await Promise.all([takeBaseline(project.id, { name: "One" }, w.pm), takeBaseline(project.id, { name: "Two" }, w.dev)]);
    const statuses = [one.status, two.status].sort();
    // The second waits for the first's lock, then finds nothing newly approved.
    expect(statuses).toEqual([201, 400]);
    const rows = await t.db.select().from(baselines).where(eq(baselines.projectId, project.id));
    expect(rows.map((b) => b.number)).toEqual([1]);
  });

  it("has no route to change or remove a baseline", async () => {
    const doc = (await (await as(w.admin)).get("/api/docs/json")).body as { paths: Record<string, Record<string, unknown>> };
    // Requirement baselines only: plan baselines (`/plan/baselines`, `/plan-baselines/:id`) are the plan's own.
    const baselinePaths = Object.entries(doc.paths).filter(([path]) => path.includes("baselines") && !path.includes("plan"));
    expect(baselinePaths.length).toBeGreaterThan(0);
    for (const [path, operations] of baselinePaths) {
      expect(Object.keys(operations).filter((m) => ["put", "patch", "delete"].includes(m)), path).toEqual([]);
      if ("post" in operations) expect(path).toBe("/api/v1/projects/{id}/baselines");
    }
    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      for (const url of ["/api/v1/baselines/:id", "/api/v1/projects/:id/baselines/:baselineId", "/api/v1/projects/:id/baselines"]) {
        expect(t.app.hasRoute({ method, url }), `${method} ${url}`).toBe(false);
      }
    }
  });
});
