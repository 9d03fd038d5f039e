import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, requirementVersions, requirements } from "../../db/schema";
import type { Actor } from "../../platform/policy";
import { createRequirementsService } from "./requirements.service";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);

const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));
const keys = (res: HttpResponse) => (res.body.items as { key: string }[]).map((r) => r.key);
const listUrl = (projectId: string, query = "") => `/api/v1/projects/${projectId}/requirements${query ? `?${query}` : ""}`;

async function create(client: TestClient, projectId: string, body: Record<string, unknown>) {
  const res = await client.post(listUrl(projectId), body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Moves a requirement through `path` as `client`, returning the last answer. */
async function moveThrough(client: TestClient, id: string, path: { to: string; reason?: string }[]) {
  let res: HttpResponse | undefined;
  for (const step of path) {
    const current = await client.get(`/api/v1/requirements/${id}`);
    res = await client.post(`/api/v1/requirements/${id}/transitions`, { ...step, version: current.body.version });
    expect(res.status, `${step.to}: ${JSON.stringify(res.body)}`).toBe(200);
  }
  return res?.body;
}
const TO_AWAITING = [{ to: "in_analysis" }, { to: "awaiting_client" }];
const TO_APPROVED = [...TO_AWAITING, { to: "approved" }];

const versionRows = (id: string) => t.db.select().from(requirementVersions).where(eq(requirementVersions.requirementId, id)).orderBy(requirementVersions.version);
const auditRows = (id: string) => t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "requirement"), eq(auditLog.entityId, id))).orderBy(auditLog.id);

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("POST /api/v1/projects/:id/requirements", () => {
  it("creates a draft with the next key, its first version, sources and an audit row", async () => {
    const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id });
    await t.factories.member(project.id, w.pm.id, "manager");
    await t.factories.member(project.id, w.dev.id, "member");
    const pm = await as(w.pm);
    const first = await create(pm, project.id, {
      title: "单点登录",
      description: "用户通过**企业微信**登录。",
      type: "security",
      ownerId: w.dev.id,
      tags: [" auth ", "SSO", "auth", "sso"],
      acceptanceCriteria: [{ text: "错误的密码被拒绝" }, { text: "会话 8 小时后过期" }],
      moscow: "must",
      clientPriority: 1,
      sources: [
        { kind: "contact", contactId: w.contactA.id, excerpt: "我们必须用企业微信登录" },
        { kind: "document", label: "SOW v2 §3.1" },
      ],
    });
    expect(first).toMatchObject({
      key: "REQ-1",
      number: 1,
      status: "draft",
      statusReason: null,
      type: "security",
      ownerId: w.dev.id,
      ownerName: w.dev.email,
      tags: ["auth", "SSO"],
      moscow: "must",
      clientPriority: 1,
      rank: 1,
      createdById: w.pm.id,
      version: 1,
      relations: [],
    });
    expect(first.descriptionHtml).toContain("<strong>企业微信</strong>");
    expect(first.acceptanceCriteria.map((c: { text: string }) => c.text)).toEqual(["错误的密码被拒绝", "会话 8 小时后过期"]);
    expect(first.acceptanceCriteria.every((c: { id: string }) => /^[0-9a-f-]{36}$/.test(c.id))).toBe(true);
    expect(first.sources.map((s: { kind: string; contactName: string | null; label: string }) => [s.kind, s.contactName, s.label])).toEqual([
      ["contact", w.contactA.email, ""],
      ["document", null, "SOW v2 §3.1"],
    ]);
    const second = await create(await as(w.dev), project.id, { title: "Export to Excel" });
    expect(second).toMatchObject({ key: "REQ-2", type: "functional", rank: 2, tags: [], acceptanceCriteria: [], moscow: null });
    expect((await versionRows(first.id)).map((v) => [v.version, v.action, v.changedById])).toEqual([[1, "create", w.pm.id]]);
    expect((await auditRows(first.id)).map((a) => [a.action, a.projectId])).toEqual([["create", project.id]]);
  });

  it("numbers keys per project, race-free: ten created at once are REQ-1 … REQ-10", async () => {
    const project = await t.factories.project(w.workspace.id, w.clientA.id);
    await t.factories.member(project.id, w.pm.id, "manager");
    const pm = await as(w.pm);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => pm.post(listUrl(project.id), { title: `并发 ${i}` })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(answers.map((a) => a.body.key).sort((a: string, b: string) => Number(a.slice(4)) - Number(b.slice(4)))).toEqual(
      Array.from({ length: 10 }, (_, i) => `REQ-${i + 1}`),
    );
    // Another project starts again at 1.
    expect((await create(pm, w.projectB.id, { title: "B's first" })).key).toMatch(/^REQ-\d+$/);
    const bKeys = keys(await pm.get(listUrl(w.projectB.id, "limit=200")));
    expect(bKeys[0]).toBe("REQ-1");
  });

  it("answers invalid input with field messages in zh-CN and en, writing nothing", async () => {
    const pm = await as(w.pm);
    const before = (await t.db.select().from(requirements).where(eq(requirements.projectId, w.projectA.id))).length;
    const bad = { title: "", type: "wish", clientPriority: 9, tags: ["x".repeat(41)], acceptanceCriteria: [{ text: "" }] };
    const zh = await pm.post(listUrl(w.projectA.id), bad, { "accept-language": "zh-CN" });
    expect(zh.status).toBe(400);
    expect(zh.body.error.message).toBe("部分字段无效。");
    expect(fields(zh)).toMatchObject({
      "body.title": "太短（至少 1）。",
      "body.clientPriority": "不能大于 5。",
      "body.tags.0": "太长（最多 40）。",
      "body.acceptanceCriteria.0.text": "太短（至少 1）。",
    });
    expect(fields(zh)["body.type"]).toMatch(/^必须是以下之一：functional, performance/);
    const en = await pm.post(listUrl(w.projectA.id), { description: "no title" }, { "accept-language": "en" });
    expect(fields(en)).toEqual({ "body.title": "Required." });
    const ownerContact = await pm.post(listUrl(w.projectA.id), { title: "x", ownerId: w.contactA.id }, { "accept-language": "en" });
    expect(fields(ownerContact)).toEqual({ "body.ownerId": "The owner must be on this project's delivery team." });
    const ownerOutsider = await pm.post(listUrl(w.projectA.id), { title: "x", ownerId: w.outsider.id }, { "accept-language": "zh-CN" });
    expect(fields(ownerOutsider)).toEqual({ "body.ownerId": "负责人必须是本项目交付团队的成员。" });
    const otherClient = await pm.post(listUrl(w.projectA.id), { title: "x", sources: [{ kind: "contact", contactId: w.contactB.id }] }, { "accept-language": "en" });
    expect(fields(otherClient)).toEqual({ "body.sources.0.contactId": "Not a contact of this project's client." });
    expect((await t.db.select().from(requirements).where(eq(requirements.projectId, w.projectA.id))).length).toBe(before);
  });

  it("is for the project's managers and members (and admins): viewers and contacts may not create", async () => {
    expect((await (await as(w.viewer)).post(listUrl(w.projectA.id), { title: "x" })).status).toBe(403);
    expect((await (await as(w.contactA)).post(listUrl(w.projectA.id), { title: "x" })).status).toBe(403);
    expect((await (await as(w.outsider)).post(listUrl(w.projectA.id), { title: "x" })).status).toBe(404);
    expect((await t.anonymous().post(listUrl(w.projectA.id), { title: "x" })).status).toBe(401);
    expect((await (await as(w.admin)).post(listUrl(w.projectA.id), { title: "by the admin" })).status).toBe(201);
  });
});

