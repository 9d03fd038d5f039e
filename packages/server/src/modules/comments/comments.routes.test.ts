import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/harness";
import { auditLog, comments } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
const SECRET_B = "Secret plan for client B";

/** Real time, but never the same millisecond twice: comments created in a loop keep their order. */
let lastTick = 0;
const monotonicNow = () => new Date((lastTick = Math.max(Date.now(), lastTick + 1)));

beforeAll(async () => {
  t = await createTestApp({ now: monotonicNow });
  w = await t.seedWorkspace();
  const pm = await t.as(w.pm);
  await pm.post(`/api/v1/projects/${w.projectB.id}/comments`, { body: SECRET_B });
  await pm.post(`/api/v1/clients/${w.clientB.id}/comments`, { body: SECRET_B });
});
afterAll(() => t.close());

const projectComments = () => `/api/v1/projects/${w.projectA.id}/comments`;

describe("comments", () => {
  it("lets a project member comment in markdown and lists comments oldest first with the author's name", async () => {
    const dev = await t.as(w.dev);
    const created = await dev.post(projectComments(), { body: "**Kick-off** moved to 周一\n- agenda" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      entityType: "project",
      entityId: w.projectA.id,
      authorId: w.dev.id,
      authorName: w.dev.email,
      body: "**Kick-off** moved to 周一\n- agenda",
      version: 1,
    });
    expect(created.body.bodyHtml).toContain("<strong>Kick-off</strong>");
    expect(created.body.bodyHtml).toContain("<li>agenda</li>");
    const second = await (await t.as(w.contactA)).post(projectComments(), { body: "Thanks!" });
    expect(second.status).toBe(201);
    const list = await dev.get(projectComments());
    expect(list.status).toBe(200);
    const ids = list.body.items.map((c: { id: string }) => c.id);
    expect(ids.indexOf(created.body.id)).toBeLessThan(ids.indexOf(second.body.id));
  });

  it("pages through comments with a cursor, in order, without repeats", async () => {
    const pm = await t.as(w.pm);
    const project = await t.factories.project(w.workspace.id, w.clientA.id);
    await t.factories.member(project.id, w.pm.id, "manager");
    for (let i = 0; i < 5; i++) await pm.post(`/api/v1/projects/${project.id}/comments`, { body: `Note ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { body: string }[]; nextCursor: string | null } } = await pm.get(
        `/api/v1/projects/${project.id}/comments?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...res.body.items.map((c) => c.body));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Note 0", "Note 1", "Note 2", "Note 3", "Note 4"]);
  });

  it("pages rows written within one millisecond exactly once each", async () => {
    const pm = await t.as(w.pm);
    const project = await t.factories.project(w.workspace.id, w.clientA.id);
    await t.factories.member(project.id, w.pm.id, "manager");
    // Four rows within one millisecond. Timestamps are stored at millisecond precision (what a JavaScript date in
    // the cursor holds), so the cursor is exact and ties are broken by id: every row once, none twice.
    for (let i = 0; i < 4; i++) {
      await t.db.insert(comments).values({
        workspaceId: w.workspace.id,
        entityType: "project",
        entityId: project.id,
        authorId: w.pm.id,
        body: `Raw ${i}`,
        bodyHtml: "",
        createdAt: sql`${`2030-01-01T00:00:00.12340${i + 1}Z`}::timestamptz`,
      });
    }
    const first = await pm.get(`/api/v1/projects/${project.id}/comments?limit=2`);
    const second = await pm.get(`/api/v1/projects/${project.id}/comments?limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((c: { body: string }) => c.body).sort()).toEqual(["Raw 0", "Raw 1", "Raw 2", "Raw 3"]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("works the same on clients and people for delivery staff", async () => {
    const pm = await t.as(w.pm);
    const onClient = await pm.post(`/api/v1/clients/${w.clientA.id}/comments`, { body: "Prefers WeChat" });
    expect(onClient.status).toBe(201);
    expect(onClient.body.entityType).toBe("client");
    const onUser = await pm.post(`/api/v1/users/${w.contactA.id}/comments`, { body: "Decision maker" });
    expect(onUser.status).toBe(201);
    expect((await pm.get(`/api/v1/users/${w.contactA.id}/comments`)).body.items.map((c: { body: string }) => c.body)).toEqual(["Decision maker"]);
  });

  it("sanitises the rendered HTML", async () => {
    const pm = await t.as(w.pm);
    const res = await pm.post(projectComments(), {
      body: '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[x](javascript:alert(3))\n\n<p style="color:red">s</p>\n\n![d](data:image/png;base64,AAAA)',
    });
    expect(res.status).toBe(201);
    const html = res.body.bodyHtml as string;
    for (const bad of ["<script", "onerror", "javascript:", "style=", "data:", "alert"]) expect(html).not.toContain(bad);
    // The markdown source is kept as written, for editing.
    expect(res.body.body).toContain("<script>");
  });

  it("answers invalid input with 400 and field-level messages in the caller's language, writing nothing", async () => {
    const pm = await t.as(w.pm);
    const before = (await pm.get(`${projectComments()}?limit=200`)).body.items.length;
    const zh = await pm.post(projectComments(), { body: "   " }, { "accept-language": "zh-CN" });
    expect(zh.status).toBe(400);
    expect(zh.body.error.code).toBe("validation_failed");
    expect(zh.body.error.message).toBe("部分字段无效。");
    expect(zh.body.error.details.fields).toEqual([{ path: "body.body", message: "太短（至少 1）。" }]);
    const en = await pm.post(projectComments(), {}, { "accept-language": "en" });
    expect(en.status).toBe(400);
    expect(en.body.error.details.fields).toEqual([{ path: "body.body", message: "Required." }]);
    const badId = await pm.get("/api/v1/projects/not-a-uuid/comments", { "accept-language": "en" });
    expect(badId.status).toBe(400);
    expect(badId.body.error.details.fields).toEqual([{ path: "params.entityId", message: "Not a valid id." }]);
    const badVersion = await pm.patch(`/api/v1/comments/${(await pm.get(projectComments())).body.items[0].id}`, { body: "x", version: 0 }, { "accept-language": "en" });
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.error.details.fields[0].path).toBe("body.version");
    expect((await pm.get(`${projectComments()}?limit=200`)).body.items.length).toBe(before);
  });

  it("requires sign-in", async () => {
    const anon = t.anonymous();
    expect((await anon.get(projectComments())).status).toBe(401);
    expect((await anon.post(projectComments(), { body: "hi" })).status).toBe(401);
    const id = (await (await t.as(w.pm)).get(projectComments())).body.items[0].id;
    expect((await anon.patch(`/api/v1/comments/${id}`, { body: "x", version: 1 })).status).toBe(401);
    expect((await anon.delete(`/api/v1/comments/${id}`)).status).toBe(401);
  });

  it("hides another client's project and organisation from a contact (404, no data)", async () => {
    const contact = await t.as(w.contactA);
    for (const url of [`/api/v1/projects/${w.projectB.id}/comments`, `/api/v1/clients/${w.clientB.id}/comments`, `/api/v1/users/${w.contactB.id}/comments`]) {
      const list = await contact.get(url);
      expect(list.status).toBe(404);
      expect(JSON.stringify(list.body)).not.toContain(SECRET_B);
      expect((await contact.post(url, { body: "Sneaky" })).status).toBe(404);
    }
    const bComment = (await (await t.as(w.pm)).get(`/api/v1/projects/${w.projectB.id}/comments`)).body.items[0];
    const edit = await contact.patch(`/api/v1/comments/${bComment.id}`, { body: "Hacked", version: 1 });
    expect(edit.status).toBe(404);
    expect(JSON.stringify(edit.body)).not.toContain(SECRET_B);
    expect((await contact.delete(`/api/v1/comments/${bComment.id}`)).status).toBe(404);
    const [row] = await t.db.select().from(comments).where(eq(comments.id, bComment.id));
    expect(row).toMatchObject({ body: SECRET_B, deletedAt: null });
  });

  it("keeps staff notes on a client or a person from that client's contacts (403: they can see the record itself)", async () => {
    const contact = await t.as(w.contactA);
    expect((await contact.get(`/api/v1/clients/${w.clientA.id}/comments`)).status).toBe(403);
    expect((await contact.post(`/api/v1/clients/${w.clientA.id}/comments`, { body: "x" })).status).toBe(403);
    expect((await contact.get(`/api/v1/users/${w.contactA.id}/comments`)).status).toBe(403);
  });

  it("hides a project from staff who are not on it, and another workspace from everyone", async () => {
    const outsider = await t.as(w.outsider);
    expect((await outsider.get(projectComments())).status).toBe(404);
    const other = await t.seedWorkspace();
    const admin = await t.as(w.admin);
    expect((await admin.get(`/api/v1/projects/${other.projectA.id}/comments`)).status).toBe(404);
    expect((await admin.get(`/api/v1/clients/${other.clientA.id}/comments`)).status).toBe(404);
    expect((await admin.get(`/api/v1/users/${other.pm.id}/comments`)).status).toBe(404);
  });

  it("lets a viewer read but not comment (403)", async () => {
    const viewer = await t.as(w.viewer);
    expect((await viewer.get(projectComments())).status).toBe(200);
    const res = await viewer.post(projectComments(), { body: "Can I?" }, { "accept-language": "en" });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "forbidden", message: "You do not have permission to do this." });
  });

  it("lets only the author edit, refuses a stale edit with 409 and keeps the newer text", async () => {
    const dev = await t.as(w.dev);
    const created = (await dev.post(projectComments(), { body: "Draft" })).body;
    const first = await dev.patch(`/api/v1/comments/${created.id}`, { body: "Final *answer*", version: 1 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ body: "Final *answer*", version: 2 });
    expect(first.body.bodyHtml).toContain("<em>answer</em>");
    const stale = await dev.patch(`/api/v1/comments/${created.id}`, { body: "Overwrite", version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect(stale.body.error.details.current).toMatchObject({ body: "Final *answer*", version: 2 });
    const [row] = await t.db.select().from(comments).where(eq(comments.id, created.id));
    expect(row?.body).toBe("Final *answer*");
    // Not even an admin rewrites someone else's words.
    expect((await (await t.as(w.admin)).patch(`/api/v1/comments/${created.id}`, { body: "Edited", version: 2 })).status).toBe(403);
  });

  it("lets the author or an admin remove a comment, softly, and records create/update/delete in the audit log", async () => {
    const dev = await t.as(w.dev);
    const created = (await dev.post(projectComments(), { body: "Remove me" })).body;
    await dev.patch(`/api/v1/comments/${created.id}`, { body: "Remove me please", version: 1 });
    expect((await (await t.as(w.contactA)).delete(`/api/v1/comments/${created.id}`)).status).toBe(403);
    expect((await (await t.as(w.admin)).delete(`/api/v1/comments/${created.id}`)).status).toBe(204);
    expect((await dev.get(projectComments())).body.items.map((c: { id: string }) => c.id)).not.toContain(created.id);
    expect((await dev.patch(`/api/v1/comments/${created.id}`, { body: "Back", version: 2 })).status).toBe(404);
    expect((await dev.delete(`/api/v1/comments/${created.id}`)).status).toBe(404);
    const [row] = await t.db.select().from(comments).where(eq(comments.id, created.id));
    expect(row?.deletedAt).toBeInstanceOf(Date);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "comment"), eq(auditLog.entityId, created.id)))
      .orderBy(auditLog.id);
    expect(audit.map((a) => [a.action, a.actorId, a.projectId])).toEqual([
      ["create", w.dev.id, w.projectA.id],
      ["update", w.dev.id, w.projectA.id],
      ["delete", w.admin.id, w.projectA.id],
    ]);
    expect((audit[1]?.before as { body: string }).body).toBe("Remove me");
    expect((audit[1]?.after as { body: string }).body).toBe("Remove me please");
  });

  it("lets a contact remove their own comment", async () => {
    const contact = await t.as(w.contactA);
    const created = (await contact.post(projectComments(), { body: "Oops" })).body;
    expect((await contact.delete(`/api/v1/comments/${created.id}`)).status).toBe(204);
  });
});
