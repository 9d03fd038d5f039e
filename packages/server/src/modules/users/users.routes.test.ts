import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_PASSWORD, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, sessions } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
const clients = new Map<string, TestClient>();
/** One signed-in client per person (signing in costs an argon2 verification). */
async function as(user: TestUser): Promise<TestClient> {
  let c = clients.get(user.id);
  if (!c) clients.set(user.id, (c = await t.as(user)));
  return c;
}

const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));
const newEmail = (label: string) => `${label}-${Math.random().toString(36).slice(2, 8)}@Example.COM`;
const staffBody = (overrides: Record<string, unknown> = {}) => ({ email: newEmail("staff"), name: "新同事", role: "member", password: "long-enough-1", ...overrides });

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("GET /api/v1/users", () => {
  it("lets delivery staff list everyone in the workspace, filtered by role, client and text", async () => {
    const dev = await as(w.dev);
    const all = await dev.get("/api/v1/users?limit=200");
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(8);
    expect(all.body.items[0]).not.toHaveProperty("passwordHash");
    const contacts = await dev.get(`/api/v1/users?role=client&clientId=${w.clientA.id}`);
    expect(contacts.body.items.map((u: { id: string }) => u.id)).toEqual([w.contactA.id]);
    const found = await dev.get(`/api/v1/users?q=${encodeURIComponent(w.viewer.email.slice(0, 12).toUpperCase())}`);
    expect(found.body.items.map((u: { id: string }) => u.id)).toEqual([w.viewer.id]);
    // Wildcards are literal: "%" matches only a "%" in a name or email.
    expect((await dev.get("/api/v1/users?q=%25")).body.items).toEqual([]);
  });

  it("pages with a cursor in every sort order, without repeats or gaps", async () => {
    const admin = await as(w.admin);
    for (let i = 0; i < 5; i++) await admin.post("/api/v1/users", staffBody({ name: `Paged ${i}`, email: `paged-${i}-${Date.now()}@example.com` }));
    for (const sort of ["name", "-name", "email", "-createdAt", "createdAt"]) {
      const all = (await admin.get(`/api/v1/users?limit=200&q=paged&sort=${sort}`)).body.items.map((u: { id: string }) => u.id);
      expect(all).toHaveLength(5);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: HttpResponse = await admin.get(`/api/v1/users?limit=2&q=paged&sort=${sort}${cursor ? `&cursor=${cursor}` : ""}`);
        seen.push(...res.body.items.map((u: { id: string }) => u.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
    }
    const names = (await admin.get("/api/v1/users?q=paged&sort=-name")).body.items.map((u: { name: string }) => u.name);
    expect(names).toEqual(["Paged 4", "Paged 3", "Paged 2", "Paged 1", "Paged 0"]);
  });

  it("answers a bad filter with 400 and a field message in the caller's language", async () => {
    const pm = await as(w.pm);
    const zh = await pm.get("/api/v1/users?role=boss&clientId=nope", { "accept-language": "zh-CN" });
    expect(zh.status).toBe(400);
    expect(fields(zh)).toEqual({ "querystring.role": "必须是以下之一：owner, admin, member, client。", "querystring.clientId": "ID 无效。" });
    const en = await pm.get("/api/v1/users?sort=password", { "accept-language": "en" });
    expect(en.status).toBe(400);
    expect(fields(en)["querystring.sort"]).toMatch(/^Must be one of: name, -name/);
  });

  it("refuses client contacts (403) and anonymous callers (401)", async () => {
    expect((await (await as(w.contactA)).get("/api/v1/users")).status).toBe(403);
    expect((await t.anonymous().get("/api/v1/users")).status).toBe(401);
  });
});

describe("GET /api/v1/users/:id", () => {
  it("shows staff anyone, and a contact only themselves", async () => {
    expect((await (await as(w.dev)).get(`/api/v1/users/${w.contactB.id}`)).body).toMatchObject({ id: w.contactB.id, role: "client", clientId: w.clientB.id });
    const contact = await as(w.contactA);
    expect((await contact.get(`/api/v1/users/${w.contactA.id}`)).status).toBe(200);
    const other = await contact.get(`/api/v1/users/${w.pm.id}`);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain(w.pm.email);
  });

  it("answers 400 for a malformed id, 404 for an unknown one, 401 without sign-in", async () => {
    const pm = await as(w.pm);
    const bad = await pm.get("/api/v1/users/42", { "accept-language": "en" });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual({ "params.id": "Not a valid id." });
    const unknown = await pm.get("/api/v1/users/00000000-0000-4000-8000-000000000000", { "accept-language": "zh-CN" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("未找到该人员。");
    expect((await t.anonymous().get(`/api/v1/users/${w.pm.id}`)).status).toBe(401);
  });

  it("does not show people of another workspace", async () => {
    const other = await t.seedWorkspace();
    expect((await (await as(w.admin)).get(`/api/v1/users/${other.pm.id}`)).status).toBe(404);
  });
});

describe("POST /api/v1/users", () => {
  it("lets an admin create staff, storing the email lower-cased and a usable password", async () => {
    const admin = await as(w.admin);
    const body = staffBody({ role: "admin", title: "交付总监" });
    const res = await admin.post("/api/v1/users", body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: body.email.toLowerCase(), role: "admin", title: "交付总监", clientId: null, active: true, version: 1 });
    expect(res.body).not.toHaveProperty("password");
    const signIn = await t.anonymous().post("/api/v1/auth/sign-in", { email: body.email, password: "long-enough-1" });
    expect(signIn.status).toBe(200);
  });

  it("lets delivery staff create client contacts, but not staff", async () => {
    const dev = await as(w.dev);
    const contact = await dev.post("/api/v1/users", staffBody({ role: "client", clientId: w.clientA.id }));
    expect(contact.status).toBe(201);
    expect(contact.body).toMatchObject({ role: "client", clientId: w.clientA.id });
    const staff = await dev.post("/api/v1/users", staffBody({ role: "admin" }));
    expect(staff.status).toBe(403);
    expect((await (await as(w.contactA)).post("/api/v1/users", staffBody({ role: "client", clientId: w.clientA.id }))).status).toBe(403);
    expect((await t.anonymous().post("/api/v1/users", staffBody())).status).toBe(401);
  });

  it("requires a client for contacts and forbids one for staff, in the caller's language", async () => {
    const admin = await as(w.admin);
    const missing = await admin.post("/api/v1/users", staffBody({ role: "client" }), { "accept-language": "zh-CN" });
    expect(missing.status).toBe(400);
    expect(fields(missing)).toEqual({ "body.clientId": "客户联系人必须属于一个客户组织。" });
    const forbidden = await admin.post("/api/v1/users", staffBody({ role: "member", clientId: w.clientA.id }), { "accept-language": "en" });
    expect(forbidden.status).toBe(400);
    expect(fields(forbidden)).toEqual({ "body.clientId": "Only client contacts belong to a client organisation." });
    const other = await t.seedWorkspace();
    const foreign = await admin.post("/api/v1/users", staffBody({ role: "client", clientId: other.clientA.id }), { "accept-language": "en" });
    expect(foreign.status).toBe(400);
    expect(fields(foreign)).toEqual({ "body.clientId": "Client not found." });
  });

  it("answers invalid input with field-level messages in both languages", async () => {
    const admin = await as(w.admin);
    const bad = { email: "not-an-email", name: "", role: "boss", password: "short" };
    const en = await admin.post("/api/v1/users", bad, { "accept-language": "en" });
    expect(en.status).toBe(400);
    expect(fields(en)).toMatchObject({
      "body.email": "Not a valid email address.",
      "body.name": "Too short (at least 1).",
      "body.password": "Too short (at least 8).",
    });
    expect(fields(en)["body.role"]).toMatch(/^Must be one of/);
    const zh = await admin.post("/api/v1/users", bad, { "accept-language": "zh-CN" });
    expect(fields(zh)).toMatchObject({ "body.email": "邮箱地址无效。", "body.password": "太短（至少 8）。" });
  });

  it("refuses a duplicate email, whatever its case, with 409 on the email field", async () => {
    const admin = await as(w.admin);
    const res = await admin.post("/api/v1/users", staffBody({ email: w.dev.email.toUpperCase() }), { "accept-language": "zh-CN" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
    expect(fields(res)).toEqual({ "body.email": "该邮箱已被注册。" });
  });

  it("records the creation in the audit log without the password hash", async () => {
    const admin = await as(w.admin);
    const created = (await admin.post("/api/v1/users", staffBody())).body;
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([["create", w.admin.id]]);
    expect(JSON.stringify(rows[0]?.after)).not.toMatch(/password|argon2/i);
  });
});

describe("PATCH /api/v1/users/:id", () => {
  it("lets delivery staff edit a contact's name, title and active flag, but not a colleague or a role", async () => {
    const dev = await as(w.dev);
    const contact = (await dev.post("/api/v1/users", staffBody({ role: "client", clientId: w.clientA.id }))).body;
    const res = await dev.patch(`/api/v1/users/${contact.id}`, { version: 1, name: "王经理", title: "IT 负责人" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "王经理", title: "IT 负责人", version: 2 });
    expect((await dev.patch(`/api/v1/users/${contact.id}`, { version: 2, role: "member" })).status).toBe(403);
    expect((await dev.patch(`/api/v1/users/${w.viewer.id}`, { version: 1, title: "Boss" })).status).toBe(403);
    expect((await (await as(w.contactA)).patch(`/api/v1/users/${w.contactA.id}`, { version: 1, name: "Me" })).status).toBe(403);
    expect((await t.anonymous().patch(`/api/v1/users/${contact.id}`, { version: 2, name: "x" })).status).toBe(401);
  });

  it("lets an admin change a colleague's role, but nobody their own", async () => {
    const admin = await as(w.admin);
    const staff = (await admin.post("/api/v1/users", staffBody())).body;
    const promoted = await admin.patch(`/api/v1/users/${staff.id}`, { version: 1, role: "admin" });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe("admin");
    const self = await admin.get(`/api/v1/users/${w.admin.id}`);
    const demote = await admin.patch(`/api/v1/users/${w.admin.id}`, { version: self.body.version, role: "member" }, { "accept-language": "en" });
    expect(demote.status).toBe(400);
    expect(fields(demote)).toEqual({ "body.role": "You cannot change your own role." });
    const off = await admin.patch(`/api/v1/users/${w.admin.id}`, { version: self.body.version, active: false }, { "accept-language": "zh-CN" });
    expect(fields(off)).toEqual({ "body.active": "不能停用自己的账号。" });
    expect((await admin.get(`/api/v1/users/${w.admin.id}`)).body).toMatchObject({ role: "admin", active: true });
  });

  it("does not turn a contact into staff or staff into a contact", async () => {
    const admin = await as(w.admin);
    const contact = (await admin.post("/api/v1/users", staffBody({ role: "client", clientId: w.clientB.id }))).body;
    const res = await admin.patch(`/api/v1/users/${contact.id}`, { version: 1, role: "member" }, { "accept-language": "en" });
    expect(res.status).toBe(400);
    expect(Object.keys(fields(res))).toEqual(["body.role"]);
    expect((await admin.patch(`/api/v1/users/${w.dev.id}`, { version: 1, role: "client" })).status).toBe(400);
  });

  it("answers invalid input with field-level messages in both languages", async () => {
    const admin = await as(w.admin);
    const en = await admin.patch(`/api/v1/users/${w.dev.id}`, { version: 0, name: "", active: "yes" }, { "accept-language": "en" });
    expect(en.status).toBe(400);
    expect(fields(en)).toEqual({ "body.version": "Must be greater than 0.", "body.name": "Too short (at least 1).", "body.active": "Not valid." });
    const zh = await admin.patch(`/api/v1/users/${w.dev.id}`, { name: "x" }, { "accept-language": "zh-CN" });
    expect(fields(zh)).toEqual({ "body.version": "必填。" });
  });

  it("refuses a stale version with 409, returns the current person, and overwrites nothing", async () => {
    const admin = await as(w.admin);
    const staff = (await admin.post("/api/v1/users", staffBody())).body;
    expect((await admin.patch(`/api/v1/users/${staff.id}`, { version: 1, title: "Architect" })).status).toBe(200);
    const stale = await admin.patch(`/api/v1/users/${staff.id}`, { version: 1, title: "Intern", active: false });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect(stale.body.error.details.current).toMatchObject({ id: staff.id, title: "Architect", version: 2, active: true });
    expect((await admin.get(`/api/v1/users/${staff.id}`)).body).toMatchObject({ title: "Architect", active: true });
  });

  it("signs a deactivated person out everywhere, and audits the change", async () => {
    const admin = await as(w.admin);
    const body = staffBody({ password: TEST_PASSWORD });
    const staff = (await admin.post("/api/v1/users", body)).body;
    const user: TestUser = { id: staff.id, email: body.email, role: "member", clientId: null };
    const session = await t.as(user);
    expect((await session.get("/api/v1/me")).status).toBe(200);
    const off = await admin.patch(`/api/v1/users/${staff.id}`, { version: 1, active: false });
    expect(off.body.active).toBe(false);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, staff.id))).toEqual([]);
    expect((await session.get("/api/v1/me")).status).toBe(401);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, staff.id), eq(auditLog.action, "update")));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ active: true });
    expect(audit[0]?.after).toMatchObject({ active: false });
    expect(JSON.stringify(audit[0])).not.toContain("argon2");
  });
});