describe("POST /api/v1/requirements/:id/transitions", () => {
  it("follows the workflow and refuses an illegal move with a message naming from, to and what is allowed", async () => {
    const pm = await as(w.pm);
    const req = await create(pm, w.projectA.id, { title: "Audit trail" });
    const en = await pm.post(`/api/v1/requirements/${req.id}/transitions`, { to: "approved", version: 1 }, { "accept-language": "en" });
    expect(en.status).toBe(409);
    expect(en.body.error).toMatchObject({
      code: "conflict",
      message: `${req.key} cannot move from “Draft” to “Approved”. Allowed next: In analysis, Rejected, Deferred.`,
      details: { from: "draft", to: "approved", allowed: ["in_analysis", "rejected", "deferred"] },
    });
    const zh = await pm.post(`/api/v1/requirements/${req.id}/transitions`, { to: "approved", version: 1 }, { "accept-language": "zh-CN" });
    expect(zh.body.error.message).toBe(`${req.key} 不能从“草稿”变更为“已批准”。可变更为：分析中、已拒绝、已推迟。`);
    const approved = await moveThrough(pm, req.id, TO_APPROVED);
    expect(approved).toMatchObject({ status: "approved", version: 4 });
    expect((await versionRows(req.id)).map((v) => [v.action, v.snapshot.status])).toEqual([
      ["create", "draft"],
      ["transition", "in_analysis"],
      ["transition", "awaiting_client"],
      ["transition", "approved"],
    ]);
    expect((await auditRows(req.id)).map((a) => a.action)).toEqual(["create", "transition", "transition", "transition"]);
  });

  it("keeps baselined, delivered and accepted for their own features", async () => {
    const pm = await as(w.pm);
    const req = await create(pm, w.projectA.id, { title: "Backups" });
    const approved = await moveThrough(pm, req.id, TO_APPROVED);
    const res = await pm.post(`/api/v1/requirements/${req.id}/transitions`, { to: "baselined", version: approved.version }, { "accept-language": "en" });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      `${req.key} cannot be moved to “Baselined” by hand: the baseline, delivery and acceptance features set that status. Allowed next: In analysis, Awaiting client, Rejected, Deferred.`,
    );
    const same = await pm.post(`/api/v1/requirements/${req.id}/transitions`, { to: "approved", version: approved.version }, { "accept-language": "en" });
    expect(same.body.error.message).toBe(`${req.key} is already “Approved”.`);
  });

  it("requires a reason to reject or defer, and keeps it as the status reason", async () => {
    const pm = await as(w.pm);
    const req = await create(pm, w.projectA.id, { title: "Dark mode" });
    for (const to of ["rejected", "deferred"]) {
      const res = await pm.post(`/api/v1/requirements/${req.id}/transitions`, { to, reason: "  ", version: 1 }, { "accept-language": "zh-CN" });
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual({ "body.reason": "拒绝或推迟时必须填写原因。" });
    }
    const deferred = await pm.post(`/api/v1/requirements/${req.id}/transitions`, { to: "deferred", reason: "Phase 2", version: 1 });
    expect(deferred.body).toMatchObject({ status: "deferred", statusReason: "Phase 2", version: 2 });
    const back = await pm.post(`/api/v1/requirements/${req.id}/transitions`, { to: "in_analysis", version: 2 });
    expect(back.body).toMatchObject({ status: "in_analysis", statusReason: null });
  });

  it("refuses a stale version with 409 and the current requirement, writing nothing", async () => {
    const pm = await as(w.pm);
    const req = await create(pm, w.projectA.id, { title: "Stale" });
    await moveThrough(pm, req.id, [{ to: "in_analysis" }]);
    const versionsBefore = (await versionRows(req.id)).length;
    const auditBefore = (await auditRows(req.id)).length;
    const res = await pm.post(`/api/v1/requirements/${req.id}/transitions`, { to: "rejected", reason: "dup", version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.details.current).toMatchObject({ id: req.id, status: "in_analysis", version: 2 });
    expect((await versionRows(req.id)).length).toBe(versionsBefore);
    expect((await auditRows(req.id)).length).toBe(auditBefore);
  });

  it("lets viewers and contacts only read", async () => {
    const pm = await as(w.pm);
    const req = await create(pm, w.projectA.id, { title: "Read only" });
    const awaiting = await moveThrough(pm, req.id, TO_AWAITING);
    for (const user of [w.viewer, w.contactA]) {
      const res = await (await as(user)).post(`/api/v1/requirements/${req.id}/transitions`, { to: "approved", version: awaiting.version });
      expect(res.status, user.email).toBe(403);
    }
    expect((await (await as(w.outsider)).post(`/api/v1/requirements/${req.id}/transitions`, { to: "approved", version: awaiting.version })).status).toBe(404);
  });
});

