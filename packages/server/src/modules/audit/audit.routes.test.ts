import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/harness";
import { recordAudit } from "../../platform/audit";
import { encodeCursor } from "../../platform/pagination";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;

type Entry = { id: string; entityType: string; entityId: string; action: string; actorId: string | null; actorName: string | null; before: unknown; after: unknown };

const projectAudit = () => `/api/v1/projects/${w.projectA.id}/audit`;

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
  const actor = { userId: w.pm.id, workspaceId: w.workspace.id };
  // The project's own history and a membership change filed under it, as the projects module writes them.
  await recordAudit(t.db, actor, w.workspace.id, { entityType: "project", entityId: w.projectA.id, projectId: w.projectA.id, action: "update", before: { name: "Old" }, after: { name: "New" } });
  await recordAudit(t.db, actor, w.workspace.id, { entityType: "project_member", entityId: w.dev.id, projectId: w.projectA.id, action: "create", after: { role: "member" } });
  await recordAudit(t.db, actor, w.workspace.id, { entityType: "project", entityId: w.projectB.id, projectId: w.projectB.id, action: "update", after: { name: "Client B secret" } });
  const pm = await t.as(w.pm);
  await pm.post(`/api/v1/projects/${w.projectA.id}/comments`, { body: "First note" });
  await pm.post(`/api/v1/projects/${w.projectB.id}/comments`, { body: "Client B secret" });
});
afterAll(() => t.close());

describe("audit", () => {
  it("shows a project's history newest first: its own rows and everything filed under it, with who did it", async () => {
    const res = await (await t.as(w.pm)).get(projectAudit());
    expect(res.status).toBe(200);
    const items = res.body.items as Entry[];
    expect(items.map((e) => [e.entityType, e.action])).toEqual([
      ["comment", "create"],
      ["project_member", "create"],
      ["project", "update"],
    ]);
    expect(items[0]).toMatchObject({ actorId: w.pm.id, actorName: w.pm.email });
    expect((items[0]?.after as { body: string }).body).toBe("First note");
    expect(items[2]).toMatchObject({ entityId: w.projectA.id, before: { name: "Old" }, after: { name: "New" } });
    expect(JSON.stringify(res.body)).not.toContain("Client B secret");
    expect(res.body.nextCursor).toBeNull();
  });

  it("pages newest first with a cursor, without repeats", async () => {
    const pm = await t.as(w.pm);
    for (let i = 0; i < 3; i++) await pm.post(`/api/v1/projects/${w.projectA.id}/comments`, { body: `Paged ${i}` });
    const all = (await pm.get(projectAudit())).body.items.map((e: Entry) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: Entry[]; nextCursor: string | null } } = await pm.get(`${projectAudit()}?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...res.body.items.map((e) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
  });

  it("shows a client's own history and that of the comments on it, not other clients'", async () => {
    const pm = await t.as(w.pm);
    await pm.patch(`/api/v1/clients/${w.clientA.id}`, { version: 1, notes: "VIP" });
    await pm.post(`/api/v1/clients/${w.clientA.id}/comments`, { body: "Prefers calls" });
    await pm.patch(`/api/v1/clients/${w.clientB.id}`, { version: 1, notes: "Client B secret" });
    const res = await pm.get(`/api/v1/clients/${w.clientA.id}/audit`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: Entry) => [e.entityType, e.action])).toEqual([
      ["comment", "create"],
      ["client", "update"],
    ]);
    expect(JSON.stringify(res.body)).not.toContain("Client B secret");
  });

  it("shows a person's history to staff", async () => {
    const admin = await t.as(w.admin);
    await recordAudit(t.db, { userId: w.admin.id, workspaceId: w.workspace.id }, w.workspace.id, { entityType: "user", entityId: w.dev.id, action: "update", before: { title: "" }, after: { title: "Engineer" } });
    await admin.post(`/api/v1/users/${w.dev.id}/comments`, { body: "Great work" });
    const res = await (await t.as(w.pm)).get(`/api/v1/users/${w.dev.id}/audit`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: Entry) => [e.entityType, e.action, e.actorName])).toEqual([
      ["comment", "create", w.admin.email],
      ["user", "update", w.admin.email],
    ]);
  });

  it("is for delivery staff: a contact gets 403 on their own project and client, 404 on another client's", async () => {
    const contact = await t.as(w.contactA);
    expect((await contact.get(projectAudit())).status).toBe(403);
    expect((await contact.get(`/api/v1/clients/${w.clientA.id}/audit`)).status).toBe(403);
    expect((await contact.get(`/api/v1/users/${w.contactA.id}/audit`)).status).toBe(403);
    for (const url of [`/api/v1/projects/${w.projectB.id}/audit`, `/api/v1/clients/${w.clientB.id}/audit`, `/api/v1/users/${w.contactB.id}/audit`]) {
      const res = await contact.get(url);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("Client B secret");
    }
  });

  it("needs read access to the entity: a viewer reads, staff outside the project get 404", async () => {
    expect((await (await t.as(w.viewer)).get(projectAudit())).status).toBe(200);
    expect((await (await t.as(w.outsider)).get(projectAudit())).status).toBe(404);
    expect((await (await t.as(w.admin)).get(projectAudit())).status).toBe(200);
  });

  it("requires sign-in", async () => {
    expect((await t.anonymous().get(projectAudit())).status).toBe(401);
  });

  it("answers a bad query with 400 and field messages in the caller's language", async () => {
    const pm = await t.as(w.pm);
    const limit = await pm.get(`${projectAudit()}?limit=0`, { "accept-language": "zh-CN" });
    expect(limit.status).toBe(400);
    expect(limit.body.error.details.fields).toEqual([{ path: "querystring.limit", message: "不能小于 1。" }]);
    const garbage = await pm.get(`${projectAudit()}?cursor=not-a-cursor`, { "accept-language": "en" });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.details.fields).toEqual([{ path: "querystring.cursor", message: "Not valid." }]);
    const forged = await pm.get(`${projectAudit()}?cursor=${encodeCursor({ v: null, id: "1 or 1=1" })}`, { "accept-language": "en" });
    expect(forged.status).toBe(400);
    expect(forged.body.error.details.fields).toEqual([{ path: "querystring.cursor", message: "Not valid." }]);
    const badId = await pm.get("/api/v1/clients/123/audit", { "accept-language": "en" });
    expect(badId.body.error.details.fields).toEqual([{ path: "params.entityId", message: "Not a valid id." }]);
  });
});
