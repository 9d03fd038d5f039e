import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, requirementVersions, requirements } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);

const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));
const modelUrl = (projectId: string) => `/api/v1/projects/${projectId}/requirement-scoring-model`;
const rankedUrl = (projectId: string, query = "") => `/api/v1/projects/${projectId}/requirement-priorities${query ? `?${query}` : ""}`;
const rankByScoreUrl = (projectId: string) => `/api/v1/projects/${projectId}/requirement-priorities/rank-by-score`;
const moveUrl = (id: string) => `/api/v1/requirements/${id}/move`;
const inputsUrl = (id: string) => `/api/v1/requirements/${id}/priority-inputs`;
const clientPriorityUrl = (id: string) => `/api/v1/requirements/${id}/client-priority`;

type Status = (typeof requirements.$inferInsert)["status"];
type Moscow = (typeof requirements.$inferInsert)["moscow"];

/** A project of client A with pm managing, dev a member, viewer viewing and contact A as its client. */
async function freshProject() {
  const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
  return project;
}

/** A requirement straight in the database, in the status, tier and rank a test needs. */
async function requirement(projectId: string, values: { title?: string; status?: Status; moscow?: Moscow; rank?: number; priorityInputs?: object } = {}) {
  const status = values.status ?? "awaiting_client";
  const [row] = await t.db
    .insert(requirements)
    .values({
      workspaceId: w.workspace.id,
      projectId,
      number: sql`(select coalesce(max(r.number), 0) + 1 from requirements r where r.project_id = ${projectId})`,
      title: values.title ?? "Requirement",
      status,
      clientSharedAt: status === "draft" || status === "in_analysis" ? null : new Date(),
      moscow: values.moscow ?? null,
      rank: values.rank ?? 1,
      priorityInputs: values.priorityInputs ?? {},
      createdById: w.pm.id,
    })
    .returning();
  if (!row) throw new Error("insert failed");
  return row;
}

