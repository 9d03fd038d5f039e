import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, baselineRequirements, baselines, requirementSources, requirementVersions } from "../../db/schema";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);

/** The field messages of a 400 body, by path. */
const fields = (body: { error: { details: { fields: { path: string; message: string }[] } } }) => Object.fromEntries(body.error.details.fields.map((f) => [f.path, f.message]));
const listUrl = (projectId: string, query = "") => `/api/v1/projects/${projectId}/change-requests${query ? `?${query}` : ""}`;
const crUrl = (id: string, tail = "") => `/api/v1/change-requests/${id}${tail}`;

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

/** A requirement of `projectId` created by the manager and moved to approved. */
async function approvedRequirement(projectId: string, body: Record<string, unknown>) {
  const pm = await as(w.pm);
  const created = expectStatus(await pm.post(`/api/v1/projects/${projectId}/requirements`, body), 201);
  let current = created;
  for (const to of ["in_analysis", "awaiting_client", "approved"]) {
    current = expectStatus(await pm.post(`/api/v1/requirements/${created.id}/transitions`, { to, version: current.version }), 200);
  }
  return current;
}

/** A project whose three requirements are in baseline BL-1. */
async function projectWithBaseline() {
  const project = await freshProject();
  const r1 = await approvedRequirement(project.id, { title: "Sign in with a password", description: "Users sign in.\nSessions last 8 hours.", acceptanceCriteria: [{ text: "Wrong passwords are refused" }], moscow: "must" });
  const r2 = await approvedRequirement(project.id, { title: "Export to PDF" });
  const r3 = await approvedRequirement(project.id, { title: "Audit every change" });
  expectStatus(await (await as(w.pm)).post(`/api/v1/projects/${project.id}/baselines`, { name: "Signed scope" }), 201);
  const get = async (id: string) => expectStatus(await (await as(w.pm)).get(`/api/v1/requirements/${id}`), 200);
  return { project, r1: await get(r1.id), r2: await get(r2.id), r3: await get(r3.id) };
}

async function createCr(client: TestClient, projectId: string, body: Record<string, unknown>) {
  return expectStatus(await client.post(listUrl(projectId), body), 201);
}

async function submitted(projectId: string, body: Record<string, unknown>) {
  const pm = await as(w.pm);
  const cr = await createCr(pm, projectId, body);
  return expectStatus(await pm.post(crUrl(cr.id, "/submit"), { version: cr.version }), 200);
}