describe("PATCH /api/v1/requirements/:id", () => {
  it("edits only the fields sent, one version per edit, and nothing when nothing changes", async () => {
    const pm = await as(w.pm);
    const req = await create(pm, w.projectA.id, { title: "Reports", acceptanceCriteria: [{ text: "PDF" }] });
    const criterion = req.acceptanceCriteria[0];
    const res = await pm.patch(`/api/v1/requirements/${req.id}`, {
      version: 1,
      description: "Monthly",
      acceptanceCriteria: [{ id: criterion.id, text: "PDF and XLSX" }, { text: "Emailed" }],
      moscow: "should",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: "Reports", description: "Monthly", moscow: "should", version: 2, status: "draft" });
    expect(res.body.acceptanceCriteria[0]).toEqual({ id: criterion.id, text: "PDF and XLSX" });
    const same = await pm.patch(`/api/v1/requirements/${req.id}`, { version: 2, description: "Monthly" });
    expect(same.body.version).toBe(2);
    expect((await versionRows(req.id)).map((v) => v.action)).toEqual(["create", "update"]);
    const status = await pm.patch(`/api/v1/requirements/${req.id}`, { version: 2, status: "approved" }, { "accept-language": "en" });
    expect(status.status).toBe(400);
    expect(fields(status)).toEqual({ body: "Unknown field." });
  });

  it("sends an approved requirement back to the client when its content changes, as a recorded transition", async () => {
    const pm = await as(w.pm);
    const req = await create(pm, w.projectA.id, { title: "500 concurrent users", type: "performance" });
    const approved = await moveThrough(pm, req.id, TO_APPROVED);
    const tagged = await pm.patch(`/api/v1/requirements/${req.id}`, { version: approved.version, tags: ["load"], moscow: "must", clientPriority: 2 });
    expect(tagged.body).toMatchObject({ status: "approved", version: approved.version + 1 });
    const edited = await pm.patch(`/api/v1/requirements/${req.id}`, { version: tagged.body.version, title: "5,000 concurrent users" });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: "awaiting_client", title: "5,000 concurrent users", version: tagged.body.version + 2 });
    const rows = await versionRows(req.id);
    expect(rows.slice(-2).map((v) => [v.action, v.automatic, v.snapshot.status, v.snapshot.title])).toEqual([
      ["update", false, "approved", "5,000 concurrent users"],
      ["transition", true, "awaiting_client", "5,000 concurrent users"],
    ]);
    expect((await auditRows(req.id)).slice(-2).map((a) => a.action)).toEqual(["update", "transition.automatic"]);
    const history = await pm.get(`/api/v1/requirements/${req.id}/versions?limit=2`);
    expect(history.body.items.map((v: { action: string; automatic: boolean }) => [v.action, v.automatic])).toEqual([
      ["transition", true],
      ["update", false],
    ]);
    expect(history.body.items[0].changes).toEqual([{ field: "status", before: "approved", after: "awaiting_client" }]);
  });

  it("freezes the content of a baselined requirement (change requests, to come) but not its tags", async () => {
    const pm = await as(w.pm);
    const req = await create(pm, w.projectA.id, { title: "Baselined" });
    await t.db.update(requirements).set({ status: "baselined" }).where(eq(requirements.id, req.id));
    const res = await pm.patch(`/api/v1/requirements/${req.id}`, { version: 1, title: "Changed" }, { "accept-language": "en" });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`${req.key} is “Baselined”: its title, description, type and acceptance criteria change only through a change request.`);
    expect((await pm.patch(`/api/v1/requirements/${req.id}`, { version: 1, tags: ["ok"] })).body).toMatchObject({ tags: ["ok"], status: "baselined" });
  });

  it("refuses a stale version with 409 and the current requirement, writing nothing", async () => {
    const pm = await as(w.pm);
    const dev = await as(w.dev);
    const req = await create(pm, w.projectA.id, { title: "Race" });
    expect((await dev.patch(`/api/v1/requirements/${req.id}`, { version: 1, title: "Dev's" })).status).toBe(200);
    const stale = await pm.patch(`/api/v1/requirements/${req.id}`, { version: 1, title: "PM's" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ title: "Dev's", version: 2 });
    expect((await versionRows(req.id)).length).toBe(2);
    expect((await pm.get(`/api/v1/requirements/${req.id}`)).body.title).toBe("Dev's");
  });
});

