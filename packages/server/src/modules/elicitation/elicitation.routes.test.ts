import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, requirementSources, requirements } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));

const NOTES = "## 访谈纪要\n客户需要单点登录（企业微信）。\nThey also need an audit log of every change.\n";
const SSO = "客户需要单点登录（企业微信）。";
const AUDIT = "an audit log of every change";
const rangeOf = (notes: string, text: string) => ({ start: notes.indexOf(text), end: notes.indexOf(text) + text.length });

const sessionBody = (overrides: Record<string, unknown> = {}) => ({
  kind: "interview",
  title: "与财务部访谈",
  startsAt: "2025-03-04T02:00:00.000Z",
  endsAt: "2025-03-04T03:30:00.000Z",
  location: "上海办公室",
  participantIds: [w.dev.id, w.contactA.id],
  guests: ["王经理"],
  agenda: "1. 现状\n2. 痛点",
  notes: NOTES,
  ...overrides,
});

async function newSession(overrides: Record<string, unknown> = {}) {
  const res = await (await as(w.pm)).post(`/api/v1/projects/${w.projectA.id}/elicitation-sessions`, sessionBody(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; notes: string };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("sessions", () => {
  it("records a session with participants, guests, agenda and notes, rendered and audited", async () => {
    const session = await newSession();
    const res = await (await as(w.pm)).get(`/api/v1/elicitation-sessions/${session.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      projectId: w.projectA.id,
      kind: "interview",
      title: "与财务部访谈",
      endsAt: "2025-03-04T03:30:00.000Z",
      guests: ["王经理"],
      notes: NOTES,
      passageCount: 0,
      createdById: w.pm.id,
      version: 1,
    });
    expect(res.body.notesHtml).toContain("<h2>访谈纪要</h2>");
    expect(res.body.participants.map((p: { userId: string; kind: string }) => [p.userId, p.kind]).sort()).toEqual(
      [
        [w.dev.id, "staff"],
        [w.contactA.id, "contact"],
      ].sort(),
    );
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "elicitation_session"), eq(auditLog.entityId, session.id)));
    expect(audit.map((a) => [a.action, a.actorId, a.projectId])).toEqual([["create", w.pm.id, w.projectA.id]]);
  });

  it("accepts only the project's team and its client's contacts as participants", async () => {
    const pm = await as(w.pm);
    const url = `/api/v1/projects/${w.projectA.id}/elicitation-sessions`;
    const otherClient = await pm.post(url, sessionBody({ participantIds: [w.dev.id, w.contactB.id] }), { "accept-language": "zh-CN" });
    expect(otherClient.status).toBe(400);
    expect(fields(otherClient)).toEqual({ "body.participantIds.1": "此人既不是项目团队成员，也不是项目客户的联系人。" });
    const stranger = await pm.post(url, sessionBody({ participantIds: [w.outsider.id] }), { "accept-language": "en" });
    expect(fields(stranger)).toEqual({ "body.participantIds.0": "Not on the project's team, nor a contact of the project's client." });
    // A contact of client A who has not joined the project may still take part.
    const colleague = await t.factories.user(w.workspace.id, "client", w.clientA.id);
    expect((await pm.post(url, sessionBody({ participantIds: [colleague.id, colleague.id] }))).body.participants).toHaveLength(1);
  });

  it("answers invalid input field by field in both languages", async () => {
    const pm = await as(w.pm);
    const url = `/api/v1/projects/${w.projectA.id}/elicitation-sessions`;
    const bad = { kind: "chat", title: "", startsAt: "2025-03-04T09:00:00Z", endsAt: "2025-03-04T08:00:00Z" };
    const en = await pm.post(url, bad, { "accept-language": "en" });
    expect(en.status).toBe(400);
    expect(fields(en)).toMatchObject({ "body.title": "Too short (at least 1)." });
    expect(fields(en)["body.kind"]).toMatch(/^Must be one of: interview, focus_group, workshop/);
    const backwards = await pm.post(url, { ...bad, kind: "interview", title: "访谈" }, { "accept-language": "zh-CN" });
    expect(fields(backwards)).toEqual({ "body.endsAt": "结束日期早于开始日期。" });
    const zh = await pm.post(url, { kind: "workshop", title: "工作坊" }, { "accept-language": "zh-CN" });
    expect(fields(zh)).toEqual({ "body.startsAt": "必填。" });
  });

  it("lets managers and members write, viewers read, and hides the project from strangers", async () => {
    const url = `/api/v1/projects/${w.projectA.id}/elicitation-sessions`;
    expect((await t.anonymous().post(url, sessionBody())).status).toBe(401);
    expect((await (await as(w.dev)).post(url, sessionBody())).status).toBe(201);
    expect((await (await as(w.viewer)).post(url, sessionBody())).status).toBe(403);
    expect((await (await as(w.contactA)).post(url, sessionBody())).status).toBe(403);
    expect((await (await as(w.outsider)).post(url, sessionBody())).status).toBe(404);
    expect((await (await as(w.contactB)).post(url, sessionBody())).status).toBe(404);
    expect((await (await as(w.contactB)).get(url)).status).toBe(404);
    expect((await (await as(w.viewer)).get(url)).status).toBe(200);
  });

  it("shows a client contact only the sessions they took part in, notes included", async () => {
    const withContact = await newSession({ title: "Contact present" });
    const without = await newSession({ title: "Team only", participantIds: [w.dev.id] });
    const contact = await as(w.contactA);
    const list = await contact.get(`/api/v1/projects/${w.projectA.id}/elicitation-sessions?limit=200`);
    const ids = list.body.items.map((s: { id: string }) => s.id);
    expect(ids).toContain(withContact.id);
    expect(ids).not.toContain(without.id);
    expect((await contact.get(`/api/v1/elicitation-sessions/${withContact.id}`)).body.notes).toBe(NOTES);
    expect((await contact.get(`/api/v1/elicitation-sessions/${without.id}`)).status).toBe(404);
    expect((await contact.patch(`/api/v1/elicitation-sessions/${withContact.id}`, { version: 1, title: "x" })).status).toBe(403);
    expect((await (await as(w.contactB)).get(`/api/v1/elicitation-sessions/${withContact.id}`)).status).toBe(404);
    expect((await (await as(w.contactB)).get(`/api/v1/elicitation-sessions/${withContact.id}/passages`)).status).toBe(404);
    // Comments follow the same rule; history stays with the team.
    expect((await contact.post(`/api/v1/elicitation_sessions/${withContact.id}/comments`, { body: "补充：还要支持钉钉" })).status).toBe(201);
    expect((await contact.get(`/api/v1/elicitation_sessions/${without.id}/comments`)).status).toBe(404);
    expect((await contact.get(`/api/v1/elicitation_sessions/${withContact.id}/audit`)).status).toBe(403);
    expect((await (await as(w.viewer)).get(`/api/v1/elicitation_sessions/${withContact.id}/audit`)).status).toBe(200);
  });

  it("pages, filters by kind and text, newest first by default", async () => {
    const pm = await as(w.pm);
    const a = await newSession({ kind: "workshop", title: "Paging workshop A", startsAt: "2030-01-01T00:00:00Z", endsAt: null });
    const b = await newSession({ kind: "workshop", title: "Paging workshop B", startsAt: "2030-02-01T00:00:00Z", endsAt: null });
    const first = await pm.get(`/api/v1/projects/${w.projectA.id}/elicitation-sessions?kind=workshop&q=paging&limit=1`);
    expect(first.body.items.map((s: { id: string }) => s.id)).toEqual([b.id]);
    const second = await pm.get(`/api/v1/projects/${w.projectA.id}/elicitation-sessions?kind=workshop&q=paging&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((s: { id: string }) => s.id)).toEqual([a.id]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("updates with the version read; a stale version is a 409 carrying the current session", async () => {
    const session = await newSession();
    const pm = await as(w.pm);
    const ok = await pm.patch(`/api/v1/elicitation-sessions/${session.id}`, { version: 1, title: "改名", participantIds: [w.contactA.id], endsAt: null });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: "改名", version: 2, endsAt: null });
    expect(ok.body.participants.map((p: { userId: string }) => p.userId)).toEqual([w.contactA.id]);
    const stale = await pm.patch(`/api/v1/elicitation-sessions/${session.id}`, { version: 1, title: "又改" }, { "accept-language": "en" });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "version_conflict", details: { current: { title: "改名", version: 2 } } });
    const backwards = await pm.patch(`/api/v1/elicitation-sessions/${session.id}`, { version: 2, endsAt: "2025-03-01T00:00:00Z" });
    expect(fields(backwards)).toEqual({ "body.endsAt": "The end date is before the start date." });
    expect((await (await as(w.viewer)).patch(`/api/v1/elicitation-sessions/${session.id}`, { version: 2, title: "v" })).status).toBe(403);
  });
});

describe("passages", () => {
  it("marks a passage of the current notes, storing its excerpt; the same range is reused", async () => {
    const session = await newSession();
    const pm = await as(w.pm);
    const url = `/api/v1/elicitation-sessions/${session.id}/passages`;
    const made = await pm.post(url, rangeOf(NOTES, SSO));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ created: true, passage: { excerpt: SSO, detached: false, requirements: [], ...rangeOf(NOTES, SSO) } });
    const again = await pm.post(url, rangeOf(NOTES, SSO));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, passage: { id: made.body.passage.id } });
    expect((await pm.get(url)).body.items).toHaveLength(1);
    expect((await (await as(w.contactA)).get(url)).body.items[0].excerpt).toBe(SSO);
    expect((await (await as(w.viewer)).post(url, rangeOf(NOTES, AUDIT))).status).toBe(403);
  });

  it("validates offsets against the notes, in the caller's language", async () => {
    const session = await newSession({ notes: "a 😀 b" });
    const pm = await as(w.pm);
    const url = `/api/v1/elicitation-sessions/${session.id}/passages`;
    expect(fields(await pm.post(url, { start: 2, end: 40 }, { "accept-language": "en" }))).toEqual({
      "body.end": "The selection is outside the notes (they may have changed: reload and select again).",
    });
    expect(fields(await pm.post(url, { start: 3, end: 3 }, { "accept-language": "zh-CN" }))).toEqual({ "body.end": "请选择记录中的一段文字。" });
    expect(fields(await pm.post(url, { start: 3, end: 5 }, { "accept-language": "en" }))).toEqual({ "body.start": "The selection cuts a character in half." });
    expect(fields(await pm.post(url, { start: 1, end: 2 }, { "accept-language": "en" }))).toEqual({ "body.start": "The selection holds only spaces." });
    expect(fields(await pm.post(url, { start: -1, end: 2 }, { "accept-language": "en" }))).toEqual({ "body.start": "Must be at least 0." });
    expect((await pm.post(url, { start: 2, end: 4 })).body.passage.excerpt).toBe("😀");
  });

  it("re-anchors passages on their excerpt when the notes are edited, detaching (and keeping) lost ones", async () => {
    const session = await newSession();
    const pm = await as(w.pm);
    const url = `/api/v1/elicitation-sessions/${session.id}/passages`;
    const sso = (await pm.post(url, rangeOf(NOTES, SSO))).body.passage;
    const audit = (await pm.post(url, rangeOf(NOTES, AUDIT))).body.passage;
    const edited = `会议时间：周二上午。\n${NOTES.replace(AUDIT, "reports")}`;
    const patched = await pm.patch(`/api/v1/elicitation-sessions/${session.id}`, { version: 1, notes: edited });
    expect(patched.body).toMatchObject({ passageCount: 2, detachedPassageCount: 1 });
    const after = new Map(((await pm.get(url)).body.items as { id: string }[]).map((p) => [p.id, p]));
    expect(after.get(sso.id)).toMatchObject({ excerpt: SSO, detached: false, ...rangeOf(edited, SSO) });
    expect(after.get(audit.id)).toMatchObject({ excerpt: AUDIT, detached: true, start: audit.start, end: audit.end });
    // The text comes back: the passage is attached again where it now is.
    const restored = `${edited}\nPS: ${AUDIT}.`;
    await pm.patch(`/api/v1/elicitation-sessions/${session.id}`, { version: 2, notes: restored });
    const again = ((await pm.get(url)).body.items as { id: string }[]).find((p) => p.id === audit.id);
    expect(again).toMatchObject({ detached: false, ...rangeOf(restored, AUDIT) });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, session.id), eq(auditLog.action, "update")));
    expect(audits.map((a) => (a.after as { passages?: unknown }).passages)).toEqual([
      { moved: 1, detached: 1, reattached: 0 },
      { moved: 0, detached: 0, reattached: 1 },
    ]);
  });

  it("removes a passage no requirement came from", async () => {
    const session = await newSession();
    const pm = await as(w.pm);
    const passage = (await pm.post(`/api/v1/elicitation-sessions/${session.id}/passages`, rangeOf(NOTES, SSO))).body.passage;
    expect((await (await as(w.viewer)).delete(`/api/v1/elicitation-sessions/${session.id}/passages/${passage.id}`)).status).toBe(403);
    expect((await pm.delete(`/api/v1/elicitation-sessions/${session.id}/passages/${passage.id}`)).status).toBe(204);
    expect((await pm.delete(`/api/v1/elicitation-sessions/${session.id}/passages/${passage.id}`)).status).toBe(404);
  });
});