const current = async (id: string) => (await t.db.select().from(requirements).where(eq(requirements.id, id)))[0] as typeof requirements.$inferSelect;
const versionRows = (id: string) => t.db.select().from(requirementVersions).where(eq(requirementVersions.requirementId, id)).orderBy(requirementVersions.version);
const titles = (res: HttpResponse) => (res.body.items as { title: string }[]).map((r) => r.title);

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("the scoring model", () => {
  it("is none until saved; a manager chooses weighted criteria, ids are kept and assigned, history is audited", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    expect((await pm.get(modelUrl(project.id))).body).toMatchObject({ projectId: project.id, model: "none", criteria: [], version: 0, updatedAt: null });
    const saved = await pm.put(modelUrl(project.id), { version: 0, model: "weighted", criteria: [{ name: "Business value", weight: 3 }, { id: "risk", name: "Risk", weight: 1 }] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ model: "weighted", version: 1, updatedById: w.pm.id });
    const [value, risk] = saved.body.criteria;
    expect(value).toMatchObject({ name: "Business value", weight: 3 });
    expect(value.id).toMatch(/^c-[0-9a-f]{8}$/);
    expect(risk).toEqual({ id: "risk", name: "Risk", weight: 1 });
    // Switching to RICE keeps the criteria for later.
    const rice = await pm.put(modelUrl(project.id), { version: 1, model: "rice" });
    expect(rice.body).toMatchObject({ model: "rice", version: 2, criteria: saved.body.criteria });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, project.id), eq(auditLog.action, "scoring_model.update")));
    expect(audit).toHaveLength(2);
  });

  it("refuses a stale version with the current model, and a second first save", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    expect((await pm.put(modelUrl(project.id), { version: 0, model: "wsjf" })).status).toBe(200);
    const again = await pm.put(modelUrl(project.id), { version: 0, model: "rice" });
    expect(again.status).toBe(409);
    expect(again.body.error.details.current).toMatchObject({ model: "wsjf", version: 1 });
    const stale = await (await as(w.admin)).put(modelUrl(project.id), { version: 7, model: "rice" });
    expect(stale.status).toBe(409);
  });

  it("validates the criteria, in the caller's language", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const duplicate = await pm.put(modelUrl(project.id), { version: 0, model: "weighted", criteria: [{ id: "a", name: "Value", weight: 1 }, { id: "a", name: "value", weight: 0 }] }, { "accept-language": "en" });
    expect(duplicate.status).toBe(400);
    expect(fields(duplicate)).toEqual({
      "body.criteria.1.id": "Another criterion has this id.",
      "body.criteria.1.name": "Another criterion has this name.",
      "body.criteria.1.weight": "Must be greater than 0.",
    });
    const none = await pm.put(modelUrl(project.id), { version: 0, model: "weighted", criteria: [] }, { "accept-language": "zh-CN" });
    expect(fields(none)).toEqual({ "body.criteria": "加权模型至少需要一条标准。" });
    const many = await pm.put(modelUrl(project.id), { version: 0, model: "weighted", criteria: Array.from({ length: 13 }, (_, i) => ({ name: `C${i}`, weight: 1 })) }, { "accept-language": "en" });
    expect(fields(many)).toEqual({ "body.criteria": "Too long (at most 12)." });
    const blank = await pm.put(modelUrl(project.id), { version: 0, model: "weighted", criteria: [{ name: " ", weight: 1 }], extra: 1 }, { "accept-language": "en" });
    expect(fields(blank)).toMatchObject({ "body.criteria.0.name": "Too short (at least 1)." });
    expect(fields(await pm.put(modelUrl(project.id), { version: 0, model: "moscow" }))["body.model"]).toBeDefined();
    expect((await pm.get(modelUrl(project.id))).body.version).toBe(0);
  });

  it("is chosen by managers and admins; members and viewers read it; contacts do not; strangers get 404", async () => {
    const project = await freshProject();
    const body = { version: 0, model: "rice" };
    expect((await (await as(w.dev)).put(modelUrl(project.id), body)).status).toBe(403);
    expect((await (await as(w.viewer)).put(modelUrl(project.id), body)).status).toBe(403);
    expect((await (await as(w.contactA)).put(modelUrl(project.id), body)).status).toBe(403);
    expect((await (await as(w.viewer)).get(modelUrl(project.id))).status).toBe(200);
    expect((await (await as(w.contactA)).get(modelUrl(project.id))).status).toBe(403);
    expect((await (await as(w.outsider)).get(modelUrl(project.id))).status).toBe(404);
    expect((await (await as(w.contactB)).put(modelUrl(project.id), body)).status).toBe(404);
    expect((await t.anonymous().get(modelUrl(project.id))).status).toBe(401);
  });
});