describe("GET /api/v1/requirements/:id/versions", () => {
  it("lists versions newest first, each with a field-level diff against the previous one, in pages", async () => {
    const pm = await as(w.pm);
    const req = await create(pm, w.projectA.id, { title: "Login", description: "Password\nRemember me" });
    await pm.patch(`/api/v1/requirements/${req.id}`, { version: 1, description: "SSO\nRemember me", ownerId: w.dev.id, tags: ["auth"] });
    await moveThrough(pm, req.id, [{ to: "rejected", reason: "Out of scope" }]);
    const all = await pm.get(`/api/v1/requirements/${req.id}/versions`);
    expect(all.status).toBe(200);
    const [v3, v2, v1] = all.body.items;
    expect([v3.version, v2.version, v1.version]).toEqual([3, 2, 1]);
    expect(v3).toMatchObject({ action: "transition", changedById: w.pm.id, changedByName: w.pm.email });
    expect(v3.changes).toEqual([
      { field: "status", before: "draft", after: "rejected" },
      { field: "statusReason", before: null, after: "Out of scope" },
    ]);
    expect(v2.changes.map((c: { field: string }) => c.field)).toEqual(["description", "ownerId", "tags"]);
    expect(v2.changes[0].lines).toEqual([
      { op: "removed", text: "Password" },
      { op: "added", text: "SSO" },
      { op: "same", text: "Remember me" },
    ]);
    expect(v1.changes.map((c: { field: string }) => c.field)).toEqual(["title", "description", "type", "status", "rank"]);
    expect(all.body.people).toEqual({ [w.dev.id]: w.dev.email });
    const page1 = await pm.get(`/api/v1/requirements/${req.id}/versions?limit=2`);
    expect(page1.body.items.map((v: { version: number }) => v.version)).toEqual([3, 2]);
    expect(page1.body.items[1].changes).toEqual(v2.changes);
    const page2 = await pm.get(`/api/v1/requirements/${req.id}/versions?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(page2.body.nextCursor).toBeNull();
  });
});

describe("GET /api/v1/projects/:id/requirements", () => {
  let project: { id: string };
  beforeAll(async () => {
    project = await t.factories.project(w.workspace.id, w.clientA.id);
    await t.factories.member(project.id, w.pm.id, "manager");
    const pm = await as(w.pm);
    await create(pm, project.id, { title: "Alpha login", type: "security", moscow: "must", tags: ["auth"], ownerId: w.pm.id, clientPriority: 3 });
    await create(pm, project.id, { title: "Beta export", description: "CSV and XLSX", moscow: "could", clientPriority: 1 });
    await create(pm, project.id, { title: "Gamma speed", type: "performance", moscow: "must", tags: ["perf", "auth"] });
    await create(pm, project.id, { title: "Delta archive" });
    const four = (await pm.get(listUrl(project.id, "q=REQ-4"))).body.items[0];
    await moveThrough(pm, four.id, TO_AWAITING);
    const three = (await pm.get(listUrl(project.id, "q=REQ-3"))).body.items[0];
    await pm.patch(`/api/v1/requirements/${three.id}`, { version: three.version, rank: 0.5 });
  });

  it("filters by status, type, MoSCoW, owner, tag and text (key, title, description)", async () => {
    const pm = await as(w.pm);
    const q = (query: string) => pm.get(listUrl(project.id, query)).then(keys);
    expect(await q("status=draft")).toEqual(["REQ-1", "REQ-2", "REQ-3"]);
    expect(await q("status=draft,awaiting_client&type=security,performance")).toEqual(["REQ-1", "REQ-3"]);
    expect(await q("status=awaiting_client&status=draft&type=security")).toEqual(["REQ-1"]);
    expect(await q("moscow=must")).toEqual(["REQ-1", "REQ-3"]);
    expect(await q("moscow=none,could")).toEqual(["REQ-2", "REQ-4"]);
    expect(await q(`ownerId=${w.pm.id}`)).toEqual(["REQ-1"]);
    expect(await q("tag=auth")).toEqual(["REQ-1", "REQ-3"]);
    expect(await q("q=xlsx")).toEqual(["REQ-2"]);
    expect(await q("q=req-4")).toEqual(["REQ-4"]);
    expect(await q("q=GAMMA")).toEqual(["REQ-3"]);
  });

  it("sorts by key, title, status, update, rank (MoSCoW tier, then manual order) and client priority, paging without repeats", async () => {
    const pm = await as(w.pm);
    const q = (query: string) => pm.get(listUrl(project.id, query)).then(keys);
    expect(await q("sort=title")).toEqual(["REQ-1", "REQ-2", "REQ-4", "REQ-3"]);
    expect(await q("sort=-key")).toEqual(["REQ-4", "REQ-3", "REQ-2", "REQ-1"]);
    const byStatus = (await pm.get(listUrl(project.id, "sort=-status"))).body.items.map((r: { status: string }) => r.status);
    expect(byStatus).toEqual(["awaiting_client", "draft", "draft", "draft"]);
    expect(await q("sort=rank")).toEqual(["REQ-3", "REQ-1", "REQ-2", "REQ-4"]);
    expect(await q("sort=-rank")).toEqual(["REQ-4", "REQ-2", "REQ-1", "REQ-3"]);
    const byPriority = (await pm.get(listUrl(project.id, "sort=priority"))).body.items.map((r: { key: string; clientPriority: number | null }) => r.clientPriority);
    expect(byPriority).toEqual([1, 3, null, null]);
    for (const sort of ["key", "-key", "title", "-title", "status", "-status", "updatedAt", "-updatedAt", "rank", "-rank", "priority", "-priority"]) {
      const whole = await q(`sort=${sort}`);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const res: HttpResponse = await pm.get(listUrl(project.id, `sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ""}`));
        paged.push(...keys(res));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(paged, sort).toEqual(whole);
    }
  });

  it("answers bad filters with 400 in the caller's language", async () => {
    const pm = await as(w.pm);
    const res = await pm.get(listUrl(project.id, "status=draft,done&sort=size"), { "accept-language": "en" });
    expect(res.status).toBe(400);
    expect(fields(res)["querystring.status"]).toMatch(/^Must be one of: draft, in_analysis/);
    expect(fields(res)["querystring.sort"]).toMatch(/^Must be one of: key, -key/);
  });
});

describe("client contacts", () => {
  let draft: { id: string };
  let awaiting: { id: string; key: string };
  let droppedDraft: { id: string };
  let rejectedAfterSharing: { id: string };

  beforeAll(async () => {
    const pm = await as(w.pm);
    draft = await create(pm, w.projectA.id, { title: "Internal draft" });
    awaiting = await create(pm, w.projectA.id, { title: "Shared with the client", sources: [{ kind: "document", label: "Minutes" }] });
    await moveThrough(pm, awaiting.id, [{ to: "rejected", reason: "internal note" }, { to: "draft" }, ...TO_AWAITING]);
    droppedDraft = await create(pm, w.projectA.id, { title: "Dropped draft" });
    await moveThrough(pm, droppedDraft.id, [{ to: "rejected", reason: "not worth it" }]);
    rejectedAfterSharing = await create(pm, w.projectA.id, { title: "Rejected after sharing" });
    await moveThrough(pm, rejectedAfterSharing.id, [...TO_AWAITING, { to: "rejected", reason: "too expensive, and the client's CFO is difficult" }]);
  });

  it("see only requirements in front of the client, never the status reason", async () => {
    const contact = await as(w.contactA);
    const listed = (await contact.get(listUrl(w.projectA.id, "limit=200"))).body.items as { id: string; status: string; statusReason: string | null }[];
    const ids = listed.map((r) => r.id);
    expect(ids).toContain(awaiting.id);
    expect(ids).toContain(rejectedAfterSharing.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(droppedDraft.id);
    expect(listed.every((r) => !["draft", "in_analysis"].includes(r.status))).toBe(true);
    expect(listed.every((r) => r.statusReason === null)).toBe(true);
    // Filtering on internal statuses finds nothing, even one row per page.
    expect((await contact.get(listUrl(w.projectA.id, "status=draft,in_analysis&limit=1"))).body.items).toEqual([]);
    const detail = await contact.get(`/api/v1/requirements/${rejectedAfterSharing.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ status: "rejected", statusReason: null, sources: [] });
    expect(JSON.stringify(detail.body)).not.toContain("CFO");
    expect((await contact.get(`/api/v1/requirements/${awaiting.id}`)).body.sources).toEqual([]);
    for (const hidden of [draft, droppedDraft]) {
      const res = await contact.get(`/api/v1/requirements/${hidden.id}`, { "accept-language": "en" });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe("Requirement not found.");
    }
  });

  it("see only the versions that were in front of the client, without reasons", async () => {
    const contact = await as(w.contactA);
    const res = await contact.get(`/api/v1/requirements/${awaiting.id}/versions`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((v: { snapshot: { status: string } }) => v.snapshot.status)).toEqual(["awaiting_client"]);
    expect(JSON.stringify(res.body)).not.toContain("internal note");
    const rejected = await contact.get(`/api/v1/requirements/${rejectedAfterSharing.id}/versions`);
    expect(rejected.body.items.map((v: { snapshot: { status: string } }) => v.snapshot.status)).toEqual(["rejected", "awaiting_client"]);
    expect(rejected.body.items[0].changes).toEqual([{ field: "status", before: "awaiting_client", after: "rejected" }]);
    expect(JSON.stringify(rejected.body)).not.toContain("CFO");
  });

  it("cannot write, and may comment only on what they see", async () => {
    const contact = await as(w.contactA);
    const current = (await contact.get(`/api/v1/requirements/${awaiting.id}`)).body;
    expect((await contact.patch(`/api/v1/requirements/${awaiting.id}`, { version: current.version, title: "Mine" })).status).toBe(403);
    expect((await contact.post(`/api/v1/requirements/${awaiting.id}/transitions`, { to: "approved", version: current.version })).status).toBe(403);
    expect((await contact.post(`/api/v1/requirements/${awaiting.id}/comments`, { body: "Please clarify the SSO provider" })).status).toBe(201);
    expect((await contact.post(`/api/v1/requirements/${draft.id}/comments`, { body: "peek" })).status).toBe(404);
    expect((await contact.get(`/api/v1/requirements/${awaiting.id}/audit`)).status).toBe(403);
    expect((await (await as(w.pm)).get(`/api/v1/requirements/${awaiting.id}/comments`)).body.items.map((c: { body: string }) => c.body)).toEqual([
      "Please clarify the SSO provider",
    ]);
  });

  it("of another client get 404 on everything of project A", async () => {
    const other = await as(w.contactB);
    expect((await other.get(listUrl(w.projectA.id))).status).toBe(404);
    for (const path of ["", "/versions", "/relations", "/comments", "/attachments"]) {
      expect((await other.get(`/api/v1/requirements/${awaiting.id}${path}`)).status, path).toBe(404);
    }
    expect((await other.post(`/api/v1/requirements/${awaiting.id}/transitions`, { to: "approved", version: 1 })).status).toBe(404);
  });
});

