/**
 * The authorisation matrix: every /api/v1 route the app registers, called as every kind of person, with the status
 * class each must get. A route without a row fails the first test, so a new route cannot ship unexamined.
 *
 * Adding a route: add one `row(...)` to ROWS. The columns of `expect` are ROLES, in order:
 *   ok = any 2xx · 401 · 403 (may see it, may not do it) · 404 (may not even know it exists)
 * `call` builds the concrete request for one person (`f.who`, null when anonymous); when a write must succeed for
 * several people in turn, it creates a fresh target per call (`f.fresh…`) or reads the current `version`.
 *
 * The second half walks contact A through everything of client B (the other tenant) and checks that no answer
 * carries anything of B's.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestApp, TEST_PASSWORD, type HttpResponse, type TestApp, type TestClient, type TestUser } from "./harness";
import { apiTokens, clients, comments, passwordResets, projectMembers, projects, users } from "../src/db/schema";
import { elicitationSessions, questionnaires } from "../src/db/schema";
import { sha256 } from "../src/modules/auth/auth.crypto";
import { requirementRelations, requirements, savedViews, traceLinks } from "../src/db/schema";
import { baselineRequirements, baselines } from "../src/db/schema";
import { changeRequests } from "../src/db/schema";
import { planDependencies, planTasks, projectCalendars } from "../src/db/schema";
import { risks } from "../src/db/schema";
import { calendarFeedTokens } from "../src/db/schema";
import { planResources } from "../src/db/schema";
import { planBaselines } from "../src/db/schema";
import { requirementScoringModels } from "../src/db/schema";
import { runningTimers, timeEntries, timesheetProjects, timesheets } from "../src/db/schema";
import { meetingItems, meetings } from "../src/db/schema";
import { statusReportSchedules, statusReports } from "../src/db/schema";
import { clientSatisfactionRatings } from "../src/db/schema";
import { defects, qualityGateItems, qualityGates, testCases } from "../src/db/schema";
import { notifications } from "../src/db/schema";

/**
 * Every route the app registers, seen by an `onRoute` hook installed on the Fastify instance the moment `buildApp`
 * creates it, so nothing (not even a route hidden from the OpenAPI document) escapes the matrix.
 */
const registered = vi.hoisted(() => new Set<string>());
vi.mock("fastify", async (importOriginal) => {
  const actual = await importOriginal<typeof import("fastify")>();
  const create = (options?: object) => {
    const app = (actual.default as (o?: object) => ReturnType<typeof actual.default>)(options);
    app.addHook("onRoute", (route: { method: string | string[]; url: string }) => {
      for (const method of [route.method].flat()) registered.add(`${method} ${route.url}`);
    });
    return app;
  };
  return { ...actual, default: create };
});

const ROLES = ["anonymous", "owner", "admin", "pm", "dev", "viewer", "outsider", "contactA", "contactB"] as const;
type Role = (typeof ROLES)[number];
type Seed = Awaited<ReturnType<TestApp["seedWorkspace"]>>;
type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

type Request = { url: string; body?: unknown; file?: { name: string; content: string } };
type Fixtures = Seed & {
  t: TestApp;
  role: Role;
  /** The caller; null when anonymous. */
  who: TestUser | null;
  /** The caller, or the project manager when anonymous (for routes that act on "your own" thing). */
  me: TestUser;
  fresh: typeof fresh;
  version: typeof version;
};
type Row = {
  route: `${Method} /api/v1/${string}`;
  /** What the row exercises, when a route has several rows. */
  note?: string;
  call: (f: Fixtures) => Request | Promise<Request>;
  expect: string;
  /** The call ends the caller's sessions (sign-out, password change): sign in again afterwards. */
  endsSession?: boolean;
};
const row = (route: Row["route"], call: Row["call"], expectation: string, extra: Pick<Row, "note" | "endsSession"> = {}): Row => ({
  route,
  call,
  expect: expectation,
  ...extra,
});

let t: TestApp;
let w: Seed;
/** A comment and a file on project A, and on project B (the other tenant), made by the manager of both. */
let attachmentA: string;
let commentB: string;
let attachmentB: string;
const SECRET_B = `Secret of client B ${randomBytes(4).toString("hex")}`;

const fresh = {
  staff: () => t.factories.user(w.workspace.id, "member"),
  contactA: () => t.factories.user(w.workspace.id, "client", w.clientA.id),
  /** A staff member already on project A as a viewer. */
  viewerOnA: async () => {
    const user = await fresh.staff();
    await t.factories.member(w.projectA.id, user.id, "viewer");
    return user;
  },
  /** A comment on project A by `authorId`. */
  commentOnA: async (authorId: string) => {
    const [c] = await t.db
      .insert(comments)
      .values({ workspaceId: w.workspace.id, entityType: "project", entityId: w.projectA.id, authorId, body: "note", bodyHtml: "<p>note</p>" })
      .returning();
    return (c as { id: string }).id;
  },
  /** A file on project A uploaded by its manager. */
  attachmentOnA: async () => {
    const res = await send(await clientFor("pm"), "POST", { url: `/api/v1/projects/${w.projectA.id}/attachments`, file: { name: "notes.txt", content: "hello" } }, "pm");
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  },
  apiTokenOf: async (userId: string) => {
    const secret = `jf_${randomBytes(16).toString("hex")}`;
    const [token] = await t.db.insert(apiTokens).values({ userId, name: "matrix", prefix: secret.slice(0, 9), tokenHash: sha256(secret) }).returning();
    return (token as { id: string }).id;
  },
  resetToken: async () => {
    const user = await fresh.staff();
    const token = randomBytes(24).toString("base64url");
    await t.db.insert(passwordResets).values({ userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + 3_600_000) });
    return token;
  },
};

/** The current version of a row, for writes that must pass the optimistic concurrency check. */
const version = {
  client: async (id: string) => (await t.db.select({ v: clients.version }).from(clients).where(eq(clients.id, id)))[0]?.v,
  project: async (id: string) => (await t.db.select({ v: projects.version }).from(projects).where(eq(projects.id, id)))[0]?.v,
  user: async (id: string) => (await t.db.select({ v: users.version }).from(users).where(eq(users.id, id)))[0]?.v,
};

const uniq = () => randomBytes(3).toString("hex").toUpperCase();
const staffOnly = "401 ok  ok  ok  ok  ok  ok  403 403";
const anyoneSignedIn = "401 ok  ok  ok  ok  ok  ok  ok  ok";
const publicRoute = "ok  ok  ok  ok  ok  ok  ok  ok  ok";
/** project A: pm manages, dev is a member, viewer views, contact A is its client; outsider and contact B are strangers. */
const readsA = "401 ok  ok  ok  ok  ok  404 ok  404";
const managesA = "401 ok  ok  ok  403 403 404 403 404";
const collaboratesOnA = "401 ok  ok  ok  ok  403 404 ok  404";
/** Notes about a client organisation or a person are the delivery team's: contact A sees the record, not the notes. */
const staffNotesOnA = "401 ok  ok  ok  ok  ok  ok  403 404";

// ---- Elicitation (modules/elicitation, modules/questionnaires) -------------------------------------------------
/**
 * Project A's interview (contact A took part), its questionnaire (open to the portal and a public link, any number of
 * answers per person) with one free-text answer; and B's interview and questionnaire, for the tenant check below.
 */
const elicitation = { sessionA: "", questionnaireA: "", publicTokenA: "", responseA: "", freeTextQuestionA: "", sessionB: "", questionnaireB: "" };
const ELICITATION_NOTES = "Client needs SSO. Audit every change.";
const QUESTIONNAIRE_DEFINITION = { sections: [{ questions: [{ kind: "nps", text: "Recommend us?", required: true }, { kind: "free_text", text: "Anything else?" }] }] };