describe("scoring inputs", () => {
  it("sets and clears inputs with a version of their own, and never sends an approved requirement back", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    await pm.put(modelUrl(project.id), { version: 0, model: "rice" });
    const r = await requirement(project.id, { status: "approved", moscow: "must" });
    const set = await (await as(w.dev)).patch(inputsUrl(r.id), { version: 1, rice: { reach: 500, impact: 2, confidence: 80, effort: 2 } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ version: 2, status: "approved", score: 400, scoreMissing: [], priorityInputs: { rice: { reach: 500, impact: 2, confidence: 80, effort: 2 } } });
    const cleared = await pm.patch(inputsUrl(r.id), { version: 2, rice: { effort: null } });
    expect(cleared.body).toMatchObject({ version: 3, score: null, scoreMissing: ["effort"], priorityInputs: { rice: { reach: 500, impact: 2, confidence: 80 } } });
    // The same inputs again change nothing.
    expect((await pm.patch(inputsUrl(r.id), { version: 3, rice: { reach: 500 } })).body.version).toBe(3);
    const versions = await versionRows(r.id);
    expect(versions.map((v) => v.version)).toEqual([2, 3]);
    expect(versions[0]?.snapshot.priorityInputs).toEqual({ rice: { reach: 500, impact: 2, confidence: 80, effort: 2 } });
    const history = await pm.get(`/api/v1/requirements/${r.id}/versions`);
    expect(history.body.items[0].changes.map((c: { field: string }) => c.field)).toEqual(["priorityInputs"]);
    expect((await current(r.id)).status).toBe("approved");
    // A contact sees that it changed, not the team's estimates.
    const asContact = await (await as(w.contactA)).get(`/api/v1/requirements/${r.id}/versions`);
    expect(JSON.stringify(asContact.body)).not.toContain("reach");
    // The oldest shows every field; the next changed only the inputs, so it is left out.
    expect(asContact.body.items.map((v: { version: number }) => v.version)).toEqual([2]);
    expect((await (await as(w.contactA)).get(`/api/v1/requirements/${r.id}`)).body.priorityInputs).toEqual({});
  });

  it("validates ranges and criterion ids; refuses a stale version", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const model = await pm.put(modelUrl(project.id), { version: 0, model: "weighted", criteria: [{ id: "value", name: "Value", weight: 2 }] });
    expect(model.status).toBe(200);
    const r = await requirement(project.id);
    const bad = await pm.patch(inputsUrl(r.id), { version: 1, rice: { impact: 5, confidence: -1 }, wsjf: { jobSize: 0 }, weighted: { value: 11 } }, { "accept-language": "en" });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual({
      "body.rice.impact": "Must be at most 3.",
      "body.rice.confidence": "Must be at least 0.",
      "body.wsjf.jobSize": "Must be at least 1.",
      "body.weighted.value": "Must be at most 10.",
    });
    const unknown = await pm.patch(inputsUrl(r.id), { version: 1, weighted: { nope: 3 } }, { "accept-language": "zh-CN" });
    expect(fields(unknown)).toEqual({ "body.weighted.nope": "本项目的加权模型没有这条标准。" });
    expect((await pm.patch(inputsUrl(r.id), { version: 1, moscow: "must" })).status).toBe(400);
    const ok = await pm.patch(inputsUrl(r.id), { version: 1, weighted: { value: 7 } });
    expect(ok.body).toMatchObject({ score: 7, version: 2 });
    const stale = await pm.patch(inputsUrl(r.id), { version: 1, weighted: { value: 3 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: r.id, version: 2 });
  });

  it("is the team's: viewers and contacts may not, and a contact cannot find a draft", async () => {
    const project = await freshProject();
    const shared = await requirement(project.id);
    const draft = await requirement(project.id, { status: "draft" });
    const body = { version: 1, rice: { reach: 1 } };
    expect((await (await as(w.viewer)).patch(inputsUrl(shared.id), body)).status).toBe(403);
    expect((await (await as(w.contactA)).patch(inputsUrl(shared.id), body)).status).toBe(403);
    expect((await (await as(w.contactA)).patch(inputsUrl(draft.id), body)).status).toBe(404);
    expect((await (await as(w.contactB)).patch(inputsUrl(shared.id), body)).status).toBe(404);
    expect((await current(shared.id)).version).toBe(1);
  });
});

