import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, projects } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);

const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));
const roles = (res: HttpResponse) => Object.fromEntries((res.body.items as { userId: string; role: string }[]).map((m) => [m.userId, m.role]));

/** A project of client A staffed like the seeded one: pm manages, dev works, viewer views, contact A follows. */
async function freshProject() {
  const p = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id });
  await t.factories.member(p.id, w.pm.id, "manager");
  await t.factories.member(p.id, w.dev.id, "member");
  await t.factories.member(p.id, w.viewer.id, "viewer");
  await t.factories.member(p.id, w.contactA.id, "client");
  return p;
}
const membersUrl = (projectId: string, userId?: string) => `/api/v1/projects/${projectId}/members${userId ? `/${userId}` : ""}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("GET /api/v1/projects/:id/members", () => {
  it("lists managers first, then members, viewers and contacts, to anyone who may read the project", async () => {
    const res = await (await as(w.contactA)).get(membersUrl(w.projectA.id));
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [w.pm.id, "manager"],
      [w.dev.id, "member"],
      [w.viewer.id, "viewer"],
      [w.contactA.id, "client"],
    ]);
    expect(res.body.items[3]).toMatchObject({ email: w.contactA.email, workspaceRole: "client", version: 1 });
  });

  it("hides the members of a project the caller may not read (404), and needs sign-in (401)", async () => {
    for (const user of [w.outsider, w.contactB]) {
      const res = await (await as(user)).get(membersUrl(w.projectA.id));
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(w.dev.email);
    }
    expect((await t.anonymous().get(membersUrl(w.projectA.id))).status).toBe(401);
  });

  it("answers a malformed id with 400 in the caller's language", async () => {
    const pm = await as(w.pm);
    expect(fields(await pm.get("/api/v1/projects/1/members", { "accept-language": "en" }))).toEqual({ "params.id": "Not a valid id." });
    expect(fields(await pm.get("/api/v1/projects/1/members", { "accept-language": "zh-CN" }))).toEqual({ "params.id": "ID 无效。" });
  });
});

describe("POST /api/v1/projects/:id/members", () => {
  it("lets the manager add staff and the project's own client contacts, audited on the project", async () => {
    const p = await freshProject();
    const pm = await as(w.pm);
    const res = await pm.post(membersUrl(p.id), { userId: w.outsider.id, role: "member" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ userId: w.outsider.id, role: "member", workspaceRole: "member", version: 1 });
    const contact = await t.factories.user(w.workspace.id, "client", w.clientA.id);
    expect((await pm.post(membersUrl(p.id), { userId: contact.id, role: "client" })).status).toBe(201);
    expect((await pm.get(`/api/v1/projects/${p.id}`)).body.memberCount).toBe(6);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.projectId, p.id), eq(auditLog.action, "member.add")));
    expect(audit.map((a) => [a.entityType, a.entityId, a.actorId])).toEqual([
      ["project", p.id, w.pm.id],
      ["project", p.id, w.pm.id],
    ]);
    expect(audit[0]?.after).toMatchObject({ userId: w.outsider.id, role: "member" });
  });

  it("keeps contacts to their own organisation's projects and the client role, in the caller's language", async () => {
    const p = await freshProject();
    const pm = await as(w.pm);
    const foreign = await pm.post(membersUrl(p.id), { userId: w.contactB.id, role: "client" }, { "accept-language": "zh-CN" });
    expect(foreign.status).toBe(400);
    expect(fields(foreign)).toEqual({ "body.userId": "客户联系人只能加入其所属组织的项目。" });
    const contact = await t.factories.user(w.workspace.id, "client", w.clientA.id);
    const asStaff = await pm.post(membersUrl(p.id), { userId: contact.id, role: "member" }, { "accept-language": "en" });
    expect(fields(asStaff)).toEqual({ "body.role": "A client contact can only have the client role on a project." });
    const staffAsClient = await pm.post(membersUrl(p.id), { userId: w.outsider.id, role: "client" }, { "accept-language": "en" });
    expect(fields(staffAsClient)).toEqual({ "body.role": "Only client contacts can have the client role." });
    const unknown = await pm.post(membersUrl(p.id), { userId: "00000000-0000-4000-8000-000000000000", role: "member" }, { "accept-language": "en" });
    expect(fields(unknown)).toEqual({ "body.userId": "Person not found." });
    expect(Object.keys(roles(await pm.get(membersUrl(p.id))))).toHaveLength(4);
  });

  it("answers invalid input with field-level messages in both languages", async () => {
    const pm = await as(w.pm);
    const en = await pm.post(membersUrl(w.projectA.id), { userId: "bob", role: "boss" }, { "accept-language": "en" });
    expect(en.status).toBe(400);
    expect(fields(en)["body.userId"]).toBe("Not a valid id.");
    expect(fields(en)["body.role"]).toBe("Must be one of: manager, member, viewer, client.");
    const zh = await pm.post(membersUrl(w.projectA.id), {}, { "accept-language": "zh-CN" });
    expect(fields(zh)["body.userId"]).toBe("必填。");
    // A missing field is "required", whatever its type.
    expect(fields(zh)["body.role"]).toBe("必填。");
  });

  it("refuses someone already on the project with 409", async () => {
    const res = await (await as(w.pm)).post(membersUrl(w.projectA.id), { userId: w.dev.id, role: "viewer" }, { "accept-language": "zh-CN" });
    expect(res.status).toBe(409);
    expect(fields(res)).toEqual({ "body.userId": "此人已是项目成员。" });
    expect(roles(await (await as(w.pm)).get(membersUrl(w.projectA.id)))[w.dev.id]).toBe("member");
  });

  it("lets only managers and admins add: members and contacts 403, outsiders 404, anonymous 401", async () => {
    const p = await freshProject();
    const body = { userId: w.outsider.id, role: "viewer" };
    expect((await (await as(w.dev)).post(membersUrl(p.id), body)).status).toBe(403);
    expect((await (await as(w.contactA)).post(membersUrl(p.id), body)).status).toBe(403);
    expect((await (await as(w.outsider)).post(membersUrl(p.id), body)).status).toBe(404);
    expect((await t.anonymous().post(membersUrl(p.id), body)).status).toBe(401);
    expect((await (await as(w.admin)).post(membersUrl(p.id), body)).status).toBe(201);
  });
});

describe("PATCH /api/v1/projects/:id/members/:userId", () => {
  it("changes a member's role and audits it", async () => {
    const p = await freshProject();
    const res = await (await as(w.pm)).patch(membersUrl(p.id, w.dev.id), { version: 1, role: "viewer" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: w.dev.id, role: "viewer", version: 2 });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.projectId, p.id), eq(auditLog.action, "member.update")));
    expect(audit?.before).toMatchObject({ role: "member" });
    expect(audit?.after).toMatchObject({ role: "viewer" });
  });

  it("keeps at least one manager, and hands the project's named manager over to another", async () => {
    const p = await freshProject();
    const pm = await as(w.pm);
    const last = await pm.patch(membersUrl(p.id, w.pm.id), { version: 1, role: "member" }, { "accept-language": "en" });
    expect(last.status).toBe(409);
    expect(fields(last)).toEqual({ "body.role": "A project needs at least one manager." });
    expect((await pm.patch(membersUrl(p.id, w.dev.id), { version: 1, role: "manager" })).status).toBe(200);
    expect((await pm.patch(membersUrl(p.id, w.pm.id), { version: 1, role: "member" })).status).toBe(200);
    const [row] = await t.db.select().from(projects).where(eq(projects.id, p.id));
    expect(row).toMatchObject({ managerId: w.dev.id, version: 2 });
  });

  it("keeps contacts in the client role and staff out of it", async () => {
    const p = await freshProject();
    const pm = await as(w.pm);
    const contact = await pm.patch(membersUrl(p.id, w.contactA.id), { version: 1, role: "manager" }, { "accept-language": "zh-CN" });
    expect(contact.status).toBe(400);
    expect(fields(contact)).toEqual({ "body.role": "客户联系人在项目中只能担任客户角色。" });
    const staff = await pm.patch(membersUrl(p.id, w.viewer.id), { version: 1, role: "client" }, { "accept-language": "en" });
    expect(fields(staff)).toEqual({ "body.role": "Only client contacts can have the client role." });
  });

  it("answers invalid input with field-level messages in both languages", async () => {
    const pm = await as(w.pm);
    const en = await pm.patch(`/api/v1/projects/${w.projectA.id}/members/nobody`, { version: "1", role: "viewer" }, { "accept-language": "en" });
    expect(en.status).toBe(400);
    expect(fields(en)).toEqual({ "params.userId": "Not a valid id." });
    const zh = await pm.patch(membersUrl(w.projectA.id, w.dev.id), { role: "viewer" }, { "accept-language": "zh-CN" });
    expect(fields(zh)).toEqual({ "body.version": "必填。" });
  });

  it("refuses a stale version with 409, returns the current membership, and overwrites nothing", async () => {
    const p = await freshProject();
    const pm = await as(w.pm);
    expect((await pm.patch(membersUrl(p.id, w.dev.id), { version: 1, role: "viewer" })).status).toBe(200);
    const stale = await pm.patch(membersUrl(p.id, w.dev.id), { version: 1, role: "manager" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect(stale.body.error.details.current).toMatchObject({ userId: w.dev.id, role: "viewer", version: 2 });
    expect(roles(await pm.get(membersUrl(p.id)))[w.dev.id]).toBe("viewer");
  });

  it("lets only managers and admins change roles: 403 members, 404 outsiders and non-members, 401 anonymous", async () => {
    const p = await freshProject();
    const body = { version: 1, role: "viewer" };
    expect((await (await as(w.dev)).patch(membersUrl(p.id, w.dev.id), body)).status).toBe(403);
    expect((await (await as(w.contactA)).patch(membersUrl(p.id, w.dev.id), body)).status).toBe(403);
    expect((await (await as(w.contactB)).patch(membersUrl(p.id, w.dev.id), body)).status).toBe(404);
    expect((await (await as(w.pm)).patch(membersUrl(p.id, w.outsider.id), body)).status).toBe(404);
    expect((await t.anonymous().patch(membersUrl(p.id, w.dev.id), body)).status).toBe(401);
  });
});

describe("DELETE /api/v1/projects/:id/members/:userId", () => {
  it("removes a member, audited on the project", async () => {
    const p = await freshProject();
    const pm = await as(w.pm);
    const res = await pm.delete(membersUrl(p.id, w.viewer.id));
    expect(res.status).toBe(204);
    expect(roles(await pm.get(membersUrl(p.id)))).not.toHaveProperty(w.viewer.id);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.projectId, p.id), eq(auditLog.action, "member.remove")));
    expect(audit?.before).toMatchObject({ userId: w.viewer.id, role: "viewer" });
    // The removed viewer can no longer see the project.
    expect((await (await as(w.viewer)).get(`/api/v1/projects/${p.id}`)).status).toBe(404);
  });

  it("never removes the last manager; removing the named one hands the name over", async () => {
    const p = await freshProject();
    const admin = await as(w.admin);
    const last = await admin.delete(membersUrl(p.id, w.pm.id), { "accept-language": "zh-CN" });
    expect(last.status).toBe(409);
    expect(last.body.error.message).toBe("项目至少需要一名项目经理。");
    await admin.post(membersUrl(p.id), { userId: w.outsider.id, role: "manager" });
    expect((await admin.delete(membersUrl(p.id, w.pm.id))).status).toBe(204);
    expect((await admin.get(`/api/v1/projects/${p.id}`)).body).toMatchObject({ managerId: w.outsider.id, version: 2 });
  });

  it("keeps a manager when the last two are removed at the same moment", async () => {
    const p = await freshProject();
    await t.factories.member(p.id, w.outsider.id, "manager");
    const admin = await as(w.admin);
    const statuses = (await Promise.all([admin.delete(membersUrl(p.id, w.pm.id)), admin.delete(membersUrl(p.id, w.outsider.id))])).map((r) => r.status);
    expect(statuses.sort()).toEqual([204, 409]);
    expect(Object.values(roles(await admin.get(membersUrl(p.id))))).toContain("manager");
  });

  it("answers 404 for someone not on the project and 400 for a malformed id", async () => {
    const pm = await as(w.pm);
    const missing = await pm.delete(membersUrl(w.projectA.id, w.outsider.id), { "accept-language": "en" });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe("This person is not a member of the project.");
    const bad = await pm.delete(`/api/v1/projects/${w.projectA.id}/members/x`, { "accept-language": "zh-CN" });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual({ "params.userId": "ID 无效。" });
  });

  it("lets only managers and admins remove: 403 members, 404 outsiders, 401 anonymous", async () => {
    const p = await freshProject();
    expect((await (await as(w.dev)).delete(membersUrl(p.id, w.viewer.id))).status).toBe(403);
    expect((await (await as(w.contactA)).delete(membersUrl(p.id, w.viewer.id))).status).toBe(403);
    expect((await (await as(w.outsider)).delete(membersUrl(p.id, w.viewer.id))).status).toBe(404);
    expect((await t.anonymous().delete(membersUrl(p.id, w.viewer.id))).status).toBe(401);
    expect(roles(await (await as(w.pm)).get(membersUrl(p.id)))[w.viewer.id]).toBe("viewer");
  });
});
