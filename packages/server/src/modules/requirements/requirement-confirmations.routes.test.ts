import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, requirementConfirmations, requirementVersions } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);

const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));
const confirmUrl = (id: string) => `/api/v1/requirements/${id}/confirmations`;
const pendingUrl = (projectId: string) => `/api/v1/projects/${projectId}/confirmations/pending`;

/** A project of client A with the usual team: pm manages, dev works, viewer views, contact A is the client. */
async function projectOfA() {
  const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
  return project;
}

/** A requirement the team created and sent to the client, as the pm sees it (awaiting_client, version 3). */
async function awaiting(projectId: string, title = "Audit search by person and keyword") {
  const pm = await as(w.pm);
  const created = await pm.post(`/api/v1/projects/${projectId}/requirements`, { title, description: "Search archived chats.", acceptanceCriteria: [{ text: "Results within 10 seconds" }] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  let current = created.body;
  for (const to of ["in_analysis", "awaiting_client"]) {
    const moved = await pm.post(`/api/v1/requirements/${current.id}/transitions`, { to, version: current.version });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    current = moved.body;
  }
  return current as { id: string; key: string; version: number; projectId: string };
}

const confirmationRows = (requirementId: string) => t.db.select().from(requirementConfirmations).where(eq(requirementConfirmations.requirementId, requirementId));
const versionRows = (id: string) => t.db.select().from(requirementVersions).where(eq(requirementVersions.requirementId, id)).orderBy(requirementVersions.version);
const auditRows = (id: string) => t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "requirement"), eq(auditLog.entityId, id))).orderBy(auditLog.id);

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("POST /api/v1/requirements/:id/confirmations", () => {
  it("records the contact's approval of the version they read: the confirmation, a client move, its version and audit rows", async () => {
    const project = await projectOfA();
    const req = await awaiting(project.id);
    const contact = await as(w.contactA);
    const res = await contact.post(confirmUrl(req.id), { decision: "approved", version: req.version, comment: "Agreed in the steering meeting." });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.requirement).toEqual({ id: req.id, key: req.key, status: "approved", version: req.version + 1 });
    expect(res.body.confirmation).toMatchObject({
      requirementId: req.id,
      projectId: project.id,
      requirementVersion: req.version,
      decision: "approved",
      comment: "Agreed in the steering meeting.",
      contactId: w.contactA.id,
      contactName: w.contactA.email,
    });

    expect((await confirmationRows(req.id)).map((c) => [c.decision, c.requirementVersion, c.contactId])).toEqual([["approved", req.version, w.contactA.id]]);
    const last = (await versionRows(req.id)).at(-1);
    expect([last?.version, last?.action, last?.automatic, last?.changedById, last?.snapshot.status]).toEqual([req.version + 1, "transition", false, w.contactA.id, "approved"]);
    const audit = (await auditRows(req.id)).slice(-2);
    expect(audit.map((a) => [a.action, a.actorId, a.projectId])).toEqual([
      ["transition", w.contactA.id, project.id],
      ["confirmation.approved", w.contactA.id, project.id],
    ]);
    expect(audit[1]?.after).toEqual({ decision: "approved", requirementVersion: req.version, comment: "Agreed in the steering meeting." });

    // The team reads who approved which version, on the requirement itself and in its history of confirmations.
    const detail = await (await as(w.pm)).get(`/api/v1/requirements/${req.id}`);
    expect(detail.body).toMatchObject({ status: "approved", statusReason: "Agreed in the steering meeting." });
    expect(detail.body.confirmation).toMatchObject({ decision: "approved", contactId: w.contactA.id, contactName: w.contactA.email, requirementVersion: req.version, changedSince: false });
    for (const reader of [w.pm, w.viewer, w.contactA]) {
      const list = await (await as(reader)).get(confirmUrl(req.id));
      expect(list.status).toBe(200);
      expect(list.body.items.map((c: { decision: string }) => c.decision)).toEqual(["approved"]);
    }
  });

  it("sends a question back to the team: in analysis, the comment on the requirement's thread, out of the portal", async () => {
    const project = await projectOfA();
    const req = await awaiting(project.id);
    const contact = await as(w.contactA);
    const question = "Which **keywords** — only exact words, or also pinyin?";
    const res = await contact.post(confirmUrl(req.id), { decision: "clarification_requested", version: req.version, comment: `  ${question}  ` });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.requirement).toMatchObject({ status: "in_analysis", version: req.version + 1 });
    expect(res.body.confirmation).toMatchObject({ decision: "clarification_requested", comment: question, requirementVersion: req.version });

    const pm = await as(w.pm);
    const comments = await pm.get(`/api/v1/requirements/${req.id}/comments`);
    expect(comments.body.items.map((c: { authorId: string; body: string }) => [c.authorId, c.body])).toEqual([[w.contactA.id, question]]);
    expect(comments.body.items[0].bodyHtml).toContain("<strong>keywords</strong>");
    const detail = await pm.get(`/api/v1/requirements/${req.id}`);
    expect(detail.body).toMatchObject({ status: "in_analysis", statusReason: question });
    expect(detail.body.confirmation).toMatchObject({ decision: "clarification_requested", requirementVersion: req.version, changedSince: false });
    expect((await auditRows(req.id)).map((a) => a.action).slice(-2)).toEqual(["transition", "confirmation.clarification_requested"]);

    // Back with the team, it leaves the portal until it is sent again.
    expect((await contact.get(`/api/v1/requirements/${req.id}`)).status).toBe(404);
    expect((await contact.get(confirmUrl(req.id))).status).toBe(404);
    expect((await contact.get(pendingUrl(project.id))).body.items).toEqual([]);
  });

  it("needs a comment to ask for clarification (400 on body.comment in zh-CN and en), writing nothing", async () => {
    const project = await projectOfA();
    const req = await awaiting(project.id);
    const contact = await as(w.contactA);
    const zh = await contact.post(confirmUrl(req.id), { decision: "clarification_requested", version: req.version }, { "accept-language": "zh-CN" });
    expect(zh.status).toBe(400);
    expect(fields(zh)).toEqual({ "body.comment": "请说明需要澄清的内容。" });
    const en = await contact.post(confirmUrl(req.id), { decision: "clarification_requested", version: req.version, comment: " \n " }, { "accept-language": "en" });
    expect(en.status).toBe(400);
    expect(fields(en)).toEqual({ "body.comment": "Say what needs clarifying." });
    const bad = await contact.post(confirmUrl(req.id), { decision: "maybe", version: 0 }, { "accept-language": "en" });
    expect(bad.status).toBe(400);
    expect(Object.keys(fields(bad)).sort()).toEqual(["body.decision", "body.version"]);
    expect(await confirmationRows(req.id)).toEqual([]);
    expect((await versionRows(req.id)).length).toBe(req.version);
  });

  it("refuses a requirement that is not awaiting the client (409, localised, with the requirement as it is)", async () => {
    const project = await projectOfA();
    const req = await awaiting(project.id);
    const contact = await as(w.contactA);
    const first = await contact.post(confirmUrl(req.id), { decision: "approved", version: req.version });
    expect(first.status).toBe(201);
    const again = await contact.post(confirmUrl(req.id), { decision: "approved", version: first.body.requirement.version }, { "accept-language": "en" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
    expect(again.body.error.message).toBe(`${req.key} is not waiting for the client's confirmation: it is “Approved”.`);
    expect(again.body.error.details.current).toMatchObject({ id: req.id, status: "approved", statusReason: null });
    const zh = await contact.post(confirmUrl(req.id), { decision: "clarification_requested", version: first.body.requirement.version, comment: "?" }, { "accept-language": "zh-CN" });
    expect(zh.body.error.message).toBe(`${req.key} 当前不在等待客户确认：状态为“已批准”。`);
    expect((await confirmationRows(req.id)).length).toBe(1);
  });

  it("refuses a version other than the current one (409 “changed since you read it” with the current requirement), writing nothing", async () => {
    const project = await projectOfA();
    const req = await awaiting(project.id);
    const edited = await (await as(w.pm)).patch(`/api/v1/requirements/${req.id}`, { version: req.version, description: "Search archived chats and attachments." });
    expect(edited.status).toBe(200);
    const contact = await as(w.contactA);
    const stale = await contact.post(confirmUrl(req.id), { decision: "approved", version: req.version }, { "accept-language": "en" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect(stale.body.error.message).toBe(`${req.key} changed since you read it (you read version ${req.version}, it is now version ${req.version + 1}). Read it again, then confirm.`);
    expect(stale.body.error.details.current).toMatchObject({ id: req.id, version: req.version + 1, description: "Search archived chats and attachments." });
    expect(await confirmationRows(req.id)).toEqual([]);
    // Read again, confirmed: it is the new text that was approved.
    const ok = await contact.post(confirmUrl(req.id), { decision: "approved", version: req.version + 1 });
    expect(ok.status).toBe(201);
    expect(ok.body.confirmation.requirementVersion).toBe(req.version + 1);
  });

  it("takes one answer when two contacts answer at once; the other is told it changed", async () => {
    const project = await projectOfA();
    const colleague = await t.factories.user(w.workspace.id, "client", w.clientA.id);
    await t.factories.member(project.id, colleague.id, "client");
    const req = await awaiting(project.id);
    const [a, b] = await Promise.all([
      (await as(w.contactA)).post(confirmUrl(req.id), { decision: "approved", version: req.version }),
      (await as(colleague)).post(confirmUrl(req.id), { decision: "approved", version: req.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((await confirmationRows(req.id)).length).toBe(1);
    expect((await versionRows(req.id)).map((v) => v.version)).toEqual([1, 2, 3, 4]);
  });

  it("lets only the project's client contacts confirm: staff 403 (they use the workflow), strangers 404 and learn nothing", async () => {
    const project = await projectOfA();
    const req = await awaiting(project.id, "Secret scope of client A");
    for (const staff of [w.owner, w.admin, w.pm, w.dev, w.viewer]) {
      const res = await (await as(staff)).post(confirmUrl(req.id), { decision: "approved", version: req.version }, { "accept-language": "en" });
      expect(res.status, staff.email).toBe(403);
      expect(res.body.error.message).toContain("Only the client's contacts confirm requirements");
    }
    for (const stranger of [w.outsider, w.contactB]) {
      const client = await as(stranger);
      for (const res of [
        await client.post(confirmUrl(req.id), { decision: "approved", version: req.version }),
        await client.get(confirmUrl(req.id)),
        await client.get(pendingUrl(project.id)),
      ]) {
        expect(res.status, stranger.email).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain("Secret scope");
      }
    }
    // A contact of client A who is not on the project sees nothing of it either.
    const notOnProject = await t.factories.user(w.workspace.id, "client", w.clientA.id);
    expect((await (await as(notOnProject)).post(confirmUrl(req.id), { decision: "approved", version: req.version })).status).toBe(404);
    expect((await t.anonymous().post(confirmUrl(req.id), { decision: "approved", version: req.version })).status).toBe(401);
    expect(await confirmationRows(req.id)).toEqual([]);
  });

  it("a draft is not the client's: 404 for the contact, as if it did not exist", async () => {
    const project = await projectOfA();
    const draft = await (await as(w.pm)).post(`/api/v1/projects/${project.id}/requirements`, { title: "Internal draft" });
    const res = await (await as(w.contactA)).post(confirmUrl(draft.body.id), { decision: "approved", version: 1 });
    expect(res.status).toBe(404);
  });
});

describe("re-confirmation after a change", () => {
  it("sends an approved requirement back when its content is edited, shows it changed since, and takes a new approval", async () => {
    const project = await projectOfA();
    const req = await awaiting(project.id);
    const contact = await as(w.contactA);
    const approved = await contact.post(confirmUrl(req.id), { decision: "approved", version: req.version });
    expect(approved.status).toBe(201);

    // Tags do not change what was agreed: still approved, nothing changed since.
    const pm = await as(w.pm);
    const tagged = await pm.patch(`/api/v1/requirements/${req.id}`, { version: req.version + 1, tags: ["archive"] });
    expect(tagged.body).toMatchObject({ status: "approved", confirmation: { requirementVersion: req.version, changedSince: false } });

    // A new criterion does: the requirement goes back to the client automatically.
    const edited = await pm.patch(`/api/v1/requirements/${req.id}`, {
      version: tagged.body.version,
      acceptanceCriteria: [...tagged.body.acceptanceCriteria, { text: "Exports need the IT manager's approval" }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: "awaiting_client", version: req.version + 4 });
    expect(edited.body.confirmation).toMatchObject({ decision: "approved", requirementVersion: req.version, changedSince: true });

    const pending = await contact.get(pendingUrl(project.id));
    expect(pending.body.items).toEqual([expect.objectContaining({ id: req.id, version: req.version + 4, lastConfirmation: expect.objectContaining({ decision: "approved", changedSince: true }) })]);

    const again = await contact.post(confirmUrl(req.id), { decision: "approved", version: edited.body.version });
    expect(again.status).toBe(201);
    const detail = await contact.get(`/api/v1/requirements/${req.id}`);
    expect(detail.body).toMatchObject({ status: "approved", confirmation: { requirementVersion: req.version + 4, changedSince: false } });
    const list = await contact.get(confirmUrl(req.id));
    expect(list.body.items.map((c: { requirementVersion: number }) => c.requirementVersion)).toEqual([req.version + 4, req.version]);
  });
});

describe("GET /api/v1/projects/:id/confirmations/pending", () => {
  it("lists what awaits the client, longest waiting first, for the team and the contact alike", async () => {
    const project = await projectOfA();
    const first = await awaiting(project.id, "First sent");
    const second = await awaiting(project.id, "Second sent");
    await (await as(w.pm)).post(`/api/v1/projects/${project.id}/requirements`, { title: "A draft" });
    for (const reader of [w.pm, w.viewer, w.contactA]) {
      const res = await (await as(reader)).get(pendingUrl(project.id));
      expect(res.status, reader.email).toBe(200);
      expect(res.body.total).toBe(2);
      expect(res.body.items.map((i: { key: string }) => i.key)).toEqual([first.key, second.key]);
      expect(res.body.items[0]).toMatchObject({ id: first.id, title: "First sent", version: first.version, lastConfirmation: null });
    }
  });
});