describe("PATCH /api/v1/projects/:id/requirements/bulk", () => {
  it("applies one change to many requirements, a version each, and approved ones go back to the client on a type change", async () => {
    const pm = await as(w.pm);
    const a = await create(pm, w.projectA.id, { title: "Bulk A", tags: ["old", "keep"] });
    const b = await create(pm, w.projectA.id, { title: "Bulk B", tags: ["OLD"] });
    const c = await create(pm, w.projectA.id, { title: "Bulk C" });
    const approvedC = await moveThrough(pm, c.id, TO_APPROVED);
    const res = await pm.patch(`/api/v1/projects/${w.projectA.id}/requirements/bulk`, {
      ids: [a.id, b.id, c.id],
      versions: { [a.id]: 1, [c.id]: approvedC.version },
      patch: { ownerId: w.dev.id, moscow: "should", type: "usability", addTags: ["ux"], removeTags: ["old"] },
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { key: string; ownerId: string; moscow: string; type: string; tags: string[]; status: string }) => [r.key, r.ownerId, r.moscow, r.type, r.tags, r.status])).toEqual([
      [a.key, w.dev.id, "should", "usability", ["keep", "ux"], "draft"],
      [b.key, w.dev.id, "should", "usability", ["ux"], "draft"],
      [c.key, w.dev.id, "should", "usability", ["ux"], "awaiting_client"],
    ]);
    expect((await versionRows(a.id)).map((v) => v.action)).toEqual(["create", "update"]);
    expect((await versionRows(c.id)).slice(-2).map((v) => [v.action, v.automatic])).toEqual([
      ["update", false],
      ["transition", true],
    ]);
  });

  it("is all or nothing: one unknown id, one stale version or one frozen requirement changes nothing", async () => {
    const pm = await as(w.pm);
    const a = await create(pm, w.projectA.id, { title: "Atomic A" });
    const b = await create(pm, w.projectA.id, { title: "Atomic B" });
    const inB = await create(pm, w.projectB.id, { title: "Other project" });
    const snapshot = async () => (await t.db.select().from(requirements).where(eq(requirements.projectId, w.projectA.id))).map((r) => [r.id, r.version, r.moscow]).sort();
    const before = await snapshot();
    const unknown = await pm.patch(`/api/v1/projects/${w.projectA.id}/requirements/bulk`, { ids: [a.id, inB.id, b.id], patch: { moscow: "must" } }, { "accept-language": "en" });
    expect(unknown.status).toBe(400);
    expect(fields(unknown)).toEqual({ "body.ids.1": "Requirement not found." });
    const stale = await pm.patch(`/api/v1/projects/${w.projectA.id}/requirements/bulk`, { ids: [a.id, b.id], versions: { [b.id]: 7 }, patch: { moscow: "must" } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.map((r: { id: string }) => r.id)).toEqual([b.id]);
    await t.db.update(requirements).set({ status: "baselined" }).where(eq(requirements.id, b.id));
    const frozen = await pm.patch(`/api/v1/projects/${w.projectA.id}/requirements/bulk`, { ids: [a.id, b.id], patch: { type: "security", moscow: "must" } });
    expect(frozen.status).toBe(409);
    expect(await snapshot()).toEqual(before);
    const status = await pm.patch(`/api/v1/projects/${w.projectA.id}/requirements/bulk`, { ids: [a.id], patch: { status: "approved" } }, { "accept-language": "en" });
    expect(status.status).toBe(400);
    expect(fields(status)).toEqual({ "body.patch": "Unknown field." });
    const empty = await pm.patch(`/api/v1/projects/${w.projectA.id}/requirements/bulk`, { ids: [a.id], patch: {} }, { "accept-language": "en" });
    expect(fields(empty)).toEqual({ "body.patch": "Required." });
    expect((await (await as(w.viewer)).patch(`/api/v1/projects/${w.projectA.id}/requirements/bulk`, { ids: [a.id], patch: { moscow: "must" } })).status).toBe(403);
  });
});

