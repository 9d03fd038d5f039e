import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, requirementRelations } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));

type Req = { id: string; key: string; version: number };
type Proposal = { kind: string; score: number; reason: string; reasonKey: string; other: { id: string; key: string } };
type InboxItem = { kind: string; a: { id: string }; b: { id: string } };

/** A fresh project of client A, managed by pm, with dev a member, viewer a viewer and contact A a client. */
async function project() {
  const row = await t.factories.project(w.workspace.id, w.clientA.id);
  for (const [user, role] of [
    [w.pm, "manager"],
    [w.dev, "member"],
    [w.viewer, "viewer"],
    [w.contactA, "client"],
  ] as const) {
    await t.factories.member(row.id, user.id, role);
  }
  return row.id;
}
async function create(projectId: string, title: string): Promise<Req> {
  const res = await (await as(w.pm)).post(`/api/v1/projects/${projectId}/requirements`, { title });
  expect(res.status).toBe(201);
  return res.body;
}
const proposals = async (r: Req, user: TestUser = w.pm, lang = "en") => (await as(user)).get(`/api/v1/requirements/${r.id}/proposals`, { "accept-language": lang });
const inbox = async (projectId: string, user: TestUser = w.pm) => (await as(user)).get(`/api/v1/projects/${projectId}/requirement-proposals`, { "accept-language": "en" });
const decide = async (r: Req, body: unknown, user: TestUser = w.pm, lang = "en") =>
  (await as(user)).post(`/api/v1/requirements/${r.id}/proposals/decisions`, body, { "accept-language": lang });