const crAudit = (id: string) =>
  t.db.select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.entityType, "change_request"), eq(auditLog.entityId, id))).orderBy(asc(auditLog.id));

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("a change request from draft to a new baseline", () => {
  it("adds, modifies and removes requirements once the manager and the client approve, and takes a new baseline", async () => {
    const { project, r1, r2, r3 } = await projectWithBaseline();
    // Agreed since the baseline: approved, not baselined yet.
    const r4 = await approvedRequirement(project.id, { title: "Dark mode" });
    const pm = await as(w.pm);
    const contact = await as(w.contactA);

    const draft = await createCr(pm, project.id, {
      title: "Single sign-on instead of passwords",
      description: "The client's IT wants **SSO**.",
      reason: "Security policy changed",
      impactEffortHours: 40,
      impactDays: 5,
      impactCost: 12000.5,
      items: [
        { action: "add", proposed: { title: "Sign in with WeCom", type: "security", acceptanceCriteria: [{ text: "A WeCom account signs in" }], moscow: "must" } },
        {
          action: "modify",
          requirementId: r1.id,
          proposed: { title: "Sign in with SSO only", description: "Users sign in through SSO.\nSessions last 8 hours.", type: "security", acceptanceCriteria: [{ id: r1.acceptanceCriteria[0].id, text: "Passwords are refused" }], moscow: "must" },
        },
        { action: "remove", requirementId: r2.id },
        { action: "remove", requirementId: r4.id },
      ],
    });
    expect(draft).toMatchObject({
      key: "CR-1",
      number: 1,
      status: "draft",
      currency: "CNY",
      impactEffortHours: 40,
      impactDays: 5,
      impactCost: 12000.5,
      itemCounts: { add: 1, modify: 1, remove: 2 },
      managerDecision: null,
      clientDecision: null,
      resultingBaseline: null,
      createdById: w.pm.id,
    });
    expect(draft.descriptionHtml).toContain("<strong>SSO</strong>");
    expect(draft.items.map((i: { action: string; requirement: { key: string } | null }) => [i.action, i.requirement?.key ?? null])).toEqual([
      ["add", null],
      ["modify", r1.key],
      ["remove", r2.key],
      ["remove", r4.key],
    ]);
    // A modify shows what the requirement says now, for the diff; criteria keep their ids.
    expect(draft.items[1].before).toMatchObject({ title: "Sign in with a password", description: "Users sign in.\nSessions last 8 hours." });
    expect(draft.items[1].proposed.acceptanceCriteria).toEqual([{ id: r1.acceptanceCriteria[0].id, text: "Passwords are refused" }]);
    expect(draft.items[0].proposed.acceptanceCriteria[0].id).toMatch(/^[0-9a-f-]{36}$/);

    // The client does not see the team's draft.
    expect(expectStatus(await contact.get(listUrl(project.id)), 200).items).toEqual([]);
    expectStatus(await contact.get(crUrl(draft.id)), 404);

    const sent = expectStatus(await pm.post(crUrl(draft.id, "/submit"), { version: draft.version }), 200);
    expect(sent.status).toBe("submitted");
    expect(expectStatus(await contact.get(listUrl(project.id)), 200).items.map((c: { key: string }) => c.key)).toEqual(["CR-1"]);

    // Only the manager's side and the client's side decide.
    for (const user of [w.dev, w.viewer]) expectStatus(await (await as(user)).post(crUrl(draft.id, "/decisions"), { decision: "approved", version: sent.version }), 403);
    for (const user of [w.outsider, w.contactB]) expectStatus(await (await as(user)).post(crUrl(draft.id, "/decisions"), { decision: "approved", version: sent.version }), 404);

    const managerApproved = expectStatus(await pm.post(crUrl(draft.id, "/decisions"), { decision: "approved", comment: "Within budget", version: sent.version }), 200);
    expect(managerApproved).toMatchObject({ status: "submitted", managerDecision: { decision: "approved", decidedById: w.pm.id, comment: "Within budget" }, clientDecision: null });
    const twice = expectStatus(await pm.post(crUrl(draft.id, "/decisions"), { decision: "rejected", version: managerApproved.version }), 409);
    expect(twice.error.message).toBe("The project manager has already decided on CR-1.");

    // A decision on a version the client did not read is refused with the request as it is now.
    const stale = expectStatus(await contact.post(crUrl(draft.id, "/decisions"), { decision: "approved", version: sent.version }), 409);
    expect(stale.error.code).toBe("version_conflict");
    expect(stale.error.details.current.version).toBe(managerApproved.version);

    const applied = expectStatus(await contact.post(crUrl(draft.id, "/decisions"), { decision: "approved", comment: "Go ahead", version: managerApproved.version }), 200);
    expect(applied).toMatchObject({
      status: "approved",
      managerDecision: { decision: "approved" },
      clientDecision: { decision: "approved", decidedById: w.contactA.id, comment: "Go ahead" },
      resultingBaseline: { number: 2, key: "BL-2", name: "After CR-1: Single sign-on instead of passwords" },
    });
    expect(applied.appliedAt).not.toBeNull();

    // The register changed.
    const after = async (id: string) => expectStatus(await pm.get(`/api/v1/requirements/${id}`), 200);
    expect(await after(r1.id)).toMatchObject({ status: "baselined", title: "Sign in with SSO only", type: "security" });
    expect(await after(r2.id)).toMatchObject({ status: "rejected", statusReason: "CR-1: Single sign-on instead of passwords" });
    expect(await after(r4.id)).toMatchObject({ status: "rejected" });
    expect(await after(r3.id)).toMatchObject({ status: "baselined", version: r3.version });
    const added = applied.items[0].result;
    expect(added).toMatchObject({ key: "REQ-5", title: "Sign in with WeCom", status: "baselined" });
    expect(await after(added.id)).toMatchObject({ type: "security", moscow: "must", acceptanceCriteria: [{ text: "A WeCom account signs in" }] });
    const sources = await t.db.select().from(requirementSources).where(eq(requirementSources.requirementId, added.id));
    expect(sources.map((s) => [s.kind, s.label, s.excerpt])).toEqual([["document", "CR-1: Single sign-on instead of passwords", "Security policy changed"]]);
    // The content edit bypassed the frozen rule as one `update` version; the removal is a transition.
    const r1Versions = await t.db.select().from(requirementVersions).where(eq(requirementVersions.requirementId, r1.id)).orderBy(asc(requirementVersions.version));
    expect(r1Versions.at(-1)).toMatchObject({ action: "update", changedById: w.contactA.id });
    expect(r1Versions.at(-1)?.snapshot.title).toBe("Sign in with SSO only");
    const r1Audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "requirement"), eq(auditLog.entityId, r1.id))).orderBy(asc(auditLog.id));
    expect(r1Audit.at(-1)).toMatchObject({ action: "change_request.apply", after: { changeRequest: { id: draft.id, key: "CR-1" }, itemAction: "modify" } });

    // The new baseline names the request and holds the scope after it.
    const [baseline] = await t.db.select().from(baselines).where(eq(baselines.id, applied.resultingBaseline.id));
    expect(baseline).toMatchObject({ changeRequestId: draft.id, number: 2 });
    const held = await t.db.select({ id: baselineRequirements.requirementId }).from(baselineRequirements).where(eq(baselineRequirements.baselineId, applied.resultingBaseline.id));
    expect(held.map((h) => h.id).sort()).toEqual([r1.id, r3.id, added.id].sort());

    // Once applied, the modify still shows what it replaced.
    const read = expectStatus(await contact.get(crUrl(draft.id)), 200);
    expect(read.items[1].before.title).toBe("Sign in with a password");
    expect(read.items[1].proposed.title).toBe("Sign in with SSO only");

    expect((await crAudit(draft.id)).map((a) => a.action)).toEqual(["create", "submit", "decide.manager", "decide.client", "apply"]);
    // An applied request no longer changes.
    const closed = expectStatus(await pm.patch(crUrl(draft.id), { title: "Later", version: applied.version }), 409);
    expect(closed.error.message).toBe("CR-1 is “Approved”: only a draft or submitted change request can be changed.");
  });

  it("numbers requests per project, race-free", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => pm.post(listUrl(project.id), { title: `Change ${i}` })));
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill(201));
    expect(answers.map((a) => a.body.key).sort()).toEqual(["CR-1", "CR-2", "CR-3", "CR-4", "CR-5"]);
  });
});