describe("the ranked view", () => {
  it("orders by tier then rank, with each score and what is missing", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    await pm.put(modelUrl(project.id), { version: 0, model: "wsjf" });
    const wsjf = (businessValue: number, jobSize: number) => ({ wsjf: { businessValue, timeCriticality: 1, riskReduction: 1, jobSize } });
    await requirement(project.id, { title: "could", moscow: "could", rank: 1, priorityInputs: wsjf(8, 2) });
    await requirement(project.id, { title: "must 2", moscow: "must", rank: 2, priorityInputs: { wsjf: { jobSize: 3 } } });
    await requirement(project.id, { title: "unset", moscow: null, rank: 1 });
    await requirement(project.id, { title: "must 1", moscow: "must", rank: 1, priorityInputs: wsjf(3, 1) });
    await requirement(project.id, { title: "draft", moscow: "should", rank: 1, status: "draft" });
    const ranked = await (await as(w.viewer)).get(rankedUrl(project.id));
    expect(ranked.status).toBe(200);
    expect(ranked.body).toMatchObject({ model: "wsjf", modelVersion: 1, truncated: false });
    expect(titles(ranked)).toEqual(["must 1", "must 2", "draft", "could", "unset"]);
    expect(ranked.body.items.map((i: { score: number | null }) => i.score)).toEqual([5, null, null, 5, null]);
    expect(ranked.body.items[1].scoreMissing).toEqual(["businessValue", "timeCriticality", "riskReduction"]);
    expect(titles(await pm.get(rankedUrl(project.id, "status=draft")))).toEqual(["draft"]);
    expect((await pm.get(rankedUrl(project.id, "status=nope"))).status).toBe(400);
  });

  it("shows a contact only what is in front of the client, with scores but not the team's inputs or criteria", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    await pm.put(modelUrl(project.id), { version: 0, model: "weighted", criteria: [{ id: "v", name: "Upsell potential", weight: 1 }] });
    await requirement(project.id, { title: "shared", moscow: "must", priorityInputs: { weighted: { v: 6 } } });
    await requirement(project.id, { title: "internal draft", moscow: "must", status: "draft" });
    const asContact = await (await as(w.contactA)).get(rankedUrl(project.id));
    expect(asContact.status).toBe(200);
    expect(titles(asContact)).toEqual(["shared"]);
    expect(asContact.body).toMatchObject({ model: "weighted", criteria: [], modelVersion: 0 });
    expect(asContact.body.items[0]).toMatchObject({ score: 6, scoreMissing: [], priorityInputs: {} });
    expect(JSON.stringify(asContact.body)).not.toContain("Upsell");
    expect((await (await as(w.contactB)).get(rankedUrl(project.id))).status).toBe(404);
    expect((await (await as(w.outsider)).get(rankedUrl(project.id))).status).toBe(404);
  });
});

