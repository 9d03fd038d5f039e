import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { riskCatalogue } from "@jiaofu/engine";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, riskReviews, traceLinks, users } from "../../db/schema";
import { riskToday } from "./risks.service";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);

const fields = (body: { error: { details: { fields: { path: string; message: string }[] } } }) => Object.fromEntries(body.error.details.fields.map((f) => [f.path, f.message]));
const listUrl = (projectId: string, query = "") => `/api/v1/projects/${projectId}/risks${query ? `?${query}` : ""}`;
const riskUrl = (id: string, tail = "") => `/api/v1/risks/${id}${tail}`;

function expectStatus(res: HttpResponse, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** A project of client A with the usual team (pm manages, dev is a member, viewer views, contact A is the client). */
async function freshProject() {
  const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
  return project;
}

async function createRisk(projectId: string, body: Record<string, unknown>, who: TestUser = w.pm) {
  return expectStatus(await (await as(who)).post(listUrl(projectId), body), 201);
}

const riskAudit = (id: string) =>
  t.db.select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.entityType, "risk"), eq(auditLog.entityId, id))).orderBy(asc(auditLog.id));

const day = (offset: number) => riskToday(new Date(Date.now() + offset * 86_400_000));

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("the risk register", () => {
  it("creates a risk with its score, level, first assessment and threatened requirements, and audits it", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const requirement = expectStatus(await pm.post(`/api/v1/projects/${project.id}/requirements`, { title: "Sign in with SSO" }), 201);
    const risk = await createRisk(project.id, {
      title: "  Identity provider test tenant is late  ",
      description: "The client's IT must **configure** ADFS.",
      category: "technical",
      probability: 4,
      impact: 5,
      strategy: "mitigate",
      responsePlan: "Ask for the tenant at kickoff.",
      ownerId: w.dev.id,
      trigger: "No tenant two weeks after kickoff",
      reviewDate: day(7),
      requirementIds: [requirement.id],
    });
    expect(risk).toMatchObject({
      key: "RISK-1",
      number: 1,
      title: "Identity provider test tenant is late",
      score: 20,
      level: "critical",
      status: "open",
      statusReason: null,
      ownerId: w.dev.id,
      reviewOverdue: false,
      sharedWithClient: false,
      version: 1,
      createdById: w.pm.id,
    });
    expect(risk.descriptionHtml).toContain("<strong>configure</strong>");
    expect(risk.responsePlanHtml).toContain("Ask for the tenant");
    expect(risk.requirements).toEqual([{ linkId: expect.any(String), requirement: { id: requirement.id, key: requirement.key, title: "Sign in with SSO", status: "draft" } }]);
    expect(risk.lastReviewedAt).not.toBeNull();

    const reviews = expectStatus(await pm.get(riskUrl(risk.id, "/reviews")), 200).items;
    expect(reviews).toEqual([
      expect.objectContaining({ kind: "assessment", probabilityBefore: null, probabilityAfter: 4, impactAfter: 5, scoreBefore: null, scoreAfter: 20, statusBefore: null, statusAfter: "open", reviewedById: w.pm.id, riskVersion: 1, nextReviewDate: day(7) }),
    ]);
    expect((await riskAudit(risk.id)).map((a) => a.action)).toEqual(["create"]);
    // The link is a generic trace link: `risk threatens requirement`.
    const [link] = await t.db.select().from(traceLinks).where(eq(traceLinks.fromId, risk.id));
    expect(link).toMatchObject({ fromType: "risk", toType: "requirement", toId: requirement.id, kind: "threatens" });

    const second = await createRisk(project.id, { title: "Second", probability: 1, impact: 1 });
    expect(second).toMatchObject({ key: "RISK-2", category: "other", strategy: "mitigate", level: "low", score: 1 });
  });

  it("writes a review in the same change when probability, impact or status change, and only then", async () => {
    const project = await freshProject();
    const dev = await as(w.dev);
    const risk = await createRisk(project.id, { title: "Key users unavailable", probability: 4, impact: 3 }, w.dev);

    const retitled = expectStatus(await dev.patch(riskUrl(risk.id), { version: risk.version, title: "Key users are not available", category: "resource" }), 200);
    expect(retitled).toMatchObject({ version: 2, category: "resource" });
    expect(await t.db.select().from(riskReviews).where(eq(riskReviews.riskId, risk.id))).toHaveLength(1);

    const mitigated = expectStatus(await dev.patch(riskUrl(risk.id), { version: retitled.version, probability: 2, status: "monitoring", note: "Workshops booked with their managers" }), 200);
    expect(mitigated).toMatchObject({ version: 3, probability: 2, impact: 3, score: 6, level: "medium", status: "monitoring" });
    const [latest] = expectStatus(await dev.get(riskUrl(risk.id, "/reviews")), 200).items;
    expect(latest).toMatchObject({ kind: "change", probabilityBefore: 4, probabilityAfter: 2, impactBefore: 3, impactAfter: 3, scoreBefore: 12, scoreAfter: 6, statusBefore: "open", statusAfter: "monitoring", note: "Workshops booked with their managers", riskVersion: 3, reviewedById: w.dev.id });

    // Closing needs a reason, in the caller's language; nothing is written.
    const en = expectStatus(await dev.patch(riskUrl(risk.id), { version: 3, status: "closed" }), 400);
    expect(fields(en)).toEqual({ "body.statusReason": "Say why the risk is closed." });
    const zh = expectStatus(await dev.patch(riskUrl(risk.id), { version: 3, status: "closed", statusReason: "  " }, { "accept-language": "zh-CN" }), 400);
    expect(zh.error.message).toBe("部分字段无效。");
    expect(fields(zh)).toEqual({ "body.statusReason": "请说明关闭该风险的原因。" });

    const closed = expectStatus(await dev.patch(riskUrl(risk.id), { version: 3, status: "closed", statusReason: "Phase 1 accepted" }), 200);
    expect(closed).toMatchObject({ status: "closed", statusReason: "Phase 1 accepted", version: 4 });
    // Reopening clears the old reason.
    const reopened = expectStatus(await dev.patch(riskUrl(risk.id), { version: 4, status: "open", note: "Phase 2 starts" }), 200);
    expect(reopened).toMatchObject({ status: "open", statusReason: null, version: 5 });

    // A stale version is refused with the risk as it is now.
    const stale = expectStatus(await dev.patch(riskUrl(risk.id), { version: 3, impact: 5 }), 409);
    expect(stale.error.code).toBe("version_conflict");
    expect(stale.error.details.current).toMatchObject({ id: risk.id, version: 5, impact: 3 });

    const reviews = expectStatus(await dev.get(riskUrl(risk.id, "/reviews")), 200).items;
    expect(reviews.map((r: { kind: string; statusAfter: string }) => `${r.kind}:${r.statusAfter}`)).toEqual(["change:open", "change:closed", "change:monitoring", "assessment:open"]);
    expect((await riskAudit(risk.id)).map((a) => a.action)).toEqual(["create", "update", "update", "update", "update"]);

    // A note alone is a review; an edit that changes nothing writes nothing.
    const noted = expectStatus(await dev.patch(riskUrl(risk.id), { version: 5, note: "Still open: waiting for the sponsor" }), 200);
    expect(noted.version).toBe(6);
    expect(expectStatus(await dev.get(riskUrl(risk.id, "/reviews")), 200).items[0]).toMatchObject({ kind: "review", note: "Still open: waiting for the sponsor" });
    expect(expectStatus(await dev.patch(riskUrl(risk.id), { version: 6, title: "Key users are not available" }), 200).version).toBe(6);
  });

  it("records a review that changes nothing but the next review date", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const risk = await createRisk(project.id, { title: "Cutover window too short", probability: 2, impact: 5, reviewDate: day(-3) });
    expect(risk.reviewOverdue).toBe(true);
    const recorded = expectStatus(await pm.post(riskUrl(risk.id, "/reviews"), { version: risk.version, note: "Rehearsal took 40% of the window", nextReviewDate: day(14) }), 201);
    expect(recorded.risk).toMatchObject({ version: 2, reviewDate: day(14), reviewOverdue: false, probability: 2, impact: 5 });
    expect(recorded.review).toMatchObject({ kind: "review", note: "Rehearsal took 40% of the window", nextReviewDate: day(14), probabilityBefore: 2, probabilityAfter: 2, statusBefore: "open", statusAfter: "open", riskVersion: 2 });
    expect(expectStatus(await pm.post(riskUrl(risk.id, "/reviews"), { version: 1, note: "late" }), 409).error.code).toBe("version_conflict");
    expect(fields(expectStatus(await pm.post(riskUrl(risk.id, "/reviews"), { version: 2, nextReviewDate: "someday" }), 400))).toEqual({ "body.nextReviewDate": "Not a valid date (YYYY-MM-DD)." });
    expect((await riskAudit(risk.id)).map((a) => a.action)).toEqual(["create", "review"]);
  });

  it("refuses bad input field by field in the caller's language", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const bad = { title: "", probability: 6, impact: 0, category: "weather", reviewDate: "2025-13-40" };
    const en = expectStatus(await pm.post(listUrl(project.id), bad), 400);
    expect(fields(en)).toMatchObject({ "body.title": "Too short (at least 1).", "body.probability": "Must be at most 5.", "body.impact": "Must be at least 1." });
    expect(Object.keys(fields(en)).sort()).toEqual(["body.category", "body.impact", "body.probability", "body.reviewDate", "body.title"]);
    const zh = expectStatus(await pm.post(listUrl(project.id), bad, { "accept-language": "zh-CN" }), 400);
    expect(zh.error.message).toBe("部分字段无效。");
    expect(Object.keys(fields(zh)).sort()).toEqual(Object.keys(fields(en)).sort());

    // The owner must be on the delivery team; the requirements must be the project's.
    expect(fields(expectStatus(await pm.post(listUrl(project.id), { title: "X", probability: 1, impact: 1, ownerId: w.contactA.id }), 400))).toEqual({ "body.ownerId": "The owner must be on this project's delivery team." });
    const foreign = expectStatus(await pm.post(`/api/v1/projects/${w.projectB.id}/requirements`, { title: "B's own" }), 201);
    expect(fields(expectStatus(await pm.post(listUrl(project.id), { title: "X", probability: 1, impact: 1, requirementIds: [foreign.id] }), 400))).toEqual({ "body.requirementIds.0": "No such requirement in this project." });
    // Unknown fields, including computed ones, are refused on edit.
    const risk = await createRisk(project.id, { title: "Y", probability: 1, impact: 1 });
    expect(expectStatus(await pm.patch(riskUrl(risk.id), { version: 1, score: 25 }), 400).error.code).toBe("validation_failed");
    expect(expectStatus(await pm.get(listUrl(project.id, "status=open,gone")), 400).error.code).toBe("validation_failed");
    expect(expectStatus(await pm.get(listUrl(project.id)), 200).items).toHaveLength(1);
  });

  it("filters, sorts and pages the register, and draws the heat map", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const a = await createRisk(project.id, { title: "Vendor late", category: "vendor", probability: 3, impact: 4, ownerId: w.dev.id, reviewDate: day(-1) });
    const b = await createRisk(project.id, { title: "Scope creep", category: "scope", probability: 3, impact: 4 });
    const c = await createRisk(project.id, { title: "Budget cut", category: "cost", probability: 5, impact: 5, reviewDate: day(30) });
    const d = await createRisk(project.id, { title: "Minor outage", category: "technical", probability: 1, impact: 2 });
    const closed = await createRisk(project.id, { title: "Old risk", category: "technical", probability: 5, impact: 4, reviewDate: day(-10) });
    expectStatus(await pm.patch(riskUrl(closed.id), { version: 1, status: "closed", statusReason: "Gone" }), 200);

    const keys = (body: { items: { key: string }[] }) => body.items.map((r) => r.key);
    // Highest score first; equal scores by key.
    expect(keys(expectStatus(await pm.get(listUrl(project.id)), 200))).toEqual([c.key, closed.key, a.key, b.key, d.key]);
    expect(keys(expectStatus(await pm.get(listUrl(project.id, "sort=score")), 200))).toEqual([d.key, b.key, a.key, closed.key, c.key]);
    expect(keys(expectStatus(await pm.get(listUrl(project.id, "sort=key")), 200))).toEqual([a.key, b.key, c.key, d.key, closed.key]);
    // By review date, soonest first; risks without one last.
    const byReview = keys(expectStatus(await pm.get(listUrl(project.id, "sort=reviewDate")), 200));
    expect(byReview.slice(0, 3)).toEqual([closed.key, a.key, c.key]);
    expect(byReview.slice(3).sort()).toEqual([b.key, d.key].sort());
    // Pages of two walk the whole register in order.
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { key: string }[]; nextCursor: string | null } = expectStatus(await pm.get(listUrl(project.id, `limit=2${cursor ? `&cursor=${cursor}` : ""}`)), 200);
      walked.push(...keys(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual([c.key, closed.key, a.key, b.key, d.key]);

    expect(keys(expectStatus(await pm.get(listUrl(project.id, "status=open&sort=key")), 200))).toEqual([a.key, b.key, c.key, d.key]);
    expect(keys(expectStatus(await pm.get(listUrl(project.id, "category=vendor,cost&sort=key")), 200))).toEqual([a.key, c.key]);
    expect(keys(expectStatus(await pm.get(listUrl(project.id, "level=high")), 200))).toEqual([a.key, b.key]);
    expect(keys(expectStatus(await pm.get(listUrl(project.id, "level=critical,low")), 200))).toEqual([c.key, closed.key, d.key]);
    expect(keys(expectStatus(await pm.get(listUrl(project.id, `ownerId=${w.dev.id}`)), 200))).toEqual([a.key]);
    // Overdue: a review date in the past on a risk that is not closed.
    const overdue = expectStatus(await pm.get(listUrl(project.id, "overdue=true")), 200);
    expect(keys(overdue)).toEqual([a.key]);
    expect(overdue.items[0].reviewOverdue).toBe(true);
    expect(keys(expectStatus(await pm.get(listUrl(project.id, "overdue=false&sort=key")), 200))).toEqual([b.key, c.key, d.key, closed.key]);
    expect(keys(expectStatus(await pm.get(listUrl(project.id, "probability=3&impact=4&sort=key")), 200))).toEqual([a.key, b.key]);
    expect(keys(expectStatus(await pm.get(listUrl(project.id, `q=${b.key}`)), 200))).toEqual([b.key]);
    expect(keys(expectStatus(await pm.get(listUrl(project.id, "q=budget")), 200))).toEqual([c.key]);

    const map = expectStatus(await pm.get(`${listUrl(project.id)}/heat-map`), 200);
    expect(map.cells).toHaveLength(25);
    expect(map.total).toBe(4);
    const cell = (p: number, i: number) => map.cells.find((x: { probability: number; impact: number }) => x.probability === p && x.impact === i);
    expect(cell(3, 4)).toMatchObject({ count: 2, score: 12, level: "high", risks: [{ id: a.id, key: a.key, title: "Vendor late" }, { id: b.id, key: b.key, title: "Scope creep" }] });
    expect(cell(5, 5)).toMatchObject({ count: 1, level: "critical" });
    // The closed risk is left out unless asked for.
    expect(cell(5, 4).count).toBe(0);
    expect(map.levels).toEqual({ low: 1, medium: 0, high: 2, critical: 1 });
    expect(map.overdue).toBe(1);
    expect(map.exposure).toHaveLength(12);
    expect(map.exposure[11]).toEqual({ date: riskToday(new Date()), total: 12 + 12 + 25 + 2 });
    const withClosed = expectStatus(await pm.get(`${listUrl(project.id)}/heat-map?status=closed`), 200);
    expect(withClosed.total).toBe(1);
    expect(expectStatus(await pm.get(`${listUrl(project.id)}/heat-map?category=scope`), 200).total).toBe(1);
  });

  it("links and unlinks the requirements a risk threatens; the matrix shows them without closing a gap", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const requirement = expectStatus(await pm.post(`/api/v1/projects/${project.id}/requirements`, { title: "Export to PDF" }), 201);
    let current = requirement;
    for (const to of ["in_analysis", "awaiting_client", "approved"]) current = expectStatus(await pm.post(`/api/v1/requirements/${requirement.id}/transitions`, { to, version: current.version }), 200);
    const risk = await createRisk(project.id, { title: "PDF library licence", probability: 2, impact: 3 });

    const link = expectStatus(await pm.post(riskUrl(risk.id, "/requirements"), { requirementId: requirement.id }), 201);
    expect(link).toMatchObject({ requirement: { id: requirement.id, key: requirement.key, status: "approved" } });
    expect(expectStatus(await pm.post(riskUrl(risk.id, "/requirements"), { requirementId: requirement.id }), 409).error.message).toBe(`${requirement.key} is already linked to ${risk.key}.`);
    expect(expectStatus(await pm.get(riskUrl(risk.id)), 200).requirements).toHaveLength(1);

    const matrix = expectStatus(await pm.get(`/api/v1/projects/${project.id}/traceability`), 200);
    const row = matrix.rows.find((r: { requirement: { id: string } }) => r.requirement.id === requirement.id);
    expect(row.downstream).toEqual([{ type: "risk", items: [expect.objectContaining({ id: risk.id, label: `${risk.key} PDF library licence`, kind: "threatens", depth: 1 })] }]);
    expect(row.gap).toBe(true);
    const links = expectStatus(await pm.get(`/api/v1/projects/${project.id}/trace-links?type=risk&id=${risk.id}`), 200);
    expect(links.items).toEqual([expect.objectContaining({ fromType: "risk", fromLabel: `${risk.key} PDF library licence`, toLabel: `${requirement.key} Export to PDF`, kind: "threatens" })]);
    // Only a risk threatens, and a risk only threatens.
    const generic = `/api/v1/projects/${project.id}/trace-links`;
    expect(fields(expectStatus(await pm.post(generic, { fromType: "risk", fromId: risk.id, toType: "requirement", toId: requirement.id, kind: "relates_to" }), 400))).toEqual({ "body.kind": "Only a risk threatens something, and a risk can only threaten (link it with the kind “threatens”)." });

    expect(expectStatus(await pm.delete(riskUrl(risk.id, `/requirements/${requirement.id}`)), 204)).toBeFalsy();
    expect(expectStatus(await pm.delete(riskUrl(risk.id, `/requirements/${requirement.id}`)), 404).error.message).toBe("This requirement is not linked to the risk.");
    expect((await riskAudit(risk.id)).map((a) => a.action)).toEqual(["create", "requirement.link", "requirement.unlink"]);
    const requirementAudit = await t.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "requirement"), eq(auditLog.entityId, requirement.id)));
    expect(requirementAudit.map((a) => a.action)).toEqual(expect.arrayContaining(["trace.add", "trace.remove"]));
  });

  it("adds a kind's default risks once, in the caller's language", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const added = expectStatus(await pm.post(`${listUrl(project.id)}/defaults`, { kind: "on_premise" }), 201);
    const catalogue = riskCatalogue("on_premise");
    expect(added.skipped).toBe(0);
    expect(added.created.map((r: { key: string }) => r.key)).toEqual(catalogue.map((_, i) => `RISK-${i + 1}`));
    expect(added.created[0]).toMatchObject({ title: catalogue[0]?.text.en.title, probability: catalogue[0]?.probability, status: "open" });
    const again = expectStatus(await pm.post(`${listUrl(project.id)}/defaults`, { kind: "on_premise" }, { "accept-language": "zh-CN" }), 201);
    expect(again).toEqual({ created: [], skipped: catalogue.length });

    const zhProject = await freshProject();
    const zhUser = await t.factories.user(w.workspace.id, "member");
    await t.factories.member(zhProject.id, zhUser.id, "member");
    await t.db.update(users).set({ locale: "zh-CN" }).where(eq(users.id, zhUser.id));
    const zh = expectStatus(await (await t.as(zhUser)).post(`${listUrl(zhProject.id)}/defaults`, { kind: "saas_onboarding" }), 201);
    expect(zh.created[0].title).toBe(riskCatalogue("saas_onboarding")[0]?.text["zh-CN"].title);
    expect(fields(expectStatus(await pm.post(`${listUrl(project.id)}/defaults`, { kind: "mainframe" }), 400))).toHaveProperty("body.kind");
  });
});