describe("rejections, withdrawals and refusals", () => {
  it("a rejection by the client (or by the manager) rejects the request and changes nothing", async () => {
    const { project, r3 } = await projectWithBaseline();
    const pm = await as(w.pm);
    const cr = await submitted(project.id, { title: "Drop auditing", items: [{ action: "remove", requirementId: r3.id }] });
    const approved = expectStatus(await pm.post(crUrl(cr.id, "/decisions"), { decision: "approved", version: cr.version }), 200);
    const rejected = expectStatus(await (await as(w.contactA)).post(crUrl(cr.id, "/decisions"), { decision: "rejected", comment: "We need the audit trail", version: approved.version }), 200);
    expect(rejected).toMatchObject({ status: "rejected", appliedAt: null, resultingBaseline: null, clientDecision: { decision: "rejected", comment: "We need the audit trail" } });
    expect(expectStatus(await pm.get(`/api/v1/requirements/${r3.id}`), 200)).toMatchObject({ status: "baselined", version: r3.version });
    expect(await t.db.select().from(baselines).where(eq(baselines.projectId, project.id))).toHaveLength(1);
    expect(expectStatus(await pm.post(crUrl(cr.id, "/decisions"), { decision: "approved", version: rejected.version }), 409).error.message).toBe("CR-1 is “Rejected”: only a submitted change request can be decided.");

    const second = await submitted(project.id, { title: "Drop auditing again", items: [{ action: "remove", requirementId: r3.id }] });
    const byManager = expectStatus(await pm.post(crUrl(second.id, "/decisions"), { decision: "rejected", comment: "No", version: second.version }, { "accept-language": "zh-CN" }), 200);
    expect(byManager).toMatchObject({ status: "rejected", managerDecision: { decision: "rejected" }, clientDecision: null });
  });

  it("refuses to submit before the project has a baseline, or with nothing to change", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const cr = await createCr(pm, project.id, { title: "Too early", items: [{ action: "add", proposed: { title: "Something new" } }] });
    const en = expectStatus(await pm.post(crUrl(cr.id, "/submit"), { version: cr.version }), 409);
    expect(en.error.message).toBe("The project has no baseline yet: until one is taken, change the requirements in the register directly.");
    const zh = expectStatus(await pm.post(crUrl(cr.id, "/submit"), { version: cr.version }, { "accept-language": "zh-CN" }), 409);
    expect(zh.error.message).toBe("项目尚未建立基线：在建立基线之前，请直接在需求登记册中修改需求。");

    const { project: baselined } = await projectWithBaseline();
    const empty = await createCr(pm, baselined.id, { title: "Empty" });
    expect(expectStatus(await pm.post(crUrl(empty.id, "/submit"), { version: empty.version }), 409).error.message).toBe("Add at least one change to CR-1 before submitting it.");
  });

  it("withdraws: a draft never reaches the client, a submitted request stays visible as withdrawn", async () => {
    const { project, r2 } = await projectWithBaseline();
    const pm = await as(w.pm);
    const contact = await as(w.contactA);
    const draft = await createCr(pm, project.id, { title: "Never sent", items: [{ action: "remove", requirementId: r2.id }] });
    expectStatus(await pm.post(crUrl(draft.id, "/withdraw"), { version: draft.version }), 200);
    const sent = await submitted(project.id, { title: "Sent then withdrawn", items: [{ action: "remove", requirementId: r2.id }] });
    const withdrawn = expectStatus(await (await as(w.dev)).post(crUrl(sent.id, "/withdraw"), { version: sent.version }), 200);
    expect(withdrawn.status).toBe("withdrawn");
    expect(expectStatus(await contact.get(listUrl(project.id)), 200).items.map((c: { key: string; status: string }) => [c.key, c.status])).toEqual([["CR-2", "withdrawn"]]);
    expectStatus(await contact.get(crUrl(draft.id)), 404);
    expect(expectStatus(await pm.get(listUrl(project.id, "status=withdrawn")), 200).items).toHaveLength(2);
    expect(expectStatus(await pm.post(crUrl(sent.id, "/withdraw"), { version: withdrawn.version }), 409).error.message).toBe("CR-2 is “Withdrawn”: only a draft or submitted change request can be withdrawn.");
    // Withdrawing is the team's: the viewer and the client may not.
    const other = await submitted(project.id, { title: "Third", items: [{ action: "remove", requirementId: r2.id }] });
    expectStatus(await (await as(w.viewer)).post(crUrl(other.id, "/withdraw"), { version: other.version }), 403);
    expectStatus(await contact.post(crUrl(other.id, "/withdraw"), { version: other.version }), 403);
  });

  it("answers a stale version with 409 and the current request; editing a submitted request clears the approvals given", async () => {
    const { project, r1, r3 } = await projectWithBaseline();
    const pm = await as(w.pm);
    const cr = await submitted(project.id, { title: "Rename", items: [{ action: "modify", requirementId: r1.id, proposed: { title: "Renamed" } }] });
    const approved = expectStatus(await pm.post(crUrl(cr.id, "/decisions"), { decision: "approved", version: cr.version }), 200);
    const stale = expectStatus(await (await as(w.dev)).patch(crUrl(cr.id), { title: "Old view", version: cr.version }), 409);
    expect(stale.error.code).toBe("version_conflict");
    expect(stale.error.details.current).toMatchObject({ id: cr.id, version: approved.version, managerDecision: { decision: "approved" } });
    const edited = expectStatus(await (await as(w.dev)).patch(crUrl(cr.id), { version: approved.version, items: [{ action: "remove", requirementId: r3.id }], impactDays: 2 }), 200);
    expect(edited).toMatchObject({ status: "submitted", managerDecision: null, impactDays: 2, itemCounts: { add: 0, modify: 0, remove: 1 } });
    expect((await crAudit(cr.id)).map((a) => a.action)).toEqual(["create", "submit", "decide.manager", "update"]);
    // Sending the same again changes nothing, and writes nothing.
    const same = expectStatus(await (await as(w.dev)).patch(crUrl(cr.id), { version: edited.version, impactDays: 2 }), 200);
    expect(same.version).toBe(edited.version);
  });

  it("lets only one of two simultaneous decisions through", async () => {
    const { project, r2 } = await projectWithBaseline();
    const cr = await submitted(project.id, { title: "Race", items: [{ action: "remove", requirementId: r2.id }] });
    const answers = await Promise.all([
      (await as(w.pm)).post(crUrl(cr.id, "/decisions"), { decision: "approved", version: cr.version }),
      (await as(w.contactA)).post(crUrl(cr.id, "/decisions"), { decision: "approved", version: cr.version }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(expectStatus(await (await as(w.pm)).get(crUrl(cr.id)), 200).status).toBe("submitted");
  });

  it("refuses to apply when a target left the scope meanwhile, keeping the decision unmade", async () => {
    const { project, r2 } = await projectWithBaseline();
    const pm = await as(w.pm);
    const first = await submitted(project.id, { title: "Remove PDF", items: [{ action: "remove", requirementId: r2.id }] });
    const second = await submitted(project.id, { title: "Reword PDF", items: [{ action: "modify", requirementId: r2.id, proposed: { title: "Export to PDF/A" } }] });
    const a = expectStatus(await pm.post(crUrl(first.id, "/decisions"), { decision: "approved", version: first.version }), 200);
    expectStatus(await (await as(w.contactA)).post(crUrl(first.id, "/decisions"), { decision: "approved", version: a.version }), 200);
    const b = expectStatus(await pm.post(crUrl(second.id, "/decisions"), { decision: "approved", version: second.version }), 200);
    const refused = expectStatus(await (await as(w.contactA)).post(crUrl(second.id, "/decisions"), { decision: "approved", version: b.version }), 409);
    expect(refused.error.message).toBe(`${r2.key} is no longer in scope (“Rejected”): edit CR-2 before it is approved.`);
    expect(expectStatus(await pm.get(crUrl(second.id)), 200)).toMatchObject({ status: "submitted", clientDecision: null, version: b.version });
  });
});

describe("who sees and decides what", () => {
  it("keeps a client contact to their own projects' requests, and the team's drafts from them", async () => {
    const { project, r2 } = await projectWithBaseline();
    const cr = await submitted(project.id, { title: "Visible to A", items: [{ action: "remove", requirementId: r2.id }] });
    const contactB = await as(w.contactB);
    expectStatus(await contactB.get(listUrl(project.id)), 404);
    expectStatus(await contactB.get(crUrl(cr.id)), 404);
    expectStatus(await contactB.get(`/api/v1/change_requests/${cr.id}/comments`), 404);
    expectStatus(await contactB.post(`/api/v1/change_requests/${cr.id}/comments`, { body: "hi" }), 404);
    // Their own project B has no requests of A's.
    expect(expectStatus(await contactB.get(listUrl(w.projectB.id)), 200).items).toEqual([]);
    // Contact A discusses the request with the team but does not read its history.
    const contactA = await as(w.contactA);
    expectStatus(await contactA.post(`/api/v1/change_requests/${cr.id}/comments`, { body: "Why?" }), 201);
    expectStatus(await contactA.get(`/api/v1/change_requests/${cr.id}/audit`), 403);
    expect(expectStatus(await (await as(w.viewer)).get(`/api/v1/change_requests/${cr.id}/audit`), 200).items.length).toBeGreaterThan(0);
    // Drafting is the team's work.
    expectStatus(await contactA.post(listUrl(project.id), { title: "From the client" }), 403);
    expectStatus(await (await as(w.viewer)).post(listUrl(project.id), { title: "From a viewer" }), 403);
    expectStatus(await t.anonymous().get(listUrl(project.id)), 401);
  });

  it("lets an admin decide for the manager's side", async () => {
    const { project, r2 } = await projectWithBaseline();
    const cr = await submitted(project.id, { title: "Admin decides", items: [{ action: "remove", requirementId: r2.id }] });
    const decided = expectStatus(await (await as(w.admin)).post(crUrl(cr.id, "/decisions"), { decision: "approved", version: cr.version }), 200);
    expect(decided.managerDecision.decidedById).toBe(w.admin.id);
  });
});

describe("validation", () => {
  it("answers invalid input with field messages in both languages, writing nothing", async () => {
    const { project, r1 } = await projectWithBaseline();
    const pm = await as(w.pm);
    const bad = {
      title: "",
      currency: "yuan",
      impactDays: -1,
      items: [
        { action: "modify", requirementId: r1.id, proposed: { title: "" } },
        { action: "remove", requirementId: r1.id },
        { action: "rename", requirementId: r1.id },
      ],
    };
    const en = expectStatus(await pm.post(listUrl(project.id), bad), 400);
    expect(fields(en)).toMatchObject({
      "body.title": "Too short (at least 1).",
      "body.currency": "Not valid.",
      "body.impactDays": "Must be at least 0.",
      "body.items.0.proposed.title": "Too short (at least 1).",
    });
    const zh = expectStatus(await pm.post(listUrl(project.id), bad, { "accept-language": "zh-CN" }), 400);
    expect(zh.error.message).toBe("部分字段无效。");
    expect(Object.keys(fields(zh))).toEqual(Object.keys(fields(en)));

    const twice = expectStatus(await pm.post(listUrl(project.id), { title: "Twice", items: [{ action: "modify", requirementId: r1.id, proposed: { title: "A" } }, { action: "remove", requirementId: r1.id }] }), 400);
    expect(fields(twice)).toEqual({ "body.items.1.requirementId": "This requirement is already changed by another item of this request." });

    // A draft requirement is not in scope: the register changes it directly.
    const draftReq = expectStatus(await pm.post(`/api/v1/projects/${project.id}/requirements`, { title: "Still a draft" }), 201);
    const outOfScope = { title: "Out of scope", items: [{ action: "add", proposed: { title: "New" } }, { action: "remove", requirementId: draftReq.id }] };
    expect(fields(expectStatus(await pm.post(listUrl(project.id), outOfScope), 400))).toEqual({
      "body.items.1.requirementId": "Only a baselined or approved requirement of this project can be modified or removed.",
    });
    expect(fields(expectStatus(await pm.post(listUrl(project.id), outOfScope, { "accept-language": "zh-CN" }), 400))).toEqual({
      "body.items.1.requirementId": "只能修改或移除本项目中已纳入基线或已批准的需求。",
    });
    // Another project's requirement is unknown here.
    const foreign = await approvedRequirement(w.projectB.id, { title: "B's own" });
    expect(fields(expectStatus(await pm.post(listUrl(project.id), { title: "Foreign", items: [{ action: "remove", requirementId: foreign.id }] }), 400))).toEqual({
      "body.items.0.requirementId": "Requirement not found.",
    });
    expect(expectStatus(await pm.get(listUrl(project.id)), 200).items).toEqual([]);
  });
});
