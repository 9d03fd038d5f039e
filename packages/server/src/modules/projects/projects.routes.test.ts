import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);

const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));
const ids = (res: HttpResponse) => (res.body.items as { id: string }[]).map((p) => p.id);
let codeSeq = 0;
const newCode = (prefix = "T") => `${prefix}-${Date.now().toString(36).toUpperCase().slice(-5)}${++codeSeq}`;
const projectBody = (overrides: Record<string, unknown> = {}) => ({ code: newCode(), name: "ERP 实施", clientId: w.clientA.id, ...overrides });

async function pageAll(client: TestClient, query: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res: HttpResponse = await client.get(`/api/v1/projects?${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status).toBe(200);
    seen.push(...ids(res));
    cursor = res.body.nextCursor;
  } while (cursor);
  return seen;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("GET /api/v1/projects", () => {
  it("shows each person exactly the projects they may read", async () => {
    // A second project of client A that contact A was not added to.
    const hidden = await t.factories.project(w.workspace.id, w.clientA.id);
    const expected: [TestUser, string[]][] = [
      [w.owner, [w.projectA.id, w.projectB.id, hidden.id]],
      [w.admin, [w.projectA.id, w.projectB.id, hidden.id]],
      [w.pm, [w.projectA.id, w.projectB.id]],
      [w.dev, [w.projectA.id]],
      [w.viewer, [w.projectA.id]],
      [w.outsider, []],
      [w.contactA, [w.projectA.id]],
      [w.contactB, [w.projectB.id]],
    ];
    for (const [user, visible] of expected) {
      // One row per page: visibility is part of the query, so paging neither leaks nor skips.
      expect((await pageAll(await as(user), "limit=1")).sort(), user.email).toEqual([...visible].sort());
    }
  });

  it("gives each row's health score to its managers and the admins only", async () => {
    const healthOf = async (user: TestUser) => {
      const res = await (await as(user)).get("/api/v1/projects?limit=100");
      expect(res.status).toBe(200);
      return (res.body.items as { id: string; health: unknown }[]).find((p) => p.id === w.projectA.id)?.health;
    };
    // No snapshot, defect, risk or rating yet: quality and risk are measured and clean.
    expect(await healthOf(w.pm)).toEqual({ score: 100, band: "healthy" });
    expect(await healthOf(w.admin)).toEqual({ score: 100, band: "healthy" });
    for (const user of [w.dev, w.viewer, w.contactA]) expect(await healthOf(user), user.email).toBeNull();
  });

  it("filters by client, stage and text, and presents names, counts and the caller's role", async () => {
    const pm = await as(w.pm);
    expect(ids(await pm.get(`/api/v1/projects?clientId=${w.clientB.id}`))).toEqual([w.projectB.id]);
    expect(ids(await pm.get("/api/v1/projects?stage=closed"))).toEqual([]);
    expect(ids(await pm.get(`/api/v1/projects?q=${w.projectA.code.slice(0, -1).toLowerCase()}`))).toContain(w.projectA.id);
    const [a] = (await pm.get(`/api/v1/projects?q=${encodeURIComponent(w.projectA.name)}`)).body.items;
    expect(a).toMatchObject({ id: w.projectA.id, clientName: w.clientA.name, managerId: w.pm.id, memberCount: 4, myRole: "manager", stage: "requirements" });
    // A contact filtering on another client's projects gets nothing of theirs.
    const other = await (await as(w.contactA)).get(`/api/v1/projects?clientId=${w.clientB.id}`);
    expect(other.body.items).toEqual([]);
  });

  it("pages in every sort order without repeats, projects without dates last", async () => {
    const admin = await as(w.admin);
    const made: string[] = [];
    const dates = ["2025-03-01", null, "2025-01-15", null, "2025-01-15", "2024-12-31"];
    for (const [i, startDate] of dates.entries()) {
      const res = await admin.post("/api/v1/projects", projectBody({ code: newCode("SORT"), name: `Sorted ${i}`, startDate }));
      expect(res.status).toBe(201);
      made.push(res.body.id);
    }
    for (const sort of ["code", "-code", "name", "-name", "startDate", "-startDate", "updatedAt", "-updatedAt"]) {
      const whole = ids(await admin.get(`/api/v1/projects?q=sorted&limit=200&sort=${sort}`));
      expect(whole.sort()).toEqual([...made].sort());
      const ordered = ids(await admin.get(`/api/v1/projects?q=sorted&limit=200&sort=${sort}`));
      expect(await pageAll(admin, `q=sorted&limit=2&sort=${sort}`), sort).toEqual(ordered);
    }
    const byStart = (await admin.get("/api/v1/projects?q=sorted&sort=startDate")).body.items.map((p: { startDate: string | null }) => p.startDate);
    expect(byStart).toEqual(["2024-12-31", "2025-01-15", "2025-01-15", "2025-03-01", null, null]);
  });

  it("answers bad filters with 400 in the caller's language, and anonymous callers with 401", async () => {
    const pm = await as(w.pm);
    const zh = await pm.get("/api/v1/projects?stage=done&limit=0", { "accept-language": "zh-CN" });
    expect(zh.status).toBe(400);
    expect(fields(zh)).toMatchObject({ "querystring.limit": "不能小于 1。" });
    expect(fields(zh)["querystring.stage"]).toMatch(/^必须是以下之一：requirements/);
    const en = await pm.get("/api/v1/projects?clientId=acme", { "accept-language": "en" });
    expect(fields(en)).toEqual({ "querystring.clientId": "Not a valid id." });
    expect((await t.anonymous().get("/api/v1/projects")).status).toBe(401);
  });
});

describe("POST /api/v1/projects", () => {
  it("makes the creating staff member its manager, and audits the project and the membership", async () => {
    const dev = await as(w.dev);
    const res = await dev.post("/api/v1/projects", projectBody({ description: "第一期", startDate: "2025-01-01", endDate: "2025-06-30" }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ managerId: w.dev.id, myRole: "manager", memberCount: 1, clientName: w.clientA.name, version: 1, stage: "requirements" });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.projectId, res.body.id)).orderBy(auditLog.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["create", w.dev.id],
      ["member.add", w.dev.id],
    ]);
  });

  it("lets an admin name another manager without joining; staff who name one manage it together", async () => {
    const admin = await as(w.admin);
    const named = await admin.post("/api/v1/projects", projectBody({ managerId: w.viewer.id }));
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ managerId: w.viewer.id, managerName: w.viewer.email, memberCount: 1, myRole: null });
    const own = await admin.post("/api/v1/projects", projectBody());
    expect(own.body).toMatchObject({ managerId: w.admin.id, myRole: "manager" });
    const shared = await (await as(w.dev)).post("/api/v1/projects", projectBody({ managerId: w.viewer.id }));
    expect(shared.body).toMatchObject({ managerId: w.viewer.id, myRole: "manager", memberCount: 2 });
  });

  it("requires the manager to be delivery staff and the client to exist, in the caller's language", async () => {
    const admin = await as(w.admin);
    const contact = await admin.post("/api/v1/projects", projectBody({ managerId: w.contactA.id }), { "accept-language": "zh-CN" });
    expect(contact.status).toBe(400);
    expect(fields(contact)).toEqual({ "body.managerId": "项目经理必须是交付团队成员。" });
    const noClient = await admin.post("/api/v1/projects", projectBody({ clientId: "00000000-0000-4000-8000-000000000000" }), { "accept-language": "en" });
    expect(fields(noClient)).toEqual({ "body.clientId": "Client not found." });
  });

  it("answers invalid input with field-level messages in both languages, writing nothing", async () => {
    const pm = await as(w.pm);
    const before = (await pm.get("/api/v1/projects?limit=200")).body.items.length;
    const bad = { code: "acme im", name: "", clientId: w.clientA.id, startDate: "2025-05-01", endDate: "2025-04-01" };
    const en = await pm.post("/api/v1/projects", bad, { "accept-language": "en" });
    expect(en.status).toBe(400);
    expect(fields(en)).toMatchObject({
      "body.code": "Use capital letters, digits and hyphens, starting with a letter (e.g. ACME-IM).",
      "body.name": "Too short (at least 1).",
    });
    const zh = await pm.post("/api/v1/projects", { ...bad, code: "OK-1", name: "x" }, { "accept-language": "zh-CN" });
    expect(fields(zh)).toEqual({ "body.endDate": "结束日期早于开始日期。" });
    expect((await pm.get("/api/v1/projects?limit=200")).body.items.length).toBe(before);
  });

  it("refuses a code already used in the workspace with 409", async () => {
    const res = await (await as(w.pm)).post("/api/v1/projects", projectBody({ code: w.projectA.code }), { "accept-language": "zh-CN" });
    expect(res.status).toBe(409);
    expect(fields(res)).toEqual({ "body.code": "已存在相同编号的项目。" });
  });

  it("is for delivery staff only", async () => {
    expect((await (await as(w.contactA)).post("/api/v1/projects", projectBody())).status).toBe(403);
    expect((await t.anonymous().post("/api/v1/projects", projectBody())).status).toBe(401);
  });
});

describe("GET /api/v1/projects/:id", () => {
  it("shows a member and a contact on the project its details", async () => {
    const res = await (await as(w.contactA)).get(`/api/v1/projects/${w.projectA.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: w.projectA.id, clientName: w.clientA.name, managerName: w.pm.email, memberCount: 4, myRole: "client" });
    expect((await (await as(w.owner)).get(`/api/v1/projects/${w.projectA.id}`)).body.myRole).toBeNull();
  });

  it("hides a project from people who may not read it (404, nothing of it in the answer)", async () => {
    for (const user of [w.outsider, w.contactA, w.dev]) {
      const res = await (await as(user)).get(`/api/v1/projects/${w.projectB.id}`, { "accept-language": "en" });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe("Project not found.");
      expect(JSON.stringify(res.body)).not.toContain(w.projectB.code);
    }
    expect((await t.anonymous().get(`/api/v1/projects/${w.projectA.id}`)).status).toBe(401);
  });

  it("answers a malformed id with 400 in the caller's language", async () => {
    const res = await (await as(w.pm)).get("/api/v1/projects/xyz", { "accept-language": "zh-CN" });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual({ "params.id": "ID 无效。" });
  });
});