describe("requirements from passages", () => {
  it("makes a requirement linked to that exact passage, and shows which passages became which requirements", async () => {
    const session = await newSession();
    const pm = await as(w.pm);
    const res = await pm.post(`/api/v1/elicitation-sessions/${session.id}/requirements`, { ...rangeOf(NOTES, SSO), type: "security" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.requirement).toMatchObject({ title: SSO, status: "draft" });
    expect(res.body.requirement.key).toMatch(/^REQ-\d+$/);
    expect(res.body.passage).toMatchObject({ excerpt: SSO, requirements: [res.body.requirement] });
    // A second requirement from the same selection reuses the passage.
    const second = await pm.post(`/api/v1/elicitation-sessions/${session.id}/requirements`, { ...rangeOf(NOTES, SSO), title: "企业微信登录" });
    expect(second.body.passage.id).toBe(res.body.passage.id);
    const passages = (await pm.get(`/api/v1/elicitation-sessions/${session.id}/passages`)).body.items;
    expect(passages).toHaveLength(1);
    expect(passages[0].requirements.map((r: { title: string }) => r.title)).toEqual([SSO, "企业微信登录"]);
    // The register knows where the requirement came from.
    const [source] = await t.db.select().from(requirementSources).where(eq(requirementSources.requirementId, res.body.requirement.id));
    expect(source).toMatchObject({ kind: "session_passage", sessionId: session.id, passageId: res.body.passage.id, excerpt: SSO, ...{ startOffset: rangeOf(NOTES, SSO).start } });
    const [requirement] = await t.db.select().from(requirements).where(eq(requirements.id, res.body.requirement.id));
    expect(requirement).toMatchObject({ projectId: w.projectA.id, type: "security", createdById: w.pm.id });
    expect(requirement?.description).toContain(`> ${SSO}`);
    // Contacts see the passages, not what the team made of them.
    expect((await (await as(w.contactA)).get(`/api/v1/elicitation-sessions/${session.id}/passages`)).body.items[0].requirements).toEqual([]);
  });

  it("refuses viewers and contacts, validates the range, and leaves nothing behind when refused", async () => {
    const session = await newSession();
    const url = `/api/v1/elicitation-sessions/${session.id}/requirements`;
    expect((await (await as(w.viewer)).post(url, rangeOf(NOTES, SSO))).status).toBe(403);
    expect((await (await as(w.contactA)).post(url, rangeOf(NOTES, SSO))).status).toBe(403);
    expect((await (await as(w.contactB)).post(url, rangeOf(NOTES, SSO))).status).toBe(404);
    const bad = await (await as(w.pm)).post(url, { start: 0, end: 100_000 }, { "accept-language": "en" });
    expect(bad.status).toBe(400);
    const tooLong = await (await as(w.pm)).post(url, { ...rangeOf(NOTES, SSO), title: "x".repeat(201) }, { "accept-language": "en" });
    expect(fields(tooLong)).toEqual({ "body.title": "Too long (at most 200)." });
    expect((await (await as(w.pm)).get(`/api/v1/elicitation-sessions/${session.id}/passages`)).body.items).toEqual([]);
  });

  it("keeps sessions and passages that requirements came from", async () => {
    const session = await newSession();
    const pm = await as(w.pm);
    const made = await pm.post(`/api/v1/elicitation-sessions/${session.id}/requirements`, rangeOf(NOTES, AUDIT));
    expect((await pm.delete(`/api/v1/elicitation-sessions/${session.id}/passages/${made.body.passage.id}`)).status).toBe(409);
    const refused = await pm.delete(`/api/v1/elicitation-sessions/${session.id}`, { "accept-language": "en" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe("Requirements were made from this session's notes; it cannot be deleted.");
  });
});

describe("DELETE /api/v1/elicitation-sessions/:id", () => {
  it("deletes with its passages; a stale version is refused", async () => {
    const session = await newSession();
    const pm = await as(w.pm);
    await pm.post(`/api/v1/elicitation-sessions/${session.id}/passages`, rangeOf(NOTES, SSO));
    expect((await pm.delete(`/api/v1/elicitation-sessions/${session.id}?version=7`)).status).toBe(409);
    expect((await (await as(w.viewer)).delete(`/api/v1/elicitation-sessions/${session.id}`)).status).toBe(403);
    expect((await pm.delete(`/api/v1/elicitation-sessions/${session.id}?version=1`)).status).toBe(204);
    expect((await pm.get(`/api/v1/elicitation-sessions/${session.id}`)).status).toBe(404);
  });
});
