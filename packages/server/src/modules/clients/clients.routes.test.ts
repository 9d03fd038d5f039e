import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/harness";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("clients", () => {
  it("lets delivery staff create a client and read it back", async () => {
    const pm = await t.as(w.pm);
    const created = await pm.post("/api/v1/clients", { name: "Acme 智能", industry: "Retail" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Acme 智能", industry: "Retail", version: 1, projectCount: 0 });
    const read = await pm.get(`/api/v1/clients/${created.body.id}`);
    expect(read.body.name).toBe("Acme 智能");
  });

  it("counts a client's projects and contacts", async () => {
    const read = await (await t.as(w.admin)).get(`/api/v1/clients/${w.clientA.id}`);
    expect(read.body).toMatchObject({ projectCount: 1, contactCount: 1 });
  });

  it("refuses a duplicate name with 409 and a field message in the caller's language", async () => {
    const pm = await t.as(w.pm);
    const res = await pm.post("/api/v1/clients", { name: w.clientA.name }, { "accept-language": "zh-CN" });
    expect(res.status).toBe(409);
    expect(res.body.error.details.fields[0]).toEqual({ path: "body.name", message: "已存在同名客户。" });
  });

  it("answers invalid input with 400 and field-level messages, writing nothing", async () => {
    const pm = await t.as(w.pm);
    const before = await pm.get("/api/v1/clients?limit=200");
    const res = await pm.post("/api/v1/clients", { name: "", website: 42 }, { "accept-language": "en" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(["body.name", "body.website"]);
    const after = await pm.get("/api/v1/clients?limit=200");
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it("refuses a stale update with 409 and keeps the newer data", async () => {
    const pm = await t.as(w.pm);
    const created = (await pm.post("/api/v1/clients", { name: "Versioned Co" })).body;
    const first = await pm.patch(`/api/v1/clients/${created.id}`, { version: 1, industry: "Energy" });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await pm.patch(`/api/v1/clients/${created.id}`, { version: 1, industry: "Mining" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect(stale.body.error.details.current.industry).toBe("Energy");
    expect((await pm.get(`/api/v1/clients/${created.id}`)).body.industry).toBe("Energy");
  });

  it("shows a client contact only their own organisation", async () => {
    const contact = await t.as(w.contactA);
    const list = await contact.get("/api/v1/clients");
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([w.clientA.id]);
    expect((await contact.get(`/api/v1/clients/${w.clientB.id}`)).status).toBe(404);
    expect((await contact.post("/api/v1/clients", { name: "Sneaky" })).status).toBe(403);
    expect((await contact.patch(`/api/v1/clients/${w.clientA.id}`, { version: 1, name: "Renamed" })).status).toBe(403);
  });

  it("pages through clients with a cursor, in order, without repeats", async () => {
    const admin = await t.as(w.admin);
    for (let i = 0; i < 5; i++) await admin.post("/api/v1/clients", { name: `Paged ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { name: string }[]; nextCursor: string | null } } = await admin.get(
        `/api/v1/clients?limit=2&q=Paged${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...res.body.items.map((c) => c.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Paged 0", "Paged 1", "Paged 2", "Paged 3", "Paged 4"]);
  });

  it("requires sign-in", async () => {
    expect((await t.anonymous().get("/api/v1/clients")).status).toBe(401);
  });

  it("records create and update in the audit log", async () => {
    const pm = await t.as(w.pm);
    const created = (await pm.post("/api/v1/clients", { name: "Audited Ltd" })).body;
    await pm.patch(`/api/v1/clients/${created.id}`, { version: 1, notes: "VIP" });
    const { auditLog } = await import("../../db/schema");
    const { eq } = await import("drizzle-orm");
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.id)).orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual(["create", "update"]);
    expect((rows[1]?.before as { notes: string }).notes).toBe("");
    expect((rows[1]?.after as { notes: string }).notes).toBe("VIP");
    expect(rows[1]?.actorId).toBe(w.pm.id);
  });
});