describe("PATCH /api/v1/projects/:id", () => {
  async function freshProject() {
    return (await (await as(w.pm)).post("/api/v1/projects", projectBody())).body as { id: string; code: string; version: number };
  }

  it("lets the manager move the stage, audited with before and after", async () => {
    const p = await freshProject();
    const res = await (await as(w.pm)).patch(`/api/v1/projects/${p.id}`, { version: 1, stage: "execution", description: "已签约" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stage: "execution", description: "已签约", version: 2 });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, "update")));
    expect(audit?.before).toMatchObject({ stage: "requirements" });
    expect(audit?.after).toMatchObject({ stage: "execution" });
    expect(audit?.projectId).toBe(p.id);
  });

  it("makes a newly named manager a manager member", async () => {
    const p = await freshProject();
    const pm = await as(w.pm);
    await pm.post(`/api/v1/projects/${p.id}/members`, { userId: w.dev.id, role: "viewer" });
    const res = await pm.patch(`/api/v1/projects/${p.id}`, { version: 1, managerId: w.dev.id });
    expect(res.body).toMatchObject({ managerId: w.dev.id, managerName: w.dev.email });
    const members = (await pm.get(`/api/v1/projects/${p.id}/members`)).body.items;
    expect(members.find((m: { userId: string }) => m.userId === w.dev.id)?.role).toBe("manager");
    const bad = await pm.patch(`/api/v1/projects/${p.id}`, { version: 2, managerId: w.contactA.id }, { "accept-language": "en" });
    expect(fields(bad)).toEqual({ "body.managerId": "The manager must be a member of the delivery team." });
  });

  it("lets only managers and admins edit: members get 403, outsiders 404, anonymous 401", async () => {
    expect((await (await as(w.dev)).patch(`/api/v1/projects/${w.projectA.id}`, { version: 1, name: "x" })).status).toBe(403);
    expect((await (await as(w.contactA)).patch(`/api/v1/projects/${w.projectA.id}`, { version: 1, name: "x" })).status).toBe(403);
    expect((await (await as(w.outsider)).patch(`/api/v1/projects/${w.projectA.id}`, { version: 1, name: "x" })).status).toBe(404);
    expect((await t.anonymous().patch(`/api/v1/projects/${w.projectA.id}`, { version: 1, name: "x" })).status).toBe(401);
    expect((await (await as(w.pm)).get(`/api/v1/projects/${w.projectA.id}`)).body.name).toBe(w.projectA.name);
  });

  it("answers invalid input with field-level messages in both languages", async () => {
    const p = await freshProject();
    const pm = await as(w.pm);
    const en = await pm.patch(`/api/v1/projects/${p.id}`, { version: 1, code: "X", stage: "done" }, { "accept-language": "en" });
    expect(en.status).toBe(400);
    expect(fields(en)["body.code"]).toBe("Too short (at least 2).");
    expect(fields(en)["body.stage"]).toMatch(/^Must be one of: requirements/);
    await pm.patch(`/api/v1/projects/${p.id}`, { version: 1, startDate: "2025-03-01" });
    // Only the end is sent: it is checked against the stored start.
    const zh = await pm.patch(`/api/v1/projects/${p.id}`, { version: 2, endDate: "2025-02-01" }, { "accept-language": "zh-CN" });
    expect(zh.status).toBe(400);
    expect(fields(zh)).toEqual({ "body.endDate": "结束日期早于开始日期。" });
    const taken = await pm.patch(`/api/v1/projects/${p.id}`, { version: 2, code: w.projectB.code });
    expect(taken.status).toBe(409);
    expect(Object.keys(fields(taken))).toEqual(["body.code"]);
  });

  it("refuses a stale version with 409, returns the current project, and overwrites nothing", async () => {
    const p = await freshProject();
    const pm = await as(w.pm);
    expect((await pm.patch(`/api/v1/projects/${p.id}`, { version: 1, name: "Phase 2" })).status).toBe(200);
    const stale = await pm.patch(`/api/v1/projects/${p.id}`, { version: 1, name: "Old tab", stage: "closed" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect(stale.body.error.details.current).toMatchObject({ id: p.id, name: "Phase 2", stage: "requirements", version: 2 });
    expect((await pm.get(`/api/v1/projects/${p.id}`)).body).toMatchObject({ name: "Phase 2", stage: "requirements", version: 2 });
  });
});