describe("comments, files and history on a requirement", () => {
  it("work through the generic routes, and the history holds the requirement's changes", async () => {
    const pm = await as(w.pm);
    const req = await create(pm, w.projectA.id, { title: "History" });
    await pm.patch(`/api/v1/requirements/${req.id}`, { version: 1, title: "History 2" });
    expect((await pm.post(`/api/v1/requirements/${req.id}/comments`, { body: "looks good" })).status).toBe(201);
    const audit = await pm.get(`/api/v1/requirements/${req.id}/audit`);
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((a: { action: string; entityType: string }) => `${a.entityType}.${a.action}`)).toEqual(["comment.create", "requirement.update", "requirement.create"]);
    expect((await pm.get(`/api/v1/requirements/${req.id}/attachments`)).body.items).toEqual([]);
  });
});

describe("the list agrees with the policy", () => {
  it("lists for each person exactly the requirements they may open", async () => {
    const all = (await t.db.select({ id: requirements.id }).from(requirements).where(eq(requirements.projectId, w.projectA.id))).map((r) => r.id);
    expect(all.length).toBeGreaterThan(10);
    for (const user of [w.owner, w.pm, w.viewer, w.contactA]) {
      const client = await as(user);
      const listed: string[] = [];
      let cursor: string | null = null;
      do {
        const res: HttpResponse = await client.get(listUrl(w.projectA.id, `limit=7${cursor ? `&cursor=${cursor}` : ""}`));
        listed.push(...(res.body.items as { id: string }[]).map((r) => r.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      const openable: string[] = [];
      for (const id of all) if ((await client.get(`/api/v1/requirements/${id}`)).status === 200) openable.push(id);
      expect(listed.sort(), user.email).toEqual(openable.sort());
    }
  });
});

describe("createRequirementFromSource (for elicitation and questionnaires)", () => {
  const actorOf = (user: TestUser): Actor => ({ userId: user.id, workspaceId: w.workspace.id, role: user.role, clientId: user.clientId, name: user.email, email: user.email, locale: "en" });

  it("makes a requirement with its source inside the caller's transaction, all or nothing with the caller's writes", async () => {
    const service = createRequirementsService(t.app.deps);
    const sessionId = "0b6f9a52-6c1e-4f7a-9d1e-2f4b8a1c3d5e";
    const source = { kind: "session_passage" as const, sessionId, passageId: null, excerpt: "必须支持企业微信登录", start: 12, end: 22 };
    const made = await t.db.transaction((tx) => service.createRequirementFromSource(actorOf(w.pm), w.projectA.id, { title: "企业微信登录" }, source, { tx }));
    expect(made).toMatchObject({ title: "企业微信登录", status: "draft", type: "functional" });
    expect(made.sources).toEqual([expect.objectContaining({ kind: "session_passage", sessionId, excerpt: "必须支持企业微信登录", start: 12, end: 22 })]);
    const listed = await service.listRequirementSources(actorOf(w.pm), w.projectA.id, { sessionId });
    expect(listed.map((l) => [l.requirement.id, l.source.start])).toEqual([[made.id, 12]]);
    // The caller's transaction fails afterwards: the requirement goes with it.
    let rolledBack = "";
    await expect(
      t.db.transaction(async (tx) => {
        rolledBack = (await service.createRequirementFromSource(actorOf(w.pm), w.projectA.id, { title: "Rolled back" }, source, { tx })).id;
        throw new Error("the caller's own write failed");
      }),
    ).rejects.toThrow("the caller's own write failed");
    expect(await t.db.select().from(requirements).where(eq(requirements.id, rolledBack))).toEqual([]);
    await expect(service.createRequirementFromSource(actorOf(w.viewer), w.projectA.id, { title: "Viewer" }, source)).rejects.toMatchObject({ code: "forbidden" });
    await expect(service.createRequirementFromSource(actorOf(w.pm), w.projectA.id, { title: "" }, source)).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: [{ path: "body.title", messageKey: "field.invalid" }] },
    });
  });
});