const pairIn = (items: InboxItem[], x: Req, y: Req, kind: string) =>
  items.some((p) => p.kind === kind && [p.a.id, p.b.id].sort().join() === [x.id, y.id].sort().join());

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("requirement finder proposals", () => {
  it("proposes a numeric conflict with the reason in the caller's language, and a duplicate", async () => {
    const p = await project();
    const a = await create(p, "系统需支持 500 个并发用户");
    const b = await create(p, "系统需支持 5000 个并发用户");
    const sso = await create(p, "Users must sign in with the client's SSO");
    const login = await create(p, "Users must log in through the client's single sign-on");

    const zh = await proposals(a, w.pm, "zh-CN");
    expect(zh.status).toBe(200);
    const conflict = (zh.body.items as Proposal[]).find((x) => x.other.id === b.id);
    expect(conflict).toMatchObject({ kind: "conflict", reasonKey: "requirementFinder.conflict.numeric", other: { key: b.key, title: "系统需支持 5000 个并发用户" } });
    expect(conflict?.reason).toMatch(/^主题相同.*数值不相容：500 与 5000。$/);
    const en = (await proposals(a)).body.items as Proposal[];
    expect(en.find((x) => x.other.id === b.id)?.reason).toMatch(/^Same subject .*incompatible numbers 500 vs 5000\.$/);

    const dup = ((await proposals(sso)).body.items as Proposal[]).find((x) => x.other.id === login.id);
    expect(dup).toMatchObject({ kind: "duplicate" });
    expect(dup?.score).toBeGreaterThan(0);
    const scores = ((await proposals(sso)).body.items as Proposal[]).map((x) => x.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));

    const all = await inbox(p);
    expect(all.status).toBe(200);
    expect(all.body.truncated).toBe(false);
    expect(pairIn(all.body.items, a, b, "conflict")).toBe(true);
    expect(pairIn(all.body.items, sso, login, "duplicate")).toBe(true);
  });

  it("never proposes a dismissed pair again, on either endpoint, and audits the decision on both", async () => {
    const p = await project();
    const sso = await create(p, "Users must sign in with the client's SSO");
    const login = await create(p, "Users must log in through the client's single sign-on");
    const res = await decide(login, { otherId: sso.id, kind: "duplicate", decision: "dismissed" }, w.dev);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ requirementId: login.id, otherId: sso.id, kind: "duplicate", decision: "dismissed", decidedById: w.dev.id, relation: null });
    expect(((await proposals(sso)).body.items as Proposal[]).some((x) => x.other.id === login.id)).toBe(false);
    expect(((await proposals(login)).body.items as Proposal[]).some((x) => x.other.id === sso.id)).toBe(false);
    expect(pairIn((await inbox(p)).body.items, sso, login, "duplicate")).toBe(false);
    // Deciding again is idempotent: the one decision is updated.
    expect((await decide(sso, { otherId: login.id, kind: "duplicate", decision: "dismissed" })).status).toBe(200);
    for (const r of [sso, login]) {
      const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, "finder.dismiss")));
      expect(audit).toHaveLength(2);
    }
  });

  it("confirming a conflict creates an open conflicts_with relation, audited, and the pair is no longer proposed", async () => {
    const p = await project();
    const a = await create(p, "系统需支持 500 个并发用户");
    const b = await create(p, "系统需支持 5000 个并发用户");
    const res = await decide(a, { otherId: b.id, kind: "conflict", decision: "confirmed" });
    expect(res.status).toBe(200);
    expect(res.body.relation).toMatchObject({ kind: "conflicts_with", status: "open" });
    expect([res.body.relation.from.id, res.body.relation.to.id].sort()).toEqual([a.id, b.id].sort());
    const rows = await t.db.select().from(requirementRelations).where(eq(requirementRelations.projectId, p));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "conflicts_with", status: "open" });
    for (const r of [a, b]) {
      expect(await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, "relation.add")))).toHaveLength(1);
      expect(await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, "finder.confirm")))).toHaveLength(1);
    }
    expect(((await proposals(a)).body.items as Proposal[]).some((x) => x.other.id === b.id)).toBe(false);
    expect(pairIn((await inbox(p)).body.items, a, b, "conflict")).toBe(false);
    // Confirming again keeps the one relation.
    const again = await decide(b, { otherId: a.id, kind: "conflict", decision: "confirmed" });
    expect(again.status).toBe(200);
    expect(again.body.relation.id).toBe(res.body.relation.id);
    expect(await t.db.select().from(requirementRelations).where(eq(requirementRelations.projectId, p))).toHaveLength(1);
  });

  it("a pair related by hand is not proposed", async () => {
    const p = await project();
    const a = await create(p, "系统需支持 500 个并发用户");
    const b = await create(p, "系统需支持 5000 个并发用户");
    expect((await (await as(w.pm)).post(`/api/v1/requirements/${a.id}/relations`, { toId: b.id, kind: "conflicts_with" })).status).toBe(201);
    expect(((await proposals(b)).body.items as Proposal[]).some((x) => x.other.id === a.id)).toBe(false);
  });

  it("viewers read but do not decide; client contacts never see proposals", async () => {
    const p = await project();
    const a = await create(p, "系统需支持 500 个并发用户");
    const b = await create(p, "系统需支持 5000 个并发用户");
    expect((await proposals(a, w.viewer)).body.items.length).toBeGreaterThan(0);
    expect((await inbox(p, w.viewer)).status).toBe(200);
    expect((await decide(a, { otherId: b.id, kind: "conflict", decision: "dismissed" }, w.viewer)).status).toBe(403);
    // A draft is invisible to the contact (404); the project's inbox is the team's (403).
    expect((await proposals(a, w.contactA)).status).toBe(404);
    expect((await inbox(p, w.contactA)).status).toBe(403);
    expect((await decide(a, { otherId: b.id, kind: "conflict", decision: "dismissed" }, w.contactA)).status).toBe(404);
    expect((await proposals(a, w.outsider)).status).toBe(404);
  });

  it("400 with field messages on a bad body, itself, or a requirement of another project", async () => {
    const p = await project();
    const a = await create(p, "Export to CSV");
    const elsewhere = await create(w.projectB.id, "Export to CSV");
    const bad = await decide(a, { otherId: "nope", kind: "similar", decision: "maybe" });
    expect(bad.status).toBe(400);
    expect(Object.keys(fields(bad)).sort()).toEqual(["body.decision", "body.kind", "body.otherId"]);
    expect(fields(await decide(a, { otherId: a.id, kind: "duplicate", decision: "dismissed" }))).toEqual({ "body.otherId": "A requirement cannot be related to itself." });
    expect(fields(await decide(a, { otherId: elsewhere.id, kind: "duplicate", decision: "dismissed" }, w.pm, "zh-CN"))).toEqual({ "body.otherId": "两个需求必须属于同一个项目。" });
  });
});