describe("moving a requirement (drag and drop)", () => {
  it("puts it between its neighbours, or into another tier (setting its MoSCoW) without reopening it", async () => {
    const project = await freshProject();
    const a = await requirement(project.id, { title: "a", moscow: "must", rank: 1 });
    const b = await requirement(project.id, { title: "b", moscow: "must", rank: 2 });
    const c = await requirement(project.id, { title: "c", moscow: "must", rank: 3, status: "approved" });
    const s = await requirement(project.id, { title: "s", moscow: "should", rank: 1 });
    const dev = await as(w.dev);
    const up = await dev.post(moveUrl(c.id), { version: 1, moscow: "must", previousId: a.id, nextId: b.id });
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body).toMatchObject({ renumbered: 0, requirement: { id: c.id, rank: 1.5, moscow: "must", version: 2, status: "approved" } });
    const down = await dev.post(moveUrl(a.id), { version: 1, moscow: "should", previousId: s.id });
    expect(down.body.requirement).toMatchObject({ moscow: "should", rank: 2, version: 2 });
    const toTop = await dev.post(moveUrl(b.id), { version: 1, moscow: "must", nextId: c.id });
    expect(toTop.body.requirement.rank).toBe(0.5);
    const unset = await dev.post(moveUrl(s.id), { version: 1, moscow: null });
    expect(unset.body.requirement).toMatchObject({ moscow: null, rank: 1 });
    expect(titles(await dev.get(rankedUrl(project.id)))).toEqual(["b", "c", "a", "s"]);
    const history = await versionRows(a.id);
    expect(history.map((v) => [v.version, v.snapshot.moscow, v.snapshot.rank])).toEqual([[2, "should", 2]]);
    expect((await current(c.id)).status).toBe("approved");
  });

  it("renumbers the tier when the neighbours are tied, all in one go", async () => {
    const project = await freshProject();
    const a = await requirement(project.id, { title: "a", moscow: "could", rank: 0 });
    const b = await requirement(project.id, { title: "b", moscow: "could", rank: 0 });
    const x = await requirement(project.id, { title: "x", moscow: "could", rank: 5 });
    const [first, second] = [a, b].sort((p, q) => (p.id < q.id ? -1 : 1)) as [typeof a, typeof b];
    const moved = await (await as(w.pm)).post(moveUrl(x.id), { version: 1, moscow: "could", previousId: first.id, nextId: second.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ renumbered: 2, requirement: { rank: 2 } });
    expect((await current(first.id)).rank).toBe(1);
    expect((await current(second.id)).rank).toBe(3);
    expect((await versionRows(second.id)).map((v) => v.snapshot.rank)).toEqual([3]);
    expect(titles(await (await as(w.pm)).get(rankedUrl(project.id)))).toEqual([first.title, "x", second.title]);
  });

  it("refuses neighbours of another tier (400), a changed order and a stale version (409), writing nothing", async () => {
    const project = await freshProject();
    const a = await requirement(project.id, { title: "a", moscow: "must", rank: 1 });
    const b = await requirement(project.id, { title: "b", moscow: "must", rank: 2 });
    const s = await requirement(project.id, { title: "s", moscow: "should", rank: 1 });
    const pm = await as(w.pm);
    const wrongTier = await pm.post(moveUrl(s.id), { version: 1, moscow: "could", previousId: a.id }, { "accept-language": "en" });
    expect(wrongTier.status).toBe(400);
    expect(fields(wrongTier)).toEqual({ "body.previousId": "Not a requirement of that tier in this project." });
    const self = await pm.post(moveUrl(s.id), { version: 1, moscow: "should", previousId: s.id });
    expect(self.status).toBe(400);
    const reversed = await pm.post(moveUrl(s.id), { version: 1, moscow: "must", previousId: b.id, nextId: a.id }, { "accept-language": "en" });
    expect(reversed.status).toBe(409);
    expect(reversed.body.error.message).toMatch(/^The order changed while you were moving REQ-3/);
    const stale = await pm.post(moveUrl(s.id), { version: 4, moscow: "must", previousId: a.id, nextId: b.id });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect(stale.body.error.details.current).toMatchObject({ id: s.id, version: 1 });
    const other = await requirement(w.projectB.id, { moscow: "must" });
    expect((await pm.post(moveUrl(s.id), { version: 1, moscow: "must", nextId: other.id })).status).toBe(400);
    expect(await current(s.id)).toMatchObject({ version: 1, moscow: "should", rank: 1 });
  });

  it("is the team's: viewers and contacts may not move, and contacts cannot change MoSCoW or rank any other way", async () => {
    const project = await freshProject();
    const r = await requirement(project.id, { moscow: "could" });
    const body = { version: 1, moscow: "must" };
    expect((await (await as(w.viewer)).post(moveUrl(r.id), body)).status).toBe(403);
    const contact = await as(w.contactA);
    expect((await contact.post(moveUrl(r.id), body)).status).toBe(403);
    expect((await contact.patch(`/api/v1/requirements/${r.id}`, { version: 1, moscow: "must", rank: 0 })).status).toBe(403);
    expect((await contact.post(rankByScoreUrl(project.id), { modelVersion: 0 })).status).toBe(403);
    expect((await (await as(w.contactB)).post(moveUrl(r.id), body)).status).toBe(404);
    expect(await current(r.id)).toMatchObject({ version: 1, moscow: "could" });
  });
});