describe("POST /api/v1/users/:id/password-reset-link", () => {
  it("gives an admin a working one-time link, and audits it", async () => {
    const admin = await as(w.admin);
    const res = await admin.post(`/api/v1/users/${w.viewer.id}/password-reset-link`);
    expect(res.status).toBe(201);
    expect(res.body.url).toMatch(/\/reset-password\?token=/);
    expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const token = new URL(res.body.url).searchParams.get("token");
    const done = await t.anonymous().post("/api/v1/auth/password-reset/complete", { token, newPassword: TEST_PASSWORD });
    expect(done.status).toBe(204);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, w.viewer.id), eq(auditLog.action, "password_reset_link")));
    expect(audit.map((a) => a.actorId)).toEqual([w.admin.id]);
    expect(JSON.stringify(audit)).not.toContain(String(token));
  });

  it("is for owners and admins only", async () => {
    expect((await (await as(w.pm)).post(`/api/v1/users/${w.contactA.id}/password-reset-link`)).status).toBe(403);
    expect((await (await as(w.contactA)).post(`/api/v1/users/${w.contactA.id}/password-reset-link`)).status).toBe(403);
    expect((await (await as(w.contactA)).post(`/api/v1/users/${w.pm.id}/password-reset-link`)).status).toBe(404);
    expect((await t.anonymous().post(`/api/v1/users/${w.pm.id}/password-reset-link`)).status).toBe(401);
  });

  it("answers 400 for a malformed id in the caller's language", async () => {
    const owner = await as(w.owner);
    const res = await owner.post("/api/v1/users/abc/password-reset-link", undefined, { "accept-language": "zh-CN" });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual({ "params.id": "ID 无效。" });
  });
});
