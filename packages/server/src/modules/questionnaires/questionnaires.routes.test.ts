import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { parseCsv } from "../../../test/csv";
import { auditLog, projectMembers, questionnaireResponses, requirementSources } from "../../db/schema";
import { PUBLIC_RATE_LIMITS } from "./questionnaires.routes";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
let clock = new Date();
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));
/** Every public call comes from an address of its own unless a test says otherwise, so the rate limit stays out of the way. */
const freshIp = () => `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
const respondentToken = () => randomBytes(16).toString("hex");

type Question = { id: string; kind: string; text: string; options?: { id: string; label: string }[] };
type Questionnaire = { id: string; version: number; definition: { sections: { id: string; questions: Question[] }[] }; publicLink: { token: string; path: string } | null };

const DEFINITION = {
  sections: [
    {
      title: "总体",
      questions: [
        { kind: "nps", text: "您向同事推荐我们的可能性有多大？", required: true },
        { kind: "rating", text: "Rate the kickoff", required: false },
      ],
    },
    {
      title: "细节",
      questions: [
        { kind: "single_choice", text: "部署方式", required: true, options: [{ label: "私有云" }, { label: "SaaS" }] },
        { kind: "multiple_choice", text: "Modules", options: [{ label: "财务" }, { label: "HR" }, { label: "CRM" }] },
        { kind: "free_text", text: "还有什么需求？" },
      ],
    },
  ],
};

/** The question ids of DEFINITION as the server assigned them: [nps, rating, single, multi, text]. */
const questionsOf = (q: Questionnaire) => q.definition.sections.flatMap((s) => s.questions);

async function newQuestionnaire(body: Record<string, unknown> = {}, open = true): Promise<Questionnaire> {
  const pm = await as(w.pm);
  const res = await pm.post(`/api/v1/projects/${w.projectA.id}/questionnaires`, { title: "需求调研问卷", definition: DEFINITION, audience: { portal: true, public: true }, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (!open) return res.body;
  const opened = await pm.patch(`/api/v1/questionnaires/${res.body.id}`, { version: res.body.version, status: "open" });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  return opened.body;
}

/** Answers in DEFINITION's order: nps, rating, single (index), multi (indexes), text. */
function answers(q: Questionnaire, nps: number | null, rating: number | null, single: number | null, multi: number[] | null, text: string | null) {
  const [qn, qr, qs, qm, qt] = questionsOf(q) as [Question, Question, Question, Question, Question];
  const out: Record<string, unknown> = {};
  if (nps !== null) out[qn.id] = nps;
  if (rating !== null) out[qr.id] = rating;
  if (single !== null) out[qs.id] = qs.options?.[single]?.id;
  if (multi !== null) out[qm.id] = multi.map((i) => qm.options?.[i]?.id);
  if (text !== null) out[qt.id] = text;
  return out;
}

const publicPost = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  t.anonymous().post(`/api/v1/public/questionnaires/${token}/responses`, body, { "x-forwarded-for": freshIp(), ...headers });

beforeAll(async () => {
  // Respondents are told apart by X-Forwarded-For (as behind a proxy), so per-address limits apply per test.
  t = await createTestApp({ now: () => clock, config: { JIAOFU_TRUST_PROXY: "true" } });
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("the builder", () => {
  it("creates a draft with ids for every section, question and option, and a public link for its managers", async () => {
    const q = await newQuestionnaire({}, false);
    expect(q).toMatchObject({ status: "draft", audience: { portal: true, public: true }, anonymous: false, onePerRespondent: true, questionCount: 5, responseCount: 0 });
    const ids = q.definition.sections.flatMap((s) => [s.id, ...s.questions.flatMap((x) => [x.id, ...(x.options ?? []).map((o) => o.id)])]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(q.publicLink?.path).toBe(`/q/${q.publicLink?.token}`);
    // 256 random bits in base64url.
    expect(q.publicLink?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const viewed = await (await as(w.viewer)).get(`/api/v1/questionnaires/${q.id}`);
    expect(viewed.status).toBe(200);
    expect(viewed.body.publicLink).toBeNull();
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "questionnaire"), eq(auditLog.entityId, q.id)));
    expect(audit.map((a) => a.action)).toEqual(["create", "update"].slice(0, audit.length));
    expect(JSON.stringify(audit)).not.toContain(q.publicLink?.token);
  });

  it("answers invalid definitions field by field in both languages", async () => {
    const pm = await as(w.pm);
    const url = `/api/v1/projects/${w.projectA.id}/questionnaires`;
    const noOptions = await pm.post(url, { title: "x", definition: { sections: [{ questions: [{ kind: "single_choice", text: "?", options: [] }] }] } }, { "accept-language": "en" });
    expect(fields(noOptions)).toEqual({ "body.definition.sections.0.questions.0.options": "Too short (at least 1)." });
    const id = "6b1f3f5e-8a53-4b8e-9b1e-0c7f1f1a2b3c";
    const duplicate = { sections: [{ questions: [{ id, kind: "nps", text: "a" }, { id, kind: "rating", text: "b" }] }] };
    expect(fields(await pm.post(url, { title: "x", definition: duplicate }, { "accept-language": "zh-CN" }))).toEqual({
      "body.definition.sections.0.questions.1.id": "此 ID 重复使用。",
    });
    const kind = await pm.post(url, { title: "", definition: { sections: [{ questions: [{ kind: "essay", text: "?" }] }] } }, { "accept-language": "en" });
    expect(Object.keys(fields(kind)).sort()).toEqual(["body.definition.sections.0.questions.0.kind", "body.title"]);
    const dates = await pm.post(url, { title: "x", opensAt: "2030-01-02T00:00:00Z", closesAt: "2030-01-01T00:00:00Z" }, { "accept-language": "en" });
    expect(fields(dates)).toEqual({ "body.closesAt": "The closing time must be after the opening time." });
  });

  it("lets managers and members build, viewers read, and hides it from strangers", async () => {
    const url = `/api/v1/projects/${w.projectA.id}/questionnaires`;
    expect((await t.anonymous().post(url, { title: "x" })).status).toBe(401);
    expect((await (await as(w.dev)).post(url, { title: "x" })).status).toBe(201);
    expect((await (await as(w.viewer)).post(url, { title: "x" })).status).toBe(403);
    expect((await (await as(w.contactA)).post(url, { title: "x" })).status).toBe(403);
    expect((await (await as(w.outsider)).post(url, { title: "x" })).status).toBe(404);
    expect((await (await as(w.contactB)).get(url)).status).toBe(404);
    const q = await newQuestionnaire();
    for (const path of ["", "/results", "/results.csv", "/form"]) expect((await (await as(w.contactB)).get(`/api/v1/questionnaires/${q.id}${path}`)).status, path).toBe(404);
    expect((await (await as(w.viewer)).patch(`/api/v1/questionnaires/${q.id}`, { version: q.version, title: "v" })).status).toBe(403);
  });

  it("publishes only with a question and an audience; a stale version is a 409", async () => {
    const pm = await as(w.pm);
    const empty = (await pm.post(`/api/v1/projects/${w.projectA.id}/questionnaires`, { title: "空" })).body;
    const refused = await pm.patch(`/api/v1/questionnaires/${empty.id}`, { version: 1, status: "open" }, { "accept-language": "zh-CN" });
    expect(fields(refused)).toEqual({ "body.status": "发布前请至少添加一个问题。" });
    const noAudience = await pm.patch(
      `/api/v1/questionnaires/${empty.id}`,
      { version: 1, status: "open", definition: DEFINITION, audience: { portal: false, public: false } },
      { "accept-language": "en" },
    );
    expect(fields(noAudience)).toEqual({ "body.status": "Choose who answers: the client's contacts in the portal, a public link, or both." });
    const ok = await pm.patch(`/api/v1/questionnaires/${empty.id}`, { version: 1, status: "open", definition: DEFINITION });
    expect(ok.body).toMatchObject({ status: "open", version: 2, acceptingResponses: true, publicLink: null });
    const stale = await pm.patch(`/api/v1/questionnaires/${empty.id}`, { version: 1, title: "late" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ version: 2, status: "open" });
  });

  it("reorders and extends a definition with answers, but refuses edits that would orphan them", async () => {
    const q = await newQuestionnaire({ audience: { portal: true, public: false } });
    const contact = await as(w.contactA);
    expect((await contact.post(`/api/v1/questionnaires/${q.id}/responses`, { answers: answers(q, 9, null, 0, [1], "要有审批流") })).status).toBe(201);
    const pm = await as(w.pm);
    const [sectionA, sectionB] = q.definition.sections as [Questionnaire["definition"]["sections"][number], Questionnaire["definition"]["sections"][number]];
    const [single, multi, text] = sectionB.questions as [Question, Question, Question];
    // Reorder (sections and questions), reword, add a question and an option: fine.
    const reordered = {
      sections: [
        { ...sectionB, questions: [text, { ...multi, options: [...(multi.options ?? []), { label: "OA" }] }, { ...single, text: "部署方式（可改）" }] },
        { ...sectionA, questions: [...sectionA.questions, { kind: "free_text", text: "New question" }] },
      ],
    };
    const ok = await pm.patch(`/api/v1/questionnaires/${q.id}`, { version: q.version, definition: reordered });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(questionsOf(ok.body).map((x) => x.id).slice(0, 3)).toEqual([text.id, multi.id, single.id]);
    // Drop the answered NPS question and the picked single-choice option: refused, one message each.
    const broken = {
      sections: [
        { ...ok.body.definition.sections[0], questions: ok.body.definition.sections[0].questions.map((x: Question) => (x.id === single.id ? { ...x, options: x.options?.slice(1) } : x)) },
        { ...ok.body.definition.sections[1], questions: ok.body.definition.sections[1].questions.filter((x: Question) => x.kind !== "nps") },
      ],
    };
    const refused = await pm.patch(`/api/v1/questionnaires/${q.id}`, { version: ok.body.version, definition: broken }, { "accept-language": "en" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe("This change would lose answers already given. Rewording, reordering and adding are fine.");
    const npsId = (questionsOf(q)[0] as Question).id;
    expect(fields(refused)).toEqual({
      [`body.definition.${single.id}.options.${single.options?.[0]?.id}`]: "This option was chosen by respondents and cannot be removed.",
      [`body.definition.${npsId}`]: "This question has answers and cannot be removed.",
    });
    const kind = { sections: ok.body.definition.sections.map((s: { questions: Question[] }) => ({ ...s, questions: s.questions.map((x) => (x.id === npsId ? { ...x, kind: "rating" } : x)) })) };
    expect((await pm.patch(`/api/v1/questionnaires/${q.id}`, { version: ok.body.version, definition: kind })).status).toBe(409);
    expect((await pm.patch(`/api/v1/questionnaires/${q.id}`, { version: ok.body.version, anonymous: true })).status).toBe(409);
    expect((await pm.patch(`/api/v1/questionnaires/${q.id}`, { version: ok.body.version, status: "draft" })).status).toBe(409);
    expect((await pm.delete(`/api/v1/questionnaires/${q.id}`)).status).toBe(409);
    const closed = await pm.patch(`/api/v1/questionnaires/${q.id}`, { version: ok.body.version, status: "closed" });
    expect(closed.body).toMatchObject({ status: "closed", acceptingResponses: false });
  });

  it("deletes a questionnaire nobody answered", async () => {
    const q = await newQuestionnaire({}, false);
    const pm = await as(w.pm);
    expect((await (await as(w.viewer)).delete(`/api/v1/questionnaires/${q.id}`)).status).toBe(403);
    expect((await pm.delete(`/api/v1/questionnaires/${q.id}?version=9`)).status).toBe(409);
    expect((await pm.delete(`/api/v1/questionnaires/${q.id}`)).status).toBe(204);
    expect((await pm.get(`/api/v1/questionnaires/${q.id}`)).status).toBe(404);
  });
});

describe("answering in the portal", () => {
  it("shows a contact the questionnaires published to the portal, never the builder's view or results", async () => {
    const draft = await newQuestionnaire({ title: "Draft only" }, false);
    const publicOnly = await newQuestionnaire({ title: "Public only", audience: { portal: false, public: true } });
    const portal = await newQuestionnaire({ title: "For the portal" });
    const contact = await as(w.contactA);
    const listed = (await contact.get(`/api/v1/projects/${w.projectA.id}/questionnaires?limit=200`)).body.items as { id: string; responseCount: unknown; answeredByMe: unknown }[];
    const ids = listed.map((x) => x.id);
    expect(ids).toContain(portal.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(publicOnly.id);
    expect(listed.find((x) => x.id === portal.id)).toMatchObject({ responseCount: null, answeredByMe: false });
    expect((await contact.get(`/api/v1/questionnaires/${portal.id}`)).status).toBe(403);
    expect((await contact.get(`/api/v1/questionnaires/${portal.id}/results`)).status).toBe(403);
    expect((await contact.get(`/api/v1/questionnaires/${portal.id}/results.xlsx`)).status).toBe(403);
    expect((await contact.get(`/api/v1/questionnaires/${draft.id}`)).status).toBe(404);
    expect((await contact.get(`/api/v1/questionnaires/${publicOnly.id}/form`)).status).toBe(404);
    expect((await contact.get(`/api/v1/questionnaires/${portal.id}/comments`)).status).toBe(403);
  });

  it("takes one response per contact when limited, and validates every answer in the contact's language", async () => {
    const q = await newQuestionnaire();
    const contact = await as(w.contactA);
    const form = await contact.get(`/api/v1/questionnaires/${q.id}/form`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ id: q.id, title: "需求调研问卷", answeredByMe: false });
    expect(form.body).not.toHaveProperty("audience");
    const [qn, qr, qs, qm] = questionsOf(q) as [Question, Question, Question, Question];
    const bad = await contact.post(
      `/api/v1/questionnaires/${q.id}/responses`,
      { answers: { [qr.id]: 6, [qs.id]: "nope", [qm.id]: "not a list", extra: 1 } },
      { "accept-language": "zh-CN" },
    );
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual({
      [`body.answers.${qn.id}`]: "请回答此问题。",
      [`body.answers.${qr.id}`]: "请在 1 到 5 之间选择。",
      [`body.answers.${qs.id}`]: "请从给出的选项中选择。",
      [`body.answers.${qm.id}`]: "回答与问题不符。",
      "body.answers.extra": "此问卷没有这个问题。",
    });
    const ok = await contact.post(`/api/v1/questionnaires/${q.id}/responses`, { answers: answers(q, 10, 4, 1, [0, 2], "需要移动端") });
    expect(ok.status).toBe(201);
    const again = await contact.post(`/api/v1/questionnaires/${q.id}/responses`, { answers: answers(q, 3, null, 0, null, null) }, { "accept-language": "en" });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("You have already answered this questionnaire.");
    expect((await contact.get(`/api/v1/questionnaires/${q.id}/form`)).body.answeredByMe).toBe(true);
    expect((await (await as(w.pm)).post(`/api/v1/questionnaires/${q.id}/responses`, { answers: answers(q, 10, null, 0, null, null) })).status).toBe(403);
    expect((await (await as(w.contactB)).post(`/api/v1/questionnaires/${q.id}/responses`, { answers: {} })).status).toBe(404);
  });

  it("refuses answers before it opens and after it closes, with a clear message", async () => {
    const now = clock.getTime();
    const later = await newQuestionnaire({ opensAt: new Date(now + 3_600_000).toISOString() });
    const contact = await as(w.contactA);
    const early = await contact.get(`/api/v1/questionnaires/${later.id}/form`, { "accept-language": "en" });
    expect(early.status).toBe(410);
    expect(early.body.error).toMatchObject({ code: "gone", message: "This questionnaire is not open yet." });
    const over = await newQuestionnaire({ closesAt: new Date(now + 60_000).toISOString() });
    clock = new Date(now + 120_000);
    try {
      const late = await contact.post(`/api/v1/questionnaires/${over.id}/responses`, { answers: answers(over, 8, null, 0, null, null) }, { "accept-language": "zh-CN" });
      expect(late.status).toBe(410);
      expect(late.body.error.message).toBe("此问卷已关闭，不再接受回答。");
    } finally {
      clock = new Date();
    }
  });
});

describe("the public link", () => {
  it("opens without an account and shows only what a respondent needs", async () => {
    const q = await newQuestionnaire({ intro: "感谢参与 **调研**" });
    const res = await t.anonymous().get(`/api/v1/public/questionnaires/${q.publicLink?.token}`, { "x-forwarded-for": freshIp() });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["anonymous", "answeredByMe", "closesAt", "definition", "id", "intro", "introHtml", "onePerRespondent", "title"]);
    expect(res.body).toMatchObject({ title: "需求调研问卷", introHtml: "<p>感谢参与 <strong>调研</strong></p>\n", answeredByMe: null });
    expect(res.headers["cache-control"]).toBe("no-store");
    expect((await t.anonymous().get(`/api/v1/public/questionnaires/${"x".repeat(43)}`)).status).toBe(404);
  });

  it("takes answers without any cookie, one per respondent token when limited", async () => {
    const q = await newQuestionnaire();
    const token = q.publicLink?.token as string;
    const me = respondentToken();
    const first = await publicPost(token, { answers: answers(q, 7, 5, 0, [], "  "), respondentToken: me, respondentName: "李雷" });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const second = await publicPost(token, { answers: answers(q, 8, null, 1, null, null), respondentToken: me }, { "accept-language": "en" });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe("You have already answered this questionnaire.");
    const noToken = await publicPost(token, { answers: answers(q, 8, null, 1, null, null) }, { "accept-language": "en" });
    expect(fields(noToken)).toEqual({ "body.respondentToken": "This questionnaire takes one response per person: the page must send its respondent token." });
    expect((await publicPost(token, { answers: answers(q, 8, null, 1, null, null), respondentToken: respondentToken() })).status).toBe(201);
    // A signed-in person answering the public link is still anonymous to it: no CSRF token needed, no account stored.
    const staff = await as(w.dev);
    const asStaff = await staff.post(`/api/v1/public/questionnaires/${token}/responses`, { answers: answers(q, 9, null, 1, null, null), respondentToken: respondentToken() }, { "x-forwarded-for": freshIp(), "x-csrf-token": "" });
    expect(asStaff.status).toBe(201);
    const stored = await t.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.id, asStaff.body.id));
    expect(stored[0]).toMatchObject({ channel: "public", respondentId: null });
    const unlimited = await newQuestionnaire({ onePerRespondent: false });
    for (let i = 0; i < 2; i++) expect((await publicPost(unlimited.publicLink?.token as string, { answers: answers(unlimited, 10, null, 0, null, null) })).status).toBe(201);
  });

  it("answers invalid responses with one message per question in the respondent's language", async () => {
    const q = await newQuestionnaire();
    const [qn, qr, qs, qm, qt] = questionsOf(q) as [Question, Question, Question, Question, Question];
    const bad = await publicPost(
      q.publicLink?.token as string,
      { answers: { [qn.id]: 11, [qr.id]: 2.5, [qs.id]: [qs.options?.[0]?.id], [qm.id]: [qm.options?.[0]?.id, qm.options?.[0]?.id], [qt.id]: "x".repeat(10_001) }, respondentToken: respondentToken() },
      { "accept-language": "en-US,en;q=0.9" },
    );
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual({
      [`body.answers.${qn.id}`]: "Choose from 0 to 10.",
      [`body.answers.${qr.id}`]: "Choose a whole number.",
      [`body.answers.${qs.id}`]: "This answer does not fit the question.",
      [`body.answers.${qm.id}`]: "An option is chosen twice.",
      [`body.answers.${qt.id}`]: "At most 10,000 characters.",
    });
  });

  it("is gone once closed, 404 once turned off, and a regenerated link replaces the old one", async () => {
    const q = await newQuestionnaire();
    const pm = await as(w.pm);
    const token = q.publicLink?.token as string;
    const closed = await pm.patch(`/api/v1/questionnaires/${q.id}`, { version: q.version, status: "closed" });
    const gone = await t.anonymous().get(`/api/v1/public/questionnaires/${token}`, { "accept-language": "zh-CN", "x-forwarded-for": freshIp() });
    expect(gone.status).toBe(410);
    expect(gone.body.error.message).toBe("此问卷已关闭，不再接受回答。");
    expect((await publicPost(token, { answers: answers(q, 9, null, 0, null, null), respondentToken: respondentToken() })).status).toBe(410);
    const reopened = await pm.patch(`/api/v1/questionnaires/${q.id}`, { version: closed.body.version, status: "open" });
    const fresh = await pm.post(`/api/v1/questionnaires/${q.id}/public-link`);
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBe(reopened.body.version + 1);
    const newToken = fresh.body.publicLink.token as string;
    expect(newToken).not.toBe(token);
    expect((await t.anonymous().get(`/api/v1/public/questionnaires/${token}`, { "x-forwarded-for": freshIp() })).status).toBe(404);
    expect((await t.anonymous().get(`/api/v1/public/questionnaires/${newToken}`, { "x-forwarded-for": freshIp() })).status).toBe(200);
    const off = await pm.patch(`/api/v1/questionnaires/${q.id}`, { version: fresh.body.version, audience: { portal: true, public: false } });
    expect(off.body.publicLink).toBeNull();
    expect((await t.anonymous().get(`/api/v1/public/questionnaires/${newToken}`, { "x-forwarded-for": freshIp() })).status).toBe(404);
    expect((await pm.post(`/api/v1/questionnaires/${q.id}/public-link`)).status).toBe(409);
    expect((await (await as(w.viewer)).post(`/api/v1/questionnaires/${q.id}/public-link`)).status).toBe(403);
  });

  it("rate-limits answers per address", async () => {
    const q = await newQuestionnaire({ onePerRespondent: false });
    const ip = "203.0.113.77";
    let status = 0;
    for (let i = 0; i <= PUBLIC_RATE_LIMITS.submit; i++) {
      status = (await publicPost(q.publicLink?.token as string, { answers: {} }, { "x-forwarded-for": ip })).status;
      if (i < PUBLIC_RATE_LIMITS.submit) expect(status).toBe(400);
    }
    expect(status).toBe(429);
  });
});

describe("results and exports", () => {
  /**
   * A known set: NPS 10, 9, 8, 6, 0 → 2 promoters, 1 passive, 2 detractors → 40% − 40% = 0;
   * ratings 5, 4, 4 → mean 13/3; single choice 私有云 ×3, SaaS ×2; modules 财务 ×2, HR ×1, CRM ×0 (2 answered).
   */
  async function answeredQuestionnaire(body: Record<string, unknown> = {}) {
    const q = await newQuestionnaire(body);
    const token = q.publicLink?.token as string;
    const contact = await as(w.contactA);
    expect((await contact.post(`/api/v1/questionnaires/${q.id}/responses`, { answers: answers(q, 10, 5, 0, [0, 1], "需要和 SAP 集成") })).status).toBe(201);
    const publicSet = [
      answers(q, 9, 4, 0, [0], "=HYPERLINK(\"http://evil\")"),
      answers(q, 8, 4, 1, null, "Line one\nline \"two\", with comma"),
      answers(q, 6, null, 1, [], null),
      answers(q, 0, null, 0, null, null),
    ];
    for (const [i, a] of publicSet.entries()) {
      const res = await publicPost(token, { answers: a, respondentToken: respondentToken(), respondentName: i === 0 ? "Jane Public" : undefined });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    return q;
  }

  it("computes per-question counts, rating mean, NPS, free text and the response rate exactly", async () => {
    const second = await t.factories.user(w.workspace.id, "client", w.clientA.id, "第二联系人");
    await t.factories.member(w.projectA.id, second.id, "client");
    try {
      const q = await answeredQuestionnaire();
      const res = await (await as(w.viewer)).get(`/api/v1/questionnaires/${q.id}/results`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ responseCount: 5, portalResponseCount: 1, publicResponseCount: 4, responseRate: { invited: 2, responded: 1, rate: 0.5 } });
      const [nps, rating, single, multi, text] = res.body.questions;
      expect(nps).toMatchObject({ kind: "nps", answered: 5, skipped: 0, promoters: 2, passives: 1, detractors: 2, score: 0 });
      expect(nps.distribution.map((d: { count: number }) => d.count)).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1]);
      expect(rating).toMatchObject({ kind: "rating", answered: 3, skipped: 2, mean: 13 / 3 });
      expect(rating.distribution).toEqual([1, 2, 3, 4, 5].map((value) => ({ value, count: value === 5 ? 1 : value === 4 ? 2 : 0 })));
      expect(single.options.map((o: { label: string; count: number; share: number }) => [o.label, o.count, o.share])).toEqual([
        ["私有云", 3, 0.6],
        ["SaaS", 2, 0.4],
      ]);
      expect(multi).toMatchObject({ answered: 2, skipped: 3 });
      expect(multi.options.map((o: { count: number }) => o.count)).toEqual([2, 1, 0]);
      expect(text.answers.map((a: { text: string; respondentName: string | null }) => [a.text, a.respondentName])).toEqual(
        expect.arrayContaining([
          ["需要和 SAP 集成", w.contactA.email],
          ["=HYPERLINK(\"http://evil\")", "Jane Public"],
          ["Line one\nline \"two\", with comma", null],
        ]),
      );
    } finally {
      await t.db.delete(projectMembers).where(eq(projectMembers.userId, second.id));
    }
  });

  it("keeps anonymous responses anonymous: no respondent, only the day, nothing in the audit log", async () => {
    // Tomorrow at 15:04:05.678 UTC (close to now, so the signed-in sessions stay valid).
    const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    clock = new Date(`${day}T15:04:05.678Z`);
    try {
      const q = await answeredQuestionnaire({ anonymous: true });
      const results = (await (await as(w.pm)).get(`/api/v1/questionnaires/${q.id}/results`)).body;
      const free = results.questions.find((x: { kind: string }) => x.kind === "free_text");
      expect(free.answers.map((a: { respondentName: unknown; submittedAt: string }) => [a.respondentName, a.submittedAt])).toEqual(
        free.answers.map(() => [null, `${day}T00:00:00.000Z`]),
      );
      const rows = await t.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.questionnaireId, q.id));
      expect(rows.every((r) => r.respondentId === null && r.respondentName === null)).toBe(true);
      const submits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, q.id), eq(auditLog.action, "response.submit")));
      expect(submits).toHaveLength(5);
      expect(submits.every((a) => a.actorId === null && !("answers" in (a.after as object)))).toBe(true);
      // The roll still knows who answered (for the response rate), but not which response is theirs.
      expect(results.responseRate).toMatchObject({ responded: 1 });
    } finally {
      clock = new Date();
    }
  });

  it("exports CSV (UTF-8 with BOM, RFC 4180, formulas defused) and XLSX that read back with Chinese intact", async () => {
    const q = await answeredQuestionnaire();
    const pm = await as(w.pm);
    const csv = await pm.get(`/api/v1/questionnaires/${q.id}/results.csv`, { "accept-language": "zh-CN" });
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe(`attachment; filename="questionnaire-${q.id}.csv"; filename*=UTF-8''${encodeURIComponent("需求调研问卷.csv")}`);
    const text = csv.raw.rawPayload.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(["答卷", "提交时间", "渠道", "答卷人", "您向同事推荐我们的可能性有多大？", "Rate the kickoff", "部署方式", "Modules", "还有什么需求？"]);
    expect(rows).toHaveLength(6);
    const byText = (needle: string) => rows.find((r) => r.some((c) => c.includes(needle))) as string[];
    expect(byText("SAP")).toEqual([expect.any(String), expect.any(String), "门户", w.contactA.email, "10", "5", "私有云", "财务; HR", "需要和 SAP 集成"]);
    expect(byText("HYPERLINK")[8]).toBe("'=HYPERLINK(\"http://evil\")");
    expect(byText("Line one")[8]).toBe("Line one\nline \"two\", with comma");
    expect(text).toContain("\r\n");

    const xlsx = await pm.get(`/api/v1/questionnaires/${q.id}/results.xlsx`, { "accept-language": "en" });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe("需求调研问卷");
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(["Response", "Submitted at", "Channel", "Respondent", "您向同事推荐我们的可能性有多大？", "Rate the kickoff", "部署方式", "Modules", "还有什么需求？"]);
    expect(sheet.rowCount).toBe(6);
    const all = [2, 3, 4, 5, 6].map(values);
    expect(all.find((r) => r[8] === "需要和 SAP 集成")).toEqual([expect.any(String), expect.any(String), "Portal", w.contactA.email, 10, 5, "私有云", "财务; HR", "需要和 SAP 集成"]);
    // Written as text, never as a formula.
    expect(all.some((r) => r[8] === "=HYPERLINK(\"http://evil\")")).toBe(true);
    expect((await (await as(w.contactA)).get(`/api/v1/questionnaires/${q.id}/results.csv`)).status).toBe(403);
  });

  it("turns a free-text answer into a requirement that points back at it", async () => {
    const q = await answeredQuestionnaire();
    const pm = await as(w.pm);
    const results = (await pm.get(`/api/v1/questionnaires/${q.id}/results`)).body;
    const free = results.questions.find((x: { kind: string }) => x.kind === "free_text");
    const answer = free.answers.find((a: { text: string }) => a.text === "需要和 SAP 集成");
    const url = `/api/v1/questionnaires/${q.id}/responses/${answer.responseId}/answers/${free.questionId}/requirements`;
    const made = await pm.post(url, { type: "functional" });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ questionnaireId: q.id, responseId: answer.responseId, questionId: free.questionId, requirement: { title: "需要和 SAP 集成", status: "draft" } });
    const [source] = await t.db.select().from(requirementSources).where(eq(requirementSources.requirementId, made.body.requirement.id));
    expect(source).toMatchObject({ kind: "questionnaire_answer", questionnaireId: q.id, responseId: answer.responseId, questionId: free.questionId, excerpt: "需要和 SAP 集成" });
    const after = (await pm.get(`/api/v1/questionnaires/${q.id}/results`)).body.questions.find((x: { kind: string }) => x.kind === "free_text");
    expect(after.answers.find((a: { responseId: string }) => a.responseId === answer.responseId).requirements).toEqual([made.body.requirement]);
    const npsQuestion = results.questions[0].questionId;
    const notText = await pm.post(`/api/v1/questionnaires/${q.id}/responses/${answer.responseId}/answers/${npsQuestion}/requirements`, {}, { "accept-language": "en" });
    expect(notText.status).toBe(400);
    expect(notText.body.error.message).toBe("Only free-text answers can become requirements.");
    expect((await (await as(w.viewer)).post(url, {})).status).toBe(403);
    expect((await (await as(w.contactA)).post(url, {})).status).toBe(403);
    expect((await (await as(w.contactB)).post(url, {})).status).toBe(404);
    expect((await pm.post(`/api/v1/questionnaires/${q.id}/responses/${q.id}/answers/${free.questionId}/requirements`, {})).status).toBe(404);
  });
});