describe("rank by score", () => {
  it("orders every tier by score, highest first, unscored last; one version per change and one project audit row", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    await pm.put(modelUrl(project.id), { version: 0, model: "rice" });
    const rice = (reach: number) => ({ rice: { reach, impact: 1, confidence: 100, effort: 1 } });
    await requirement(project.id, { title: "low", moscow: "must", rank: 1, priorityInputs: rice(10) });
    await requirement(project.id, { title: "unscored", moscow: "must", rank: 2 });
    await requirement(project.id, { title: "high", moscow: "must", rank: 3, priorityInputs: rice(90) });
    await requirement(project.id, { title: "only should", moscow: "should", rank: 1, priorityInputs: rice(1) });
    const stale = await pm.post(rankByScoreUrl(project.id), { modelVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ model: "rice", version: 1 });
    const done = await pm.post(rankByScoreUrl(project.id), { modelVersion: 1 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual({ changed: 3 });
    expect(titles(await pm.get(rankedUrl(project.id)))).toEqual(["high", "low", "unscored", "only should"]);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, project.id), eq(auditLog.action, "requirements.rank_by_score")));
    expect(audit).toHaveLength(1);
    expect((audit[0]?.after as { changes: unknown[] }).changes).toHaveLength(3);
    expect((await pm.post(rankByScoreUrl(project.id), { modelVersion: 1 })).body).toEqual({ changed: 0 });
  });

  it("needs a model, and is for managers and admins", async () => {
    const project = await freshProject();
    const none = await (await as(w.pm)).post(rankByScoreUrl(project.id), { modelVersion: 0 }, { "accept-language": "en" });
    expect(none.status).toBe(409);
    expect(none.body.error.message).toMatch(/^Choose a scoring model/);
    expect((await (await as(w.dev)).post(rankByScoreUrl(project.id), { modelVersion: 0 })).status).toBe(403);
    expect((await (await as(w.viewer)).post(rankByScoreUrl(project.id), { modelVersion: 0 })).status).toBe(403);
    expect((await (await as(w.pm)).post(rankByScoreUrl(project.id), { modelVersion: -1 })).status).toBe(400);
  });
});

describe("the client's own priority", () => {
  it("is set by a contact on a requirement they see, as a version, beside the team's priority", async () => {
    const project = await freshProject();
    const r = await requirement(project.id, { moscow: "could", rank: 4, status: "approved" });
    const contact = await as(w.contactA);
    const set = await contact.put(clientPriorityUrl(r.id), { version: 1, clientPriority: 1 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ clientPriority: 1, moscow: "could", rank: 4, version: 2, status: "approved", priorityInputs: {} });
    const [version] = await versionRows(r.id);
    expect(version).toMatchObject({ version: 2, changedById: w.contactA.id });
    const cleared = await contact.put(clientPriorityUrl(r.id), { version: 2, clientPriority: null });
    expect(cleared.body).toMatchObject({ clientPriority: null, version: 3 });
    // The team may record it for them.
    expect((await (await as(w.dev)).put(clientPriorityUrl(r.id), { version: 3, clientPriority: 2 })).body.clientPriority).toBe(2);
    expect((await current(r.id)).status).toBe("approved");
  });

  it("validates, refuses stale versions, and keeps to what the contact may see", async () => {
    const project = await freshProject();
    const r = await requirement(project.id);
    const draft = await requirement(project.id, { status: "draft" });
    const contact = await as(w.contactA);
    const bad = await contact.put(clientPriorityUrl(r.id), { version: 1, clientPriority: 6 }, { "accept-language": "en" });
    expect(fields(bad)).toEqual({ "body.clientPriority": "Must be at most 5." });
    expect((await contact.put(clientPriorityUrl(r.id), { version: 1, clientPriority: 2, moscow: "must" })).status).toBe(400);
    const stale = await contact.put(clientPriorityUrl(r.id), { version: 9, clientPriority: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.statusReason).toBeNull();
    expect((await contact.put(clientPriorityUrl(draft.id), { version: 1, clientPriority: 2 })).status).toBe(404);
    expect((await (await as(w.contactB)).put(clientPriorityUrl(r.id), { version: 1, clientPriority: 2 })).status).toBe(404);
    expect((await (await as(w.viewer)).put(clientPriorityUrl(r.id), { version: 1, clientPriority: 2 })).status).toBe(403);
    expect((await t.anonymous().put(clientPriorityUrl(r.id), { version: 1, clientPriority: 2 })).status).toBe(401);
    expect(await current(r.id)).toMatchObject({ version: 1, clientPriority: null });
  });
});