async function asManager(method: Method, url: string, body?: unknown): Promise<HttpResponse> {
  const res = await send(await clientFor("pm"), method, { url, body }, "pm");
  if (res.status >= 300) throw new Error(`${method} ${url} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}
const freshElicitation = {
  /** A session on project A with dev and contact A as participants. */
  sessionOnA: async () =>
    (await asManager("POST", `/api/v1/projects/${w.projectA.id}/elicitation-sessions`, { kind: "interview", title: "Matrix", startsAt: "2025-01-01T00:00:00Z", participantIds: [w.dev.id, w.contactA.id], notes: ELICITATION_NOTES })).body.id as string,
  passageOnA: async () => {
    const sessionId = await freshElicitation.sessionOnA();
    const passage = await asManager("POST", `/api/v1/elicitation-sessions/${sessionId}/passages`, { start: 0, end: 17 });
    return { sessionId, passageId: passage.body.passage.id as string };
  },
  questionnaireOn: async (projectId: string, title: string, open: boolean) => {
    const made = await asManager("POST", `/api/v1/projects/${projectId}/questionnaires`, { title, definition: QUESTIONNAIRE_DEFINITION, audience: { portal: true, public: true }, onePerRespondent: false });
    if (!open) return made.body;
    return (await asManager("PATCH", `/api/v1/questionnaires/${made.body.id}`, { version: made.body.version, status: "open" })).body;
  },
};
const elicitationVersion = {
  session: async (id: string) => (await t.db.select({ v: elicitationSessions.version }).from(elicitationSessions).where(eq(elicitationSessions.id, id)))[0]?.v,
  questionnaire: async (id: string) => (await t.db.select({ v: questionnaires.version }).from(questionnaires).where(eq(questionnaires.id, id)))[0]?.v,
};
async function createElicitationFixtures() {
  elicitation.sessionA = await freshElicitation.sessionOnA();
  const q = await freshElicitation.questionnaireOn(w.projectA.id, "Matrix survey", true);
  elicitation.questionnaireA = q.id;
  elicitation.publicTokenA = q.publicLink.token;
  elicitation.freeTextQuestionA = q.definition.sections[0].questions[1].id;
  const answered = await send(await clientFor("contactA"), "POST", { url: `/api/v1/questionnaires/${q.id}/responses`, body: { answers: { [q.definition.sections[0].questions[0].id]: 9, [elicitation.freeTextQuestionA]: "Needs SSO" } } }, "contactA");
  if (answered.status !== 201) throw new Error(`answer failed: ${answered.status} ${JSON.stringify(answered.body)}`);
  elicitation.responseA = answered.body.id;
  elicitation.sessionB = (
    await asManager("POST", `/api/v1/projects/${w.projectB.id}/elicitation-sessions`, { kind: "workshop", title: SECRET_B, startsAt: "2025-01-01T00:00:00Z", participantIds: [w.contactB.id], notes: SECRET_B })
  ).body.id;
  elicitation.questionnaireB = (await freshElicitation.questionnaireOn(w.projectB.id, SECRET_B, true)).id;
}
/** On project A: managers, members and admins do the work; viewers and contact A may only look. */
const worksOnA = "401 ok  ok  ok  ok  403 404 403 404";
/** On project A: the delivery team reads (viewers too); contact A may know it exists but not read it. */
const teamReadsA = "401 ok  ok  ok  ok  ok  404 403 404";
/** Only contact A, the client contact the questionnaire is published to, answers it in the portal. */
const contactAnswersA = "401 403 403 403 403 403 404 ok  404";

// ---- Requirements register and traceability (modules/requirements, modules/traceability) -----------------------
/**
 * Requirements are made straight in the database, in the status a row needs, so each row can have a fresh one per
 * person: on project A one awaiting the client (contact A sees it) and one draft (contact A does not); on project B
 * one titled with B's secret, for the tenant check. The trace-link rows link fresh plan tasks of project A.
 */
const registerFixtures = { requirementA: "", draftA: "", requirementB: "" };
const freshRequirement = {
  on: async (projectId: string, status: "awaiting_client" | "draft" = "awaiting_client", title = "Matrix requirement") => {
    const [row] = await t.db
      .insert(requirements)
      .values({ workspaceId: w.workspace.id, projectId, number: sql`(select coalesce(max(r.number), 0) + 1 from requirements r where r.project_id = ${projectId})`, title, status, clientSharedAt: status === "draft" ? null : new Date(), createdById: w.pm.id })
      .returning();
    return (row as { id: string }).id;
  },
  /** A relation between two fresh requirements of project A that contact A can see. */
  relationOnA: async (kind: "conflicts_with" | "depends_on") => {
    const [a, b] = [await freshRequirement.on(w.projectA.id), await freshRequirement.on(w.projectA.id)].sort();
    const [row] = await t.db
      .insert(requirementRelations)
      .values({ workspaceId: w.workspace.id, projectId: w.projectA.id, fromId: a as string, toId: b as string, kind, status: kind === "conflicts_with" ? "open" : null })
      .returning();
    return (row as { id: string }).id;
  },
  savedViewOnA: async (userId: string) => {
    const [row] = await t.db.insert(savedViews).values({ workspaceId: w.workspace.id, projectId: w.projectA.id, userId, name: `Matrix ${uniq()}`, filters: {} }).returning();
    return (row as { id: string }).id;
  },
  taskOnA: () => freshPlan.taskOn(w.projectA.id),
  traceLinkOnA: async () => {
    const [row] = await t.db
      .insert(traceLinks)
      .values({ workspaceId: w.workspace.id, projectId: w.projectA.id, fromType: "task", fromId: await freshRequirement.taskOnA(), toType: "requirement", toId: await freshRequirement.on(w.projectA.id), kind: "implements" })
      .returning();
    return (row as { id: string }).id;
  },
};
const requirementVersion = async (id: string) => (await t.db.select({ v: requirements.version }).from(requirements).where(eq(requirements.id, id)))[0]?.v;
/** The version of project A's scoring model (0 while it has none), for the model's optimistic concurrency check. */
const scoringModelVersion = async (projectId: string) =>
  (await t.db.select({ v: requirementScoringModels.version }).from(requirementScoringModels).where(eq(requirementScoringModels.projectId, projectId)))[0]?.v ?? 0;
/** Prioritisation on project A: its managers and admins configure; contact A sets only the client's own priority. */
const configuresA = "401 ok  ok  ok  403 403 404 403 404";
const clientPriorityOnA = "401 ok  ok  ok  ok  403 404 ok  404";
async function createRegisterFixtures() {
  registerFixtures.requirementA = await freshRequirement.on(w.projectA.id);
  registerFixtures.draftA = await freshRequirement.on(w.projectA.id, "draft");
  registerFixtures.requirementB = await freshRequirement.on(w.projectB.id, "awaiting_client", SECRET_B);
}
/** Requirements of project A: its managers, members and admins write; viewers and contact A only read. */
const editsRequirementsA = "401 ok  ok  ok  ok  403 404 403 404";
/** The team's material on project A (saved views, traceability, history): staff who read the project; not contact A. */
const teamOnlyA = "401 ok  ok  ok  ok  ok  404 403 404";

// ---- Scope baselines (modules/baselines) -----------------------------------------------------------------------
/**
 * BL-n of project A (contact A may read it) and of project B (named with B's secret), written straight to the
 * database so they baseline nobody else's fixtures; the POST row takes real ones, each over a fresh approved requirement.
 */
const baselineFixtures = { baselineA: "", baselineB: "" };
const freshBaseline = {
  approvedOn: async (projectId: string, title = "Matrix scope") => {
    const [row] = await t.db
      .insert(requirements)
      .values({ workspaceId: w.workspace.id, projectId, number: sql`(select coalesce(max(r.number), 0) + 1 from requirements r where r.project_id = ${projectId})`, title, status: "approved", clientSharedAt: new Date(), createdById: w.pm.id })
      .returning();
    return row as typeof requirements.$inferSelect;
  },
  on: async (projectId: string, name: string) => {
    const requirement = await freshBaseline.approvedOn(projectId, name);
    const [row] = await t.db
      .insert(baselines)
      .values({ workspaceId: w.workspace.id, projectId, number: sql`(select coalesce(max(b.number), 0) + 1 from baselines b where b.project_id = ${projectId})`, name, createdById: w.pm.id })
      .returning();
    const baseline = row as typeof baselines.$inferSelect;
    const snapshot = { title: name, description: "", type: "functional" as const, status: "baselined" as const, statusReason: null, ownerId: null, tags: [], acceptanceCriteria: [], moscow: null, clientPriority: null, rank: 1 };
    await t.db.insert(baselineRequirements).values({ baselineId: baseline.id, requirementId: requirement.id, requirementNumber: requirement.number, requirementVersion: 1, snapshot });
    return baseline.id;
  },
};
async function createBaselineFixtures() {
  baselineFixtures.baselineA = await freshBaseline.on(w.projectA.id, "Matrix baseline");
  baselineFixtures.baselineB = await freshBaseline.on(w.projectB.id, SECRET_B);
}

// ---- Change requests (modules/change-requests) -------------------------------------------------------------------
/**
 * Requests written straight to the database in the status a row needs (project A has baseline BL-n from the baseline
 * fixtures): a submitted one contact A sees, a draft contact A does not, and B's, titled with B's secret. Rows that
 * move a request on take a fresh one per person; decisions reject, so nothing is applied.
 */
const changeRequestFixtures = { submittedA: "", draftA: "", crB: "" };
const freshChangeRequest = {
  on: async (projectId: string, status: "draft" | "submitted", title = "Matrix change") => {
    const [row] = await t.db
      .insert(changeRequests)
      .values({ workspaceId: w.workspace.id, projectId, number: sql`(select coalesce(max(c.number), 0) + 1 from change_requests c where c.project_id = ${projectId})`, title, status, createdById: w.pm.id })
      .returning();
    return (row as { id: string }).id;
  },
  version: async (id: string) => (await t.db.select({ v: changeRequests.version }).from(changeRequests).where(eq(changeRequests.id, id)))[0]?.v,
};
async function createChangeRequestFixtures() {
  changeRequestFixtures.submittedA = await freshChangeRequest.on(w.projectA.id, "submitted");
  changeRequestFixtures.draftA = await freshChangeRequest.on(w.projectA.id, "draft");
  changeRequestFixtures.crB = await freshChangeRequest.on(w.projectB.id, "submitted", SECRET_B);
}
/** Deciding on a request of project A: the manager's side (pm, admins) and the client's side (contact A). */
const decidesOnA = "401 ok  ok  ok  403 403 404 ok  404";

// ---- Time tracking (modules/time) ----------------------------------------------------------------------------------
/**
 * Time rows are written straight to the database so each person gets their own: a running timer and an entry of the
 * caller on project A when they are on its team (pm, dev), else an entry of dev's (someone else's); a submitted part
 * of dev's week on project A for each decision, in a week of its own.
 */
let timeWeekCounter = 0;
const onTeamA = (role: Role) => role === "pm" || role === "dev";
const freshTime = {
  timerFor: async (f: Fixtures) => {
    if (!onTeamA(f.role)) return;
    await t.db.insert(runningTimers).values({ userId: f.me.id, workspaceId: w.workspace.id, projectId: w.projectA.id, startedAt: new Date(Date.now() - 120_000) }).onConflictDoNothing();
  },
  entryFor: async (f: Fixtures) => {
    const userId = onTeamA(f.role) ? f.me.id : w.dev.id;
    const [row] = await t.db.insert(timeEntries).values({ workspaceId: w.workspace.id, projectId: w.projectA.id, userId, workDate: "2024-01-02", minutes: 1 }).returning();
    return (row as { id: string }).id;
  },
  /** A submitted part of dev's time on project A, in a Monday week no other call uses. */
  submittedPartOnA: async () => {
    const weekStart = new Date(Date.UTC(2020, 0, 6 + 7 * timeWeekCounter++)).toISOString().slice(0, 10);
    const [sheet] = await t.db.insert(timesheets).values({ workspaceId: w.workspace.id, userId: w.dev.id, weekStart, status: "submitted", submittedAt: new Date() }).returning();
    const timesheetId = (sheet as { id: string }).id;
    await t.db.insert(timesheetProjects).values({ timesheetId, projectId: w.projectA.id, workspaceId: w.workspace.id, minutes: 60 });
    return timesheetId;
  },
};
/** Keeping time on project A: its managers and members (the team who do the work); admins only if on the team. */
const logsTimeOnA = "401 403 403 ok  ok  403 404 403 403";
/** A person's own timer: pm and dev have one running; anyone else without one gets 404; contacts keep no time. */
const ownTimer = "401 404 404 ok  ok  404 404 403 403";
/** The staff's own time pages; client contacts keep no time. */
const keepsTime = "401 ok  ok  ok  ok  ok  ok  403 403";

// ---- Risk register (modules/risks) ---------------------------------------------------------------------------------
/**
 * Risks written straight to the database: on project A one shared with the client (contact A sees it) and one internal
 * (contact A does not), and B's, titled with B's secret. Rows that link and unlink take a fresh shared risk and
 * requirement per person.
 */
const riskFixtures = { sharedA: "", internalA: "", riskB: "" };
const freshRisk = {
  on: async (projectId: string, sharedWithClient: boolean, title = "Matrix risk") => {
    const [row] = await t.db
      .insert(risks)
      .values({ workspaceId: w.workspace.id, projectId, number: sql`(select coalesce(max(r.number), 0) + 1 from risks r where r.project_id = ${projectId})`, title, probability: 3, impact: 4, sharedWithClient, createdById: w.pm.id })
      .returning();
    return (row as { id: string }).id;
  },
  version: async (id: string) => (await t.db.select({ v: risks.version }).from(risks).where(eq(risks.id, id)))[0]?.v,
  /** A shared risk of project A linked to a fresh requirement contact A can see. */
  linkedOnA: async () => {
    const riskId = await freshRisk.on(w.projectA.id, true);
    const requirementId = await freshRequirement.on(w.projectA.id);
    await t.db.insert(traceLinks).values({ workspaceId: w.workspace.id, projectId: w.projectA.id, fromType: "risk", fromId: riskId, toType: "requirement", toId: requirementId, kind: "threatens" });
    return { riskId, requirementId };
  },
};
async function createRiskFixtures() {
  riskFixtures.sharedA = await freshRisk.on(w.projectA.id, true);
  riskFixtures.internalA = await freshRisk.on(w.projectA.id, false);
  riskFixtures.riskB = await freshRisk.on(w.projectB.id, true, SECRET_B);
}

// ---- Planning (modules/planning) ------------------------------------------------------------------------------------
/**
 * Plan tasks and dependencies written straight to the database (each write of the plan reschedules it, so rows that
 * change a task take a fresh one per person): project A's, and B's task titled with B's secret.
 */
const planFixtures = { taskA: "", taskB: "", dependencyB: "" };
const freshPlan = {
  taskOn: async (projectId: string, name = "Matrix task") => {
    const [row] = await t.db.insert(planTasks).values({ workspaceId: w.workspace.id, projectId, position: 0, name, createdById: w.pm.id }).returning();
    return (row as { id: string }).id;
  },
  dependencyOn: async (projectId: string) => {
    const [row] = await t.db
      .insert(planDependencies)
      .values({ workspaceId: w.workspace.id, projectId, predecessorId: await freshPlan.taskOn(projectId), successorId: await freshPlan.taskOn(projectId) })
      .returning();
    return (row as { id: string }).id;
  },
  taskVersion: async (id: string) => (await t.db.select({ v: planTasks.version }).from(planTasks).where(eq(planTasks.id, id)))[0]?.v,
  /** The calendar's version (0 while the project has none saved), for its optimistic concurrency check. */
  calendarVersion: async (projectId: string) => (await t.db.select({ v: projectCalendars.version }).from(projectCalendars).where(eq(projectCalendars.projectId, projectId)))[0]?.v ?? 0,
};
async function createPlanFixtures() {
  planFixtures.taskA = await freshPlan.taskOn(w.projectA.id);
  planFixtures.taskB = await freshPlan.taskOn(w.projectB.id, SECRET_B);
  planFixtures.dependencyB = await freshPlan.dependencyOn(w.projectB.id);
}
/** Plan baselines written straight to the database: project A's (read by contact A) and B's, named with B's secret. */
const planBaselineFixtures = { baselineA: "", baselineB: "" };
const freshPlanBaseline = {
  on: async (projectId: string, name = "Matrix plan baseline") => {
    const [row] = await t.db
      .insert(planBaselines)
      .values({ workspaceId: w.workspace.id, projectId, number: sql`(select coalesce(max(b.number), 0) + 1 from plan_baselines b where b.project_id = ${projectId})`, name, createdById: w.pm.id })
      .returning();
    return (row as { id: string }).id;
  },
};
async function createPlanBaselineFixtures() {
  planBaselineFixtures.baselineA = await freshPlanBaseline.on(w.projectA.id);
  planBaselineFixtures.baselineB = await freshPlanBaseline.on(w.projectB.id, SECRET_B);
}
/** Plan resources written straight to the database: fresh ones of project A, and B's, named with B's secret. */
const planResourceFixtures = { resourceB: "" };
const freshPlanResource = {
  on: async (projectId: string, name = `Matrix resource ${uniq()}`) => {
    const [row] = await t.db.insert(planResources).values({ workspaceId: w.workspace.id, projectId, name, costPerHour: 300, createdById: w.pm.id }).returning();
    return (row as { id: string }).id;
  },
  /** A preview's basis, taken as the manager just before applying levelling. */
  levellingBasisOfA: async () => (await asManager("POST", `/api/v1/projects/${w.projectA.id}/plan/levelling/preview`, { withinSlackOnly: false })).body.basis as string,
};
async function createPlanResourceFixtures() {
  planResourceFixtures.resourceB = await freshPlanResource.on(w.projectB.id, SECRET_B);
}
/** Project A's board columns (the default workflow, made by the first read), for moves and quick adds. */
const freshBoard = {
  workflowOfA: async () => (await asManager("GET", `/api/v1/projects/${w.projectA.id}/board/workflow`)).body as { version: string; statuses: { id: string; name: string; category: string; wipLimit: number | null }[] },
  statusOfA: async () => (await freshBoard.workflowOfA()).statuses[1]?.id as string,
};
/** A milestone feed of project A for its manager (a fresh token per call: rotating would revoke the previous one). */
// ---- Quality (modules/quality) ------------------------------------------------------------------------------------
/** Quality records written straight to the database: a phase with an open gate, test cases and defects on a project. */
let qualityNumber = 1000;
const freshQuality = {
  gateOn: async (projectId: string) => {
    const phaseTaskId = await freshPlan.taskOn(projectId, "Matrix phase");
    const [gate] = await t.db.insert(qualityGates).values({ workspaceId: w.workspace.id, projectId, phaseTaskId, name: "Matrix gate" }).returning();
    const id = (gate as { id: string }).id;
    const [item] = await t.db.insert(qualityGateItems).values({ workspaceId: w.workspace.id, gateId: id, position: 0, text: "Reviewed" }).returning();
    return { id, itemId: (item as { id: string }).id };
  },
  testCaseOn: async (projectId: string, title = "Matrix test case") => {
    const [row] = await t.db.insert(testCases).values({ workspaceId: w.workspace.id, projectId, number: qualityNumber++, title, createdById: w.pm.id }).returning();
    return (row as { id: string }).id;
  },
  /** A defect raised by the project's client contact (contact A reads those of project A). */
  defectOn: async (projectId: string, reportedById: string, title = "Matrix defect") => {
    const [row] = await t.db.insert(defects).values({ workspaceId: w.workspace.id, projectId, number: qualityNumber++, title, severity: "minor", reportedById }).returning();
    return (row as { id: string }).id;
  },
};
const qualityFixtures = { gateB: { id: "", itemId: "" }, testCaseB: "", defectB: "" };
async function createQualityFixtures() {
  qualityFixtures.gateB = await freshQuality.gateOn(w.projectB.id);
  qualityFixtures.testCaseB = await freshQuality.testCaseOn(w.projectB.id, SECRET_B);
  qualityFixtures.defectB = await freshQuality.defectOn(w.projectB.id, w.contactB.id, SECRET_B);
}
/** Defects: the team reads and moves them all; contact A raises and reads those of the client's side. */
const raisesDefectsOnA = "401 ok  ok  ok  ok  403 404 ok  404";
/** A gate or a test case is the team's: contact A does not learn it exists (404), as for another project's. */
const editsQualityRecordOnA = "401 ok  ok  ok  ok  403 404 404 404";
const deletesQualityRecordOnA = "401 ok  ok  ok  403 403 404 404 404";
const freshPlanFeed = {
  ofManagerOnA: async () => {
    const token = randomBytes(32).toString("base64url");
    await t.db.insert(calendarFeedTokens).values({ workspaceId: w.workspace.id, projectId: w.projectA.id, userId: w.pm.id, kind: "milestones", tokenHash: sha256(token) });
    return token;
  },
};
// ---- Status reports (modules/status-reports) ----------------------------------------------------------------------
/**
 * Reports written straight to the database (the generation itself is tested in its routes test): on project A a
 * published one (contact A sees it) and a draft (contact A does not), and B's, titled with B's secret. Rows that edit
 * or publish take a fresh draft per person.
 */
const statusReportFixtures = { publishedA: "", draftA: "", reportB: "" };
const freshStatusReport = {
  on: async (projectId: string, published: boolean, title = "Matrix report") => {
    const rule = { rag: "green" as const, rule: { key: "status_report.rule.scope.green", params: {} } };
    const [row] = await t.db
      .insert(statusReports)
      .values({
        workspaceId: w.workspace.id,
        projectId,
        number: sql`(select coalesce(max(s.number), 0) + 1 from status_reports s where s.project_id = ${projectId})`,
        periodFrom: "2026-03-02",
        periodTo: "2026-03-08",
        title,
        overall: "green",
        dimensions: Object.fromEntries(["scope", "schedule", "cost", "quality", "risk"].map((d) => [d, { rag: "green", rule: rule.rule.key, note: "" }])) as never,
        content: {
          asOf: "2026-03-08", currency: "CNY", percentComplete: 0, phases: [], milestones: [], completedInPeriod: 0, topRisks: [], openChangeRequests: [],
          earnedValue: { spi: null, cpi: null, bac: 0, pv: 0, ev: 0, ac: 0, eac: null, vac: null }, defects: { critical: 0, major: 0, openGates: 0 },
          generated: Object.fromEntries(["scope", "schedule", "cost", "quality", "risk"].map((d) => [d, rule])), overrides: {},
        },
        createdById: w.pm.id,
        ...(published ? { status: "published" as const, publishedAt: new Date(), publishedById: w.pm.id } : {}),
      })
      .returning();
    return (row as { id: string }).id;
  },
  scheduleVersion: async (projectId: string) => (await t.db.select({ v: statusReportSchedules.version }).from(statusReportSchedules).where(eq(statusReportSchedules.projectId, projectId)))[0]?.v ?? 0,
};
async function createStatusReportFixtures() {
  statusReportFixtures.publishedA = await freshStatusReport.on(w.projectA.id, true);
  statusReportFixtures.draftA = await freshStatusReport.on(w.projectA.id, false);
  statusReportFixtures.reportB = await freshStatusReport.on(w.projectB.id, true, SECRET_B);
}
/** A report of A: its readers see a published one; a draft is the team's (contact A: 404). */
const teamSeesDraftOnA = "401 ok  ok  ok  ok  ok  404 404 404";
/** Publishing a draft of A: managers and admins; contact A cannot see a draft at all. */
const publishesOnA = "401 ok  ok  ok  403 403 404 404 404";
/** Editing a draft of A: the team who writes reports; contact A cannot see a draft at all. */
const editsDraftOnA = "401 ok  ok  ok  ok  403 404 404 404";

// ---- Performance evaluation and client satisfaction (modules/performance, modules/satisfaction) -------------------
/**
 * The workspace-wide evaluation: admins and whoever manages a project; contacts 403. By the time this row runs every
 * staff role has created (and so manages) a project of its own, so all staff answer; the 403 of a member who manages
 * none is in performance.routes.test.ts.
 */
const evaluatesSomeProject = "401 ok  ok  ok  ok  ok  ok  403 403";
/** Rating a draft: the team reads it but never rates; contacts cannot see a draft at all. */
const ratesDraftOnA = "401 403 403 403 403 403 404 404 404";
/** The version of a person's rating of a report (0: none yet), so a rating row can be sent again. */
const satisfactionVersion = async (statusReportId: string, userId: string) =>
  (await t.db.select({ v: clientSatisfactionRatings.version }).from(clientSatisfactionRatings).where(sql`${clientSatisfactionRatings.statusReportId} = ${statusReportId} and ${clientSatisfactionRatings.userId} = ${userId}`))[0]?.v ?? 0;

// ---- Notifications (modules/notifications) ------------------------------------------------------------------------
/** A notification of `userId` written straight to the database (about no project, so everyone may read their own). */
const freshNotification = {
  of: async (userId: string) => {
    const [row] = await t.db.insert(notifications).values({ workspaceId: w.workspace.id, userId, kind: "assigned", entityType: "plan_task", entityId: randomUUID(), params: { taskName: "Matrix task" } }).returning();
    return (row as { id: string }).id;
  },
  userVersion: async (userId: string) => (await t.db.select({ v: users.version }).from(users).where(eq(users.id, userId)))[0]?.v,
};
/** Contact B's notification about project B, named with B's secret, for the tenant check. */
let notificationB = "";

// ---- Meetings (modules/meetings) -----------------------------------------------------------------------------------
/**
 * Meetings written straight to the database: on project A one shared with the client (contact A sees it), one
 * internal (contact A does not) and a shared weekly series; B's titled with B's secret. Rows that change an item
 * take a fresh one per person.
 */
const meetingFixtures = { sharedA: "", internalA: "", seriesA: "", meetingB: "", itemB: "" };
const freshMeeting = {
  on: async (projectId: string, sharedWithClient: boolean, title = "Matrix meeting", rrule: string | null = null) => {
    const [row] = await t.db
      .insert(meetings)
      .values({ workspaceId: w.workspace.id, projectId, number: sql`(select coalesce(max(m.number), 0) + 1 from meetings m where m.project_id = ${projectId})`, kind: "ad_hoc", title, startsAt: new Date("2026-03-02T01:30:00Z"), rrule, sharedWithClient, createdById: w.pm.id })
      .returning();
    return (row as { id: string }).id;
  },
  version: async (id: string) => (await t.db.select({ v: meetings.version }).from(meetings).where(eq(meetings.id, id)))[0]?.v,
  itemOn: async (meetingId: string, projectId: string, text = "Matrix action") => {
    const [row] = await t.db.insert(meetingItems).values({ workspaceId: w.workspace.id, projectId, meetingId, kind: "action", position: 0, text, ownerId: w.dev.id, dueDate: "2026-03-20" }).returning();
    return (row as { id: string }).id;
  },
  itemVersion: async (id: string) => (await t.db.select({ v: meetingItems.version }).from(meetingItems).where(eq(meetingItems.id, id)))[0]?.v,
  feedOfManagerOnA: async () => {
    const token = randomBytes(32).toString("base64url");
    await t.db.insert(calendarFeedTokens).values({ workspaceId: w.workspace.id, projectId: w.projectA.id, userId: w.pm.id, kind: "meetings", tokenHash: sha256(token) });
    return token;
  },
};
async function createMeetingFixtures() {
  meetingFixtures.sharedA = await freshMeeting.on(w.projectA.id, true);
  meetingFixtures.internalA = await freshMeeting.on(w.projectA.id, false);
  meetingFixtures.seriesA = await freshMeeting.on(w.projectA.id, true, "Matrix weekly", "FREQ=WEEKLY;BYDAY=MO");
  meetingFixtures.meetingB = await freshMeeting.on(w.projectB.id, true, SECRET_B);
  meetingFixtures.itemB = await freshMeeting.itemOn(meetingFixtures.meetingB, w.projectB.id, SECRET_B);
}
const PLAN_WEEK = { mon: "09:00-12:00,13:00-18:00", tue: "09:00-12:00,13:00-18:00", wed: "09:00-12:00,13:00-18:00", thu: "09:00-12:00,13:00-18:00", fri: "09:00-12:00,13:00-18:00", sat: "", sun: "" };

// prettier-ignore
const ROWS: Row[] = [
  //                                                                                                              anon own adm pm  dev vwr out cA  cB
  // auth and the signed-in person
  row("POST /api/v1/auth/sign-in", (f) => ({ url: "/api/v1/auth/sign-in", body: { email: f.who?.email ?? "nobody@example.com", password: TEST_PASSWORD } }), "401 ok  ok  ok  ok  ok  ok  ok  ok"),
  row("POST /api/v1/auth/sign-out", () => ({ url: "/api/v1/auth/sign-out" }), publicRoute, { endsSession: true }),
  row("POST /api/v1/auth/password-reset", (f) => ({ url: "/api/v1/auth/password-reset", body: { email: f.me.email } }), publicRoute),
  row("POST /api/v1/auth/password-reset/complete", async (f) => ({ url: "/api/v1/auth/password-reset/complete", body: { token: await f.fresh.resetToken(), newPassword: "a-new-password" } }), publicRoute),
  row("GET /api/v1/me", () => ({ url: "/api/v1/me" }), anyoneSignedIn),
  row("PATCH /api/v1/me", () => ({ url: "/api/v1/me", body: { locale: "en" } }), anyoneSignedIn),
  row("POST /api/v1/me/password", () => ({ url: "/api/v1/me/password", body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } }), anyoneSignedIn, { endsSession: true }),
  row("GET /api/v1/me/tokens", () => ({ url: "/api/v1/me/tokens" }), anyoneSignedIn),
  row("POST /api/v1/me/tokens", () => ({ url: "/api/v1/me/tokens", body: { name: "matrix" } }), anyoneSignedIn),
  row("DELETE /api/v1/me/tokens/:id", async (f) => ({ url: `/api/v1/me/tokens/${await f.fresh.apiTokenOf(f.me.id)}` }), anyoneSignedIn, { note: "own token" }),
  row("DELETE /api/v1/me/tokens/:id", async (f) => ({ url: `/api/v1/me/tokens/${await f.fresh.apiTokenOf(f.me.id === f.pm.id ? f.dev.id : f.pm.id)}` }), "401 404 404 404 404 404 404 404 404", { note: "someone else's token" }),

  // clients
  row("GET /api/v1/clients", () => ({ url: "/api/v1/clients" }), anyoneSignedIn),
  row("POST /api/v1/clients", () => ({ url: "/api/v1/clients", body: { name: `Matrix ${uniq()}` } }), staffOnly),
  row("GET /api/v1/clients/:id", (f) => ({ url: `/api/v1/clients/${f.clientA.id}` }), "401 ok  ok  ok  ok  ok  ok  ok  404"),
  row("PATCH /api/v1/clients/:id", async (f) => ({ url: `/api/v1/clients/${f.clientA.id}`, body: { version: await f.version.client(f.clientA.id), notes: `by ${f.role}` } }), "401 ok  ok  ok  ok  ok  ok  403 404"),

  // people
  row("GET /api/v1/users", () => ({ url: "/api/v1/users" }), staffOnly),
  row("POST /api/v1/users", (f) => ({ url: "/api/v1/users", body: { email: `c-${uniq()}@example.com`, name: "Contact", role: "client", clientId: f.clientA.id, password: "long-enough" } }), staffOnly, { note: "a client contact" }),
  row("POST /api/v1/users", () => ({ url: "/api/v1/users", body: { email: `s-${uniq()}@example.com`, name: "Staff", role: "member", password: "long-enough" } }), "401 ok  ok  403 403 403 403 403 403", { note: "delivery staff" }),
  row("GET /api/v1/users/:id", (f) => ({ url: `/api/v1/users/${f.dev.id}` }), "401 ok  ok  ok  ok  ok  ok  404 404", { note: "a colleague" }),
  row("GET /api/v1/users/:id", (f) => ({ url: `/api/v1/users/${f.me.id}` }), anyoneSignedIn, { note: "oneself" }),
  row("PATCH /api/v1/users/:id", async (f) => ({ url: `/api/v1/users/${(await f.fresh.contactA()).id}`, body: { version: 1, title: "IT" } }), staffOnly, { note: "a client contact" }),
  row("PATCH /api/v1/users/:id", async (f) => ({ url: `/api/v1/users/${(await f.fresh.staff()).id}`, body: { version: 1, title: "PM" } }), "401 ok  ok  403 403 403 403 403 403", { note: "delivery staff" }),
  row("POST /api/v1/users/:id/password-reset-link", (f) => ({ url: `/api/v1/users/${f.dev.id}/password-reset-link` }), "401 ok  ok  403 403 403 403 404 404"),

  // projects and their members
  row("GET /api/v1/projects", () => ({ url: "/api/v1/projects" }), anyoneSignedIn),
  row("POST /api/v1/projects", (f) => ({ url: "/api/v1/projects", body: { code: `M-${uniq()}`, name: "Matrix", clientId: f.clientA.id } }), staffOnly),
  row("GET /api/v1/projects/:id", (f) => ({ url: `/api/v1/projects/${f.projectA.id}` }), readsA, { note: "project A" }),
  row("GET /api/v1/projects/:id", (f) => ({ url: `/api/v1/projects/${f.projectB.id}` }), "401 ok  ok  ok  404 404 404 404 ok", { note: "project B" }),
  row("PATCH /api/v1/projects/:id", async (f) => ({ url: `/api/v1/projects/${f.projectA.id}`, body: { version: await f.version.project(f.projectA.id), description: `by ${f.role}` } }), managesA),
  row("GET /api/v1/projects/:id/members", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/members` }), readsA),
  row("POST /api/v1/projects/:id/members", async (f) => ({ url: `/api/v1/projects/${f.projectA.id}/members`, body: { userId: (await f.fresh.staff()).id, role: "viewer" } }), managesA),
  row("PATCH /api/v1/projects/:id/members/:userId", async (f) => ({ url: `/api/v1/projects/${f.projectA.id}/members/${(await f.fresh.viewerOnA()).id}`, body: { version: 1, role: "member" } }), managesA),
  row("DELETE /api/v1/projects/:id/members/:userId", async (f) => ({ url: `/api/v1/projects/${f.projectA.id}/members/${(await f.fresh.viewerOnA()).id}` }), managesA),

  // comments, files and history (modules/comments, attachments, audit; who may: platform/entity-scope.ts)
  row("GET /api/v1/projects/:entityId/comments", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/comments` }), readsA),
  row("POST /api/v1/projects/:entityId/comments", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/comments`, body: { body: "hi" } }), collaboratesOnA),
  row("GET /api/v1/clients/:entityId/comments", (f) => ({ url: `/api/v1/clients/${f.clientA.id}/comments` }), staffNotesOnA),
  row("POST /api/v1/clients/:entityId/comments", (f) => ({ url: `/api/v1/clients/${f.clientA.id}/comments`, body: { body: "hi" } }), staffNotesOnA),
  row("GET /api/v1/users/:entityId/comments", (f) => ({ url: `/api/v1/users/${f.contactA.id}/comments` }), staffNotesOnA),
  row("POST /api/v1/users/:entityId/comments", (f) => ({ url: `/api/v1/users/${f.contactA.id}/comments`, body: { body: "hi" } }), staffNotesOnA),
  row("PATCH /api/v1/comments/:id", async (f) => ({ url: `/api/v1/comments/${await f.fresh.commentOnA(f.me.id)}`, body: { version: 1, body: "edited" } }), collaboratesOnA, { note: "own comment on project A" }),
  row("DELETE /api/v1/comments/:id", async (f) => ({ url: `/api/v1/comments/${await f.fresh.commentOnA(f.pm.id)}` }), "401 ok  ok  ok  403 403 404 403 404", { note: "the manager's comment on project A" }),
  row("GET /api/v1/projects/:entityId/audit", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/audit` }), "401 ok  ok  ok  ok  ok  404 403 404"),
  row("GET /api/v1/clients/:entityId/audit", (f) => ({ url: `/api/v1/clients/${f.clientA.id}/audit` }), staffNotesOnA),
  row("GET /api/v1/users/:entityId/audit", (f) => ({ url: `/api/v1/users/${f.contactA.id}/audit` }), staffNotesOnA),
  row("GET /api/v1/projects/:entityId/attachments", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/attachments` }), readsA),
  row("POST /api/v1/projects/:entityId/attachments", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/attachments`, file: { name: "a.txt", content: "x" } }), collaboratesOnA),
  row("GET /api/v1/clients/:entityId/attachments", (f) => ({ url: `/api/v1/clients/${f.clientA.id}/attachments` }), staffNotesOnA),
  row("POST /api/v1/clients/:entityId/attachments", (f) => ({ url: `/api/v1/clients/${f.clientA.id}/attachments`, file: { name: "a.txt", content: "x" } }), staffNotesOnA),
  row("GET /api/v1/users/:entityId/attachments", (f) => ({ url: `/api/v1/users/${f.contactA.id}/attachments` }), staffNotesOnA),
  row("POST /api/v1/users/:entityId/attachments", (f) => ({ url: `/api/v1/users/${f.contactA.id}/attachments`, file: { name: "a.txt", content: "x" } }), staffNotesOnA),
  row("GET /api/v1/attachments/:id/content", () => ({ url: `/api/v1/attachments/${attachmentA}/content` }), readsA, { note: "a file on project A" }),
  row("DELETE /api/v1/attachments/:id", async (f) => ({ url: `/api/v1/attachments/${await f.fresh.attachmentOnA()}` }), "401 ok  ok  ok  403 403 404 403 404", { note: "the manager's file on project A" }),

  // requirements register (modules/requirements; who may: canRequirements, canRequirement, canRequirementRelation in policy.ts)
  row("GET /api/v1/projects/:id/requirements", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/requirements` }), readsA),
  row("GET /api/v1/projects/:id/requirements/export.csv", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/requirements/export.csv` }), readsA),
  row("GET /api/v1/projects/:id/requirements/export.xlsx", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/requirements/export.xlsx` }), readsA),
  // import from CSV/XLSX (requirements-import.*): those who write the register (canRequirements "requirements.write")
  row("POST /api/v1/projects/:id/requirements/import/preview", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/requirements/import/preview`, file: { name: "import.csv", content: `Title\nPreviewed by ${f.role}` } }), editsRequirementsA),
  row("POST /api/v1/projects/:id/requirements/import", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/requirements/import`, file: { name: "import.csv", content: `Title\nImported by ${f.role}` } }), editsRequirementsA),
  row("GET /api/v1/projects/:id/requirements/import/template.csv", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/requirements/import/template.csv` }), editsRequirementsA),
  row("POST /api/v1/projects/:id/requirements", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/requirements`, body: { title: `by ${f.role}` } }), editsRequirementsA),
  row("PATCH /api/v1/projects/:id/requirements/bulk", async (f) => ({ url: `/api/v1/projects/${f.projectA.id}/requirements/bulk`, body: { ids: [await freshRequirement.on(f.projectA.id)], patch: { moscow: "must" } } }), editsRequirementsA),
  row("GET /api/v1/requirements/:id", () => ({ url: `/api/v1/requirements/${registerFixtures.requirementA}` }), readsA, { note: "awaiting the client" }),
  row("GET /api/v1/requirements/:id", () => ({ url: `/api/v1/requirements/${registerFixtures.draftA}` }), "401 ok  ok  ok  ok  ok  404 404 404", { note: "a draft: the team's, not the client's" }),
  row("PATCH /api/v1/requirements/:id", async (f) => ({ url: `/api/v1/requirements/${registerFixtures.requirementA}`, body: { version: await requirementVersion(registerFixtures.requirementA), description: `by ${f.role}` } }), editsRequirementsA),
  row("POST /api/v1/requirements/:id/transitions", async (f) => ({ url: `/api/v1/requirements/${await freshRequirement.on(f.projectA.id)}/transitions`, body: { to: "in_analysis", version: 1 } }), editsRequirementsA),
  row("GET /api/v1/requirements/:id/versions", () => ({ url: `/api/v1/requirements/${registerFixtures.requirementA}/versions` }), readsA),
  row("GET /api/v1/requirements/:id/relations", () => ({ url: `/api/v1/requirements/${registerFixtures.requirementA}/relations` }), readsA),
  row("POST /api/v1/requirements/:id/relations", async (f) => ({ url: `/api/v1/requirements/${await freshRequirement.on(f.projectA.id)}/relations`, body: { toId: await freshRequirement.on(f.projectA.id), kind: "depends_on" } }), editsRequirementsA),
  row("PATCH /api/v1/requirement-relations/:id", async () => ({ url: `/api/v1/requirement-relations/${await freshRequirement.relationOnA("conflicts_with")}`, body: { version: 1, status: "resolved", resolutionNote: "agreed" } }), "401 ok  ok  ok  ok  403 404 404 404", { note: "a conflict: the team's analysis" }),
  row("DELETE /api/v1/requirement-relations/:id", async () => ({ url: `/api/v1/requirement-relations/${await freshRequirement.relationOnA("depends_on")}` }), editsRequirementsA, { note: "a dependency contact A can see" }),
  row("GET /api/v1/requirements/:id/proposals", () => ({ url: `/api/v1/requirements/${registerFixtures.requirementA}/proposals` }), teamOnlyA, { note: "the finder's proposals: the team's analysis" }),
  row("GET /api/v1/projects/:id/requirement-proposals", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/requirement-proposals` }), teamOnlyA),
  row("POST /api/v1/requirements/:id/proposals/decisions", async () => ({ url: `/api/v1/requirements/${registerFixtures.requirementA}/proposals/decisions`, body: { otherId: await freshRequirement.on(w.projectA.id), kind: "duplicate", decision: "dismissed" } }), editsRequirementsA),
  // the client's confirmation (canRequirement "requirement.confirm": the project's client contacts; staff use the workflow)
  row("POST /api/v1/requirements/:id/confirmations", async (f) => ({ url: `/api/v1/requirements/${await freshRequirement.on(f.projectA.id)}/confirmations`, body: { decision: "approved", version: 1 } }), "401 403 403 403 403 403 404 ok  404", { note: "awaiting the client" }),
  row("GET /api/v1/requirements/:id/confirmations", () => ({ url: `/api/v1/requirements/${registerFixtures.requirementA}/confirmations` }), readsA),
  row("GET /api/v1/projects/:id/confirmations/pending", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/confirmations/pending` }), readsA),
  row("GET /api/v1/projects/:id/saved-views", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/saved-views` }), teamOnlyA),
  row("POST /api/v1/projects/:id/saved-views", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/saved-views`, body: { name: `by ${f.role} ${uniq()}`, filters: { moscow: ["must"] } } }), teamOnlyA),
  row("DELETE /api/v1/projects/:id/saved-views/:viewId", async (f) => ({ url: `/api/v1/projects/${f.projectA.id}/saved-views/${await freshRequirement.savedViewOnA(f.me.id)}` }), teamOnlyA, { note: "the caller's own view" }),
  row("GET /api/v1/requirements/:entityId/comments", () => ({ url: `/api/v1/requirements/${registerFixtures.requirementA}/comments` }), readsA),
  row("POST /api/v1/requirements/:entityId/comments", () => ({ url: `/api/v1/requirements/${registerFixtures.requirementA}/comments`, body: { body: "hi" } }), collaboratesOnA),
  row("GET /api/v1/requirements/:entityId/audit", () => ({ url: `/api/v1/requirements/${registerFixtures.requirementA}/audit` }), teamOnlyA),
  row("GET /api/v1/requirements/:entityId/attachments", () => ({ url: `/api/v1/requirements/${registerFixtures.requirementA}/attachments` }), readsA),
  row("POST /api/v1/requirements/:entityId/attachments", () => ({ url: `/api/v1/requirements/${registerFixtures.requirementA}/attachments`, file: { name: "a.txt", content: "x" } }), collaboratesOnA),

  // prioritisation (modules/prioritisation; who may: canPrioritisation, canRequirementPriority in policy.ts)
  row("GET /api/v1/projects/:id/requirement-scoring-model", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/requirement-scoring-model` }), teamOnlyA),
  row("PUT /api/v1/projects/:id/requirement-scoring-model", async (f) => ({ url: `/api/v1/projects/${f.projectA.id}/requirement-scoring-model`, body: { version: await scoringModelVersion(f.projectA.id), model: "rice" } }), configuresA),
  row("GET /api/v1/projects/:id/requirement-priorities", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/requirement-priorities` }), readsA),
  // Managers get as far as the model check: re-ranking for real would renumber project A's requirements under the other rows.
  row("POST /api/v1/projects/:id/requirement-priorities/rank-by-score", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/requirement-priorities/rank-by-score`, body: { modelVersion: 999 } }), "401 409 409 409 403 403 404 403 404", { note: "a stale model version: 409 once authorised" }),
  row("POST /api/v1/requirements/:id/move", async (f) => ({ url: `/api/v1/requirements/${await freshRequirement.on(f.projectA.id)}/move`, body: { version: 1, moscow: "could" } }), editsRequirementsA),
  row("PATCH /api/v1/requirements/:id/priority-inputs", async (f) => ({ url: `/api/v1/requirements/${await freshRequirement.on(f.projectA.id)}/priority-inputs`, body: { version: 1, rice: { reach: 10 } } }), editsRequirementsA),
  row("PUT /api/v1/requirements/:id/client-priority", async (f) => ({ url: `/api/v1/requirements/${await freshRequirement.on(f.projectA.id)}/client-priority`, body: { version: 1, clientPriority: 2 } }), clientPriorityOnA, { note: "awaiting the client" }),
  row("PUT /api/v1/requirements/:id/client-priority", async (f) => ({ url: `/api/v1/requirements/${await freshRequirement.on(f.projectA.id, "draft")}/client-priority`, body: { version: 1, clientPriority: 2 } }), "401 ok  ok  ok  ok  403 404 404 404", { note: "a draft: the team's, not the client's" }),

  // traceability (modules/traceability; the team's: canRequirements "requirements.internal.read" / "requirements.write")
  row("GET /api/v1/projects/:id/trace-links", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/trace-links` }), teamOnlyA),
  row("POST /api/v1/projects/:id/trace-links", async (f) => ({ url: `/api/v1/projects/${f.projectA.id}/trace-links`, body: { fromType: "task", fromId: await freshRequirement.taskOnA(), toType: "requirement", toId: await freshRequirement.on(f.projectA.id), kind: "implements" } }), editsRequirementsA),
  row("DELETE /api/v1/trace-links/:id", async () => ({ url: `/api/v1/trace-links/${await freshRequirement.traceLinkOnA()}` }), editsRequirementsA),
  row("GET /api/v1/projects/:id/traceability", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/traceability` }), teamOnlyA),

  // scope baselines (modules/baselines; who may: canBaselines in policy.ts); immutable, so no PATCH or DELETE
  row("GET /api/v1/projects/:id/baselines", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/baselines` }), readsA),
  row("GET /api/v1/projects/:id/baselines/preview", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/baselines/preview` }), teamOnlyA, { note: "the team's analysis" }),
  row("POST /api/v1/projects/:id/baselines", async (f) => (await freshBaseline.approvedOn(f.projectA.id), { url: `/api/v1/projects/${f.projectA.id}/baselines`, body: { name: `by ${f.role}` } }), editsRequirementsA),
  row("GET /api/v1/projects/:id/scope-creep", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/scope-creep` }), readsA),
  row("GET /api/v1/baselines/:id", () => ({ url: `/api/v1/baselines/${baselineFixtures.baselineA}` }), readsA),
  row("GET /api/v1/baselines/:id/compare", () => ({ url: `/api/v1/baselines/${baselineFixtures.baselineA}/compare?with=current` }), readsA),

  // change requests (modules/change-requests; who may: canChangeRequests, canChangeRequest in policy.ts)
  row("GET /api/v1/projects/:id/change-requests", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/change-requests` }), readsA),
  row("POST /api/v1/projects/:id/change-requests", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/change-requests`, body: { title: `by ${f.role}` } }), editsRequirementsA),
  row("POST /api/v1/projects/:id/change-requests/impact-estimate", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/change-requests/impact-estimate`, body: { requirementIds: [registerFixtures.requirementA] } }), editsRequirementsA),
  row("GET /api/v1/change-requests/:id", () => ({ url: `/api/v1/change-requests/${changeRequestFixtures.submittedA}` }), readsA, { note: "submitted" }),
  row("GET /api/v1/change-requests/:id", () => ({ url: `/api/v1/change-requests/${changeRequestFixtures.draftA}` }), "401 ok  ok  ok  ok  ok  404 404 404", { note: "a draft: the team's, not the client's" }),
  row("PATCH /api/v1/change-requests/:id", async (f) => ({ url: `/api/v1/change-requests/${changeRequestFixtures.submittedA}`, body: { version: await freshChangeRequest.version(changeRequestFixtures.submittedA), reason: `by ${f.role}` } }), editsRequirementsA),
  row("POST /api/v1/change-requests/:id/submit", async (f) => {
    const pm = await clientFor("pm");
    const made = await pm.post(`/api/v1/projects/${f.projectA.id}/change-requests`, { title: "To submit", items: [{ action: "add", proposed: { title: "New" } }] });
    return { url: `/api/v1/change-requests/${made.body.id}/submit`, body: { version: made.body.version } };
  }, "401 ok  ok  ok  ok  403 404 404 404", { note: "a fresh draft" }),
  row("POST /api/v1/change-requests/:id/withdraw", async (f) => ({ url: `/api/v1/change-requests/${await freshChangeRequest.on(f.projectA.id, "submitted")}/withdraw`, body: { version: 1 } }), editsRequirementsA),
  row("POST /api/v1/change-requests/:id/decisions", async (f) => ({ url: `/api/v1/change-requests/${await freshChangeRequest.on(f.projectA.id, "submitted")}/decisions`, body: { decision: "rejected", version: 1 } }), decidesOnA),
  row("GET /api/v1/change_requests/:entityId/comments", () => ({ url: `/api/v1/change_requests/${changeRequestFixtures.submittedA}/comments` }), readsA),
  row("POST /api/v1/change_requests/:entityId/comments", () => ({ url: `/api/v1/change_requests/${changeRequestFixtures.submittedA}/comments`, body: { body: "hi" } }), collaboratesOnA),
  row("GET /api/v1/change_requests/:entityId/audit", () => ({ url: `/api/v1/change_requests/${changeRequestFixtures.submittedA}/audit` }), teamOnlyA),
  row("GET /api/v1/change_requests/:entityId/attachments", () => ({ url: `/api/v1/change_requests/${changeRequestFixtures.submittedA}/attachments` }), readsA),
  row("POST /api/v1/change_requests/:entityId/attachments", () => ({ url: `/api/v1/change_requests/${changeRequestFixtures.submittedA}/attachments`, file: { name: "a.txt", content: "x" } }), collaboratesOnA),

  // risk register (modules/risks; who may: canRisks, canRisk in policy.ts)
  row("GET /api/v1/projects/:id/risks", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/risks` }), readsA),
  row("POST /api/v1/projects/:id/risks", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/risks`, body: { title: `by ${f.role}`, probability: 2, impact: 3 } }), editsRequirementsA),
  row("GET /api/v1/projects/:id/risks/heat-map", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/risks/heat-map` }), readsA),
  row("POST /api/v1/projects/:id/risks/defaults", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/risks/defaults`, body: { kind: "saas_onboarding" } }), editsRequirementsA),
  row("GET /api/v1/risks/:id", () => ({ url: `/api/v1/risks/${riskFixtures.sharedA}` }), readsA, { note: "shared with the client" }),
  row("GET /api/v1/risks/:id", () => ({ url: `/api/v1/risks/${riskFixtures.internalA}` }), "401 ok  ok  ok  ok  ok  404 404 404", { note: "internal: the team's, not the client's" }),
  row("PATCH /api/v1/risks/:id", async (f) => ({ url: `/api/v1/risks/${riskFixtures.sharedA}`, body: { version: await freshRisk.version(riskFixtures.sharedA), trigger: `by ${f.role}` } }), editsRequirementsA),
  row("GET /api/v1/risks/:id/reviews", () => ({ url: `/api/v1/risks/${riskFixtures.sharedA}/reviews` }), readsA),
  row("POST /api/v1/risks/:id/reviews", async (f) => ({ url: `/api/v1/risks/${riskFixtures.sharedA}/reviews`, body: { version: await freshRisk.version(riskFixtures.sharedA), note: `by ${f.role}` } }), editsRequirementsA),
  row("POST /api/v1/risks/:id/requirements", async (f) => ({ url: `/api/v1/risks/${await freshRisk.on(f.projectA.id, true)}/requirements`, body: { requirementId: await freshRequirement.on(f.projectA.id) } }), editsRequirementsA),
  row("DELETE /api/v1/risks/:id/requirements/:requirementId", async () => {
    const { riskId, requirementId } = await freshRisk.linkedOnA();
    return { url: `/api/v1/risks/${riskId}/requirements/${requirementId}` };
  }, editsRequirementsA),
  row("GET /api/v1/risks/:entityId/comments", () => ({ url: `/api/v1/risks/${riskFixtures.sharedA}/comments` }), teamOnlyA, { note: "the team's discussion, even of a shared risk" }),
  row("POST /api/v1/risks/:entityId/comments", () => ({ url: `/api/v1/risks/${riskFixtures.sharedA}/comments`, body: { body: "hi" } }), editsRequirementsA),
  row("GET /api/v1/risks/:entityId/audit", () => ({ url: `/api/v1/risks/${riskFixtures.sharedA}/audit` }), teamOnlyA),
  row("GET /api/v1/risks/:entityId/attachments", () => ({ url: `/api/v1/risks/${riskFixtures.sharedA}/attachments` }), teamOnlyA),
  row("POST /api/v1/risks/:entityId/attachments", () => ({ url: `/api/v1/risks/${riskFixtures.sharedA}/attachments`, file: { name: "a.txt", content: "x" } }), editsRequirementsA),

  // time tracking (modules/time; who may: canTime, canKeepTime, canTimeOfPerson in policy.ts)
  row("GET /api/v1/time/timer", () => ({ url: "/api/v1/time/timer" }), keepsTime),
  row("POST /api/v1/time/timer/start", (f) => ({ url: "/api/v1/time/timer/start", body: { projectId: f.projectA.id } }), logsTimeOnA),
  row("POST /api/v1/time/timer/stop", async (f) => (await freshTime.timerFor(f), { url: "/api/v1/time/timer/stop", body: {} }), ownTimer),
  row("DELETE /api/v1/time/timer", async (f) => (await freshTime.timerFor(f), { url: "/api/v1/time/timer" }), ownTimer),
  row("GET /api/v1/time/entries", (f) => ({ url: `/api/v1/time/entries?projectId=${f.projectA.id}` }), "401 ok  ok  ok  ok  ok  404 403 403", { note: "a project's: the staff who read it" }),
  row("POST /api/v1/time/entries", (f) => ({ url: "/api/v1/time/entries", body: { projectId: f.projectA.id, workDate: "2024-01-03", minutes: 1 } }), logsTimeOnA),
  row("PATCH /api/v1/time/entries/:id", async (f) => ({ url: `/api/v1/time/entries/${await freshTime.entryFor(f)}`, body: { version: 1, minutes: 2 } }), logsTimeOnA, { note: "the caller's own on the team, else dev's" }),
  row("DELETE /api/v1/time/entries/:id", async (f) => ({ url: `/api/v1/time/entries/${await freshTime.entryFor(f)}` }), logsTimeOnA, { note: "the caller's own on the team, else dev's" }),
  row("GET /api/v1/time/timesheets/me", () => ({ url: "/api/v1/time/timesheets/me?week=2024-01-03" }), keepsTime),
  row("POST /api/v1/time/timesheets/me/submit", () => ({ url: "/api/v1/time/timesheets/me/submit", body: { weekStart: "2024-01-02", version: 0 } }), "401 400 400 400 400 400 400 403 403", { note: "a Tuesday: 400 once authorised" }),
  row("GET /api/v1/time/approvals", () => ({ url: "/api/v1/time/approvals" }), keepsTime),
  row("GET /api/v1/projects/:id/timesheets", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/timesheets?status=all` }), managesA),
  row("POST /api/v1/timesheets/:timesheetId/projects/:projectId/decision", async (f) => ({ url: `/api/v1/timesheets/${await freshTime.submittedPartOnA()}/projects/${f.projectA.id}/decision`, body: { version: 1, decision: "rejected", note: `by ${f.role}` } }), managesA),
  row("GET /api/v1/projects/:id/actual-cost", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/actual-cost` }), teamOnlyA),

  // the plan (modules/planning; who may: canPlan in policy.ts): contact A reads it, the team edits, managers set the calendar
  row("GET /api/v1/projects/:id/plan", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan` }), readsA),
  row("POST /api/v1/projects/:id/plan/tasks", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/tasks`, body: { name: `by ${f.role}` } }), editsRequirementsA),
  row("PATCH /api/v1/plan-tasks/:id", async (f) => ({ url: `/api/v1/plan-tasks/${planFixtures.taskA}`, body: { version: await freshPlan.taskVersion(planFixtures.taskA), name: `by ${f.role}` } }), editsRequirementsA),
  row("DELETE /api/v1/plan-tasks/:id", async (f) => ({ url: `/api/v1/plan-tasks/${await freshPlan.taskOn(f.projectA.id)}?version=1` }), editsRequirementsA),
  row("POST /api/v1/plan-tasks/:id/move", async (f) => ({ url: `/api/v1/plan-tasks/${await freshPlan.taskOn(f.projectA.id)}/move`, body: { version: 1, action: "to", position: 0 } }), editsRequirementsA),
  row("PUT /api/v1/plan-tasks/:id/predecessors", async (f) => ({ url: `/api/v1/plan-tasks/${await freshPlan.taskOn(f.projectA.id)}/predecessors`, body: { version: 1, predecessors: [{ predecessorId: await freshPlan.taskOn(f.projectA.id) }] } }), editsRequirementsA),
  row("POST /api/v1/projects/:id/plan/dependencies", async (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/dependencies`, body: { predecessorId: await freshPlan.taskOn(f.projectA.id), successorId: await freshPlan.taskOn(f.projectA.id), type: "SS", lagDays: 0.5 } }), editsRequirementsA),
  row("PATCH /api/v1/plan-dependencies/:id", async (f) => ({ url: `/api/v1/plan-dependencies/${await freshPlan.dependencyOn(f.projectA.id)}`, body: { version: 1, lagDays: -1 } }), editsRequirementsA),
  row("DELETE /api/v1/plan-dependencies/:id", async (f) => ({ url: `/api/v1/plan-dependencies/${await freshPlan.dependencyOn(f.projectA.id)}` }), editsRequirementsA),
  row("GET /api/v1/projects/:id/plan/calendar", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/calendar` }), readsA),
  row("PUT /api/v1/projects/:id/plan/calendar", async (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/calendar`, body: { version: await freshPlan.calendarVersion(f.projectA.id), week: PLAN_WEEK, holidaySets: ["cn"], exceptions: [] } }), configuresA),

  // plan resources, levelling and budget (modules/plan-resources; who may: canPlanResources) — the team's, never a contact's
  row("GET /api/v1/projects/:id/plan/resources", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/resources` }), teamReadsA),
  row("POST /api/v1/projects/:id/plan/resources", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/resources`, body: { name: `by ${f.role} ${uniq()}`, costPerHour: 250 } }), configuresA),
  row("PATCH /api/v1/plan-resources/:id", async (f) => ({ url: `/api/v1/plan-resources/${await freshPlanResource.on(f.projectA.id)}`, body: { version: 1, role: `by ${f.role}` } }), configuresA),
  row("DELETE /api/v1/plan-resources/:id", async (f) => ({ url: `/api/v1/plan-resources/${await freshPlanResource.on(f.projectA.id)}?version=1` }), configuresA),
  row("PUT /api/v1/plan-tasks/:id/assignments", async (f) => ({ url: `/api/v1/plan-tasks/${await freshPlan.taskOn(f.projectA.id)}/assignments`, body: { version: 1, assignments: [{ resourceId: await freshPlanResource.on(f.projectA.id), units: 0.5 }] } }), editsRequirementsA),
  row("GET /api/v1/projects/:id/plan/resources/load", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/resources/load` }), teamReadsA),
  row("POST /api/v1/projects/:id/plan/levelling/preview", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/levelling/preview`, body: { withinSlackOnly: true } }), teamReadsA),
  row("POST /api/v1/projects/:id/plan/levelling", async (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/levelling`, body: { withinSlackOnly: false, basis: await freshPlanResource.levellingBasisOfA() } }), configuresA),
  row("DELETE /api/v1/projects/:id/plan/levelling", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/levelling` }), configuresA),
  row("GET /api/v1/projects/:id/plan/budget", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/budget?interval=week` }), teamReadsA),

  // monitoring (modules/monitoring; who may: canMonitoring): the team reads costs, whoever edits the plan refreshes
  row("GET /api/v1/projects/:id/earned-value", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/earned-value` }), teamReadsA),
  row("POST /api/v1/projects/:id/progress-snapshots", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/progress-snapshots`, body: {} }), worksOnA),
  row("GET /api/v1/projects/:id/burndown", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/burndown` }), teamReadsA),
  row("GET /api/v1/projects/:id/milestone-trend", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/milestone-trend` }), teamReadsA),

  // dashboards (modules/dashboards; who may: canReadPortfolio, canDashboard): staff see the portfolio, the team the
  // project dashboard, everyone on A the client-safe one
  row("GET /api/v1/portfolio", () => ({ url: "/api/v1/portfolio" }), staffOnly),
  row("GET /api/v1/projects/:id/dashboard", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/dashboard` }), teamReadsA),
  row("GET /api/v1/projects/:id/client-dashboard", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/client-dashboard` }), readsA),

  // status reports (modules/status-reports; who may: canStatusReports, canStatusReport): the team writes drafts,
  // managers publish and schedule, contact A reads the published ones
  row("GET /api/v1/projects/:id/status-reports", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/status-reports` }), readsA),
  row("POST /api/v1/projects/:id/status-reports", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/status-reports`, body: { periodFrom: "2024-01-01", periodTo: "2024-01-07", title: `by ${f.role}` } }), editsRequirementsA),
  row("GET /api/v1/status-reports/:id", () => ({ url: `/api/v1/status-reports/${statusReportFixtures.publishedA}` }), readsA, { note: "published" }),
  row("GET /api/v1/status-reports/:id", () => ({ url: `/api/v1/status-reports/${statusReportFixtures.draftA}` }), teamSeesDraftOnA, { note: "draft" }),
  row("PATCH /api/v1/status-reports/:id", async (f) => ({ url: `/api/v1/status-reports/${await freshStatusReport.on(f.projectA.id, false)}`, body: { version: 1, summary: `by ${f.role}` } }), editsDraftOnA),
  row("POST /api/v1/status-reports/:id/publish", async (f) => ({ url: `/api/v1/status-reports/${await freshStatusReport.on(f.projectA.id, false)}/publish`, body: { version: 1 } }), publishesOnA),
  row("GET /api/v1/status-reports/:id/export.md", () => ({ url: `/api/v1/status-reports/${statusReportFixtures.publishedA}/export.md` }), readsA),
  row("GET /api/v1/status-reports/:id/export.pdf", () => ({ url: `/api/v1/status-reports/${statusReportFixtures.publishedA}/export.pdf` }), readsA),
  row("GET /api/v1/projects/:id/status-report-schedule", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/status-report-schedule` }), managesA),
  row("PUT /api/v1/projects/:id/status-report-schedule", async (f) => ({ url: `/api/v1/projects/${f.projectA.id}/status-report-schedule`, body: { version: await freshStatusReport.scheduleVersion(f.projectA.id), enabled: false, weekday: 5, time: "17:00", timeZone: "Asia/Shanghai", publish: false } }), managesA),

  // performance evaluation (modules/performance; who may: canPerformance, canPerformanceOverview): managers and admins
  // only — never members, viewers or client contacts; client satisfaction (modules/satisfaction; canSatisfaction):
  // contact A rates A's published report, the team reads the ratings
  row("GET /api/v1/projects/:id/performance", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/performance` }), managesA),
  row("GET /api/v1/performance", () => ({ url: "/api/v1/performance" }), evaluatesSomeProject),
  row("GET /api/v1/performance/scope", () => ({ url: "/api/v1/performance/scope" }), staffOnly),
  row("GET /api/v1/status-reports/:id/satisfaction", () => ({ url: `/api/v1/status-reports/${statusReportFixtures.publishedA}/satisfaction` }), readsA, { note: "published" }),
  row("GET /api/v1/status-reports/:id/satisfaction", () => ({ url: `/api/v1/status-reports/${statusReportFixtures.draftA}/satisfaction` }), teamSeesDraftOnA, { note: "draft" }),
  row("PUT /api/v1/status-reports/:id/satisfaction", async (f) => ({ url: `/api/v1/status-reports/${statusReportFixtures.publishedA}/satisfaction`, body: { rating: 4, comment: `by ${f.role}`, version: await satisfactionVersion(statusReportFixtures.publishedA, f.me.id) } }), contactAnswersA, { note: "published" }),
  row("PUT /api/v1/status-reports/:id/satisfaction", () => ({ url: `/api/v1/status-reports/${statusReportFixtures.draftA}/satisfaction`, body: { rating: 4, comment: "", version: 0 } }), ratesDraftOnA, { note: "draft" }),

  // plan exchange (modules/plan-exchange; who may: canPlanExchange): readers export and subscribe, managers import
  row("GET /api/v1/projects/:id/plan/export/mspdi", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/export/mspdi` }), readsA),
  row("GET /api/v1/projects/:id/plan/export/csv", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/export/csv` }), readsA),
  // Project A's plan has tasks: the preview answers (with a "plan not empty" error) and writes nothing.
  row("POST /api/v1/projects/:id/plan/import/mspdi", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/import/mspdi?mode=preview`, file: { name: "plan.xml", content: `<Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task><UID>1</UID><Name>by ${f.role}</Name><OutlineLevel>1</OutlineLevel></Task></Tasks></Project>` } }), configuresA),
  row("POST /api/v1/projects/:id/plan/import/csv", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/import/csv?mode=preview`, file: { name: "plan.csv", content: `Name\nby ${f.role}` } }), configuresA),
  row("GET /api/v1/projects/:id/plan/feed", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/feed` }), readsA),
  row("POST /api/v1/projects/:id/plan/feed", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/feed` }), readsA),
  row("DELETE /api/v1/projects/:id/plan/feed", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/feed` }), readsA),
  // The feed itself takes no account: the token (the manager's feed of A) is the key.
  row("GET /api/v1/feeds/plan/:token.ics", async () => ({ url: `/api/v1/feeds/plan/${await freshPlanFeed.ofManagerOnA()}.ics` }), publicRoute),

  // quality (modules/quality; who may: canQuality): the team reads, whoever edits the plan writes, managers delete
  row("GET /api/v1/projects/:id/quality-gates", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/quality-gates` }), teamReadsA),
  row("POST /api/v1/projects/:id/quality-gates", async (f) => ({ url: `/api/v1/projects/${f.projectA.id}/quality-gates`, body: { phaseTaskId: await freshPlan.taskOn(f.projectA.id, `Phase by ${f.role}`) } }), editsRequirementsA),
  row("POST /api/v1/quality-gates/:id/items", async (f) => ({ url: `/api/v1/quality-gates/${(await freshQuality.gateOn(f.projectA.id)).id}/items`, body: { text: `by ${f.role}` } }), editsQualityRecordOnA),
  row("PATCH /api/v1/quality-gates/:id/items/:itemId", async () => {
    const gate = await freshQuality.gateOn(w.projectA.id);
    return { url: `/api/v1/quality-gates/${gate.id}/items/${gate.itemId}`, body: { version: 1, done: true, evidence: "minutes" } };
  }, editsQualityRecordOnA),
  row("POST /api/v1/quality-gates/:id/decision", async () => ({ url: `/api/v1/quality-gates/${(await freshQuality.gateOn(w.projectA.id)).id}/decision`, body: { version: 1, decision: "reopen" } }), editsQualityRecordOnA),
  row("GET /api/v1/projects/:id/test-cases", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/test-cases` }), teamReadsA),
  row("POST /api/v1/projects/:id/test-cases", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/test-cases`, body: { title: `by ${f.role}` } }), editsRequirementsA),
  row("PATCH /api/v1/test-cases/:id", async (f) => ({ url: `/api/v1/test-cases/${await freshQuality.testCaseOn(f.projectA.id)}`, body: { version: 1, title: `by ${f.role}` } }), editsQualityRecordOnA),
  row("DELETE /api/v1/test-cases/:id", async (f) => ({ url: `/api/v1/test-cases/${await freshQuality.testCaseOn(f.projectA.id)}?version=1` }), deletesQualityRecordOnA),
  row("POST /api/v1/test-cases/:id/runs", async (f) => ({ url: `/api/v1/test-cases/${await freshQuality.testCaseOn(f.projectA.id)}/runs`, body: { version: 1, result: "passed" } }), editsQualityRecordOnA),
  row("GET /api/v1/projects/:id/defects", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/defects` }), readsA),
  row("POST /api/v1/projects/:id/defects", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/defects`, body: { title: `by ${f.role}`, severity: "minor" } }), raisesDefectsOnA),
  row("GET /api/v1/projects/:id/defects/trend", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/defects/trend` }), teamReadsA),
  row("GET /api/v1/defects/:id", async (f) => ({ url: `/api/v1/defects/${await freshQuality.defectOn(f.projectA.id, w.contactA.id)}` }), readsA),
  row("PATCH /api/v1/defects/:id", async (f) => ({ url: `/api/v1/defects/${await freshQuality.defectOn(f.projectA.id, w.contactA.id)}`, body: { version: 1, status: "in_progress" } }), editsRequirementsA),
  row("DELETE /api/v1/defects/:id", async (f) => ({ url: `/api/v1/defects/${await freshQuality.defectOn(f.projectA.id, w.contactA.id)}?version=1` }), configuresA),

  // the task board (modules/board; who may: canBoard) — the team's working view, never a contact's
  row("GET /api/v1/projects/:id/board/workflow", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/board/workflow` }), teamOnlyA),
  row("PUT /api/v1/projects/:id/board/workflow", async (f) => {
    const workflow = await freshBoard.workflowOfA();
    return { url: `/api/v1/projects/${f.projectA.id}/board/workflow`, body: { version: workflow.version, statuses: workflow.statuses } };
  }, configuresA),
  row("GET /api/v1/projects/:id/board", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/board` }), teamOnlyA),
  row("POST /api/v1/projects/:id/board/cards", async (f) => ({ url: `/api/v1/projects/${f.projectA.id}/board/cards`, body: { name: `by ${f.role}`, statusId: await freshBoard.statusOfA() } }), editsRequirementsA),
  row("POST /api/v1/plan-tasks/:id/board-move", async (f) => ({ url: `/api/v1/plan-tasks/${await freshPlan.taskOn(f.projectA.id)}/board-move`, body: { version: 1, statusId: await freshBoard.statusOfA() } }), editsRequirementsA),
  row("GET /api/v1/plan-tasks/:id/board-detail", () => ({ url: `/api/v1/plan-tasks/${planFixtures.taskA}/board-detail` }), teamOnlyA),
  row("PATCH /api/v1/plan-tasks/:id/board-detail", async (f) => ({ url: `/api/v1/plan-tasks/${await freshPlan.taskOn(f.projectA.id)}/board-detail`, body: { version: 1, notes: `by ${f.role}` } }), editsRequirementsA),
  row("PUT /api/v1/plan-tasks/:id/assignees", async (f) => ({ url: `/api/v1/plan-tasks/${await freshPlan.taskOn(f.projectA.id)}/assignees`, body: { version: 1, userIds: [f.pm.id] } }), editsRequirementsA),
  row("GET /api/v1/me/work", () => ({ url: "/api/v1/me/work" }), staffOnly),
  // notifications (modules/notifications; who may: canNotification): everyone their own, nobody anyone else's
  row("GET /api/v1/me/notifications", () => ({ url: "/api/v1/me/notifications?unread=true" }), anyoneSignedIn),
  row("GET /api/v1/me/notifications/unread-count", () => ({ url: "/api/v1/me/notifications/unread-count" }), anyoneSignedIn),
  row("POST /api/v1/me/notifications/:id/read", async (f) => ({ url: `/api/v1/me/notifications/${await freshNotification.of(f.me.id)}/read` }), anyoneSignedIn, { note: "their own" }),
  row("POST /api/v1/me/notifications/:id/read", async (f) => ({ url: `/api/v1/me/notifications/${await freshNotification.of(f.pm.id)}/read` }), "401 404 404 ok  404 404 404 404 404", { note: "the manager's" }),
  row("POST /api/v1/me/notifications/read-all", () => ({ url: "/api/v1/me/notifications/read-all" }), anyoneSignedIn),
  row("GET /api/v1/me/notification-settings", () => ({ url: "/api/v1/me/notification-settings" }), anyoneSignedIn),
  row("PUT /api/v1/me/notification-settings", async (f) => ({ url: "/api/v1/me/notification-settings", body: { emailKinds: ["assigned"], version: await freshNotification.userVersion(f.me.id) } }), anyoneSignedIn),
  row("GET /api/v1/plan_tasks/:entityId/comments", () => ({ url: `/api/v1/plan_tasks/${planFixtures.taskA}/comments` }), teamOnlyA),
  row("POST /api/v1/plan_tasks/:entityId/comments", () => ({ url: `/api/v1/plan_tasks/${planFixtures.taskA}/comments`, body: { body: "hi" } }), editsRequirementsA),
  row("GET /api/v1/plan_tasks/:entityId/audit", () => ({ url: `/api/v1/plan_tasks/${planFixtures.taskA}/audit` }), teamOnlyA),
  row("GET /api/v1/plan_tasks/:entityId/attachments", () => ({ url: `/api/v1/plan_tasks/${planFixtures.taskA}/attachments` }), teamOnlyA),
  row("POST /api/v1/plan_tasks/:entityId/attachments", () => ({ url: `/api/v1/plan_tasks/${planFixtures.taskA}/attachments`, file: { name: "a.txt", content: "x" } }), editsRequirementsA),

  // meetings (modules/meetings; who may: canMeetings, canMeeting in policy.ts)
  row("GET /api/v1/projects/:id/meetings", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/meetings` }), readsA),
  row("POST /api/v1/projects/:id/meetings", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/meetings`, body: { kind: "ad_hoc", title: `by ${f.role}`, startsAt: "2026-03-02T01:30:00Z" } }), editsRequirementsA),
  row("GET /api/v1/meetings/:id", () => ({ url: `/api/v1/meetings/${meetingFixtures.sharedA}` }), readsA, { note: "shared with the client" }),
  row("GET /api/v1/meetings/:id", () => ({ url: `/api/v1/meetings/${meetingFixtures.internalA}` }), "401 ok  ok  ok  ok  ok  404 404 404", { note: "internal: the team's, not the client's" }),
  row("PATCH /api/v1/meetings/:id", async (f) => ({ url: `/api/v1/meetings/${meetingFixtures.sharedA}`, body: { version: await freshMeeting.version(meetingFixtures.sharedA), location: `by ${f.role}` } }), editsRequirementsA),
  row("POST /api/v1/meetings/:id/occurrences", () => ({ url: `/api/v1/meetings/${meetingFixtures.seriesA}/occurrences`, body: { occurrenceStart: "2026-03-09T01:30:00.000Z" } }), editsRequirementsA),
  row("POST /api/v1/meetings/:id/items", (f) => ({ url: `/api/v1/meetings/${meetingFixtures.sharedA}/items`, body: { kind: "decision", text: `by ${f.role}` } }), editsRequirementsA),
  row("PATCH /api/v1/meeting-items/:id", async (f) => {
    const id = await freshMeeting.itemOn(meetingFixtures.sharedA, f.projectA.id);
    return { url: `/api/v1/meeting-items/${id}`, body: { version: await freshMeeting.itemVersion(id), text: `by ${f.role}` } };
  }, editsRequirementsA),
  row("DELETE /api/v1/meeting-items/:id", async (f) => ({ url: `/api/v1/meeting-items/${await freshMeeting.itemOn(meetingFixtures.sharedA, f.projectA.id)}?version=1` }), editsRequirementsA),
  row("POST /api/v1/meeting-items/:id/task", async (f) => ({ url: `/api/v1/meeting-items/${await freshMeeting.itemOn(meetingFixtures.sharedA, f.projectA.id)}/task` }), editsRequirementsA),
  row("GET /api/v1/meetings/:id/ics", () => ({ url: `/api/v1/meetings/${meetingFixtures.sharedA}/ics` }), readsA),
  row("GET /api/v1/projects/:id/meetings/feed", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/meetings/feed` }), readsA),
  row("POST /api/v1/projects/:id/meetings/feed", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/meetings/feed` }), readsA),
  row("DELETE /api/v1/projects/:id/meetings/feed", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/meetings/feed` }), readsA),
  row("GET /api/v1/feeds/meetings/:token.ics", async () => ({ url: `/api/v1/feeds/meetings/${await freshMeeting.feedOfManagerOnA()}.ics` }), publicRoute),

  // plan baselines and project templates (modules/plan-baselines, plan-templates; who may: canPlanBaseline, canPlanTemplate)
  row("GET /api/v1/projects/:id/plan/baselines", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/baselines` }), readsA),
  row("POST /api/v1/projects/:id/plan/baselines", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/baselines`, body: { name: `by ${f.role}` } }), configuresA),
  row("GET /api/v1/plan-baselines/:id", () => ({ url: `/api/v1/plan-baselines/${planBaselineFixtures.baselineA}` }), readsA),
  row("DELETE /api/v1/plan-baselines/:id", async (f) => ({ url: `/api/v1/plan-baselines/${await freshPlanBaseline.on(f.projectA.id)}` }), configuresA),
  row("GET /api/v1/plan-templates", () => ({ url: "/api/v1/plan-templates" }), staffOnly),
  // Project A's plan has tasks: once authorised, applying a template is refused without writing anything.
  row("POST /api/v1/projects/:id/plan/template", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/plan/template`, body: { template: "saas_onboarding" } }), "401 409 409 409 403 403 404 403 404", { note: "a plan with tasks: 409 once authorised" }),

  // elicitation sessions and their passages (modules/elicitation; who may: canElicitationSession in policy.ts)
  row("GET /api/v1/projects/:id/elicitation-sessions", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/elicitation-sessions` }), readsA),
  row("POST /api/v1/projects/:id/elicitation-sessions", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/elicitation-sessions`, body: { kind: "workshop", title: `by ${f.role}`, startsAt: "2025-01-01T00:00:00Z" } }), worksOnA),
  row("GET /api/v1/elicitation-sessions/:id", () => ({ url: `/api/v1/elicitation-sessions/${elicitation.sessionA}` }), readsA, { note: "contact A took part" }),
  row("PATCH /api/v1/elicitation-sessions/:id", async (f) => ({ url: `/api/v1/elicitation-sessions/${elicitation.sessionA}`, body: { version: await elicitationVersion.session(elicitation.sessionA), location: `by ${f.role}` } }), worksOnA),
  row("DELETE /api/v1/elicitation-sessions/:id", async () => ({ url: `/api/v1/elicitation-sessions/${await freshElicitation.sessionOnA()}` }), worksOnA),
  row("GET /api/v1/elicitation-sessions/:id/passages", () => ({ url: `/api/v1/elicitation-sessions/${elicitation.sessionA}/passages` }), readsA),
  row("POST /api/v1/elicitation-sessions/:id/passages", () => ({ url: `/api/v1/elicitation-sessions/${elicitation.sessionA}/passages`, body: { start: 0, end: 17 } }), worksOnA),
  row("DELETE /api/v1/elicitation-sessions/:id/passages/:passageId", async () => {
    const { sessionId, passageId } = await freshElicitation.passageOnA();
    return { url: `/api/v1/elicitation-sessions/${sessionId}/passages/${passageId}` };
  }, worksOnA),
  row("POST /api/v1/elicitation-sessions/:id/requirements", () => ({ url: `/api/v1/elicitation-sessions/${elicitation.sessionA}/requirements`, body: { start: 18, end: 37 } }), worksOnA),
  row("GET /api/v1/elicitation_sessions/:entityId/comments", () => ({ url: `/api/v1/elicitation_sessions/${elicitation.sessionA}/comments` }), readsA),
  row("POST /api/v1/elicitation_sessions/:entityId/comments", () => ({ url: `/api/v1/elicitation_sessions/${elicitation.sessionA}/comments`, body: { body: "hi" } }), collaboratesOnA),
  row("GET /api/v1/elicitation_sessions/:entityId/audit", () => ({ url: `/api/v1/elicitation_sessions/${elicitation.sessionA}/audit` }), "401 ok  ok  ok  ok  ok  404 403 404"),
  row("GET /api/v1/elicitation_sessions/:entityId/attachments", () => ({ url: `/api/v1/elicitation_sessions/${elicitation.sessionA}/attachments` }), readsA),
  row("POST /api/v1/elicitation_sessions/:entityId/attachments", () => ({ url: `/api/v1/elicitation_sessions/${elicitation.sessionA}/attachments`, file: { name: "a.txt", content: "x" } }), collaboratesOnA),

  // questionnaires (modules/questionnaires; who may: canQuestionnaire in policy.ts)
  row("GET /api/v1/projects/:id/questionnaires", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/questionnaires` }), readsA),
  row("POST /api/v1/projects/:id/questionnaires", (f) => ({ url: `/api/v1/projects/${f.projectA.id}/questionnaires`, body: { title: `by ${f.role}` } }), worksOnA),
  row("GET /api/v1/questionnaires/:id", () => ({ url: `/api/v1/questionnaires/${elicitation.questionnaireA}` }), teamReadsA, { note: "published to contact A's portal" }),
  row("PATCH /api/v1/questionnaires/:id", async (f) => ({ url: `/api/v1/questionnaires/${elicitation.questionnaireA}`, body: { version: await elicitationVersion.questionnaire(elicitation.questionnaireA), intro: `by ${f.role}` } }), worksOnA),
  row("DELETE /api/v1/questionnaires/:id", async (f) => ({ url: `/api/v1/questionnaires/${(await freshElicitation.questionnaireOn(f.projectA.id, "Draft", false)).id}` }), "401 ok  ok  ok  ok  403 404 404 404", { note: "a draft: contact A does not know of it" }),
  row("POST /api/v1/questionnaires/:id/public-link", async (f) => ({ url: `/api/v1/questionnaires/${(await freshElicitation.questionnaireOn(f.projectA.id, "Relink", true)).id}/public-link` }), worksOnA),
  row("GET /api/v1/questionnaires/:id/form", () => ({ url: `/api/v1/questionnaires/${elicitation.questionnaireA}/form` }), contactAnswersA),
  row("POST /api/v1/questionnaires/:id/responses", () => ({ url: `/api/v1/questionnaires/${elicitation.questionnaireA}/responses`, body: { answers: {} } }), "401 403 403 403 403 403 404 400 404", { note: "an incomplete answer: only contact A gets as far as validation" }),
  row("GET /api/v1/questionnaires/:id/results", () => ({ url: `/api/v1/questionnaires/${elicitation.questionnaireA}/results` }), teamReadsA),
  row("GET /api/v1/questionnaires/:id/results.csv", () => ({ url: `/api/v1/questionnaires/${elicitation.questionnaireA}/results.csv` }), teamReadsA),
  row("GET /api/v1/questionnaires/:id/results.xlsx", () => ({ url: `/api/v1/questionnaires/${elicitation.questionnaireA}/results.xlsx` }), teamReadsA),
  row("POST /api/v1/questionnaires/:id/responses/:responseId/answers/:questionId/requirements", () => ({ url: `/api/v1/questionnaires/${elicitation.questionnaireA}/responses/${elicitation.responseA}/answers/${elicitation.freeTextQuestionA}/requirements`, body: {} }), worksOnA),
  row("GET /api/v1/public/questionnaires/:token", () => ({ url: `/api/v1/public/questionnaires/${elicitation.publicTokenA}` }), publicRoute),
  row("POST /api/v1/public/questionnaires/:token/responses", () => ({ url: `/api/v1/public/questionnaires/${elicitation.publicTokenA}/responses`, body: { answers: { } } }), "400 400 400 400 400 400 400 400 400", { note: "an incomplete answer: validated for anyone, no account needed" }),
  row("GET /api/v1/questionnaires/:entityId/comments", () => ({ url: `/api/v1/questionnaires/${elicitation.questionnaireA}/comments` }), teamReadsA),
  row("POST /api/v1/questionnaires/:entityId/comments", () => ({ url: `/api/v1/questionnaires/${elicitation.questionnaireA}/comments`, body: { body: "hi" } }), worksOnA),
  row("GET /api/v1/questionnaires/:entityId/audit", () => ({ url: `/api/v1/questionnaires/${elicitation.questionnaireA}/audit` }), teamReadsA),
  row("GET /api/v1/questionnaires/:entityId/attachments", () => ({ url: `/api/v1/questionnaires/${elicitation.questionnaireA}/attachments` }), teamReadsA),
  row("POST /api/v1/questionnaires/:entityId/attachments", () => ({ url: `/api/v1/questionnaires/${elicitation.questionnaireA}/attachments`, file: { name: "a.txt", content: "x" } }), worksOnA),
];

// ---------------------------------------------------------------------------------------------------------------

const signedIn = new Map<Role, TestClient>();
async function clientFor(role: Role): Promise<TestClient> {
  if (role === "anonymous") return t.anonymous();
  let c = signedIn.get(role);
  if (!c) signedIn.set(role, (c = await t.as(w[role])));
  return c;
}

/** Each person calls from an address of their own, so per-address rate limits do not mix the columns up. */
const addressOf = (role: Role) => `192.0.2.${ROLES.indexOf(role) + 1}`;

async function send(client: TestClient, method: Method, request: Request, role: Role): Promise<HttpResponse> {
  const headers: Record<string, string> = { "x-forwarded-for": addressOf(role), "accept-language": "en" };
  if (request.file) {
    const boundary = `----matrix${randomBytes(8).toString("hex")}`;
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${request.file.name}"\r\nContent-Type: text/plain\r\n\r\n` +
      `${request.file.content}\r\n--${boundary}--\r\n`;
    return client.inject({ method, url: request.url, payload, headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` } });
  }
  switch (method) {
    case "GET":
      return client.get(request.url, headers);
    case "DELETE":
      return client.delete(request.url, headers);
    case "POST":
      return client.post(request.url, request.body, headers);
    case "PATCH":
      return client.patch(request.url, request.body, headers);
    case "PUT":
      return client.put(request.url, request.body, headers);
  }
}

function fixtures(role: Role): Fixtures {
  const who = role === "anonymous" ? null : w[role];
  return { ...w, t, role, who, me: who ?? w.pm, fresh, version };
}

const splitRoute = (route: string) => {
  const space = route.indexOf(" ");
  return { method: route.slice(0, space) as Method, pattern: route.slice(space + 1) };
};
/** `/api/v1/projects/:id` → matches `/api/v1/projects/<anything but a slash>` (and a query string). */
const patternRegex = (pattern: string) => new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:\w+/g, "[^/?]+")}(\\?.*)?$`);

const statusMatches = (expected: string, status: number) => (expected === "ok" ? status >= 200 && status < 300 : String(status) === expected);

beforeAll(async () => {
  // Each person calls from an address of their own (X-Forwarded-For), so per-address rate limits never mix roles.
  t = await createTestApp({ config: { JIAOFU_TRUST_PROXY: "true" } });
  w = await t.seedWorkspace();
  attachmentA = await fresh.attachmentOnA();
  const pm = await clientFor("pm");
  commentB = (await pm.post(`/api/v1/projects/${w.projectB.id}/comments`, { body: SECRET_B })).body.id;
  await pm.post(`/api/v1/clients/${w.clientB.id}/comments`, { body: SECRET_B });
  const upload = await send(pm, "POST", { url: `/api/v1/projects/${w.projectB.id}/attachments`, file: { name: "b-secret.txt", content: SECRET_B } }, "pm");
  attachmentB = upload.body.id;
  if (!commentB || !attachmentB) throw new Error("could not create client B's comment and file");
});
beforeAll(createElicitationFixtures);
beforeAll(createRegisterFixtures);
beforeAll(createBaselineFixtures);
beforeAll(createChangeRequestFixtures);
beforeAll(createPlanFixtures);
beforeAll(createPlanBaselineFixtures);
beforeAll(createPlanResourceFixtures);
beforeAll(createRiskFixtures);
beforeAll(createMeetingFixtures);
beforeAll(createStatusReportFixtures);
beforeAll(createQualityFixtures);
beforeAll(async () => {
  const [row] = await t.db
    .insert(notifications)
    .values({ workspaceId: w.workspace.id, userId: w.contactB.id, kind: "report_published", projectId: w.projectB.id, entityType: "status_report", entityId: randomUUID(), params: { reportTitle: SECRET_B } })
    .returning();
  notificationB = (row as { id: string }).id;
});
afterAll(() => t.close());

describe("authorisation matrix", () => {
  it("has a row for every registered /api/v1 route, and every row names a registered route", () => {
    const routes = [...registered].filter((r) => r.includes(" /api/v1/") && !r.startsWith("HEAD ")).sort();
    expect(routes.length).toBeGreaterThan(20);
    const covered = new Set<string>(ROWS.map((r) => r.route));
    expect(routes.filter((r) => !covered.has(r)), "routes without a row in ROWS").toEqual([]);
    expect([...covered].filter((r) => !registered.has(r)), "rows for routes the app does not register").toEqual([]);
  });

  it.each(ROWS.map((r) => [`${r.route}${r.note ? ` (${r.note})` : ""}`, r] as const))("%s", async (_name, r) => {
    const expected = r.expect.trim().split(/\s+/);
    expect(expected, "one expectation per role").toHaveLength(ROLES.length);
    const { method, pattern } = splitRoute(r.route);
    const failures: string[] = [];
    for (const [i, role] of ROLES.entries()) {
      const request = await r.call(fixtures(role));
      expect(request.url, "the request must hit the row's route").toMatch(patternRegex(pattern));
      const res = await send(await clientFor(role), method, request, role);
      const want = expected[i] as string;
      if (!statusMatches(want, res.status)) failures.push(`${role}: expected ${want}, got ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      if (r.endsSession) signedIn.delete(role);
    }
    expect(failures).toEqual([]);
  });

  it("lists exactly the projects each person may open", async () => {
    const all = [w.projectA.id, w.projectB.id];
    for (const role of ROLES.filter((r) => r !== "anonymous")) {
      const client = await clientFor(role);
      const listed = ((await client.get("/api/v1/projects?limit=200")).body.items as { id: string }[]).map((p) => p.id).filter((id) => all.includes(id));
      const openable: string[] = [];
      for (const id of all) if ((await client.get(`/api/v1/projects/${id}`)).status === 200) openable.push(id);
      expect(listed.sort(), role).toEqual(openable.sort());
    }
  });
});

describe("contact A against client B (the other tenant)", () => {
  type Attempt = { method: Method; url: (f: Seed) => string; body?: (f: Seed) => unknown; file?: boolean; list?: boolean };
  const b = (method: Method, url: (f: Seed) => string, body?: (f: Seed) => unknown): Attempt => ({ method, url, ...(body ? { body } : {}) });
  /** A list filtered towards B's data: answering is fine, as long as nothing of B's is in it. */
  const list = (url: (f: Seed) => string): Attempt => ({ method: "GET", url, list: true });

  // prettier-ignore
  const ATTEMPTS: Attempt[] = [
    b("GET", (f) => `/api/v1/clients/${f.clientB.id}`),
    b("PATCH", (f) => `/api/v1/clients/${f.clientB.id}`, () => ({ version: 1, name: "Hijacked" })),
    list((f) => `/api/v1/clients?q=${encodeURIComponent(f.clientB.name)}`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}`),
    b("PATCH", (f) => `/api/v1/projects/${f.projectB.id}`, () => ({ version: 1, name: "Hijacked", stage: "closed" })),
    list((f) => `/api/v1/projects?clientId=${f.clientB.id}`),
    list((f) => `/api/v1/projects?q=${encodeURIComponent(f.projectB.code)}`),
    list((f) => `/api/v1/projects?q=${encodeURIComponent(f.projectB.name)}&stage=requirements&sort=-updatedAt`),
    b("POST", () => "/api/v1/projects", (f) => ({ code: `HACK-${uniq()}`, name: "Hack", clientId: f.clientB.id })),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/members`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/members`, (f) => ({ userId: f.contactA.id, role: "client" })),
    b("PATCH", (f) => `/api/v1/projects/${f.projectB.id}/members/${f.contactB.id}`, () => ({ version: 1, role: "viewer" })),
    b("DELETE", (f) => `/api/v1/projects/${f.projectB.id}/members/${f.contactB.id}`),
    b("POST", (f) => `/api/v1/projects/${f.projectA.id}/members`, (f) => ({ userId: f.contactB.id, role: "client" })),
    b("GET", (f) => `/api/v1/users/${f.contactB.id}`),
    b("PATCH", (f) => `/api/v1/users/${f.contactB.id}`, () => ({ version: 1, name: "Hijacked", active: false })),
    b("POST", (f) => `/api/v1/users/${f.contactB.id}/password-reset-link`),
    b("GET", (f) => `/api/v1/users?clientId=${f.clientB.id}`),
    b("POST", () => "/api/v1/users", (f) => ({ email: `hack-${uniq()}@example.com`, name: "Hack", role: "client", clientId: f.clientB.id, password: "long-enough" })),
    // Comments, files and history hanging off B's records.
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/comments`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/comments`, () => ({ body: "hi" })),
    b("GET", (f) => `/api/v1/clients/${f.clientB.id}/comments`),
    b("POST", (f) => `/api/v1/clients/${f.clientB.id}/comments`, () => ({ body: "hi" })),
    b("GET", (f) => `/api/v1/users/${f.contactB.id}/comments`),
    b("PATCH", () => `/api/v1/comments/${commentB}`, () => ({ version: 1, body: "edited" })),
    b("DELETE", () => `/api/v1/comments/${commentB}`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/audit`),
    b("GET", (f) => `/api/v1/clients/${f.clientB.id}/audit`),
    b("GET", (f) => `/api/v1/users/${f.contactB.id}/audit`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/attachments`),
    { method: "POST", url: (f) => `/api/v1/projects/${f.projectB.id}/attachments`, file: true },
    b("GET", (f) => `/api/v1/clients/${f.clientB.id}/attachments`),
    b("GET", () => `/api/v1/attachments/${attachmentB}/content`),
    b("DELETE", () => `/api/v1/attachments/${attachmentB}`),
    // B's requirements register and traceability.
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/requirements`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/requirements`, () => ({ title: "Hack" })),
    b("PATCH", (f) => `/api/v1/projects/${f.projectB.id}/requirements/bulk`, () => ({ ids: [registerFixtures.requirementB], patch: { moscow: "wont" } })),
    b("GET", () => `/api/v1/requirements/${registerFixtures.requirementB}`),
    b("PATCH", () => `/api/v1/requirements/${registerFixtures.requirementB}`, () => ({ version: 1, title: "Hijacked" })),
    b("POST", () => `/api/v1/requirements/${registerFixtures.requirementB}/transitions`, () => ({ to: "approved", version: 1 })),
    b("GET", () => `/api/v1/requirements/${registerFixtures.requirementB}/versions`),
    b("GET", () => `/api/v1/requirements/${registerFixtures.requirementB}/relations`),
    b("POST", () => `/api/v1/requirements/${registerFixtures.requirementA}/relations`, () => ({ toId: registerFixtures.requirementB, kind: "depends_on" })),
    b("GET", () => `/api/v1/requirements/${registerFixtures.requirementB}/proposals`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/requirement-proposals`),
    { method: "POST", url: (f) => `/api/v1/projects/${f.projectB.id}/requirements/import/preview`, file: true },
    { method: "POST", url: (f) => `/api/v1/projects/${f.projectB.id}/requirements/import`, file: true },
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/requirements/import/template.csv`),
    b("POST", () => `/api/v1/requirements/${registerFixtures.requirementA}/proposals/decisions`, () => ({ otherId: registerFixtures.requirementB, kind: "duplicate", decision: "dismissed" })),
    b("POST", () => `/api/v1/requirements/${registerFixtures.requirementB}/confirmations`, () => ({ decision: "approved", version: 1 })),
    b("GET", () => `/api/v1/requirements/${registerFixtures.requirementB}/confirmations`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/confirmations/pending`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/baselines`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/baselines/preview`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/baselines`, () => ({ name: "Hack" })),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/scope-creep`),
    b("GET", () => `/api/v1/baselines/${baselineFixtures.baselineB}`),
    b("GET", () => `/api/v1/baselines/${baselineFixtures.baselineB}/compare?with=current`),
    b("GET", () => `/api/v1/baselines/${baselineFixtures.baselineA}/compare?with=${baselineFixtures.baselineB}`),
    // B's change requests.
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/change-requests`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/change-requests`, () => ({ title: "Hack" })),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/change-requests/impact-estimate`, () => ({ requirementIds: [registerFixtures.requirementB] })),
    b("GET", () => `/api/v1/change-requests/${changeRequestFixtures.crB}`),
    b("PATCH", () => `/api/v1/change-requests/${changeRequestFixtures.crB}`, () => ({ version: 1, title: "Hijacked" })),
    b("POST", () => `/api/v1/change-requests/${changeRequestFixtures.crB}/withdraw`, () => ({ version: 1 })),
    b("POST", () => `/api/v1/change-requests/${changeRequestFixtures.crB}/decisions`, () => ({ decision: "approved", version: 1 })),
    b("GET", () => `/api/v1/change_requests/${changeRequestFixtures.crB}/comments`),
    b("POST", () => `/api/v1/change_requests/${changeRequestFixtures.crB}/comments`, () => ({ body: "hi" })),
    // B's risks.
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/risks`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/risks/heat-map`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/risks`, () => ({ title: "Hack", probability: 1, impact: 1 })),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/risks/defaults`, () => ({ kind: "on_premise" })),
    b("GET", () => `/api/v1/risks/${riskFixtures.riskB}`),
    b("PATCH", () => `/api/v1/risks/${riskFixtures.riskB}`, () => ({ version: 1, title: "Hijacked" })),
    b("GET", () => `/api/v1/risks/${riskFixtures.riskB}/reviews`),
    b("POST", () => `/api/v1/risks/${riskFixtures.riskB}/reviews`, () => ({ version: 1, note: "Hijacked" })),
    b("POST", () => `/api/v1/risks/${riskFixtures.riskB}/requirements`, () => ({ requirementId: registerFixtures.requirementB })),
    b("POST", () => `/api/v1/risks/${riskFixtures.sharedA}/requirements`, () => ({ requirementId: registerFixtures.requirementB })),
    b("GET", () => `/api/v1/risks/${riskFixtures.riskB}/comments`),
    b("GET", () => `/api/v1/requirements/${registerFixtures.requirementB}/comments`),
    b("POST", () => `/api/v1/requirements/${registerFixtures.requirementB}/comments`, () => ({ body: "hi" })),
    b("GET", () => `/api/v1/requirements/${registerFixtures.requirementB}/audit`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/saved-views`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/trace-links`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/traceability`),
    // B's board.
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/board`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/board/workflow`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/board/cards`, (f) => ({ name: "Hack", statusId: f.projectB.id })),
    b("GET", () => `/api/v1/plan-tasks/${planFixtures.taskB}/board-detail`),
    b("PATCH", () => `/api/v1/plan-tasks/${planFixtures.taskB}/board-detail`, () => ({ version: 1, notes: "Hijacked" })),
    b("POST", () => `/api/v1/plan-tasks/${planFixtures.taskB}/board-move`, (f) => ({ version: 1, statusId: f.projectB.id })),
    b("PUT", () => `/api/v1/plan-tasks/${planFixtures.taskB}/assignees`, (f) => ({ version: 1, userIds: [f.contactA.id] })),
    b("GET", () => `/api/v1/plan_tasks/${planFixtures.taskB}/comments`),
    b("POST", () => `/api/v1/plan_tasks/${planFixtures.taskB}/comments`, () => ({ body: "hi" })),
    // B's prioritisation.
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/requirement-priorities`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/requirement-scoring-model`),
    b("PUT", (f) => `/api/v1/projects/${f.projectB.id}/requirement-scoring-model`, () => ({ version: 0, model: "rice" })),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/requirement-priorities/rank-by-score`, () => ({ modelVersion: 0 })),
    b("POST", () => `/api/v1/requirements/${registerFixtures.requirementB}/move`, () => ({ version: 1, moscow: "wont" })),
    b("POST", () => `/api/v1/requirements/${registerFixtures.requirementA}/move`, () => ({ version: 1, moscow: "must", nextId: registerFixtures.requirementB })),
    b("PATCH", () => `/api/v1/requirements/${registerFixtures.requirementB}/priority-inputs`, () => ({ version: 1, rice: { reach: 1 } })),
    b("PUT", () => `/api/v1/requirements/${registerFixtures.requirementB}/client-priority`, () => ({ version: 1, clientPriority: 1 })),
    // B's plan.
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/plan`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/plan/calendar`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/plan/baselines`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/plan/baselines`, () => ({ name: "Hack" })),
    b("GET", () => `/api/v1/plan-baselines/${planBaselineFixtures.baselineB}`),
    b("DELETE", () => `/api/v1/plan-baselines/${planBaselineFixtures.baselineB}`),
    b("GET", (f) => `/api/v1/plan-templates?projectId=${f.projectB.id}`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/plan/template`, () => ({ template: "saas_onboarding" })),
    b("PUT", (f) => `/api/v1/projects/${f.projectB.id}/plan/calendar`, () => ({ version: 0, week: PLAN_WEEK, holidaySets: [], exceptions: [] })),
    // B's plan exchange: exports, imports and feeds.
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/plan/export/mspdi`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/plan/export/csv`),
    { method: "POST", url: (f) => `/api/v1/projects/${f.projectB.id}/plan/import/mspdi?mode=commit&replace=true`, file: true },
    { method: "POST", url: (f) => `/api/v1/projects/${f.projectB.id}/plan/import/csv?mode=commit&replace=true`, file: true },
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/plan/feed`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/plan/feed`),
    b("DELETE", (f) => `/api/v1/projects/${f.projectB.id}/plan/feed`),
    // B's time: entries, timer, timesheets, actual cost.
    b("GET", (f) => `/api/v1/time/entries?projectId=${f.projectB.id}`),
    b("POST", () => "/api/v1/time/entries", (f) => ({ projectId: f.projectB.id, workDate: "2024-01-02", minutes: 30 })),
    b("POST", () => "/api/v1/time/timer/start", (f) => ({ projectId: f.projectB.id })),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/timesheets`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/actual-cost`),
    // B's resources, loads, levelling and budget.
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/plan/resources`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/plan/resources`, () => ({ name: "Hack" })),
    b("PATCH", () => `/api/v1/plan-resources/${planResourceFixtures.resourceB}`, () => ({ version: 1, name: "Hijacked" })),
    b("DELETE", () => `/api/v1/plan-resources/${planResourceFixtures.resourceB}?version=1`),
    b("PUT", () => `/api/v1/plan-tasks/${planFixtures.taskB}/assignments`, () => ({ version: 1, assignments: [] })),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/plan/resources/load`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/plan/levelling/preview`, () => ({ withinSlackOnly: false })),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/plan/levelling`, () => ({ withinSlackOnly: false, basis: "x" })),
    b("DELETE", (f) => `/api/v1/projects/${f.projectB.id}/plan/levelling`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/plan/budget`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/earned-value`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/progress-snapshots`, () => ({})),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/burndown`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/milestone-trend`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/dashboard`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/client-dashboard`),
    // B's status reports.
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/status-reports`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/status-reports`, () => ({ periodFrom: "2024-01-01", periodTo: "2024-01-07" })),
    b("GET", () => `/api/v1/status-reports/${statusReportFixtures.reportB}`),
    b("PATCH", () => `/api/v1/status-reports/${statusReportFixtures.reportB}`, () => ({ version: 1, summary: "Hijacked" })),
    b("POST", () => `/api/v1/status-reports/${statusReportFixtures.reportB}/publish`, () => ({ version: 1 })),
    b("GET", () => `/api/v1/status-reports/${statusReportFixtures.reportB}/export.md`),
    b("GET", () => `/api/v1/status-reports/${statusReportFixtures.reportB}/export.pdf`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/status-report-schedule`),
    b("PUT", (f) => `/api/v1/projects/${f.projectB.id}/status-report-schedule`, () => ({ version: 0, enabled: true, weekday: 1, time: "09:00", timeZone: "UTC", publish: true })),
    // B's performance evaluation and client satisfaction.
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/performance`),
    b("GET", () => `/api/v1/status-reports/${statusReportFixtures.reportB}/satisfaction`),
    b("PUT", () => `/api/v1/status-reports/${statusReportFixtures.reportB}/satisfaction`, () => ({ rating: 1, comment: "Hijacked", version: 0 })),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/quality-gates`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/quality-gates`, () => ({ phaseTaskId: planFixtures.taskB })),
    b("POST", () => `/api/v1/quality-gates/${qualityFixtures.gateB.id}/items`, () => ({ text: "Hack" })),
    b("PATCH", () => `/api/v1/quality-gates/${qualityFixtures.gateB.id}/items/${qualityFixtures.gateB.itemId}`, () => ({ version: 1, done: true })),
    b("POST", () => `/api/v1/quality-gates/${qualityFixtures.gateB.id}/decision`, () => ({ version: 1, decision: "reopen" })),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/test-cases`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/test-cases`, () => ({ title: "Hack" })),
    b("PATCH", () => `/api/v1/test-cases/${qualityFixtures.testCaseB}`, () => ({ version: 1, title: "Hijacked" })),
    b("DELETE", () => `/api/v1/test-cases/${qualityFixtures.testCaseB}?version=1`),
    b("POST", () => `/api/v1/test-cases/${qualityFixtures.testCaseB}/runs`, () => ({ version: 1, result: "failed" })),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/defects`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/defects`, () => ({ title: "Hack", severity: "minor" })),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/defects/trend`),
    b("GET", () => `/api/v1/defects/${qualityFixtures.defectB}`),
    b("PATCH", () => `/api/v1/defects/${qualityFixtures.defectB}`, () => ({ version: 1, title: "Hijacked" })),
    b("DELETE", () => `/api/v1/defects/${qualityFixtures.defectB}?version=1`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/plan/tasks`, () => ({ name: "Hack" })),
    b("PATCH", () => `/api/v1/plan-tasks/${planFixtures.taskB}`, () => ({ version: 1, name: "Hijacked" })),
    b("DELETE", () => `/api/v1/plan-tasks/${planFixtures.taskB}?version=1`),
    b("POST", () => `/api/v1/plan-tasks/${planFixtures.taskB}/move`, () => ({ version: 1, action: "to", position: 0 })),
    b("PUT", () => `/api/v1/plan-tasks/${planFixtures.taskB}/predecessors`, () => ({ version: 1, predecessors: [] })),
    b("PUT", () => `/api/v1/plan-tasks/${planFixtures.taskA}/predecessors`, () => ({ version: 1, predecessors: [{ predecessorId: planFixtures.taskB }] })),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/plan/dependencies`, () => ({ predecessorId: planFixtures.taskB, successorId: planFixtures.taskB })),
    b("PATCH", () => `/api/v1/plan-dependencies/${planFixtures.dependencyB}`, () => ({ version: 1, lagDays: 3 })),
    b("DELETE", () => `/api/v1/plan-dependencies/${planFixtures.dependencyB}`),
    // B's meetings.
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/meetings`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/meetings`, () => ({ kind: "ad_hoc", title: "Hack", startsAt: "2026-03-02T01:30:00Z" })),
    b("GET", () => `/api/v1/meetings/${meetingFixtures.meetingB}`),
    b("PATCH", () => `/api/v1/meetings/${meetingFixtures.meetingB}`, () => ({ version: 1, title: "Hijacked" })),
    b("GET", () => `/api/v1/meetings/${meetingFixtures.meetingB}/ics`),
    b("POST", () => `/api/v1/meetings/${meetingFixtures.meetingB}/items`, () => ({ kind: "decision", text: "Hack" })),
    b("PATCH", () => `/api/v1/meeting-items/${meetingFixtures.itemB}`, () => ({ version: 1, text: "Hijacked" })),
    b("POST", () => `/api/v1/meeting-items/${meetingFixtures.itemB}/task`),
    b("DELETE", () => `/api/v1/meeting-items/${meetingFixtures.itemB}?version=1`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/meetings/feed`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/meetings/feed`),
    // B's elicitation sessions and questionnaires.
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/elicitation-sessions`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/elicitation-sessions`, () => ({ kind: "interview", title: "Hack", startsAt: "2025-01-01T00:00:00Z" })),
    b("GET", () => `/api/v1/elicitation-sessions/${elicitation.sessionB}`),
    b("PATCH", () => `/api/v1/elicitation-sessions/${elicitation.sessionB}`, () => ({ version: 1, title: "Hijacked" })),
    b("DELETE", () => `/api/v1/elicitation-sessions/${elicitation.sessionB}`),
    b("GET", () => `/api/v1/elicitation-sessions/${elicitation.sessionB}/passages`),
    b("POST", () => `/api/v1/elicitation-sessions/${elicitation.sessionB}/passages`, () => ({ start: 0, end: 5 })),
    b("POST", () => `/api/v1/elicitation-sessions/${elicitation.sessionB}/requirements`, () => ({ start: 0, end: 5 })),
    b("GET", () => `/api/v1/elicitation_sessions/${elicitation.sessionB}/comments`),
    b("GET", (f) => `/api/v1/projects/${f.projectB.id}/questionnaires`),
    b("POST", (f) => `/api/v1/projects/${f.projectB.id}/questionnaires`, () => ({ title: "Hack" })),
    b("GET", () => `/api/v1/questionnaires/${elicitation.questionnaireB}`),
    b("PATCH", () => `/api/v1/questionnaires/${elicitation.questionnaireB}`, () => ({ version: 2, status: "closed" })),
    b("DELETE", () => `/api/v1/questionnaires/${elicitation.questionnaireB}`),
    b("POST", () => `/api/v1/questionnaires/${elicitation.questionnaireB}/public-link`),
    b("GET", () => `/api/v1/questionnaires/${elicitation.questionnaireB}/form`),
    b("POST", () => `/api/v1/questionnaires/${elicitation.questionnaireB}/responses`, () => ({ answers: {} })),
    b("GET", () => `/api/v1/questionnaires/${elicitation.questionnaireB}/results`),
    b("GET", () => `/api/v1/questionnaires/${elicitation.questionnaireB}/results.csv`),
    b("GET", () => `/api/v1/questionnaires/${elicitation.questionnaireB}/results.xlsx`),
    b("GET", () => `/api/v1/questionnaires/${elicitation.questionnaireB}/comments`),
    b("POST", () => `/api/v1/me/notifications/${notificationB}/read`),
  ];

  /** B's rows as the database holds them (the matrix above may have touched them, e.g. contact B's own locale). */
  const snapshotOfB = async () => ({
    client: await t.db.select().from(clients).where(eq(clients.id, w.clientB.id)),
    project: await t.db.select().from(projects).where(eq(projects.id, w.projectB.id)),
    contact: await t.db.select().from(users).where(eq(users.id, w.contactB.id)),
    members: await t.db.select().from(projectMembers).where(eq(projectMembers.projectId, w.projectB.id)).orderBy(projectMembers.userId),
    comment: await t.db.select().from(comments).where(eq(comments.id, commentB)),
  });
  let before: Awaited<ReturnType<typeof snapshotOfB>>;
  beforeAll(async () => {
    before = await snapshotOfB();
    expect(before.members).toHaveLength(2);
  });

  it("gets 403 or 404 (or an empty list) for every read and write, with nothing of B in any answer", async () => {
    const contactA = await clientFor("contactA");
    const secretsOfB = [w.clientB.id, w.clientB.name, w.projectB.id, w.projectB.code, w.projectB.name, w.contactB.id, w.contactB.email, commentB, attachmentB, SECRET_B, "b-secret.txt", elicitation.sessionB, elicitation.questionnaireB, baselineFixtures.baselineB, changeRequestFixtures.crB, riskFixtures.riskB, planFixtures.taskB, planBaselineFixtures.baselineB, planResourceFixtures.resourceB, meetingFixtures.meetingB, meetingFixtures.itemB, qualityFixtures.gateB.id, qualityFixtures.testCaseB, qualityFixtures.defectB, notificationB];
    const problems: string[] = [];
    for (const attempt of ATTEMPTS) {
      const request: Request = { url: attempt.url(w), body: attempt.body?.(w), ...(attempt.file ? { file: { name: "x.txt", content: "x" } } : {}) };
      const res = await send(contactA, attempt.method, request, "contactA");
      const label = `${attempt.method} ${request.url}`;
      if (attempt.list ? !(res.status === 200 && res.body.items.length === 0) : ![403, 404].includes(res.status)) {
        problems.push(`${label}: ${res.status}`);
      }
      const text = typeof res.body === "string" ? res.body : JSON.stringify(res.body);
      for (const secret of secretsOfB) if (text.includes(secret)) problems.push(`${label}: the answer contains ${secret}`);
    }
    expect(problems).toEqual([]);
  });

  it("changed nothing of B's", async () => {
    expect(await snapshotOfB()).toEqual(before);
    const pm = await clientFor("pm");
    expect((await pm.get(`/api/v1/attachments/${attachmentB}/content`)).status).toBe(200);
  });
});