describe("who may see and change risks", () => {
  it("lets viewers read, managers and members write, and contacts read only the shared risks of their own project", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const shared = await createRisk(project.id, { title: "Shared with the client", probability: 3, impact: 3, sharedWithClient: true });
    const internal = await createRisk(project.id, { title: "The client's CFO may cut the budget", probability: 4, impact: 4 });
    const visible = expectStatus(await pm.post(`/api/v1/projects/${project.id}/requirements`, { title: "Visible to the client" }), 201);
    let req = visible;
    for (const to of ["in_analysis", "awaiting_client"]) req = expectStatus(await pm.post(`/api/v1/requirements/${visible.id}/transitions`, { to, version: req.version }), 200);
    const draft = expectStatus(await pm.post(`/api/v1/projects/${project.id}/requirements`, { title: "Internal draft" }), 201);
    expectStatus(await pm.post(riskUrl(shared.id, "/requirements"), { requirementId: visible.id }), 201);
    expectStatus(await pm.post(riskUrl(shared.id, "/requirements"), { requirementId: draft.id }), 201);
    const closing = expectStatus(await pm.patch(riskUrl(shared.id), { version: 1, impact: 2, note: "The team's blunt note" }), 200);

    const viewer = await as(w.viewer);
    expect(expectStatus(await viewer.get(listUrl(project.id)), 200).items).toHaveLength(2);
    expect(expectStatus(await viewer.post(listUrl(project.id), { title: "No", probability: 1, impact: 1 }), 403).error.code).toBe("forbidden");
    expectStatus(await viewer.patch(riskUrl(shared.id), { version: closing.version, title: "No" }), 403);
    expectStatus(await viewer.post(riskUrl(shared.id, "/reviews"), { version: closing.version }), 403);
    expectStatus(await viewer.post(`${listUrl(project.id)}/defaults`, { kind: "saas_onboarding" }), 403);

    const contact = await as(w.contactA);
    const seen = expectStatus(await contact.get(listUrl(project.id)), 200);
    expect(seen.items.map((r: { id: string }) => r.id)).toEqual([shared.id]);
    expect(expectStatus(await contact.get(`${listUrl(project.id)}/heat-map`), 200).total).toBe(1);
    const detail = expectStatus(await contact.get(riskUrl(shared.id)), 200);
    expect(detail.requirements.map((l: { requirement: { id: string } }) => l.requirement.id)).toEqual([visible.id]);
    const contactReviews = expectStatus(await contact.get(riskUrl(shared.id, "/reviews")), 200).items;
    expect(contactReviews.map((r: { note: string }) => r.note)).toEqual(["", ""]);
    expect(JSON.stringify(contactReviews)).not.toContain("blunt");
    expectStatus(await contact.get(riskUrl(internal.id)), 404);
    expectStatus(await contact.get(riskUrl(internal.id, "/reviews")), 404);
    expectStatus(await contact.patch(riskUrl(shared.id), { version: closing.version, title: "Mine" }), 403);
    expectStatus(await contact.post(listUrl(project.id), { title: "No", probability: 1, impact: 1 }), 403);
    // The team's discussion of a shared risk stays the team's.
    expectStatus(await contact.get(`/api/v1/risks/${shared.id}/comments`), 403);
    expectStatus(await contact.get(`/api/v1/risks/${internal.id}/comments`), 404);
    expectStatus(await (await as(w.dev)).post(`/api/v1/risks/${shared.id}/comments`, { body: "Checked with IT" }), 201);

    // Unsharing hides it again.
    expectStatus(await pm.patch(riskUrl(shared.id), { version: closing.version, sharedWithClient: false }), 200);
    expect(expectStatus(await contact.get(listUrl(project.id)), 200).items).toEqual([]);
    expectStatus(await contact.get(riskUrl(shared.id)), 404);

    // Other clients and outsiders learn nothing.
    for (const stranger of [w.contactB, w.outsider]) {
      const c = await as(stranger);
      expectStatus(await c.get(listUrl(project.id)), 404);
      expectStatus(await c.get(riskUrl(internal.id)), 404);
      expectStatus(await c.patch(riskUrl(internal.id), { version: 1, title: "Hijacked" }), 404);
    }
    expect((await t.anonymous().get(listUrl(project.id))).status).toBe(401);
  });
});
