import { and, eq, sql } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, changeRequests, defects, planTasks, risks, statusReports } from "../../db/schema";
import { runStatusReportSchedules } from "./status-reports.service";

/** The clock: Friday 2026-11-13 09:00 UTC (17:00 in Shanghai). */
const NOW = new Date("2026-11-13T09:00:00Z");
const fields = (body: { error: { details: { fields: { path: string; message: string }[] } } }) => Object.fromEntries(body.error.details.fields.map((f) => [f.path, f.message]));
const CHINESE_NAME = "城市轨道交通票务系统";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const taskVersion = async (id: string) => (await t.db.select({ v: planTasks.version }).from(planTasks).where(eq(planTasks.id, id)))[0]?.v as number;

/**
 * A project of client A named in Chinese, from Monday 2026-11-02: phase 交付 with Design (5 days, 5,000, done) →
 * Build (5 days, 10,000, 20 %) → a milestone; a critical open defect, an open risk scoring 20 shared with the client
 * and one scoring 12 kept internal, and a submitted change request.
 */
async function project() {
  const p = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id, startDate: "2026-11-02", name: CHINESE_NAME });
  await t.factories.member(p.id, w.pm.id, "manager");
  await t.factories.member(p.id, w.dev.id, "member");
  await t.factories.member(p.id, w.viewer.id, "viewer");
  await t.factories.member(p.id, w.contactA.id, "client");
  const pm = await as(w.pm);
  const add = async (body: Record<string, unknown>) => (await pm.post(`/api/v1/projects/${p.id}/plan/tasks`, body)).body.taskId as string;
  const phase = await add({ name: "交付" });
  const design = await add({ name: "Design", parentId: phase, durationDays: 5 });
  const build = await add({ name: "Build", parentId: phase, durationDays: 5 });
  const golive = await add({ name: "上线", milestone: true });
  await pm.post(`/api/v1/projects/${p.id}/plan/dependencies`, { predecessorId: design, successorId: build });
  await pm.post(`/api/v1/projects/${p.id}/plan/dependencies`, { predecessorId: build, successorId: golive });
  for (const [id, fixedCost, percentComplete] of [
    [design, 5000, 100],
    [build, 10000, 20],
  ] as const) {
    const res = await pm.patch(`/api/v1/plan-tasks/${id}`, { version: await taskVersion(id), fixedCost, workHours: 40, percentComplete });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const base = { workspaceId: w.workspace.id, projectId: p.id, createdById: w.pm.id };
  await t.db.insert(risks).values([
    { ...base, number: 1, title: "供应商延迟", probability: 4, impact: 5, sharedWithClient: true },
    { ...base, number: 2, title: "Internal staffing", probability: 3, impact: 4, sharedWithClient: false },
  ]);
  await t.db.insert(defects).values({ ...base, number: 1, title: "Crash on login", severity: "critical", reportedById: w.pm.id });
  await t.db.insert(changeRequests).values({ ...base, number: 1, title: "Add QR tickets", status: "submitted", impactDays: 3 });
  return p;
}

async function pdfText(buffer: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), disableFontFace: true }).promise;
  let text = "";
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    text += (await page.getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join("");
  }
  return text;
}

const generate = async (projectId: string, body: Record<string, unknown> = { periodFrom: "2026-11-07", periodTo: "2026-11-13" }, user: TestUser = w.pm) =>
  (await as(user)).post(`/api/v1/projects/${projectId}/status-reports`, body, { "accept-language": "en" });

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("status reports", () => {
  it("generates a draft from the data with the rule behind each colour", async () => {
    const p = await project();
    const res = await generate(p.id);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const r = res.body;
    expect(r).toMatchObject({ key: "SR-1", status: "draft", overall: "red", projectName: CHINESE_NAME, title: "Status report 2026-11-07 – 2026-11-13", generatedBy: "person", version: 1 });
    // PV on 11-13: all 15,000; EV 7,000 → SPI 0.47 (red). AC: fixed costs accrued 5,000 + 2,000 → CPI 1.
    expect(r.dimensions.schedule).toMatchObject({ rag: "red", ruleKey: "status_report.rule.schedule.spi_red", ruleText: "SPI 0.47 is below 0.8.", generatedRag: null });
    expect(r.dimensions.cost).toMatchObject({ rag: "green", ruleKey: "status_report.rule.cost.green" });
    expect(r.dimensions.quality).toMatchObject({ rag: "red", ruleText: "1 critical defect(s) open." });
    expect(r.dimensions.risk).toMatchObject({ rag: "red", ruleText: "RISK-1 scores 20 (critical from 17)." });
    expect(r.dimensions.scope).toMatchObject({ rag: "amber", ruleKey: "status_report.rule.scope.open_amber" });
    expect(r.content.topRisks.map((x: { key: string }) => x.key)).toEqual(["RISK-1", "RISK-2"]);
    expect(r.content.openChangeRequests).toEqual([{ key: "CR-1", title: "Add QR tickets", status: "submitted", impactDays: 3 }]);
    expect(r.content.milestones).toMatchObject([{ name: "上线", done: false }]);
    expect(r.content.earnedValue).toMatchObject({ spi: 0.4667, cpi: 1, bac: 15000 });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("says the rules in the reader's language", async () => {
    const p = await project();
    const id = (await generate(p.id)).body.id;
    const res = await (await as(w.pm)).get(`/api/v1/status-reports/${id}`, { "accept-language": "zh-CN" });
    expect(res.body.dimensions.schedule.ruleText).toBe("SPI 0.47 低于 0.8。");
  });

  it("edits a draft: notes, summary, a colour set by a person and back; stale versions get 409", async () => {
    const p = await project();
    const r = (await generate(p.id)).body;
    const pm = await as(w.pm);
    const res = await pm.patch(`/api/v1/status-reports/${r.id}`, { version: 1, summary: "On track overall.", nextSteps: "Finish Build.", dimensions: { schedule: { rag: "amber", note: "Catching up." } } }, { "accept-language": "en" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ summary: "On track overall.", nextSteps: "Finish Build.", version: 2, overall: "red" });
    expect(res.body.dimensions.schedule).toMatchObject({ rag: "amber", ruleKey: "status_report.rule.override", ruleText: expect.stringMatching(/^Set by .+\.$/), note: "Catching up.", generatedRag: "red" });
    const stale = await pm.patch(`/api/v1/status-reports/${r.id}`, { version: 1, summary: "x" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(2);
    const back = await pm.patch(`/api/v1/status-reports/${r.id}`, { version: 2, dimensions: { schedule: { rag: null } } }, { "accept-language": "en" });
    expect(back.body.dimensions.schedule).toMatchObject({ rag: "red", ruleKey: "status_report.rule.schedule.spi_red", note: "Catching up.", generatedRag: null });
  });

  it("publishes once; a published report never changes", async () => {
    const p = await project();
    const r = (await generate(p.id)).body;
    expect((await (await as(w.dev)).post(`/api/v1/status-reports/${r.id}/publish`, { version: 1 })).status).toBe(403);
    const res = await (await as(w.pm)).post(`/api/v1/status-reports/${r.id}/publish`, { version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: "published", version: 2, publishedBy: { id: w.pm.id } });
    expect(res.body.publishedAt).toBe(NOW.toISOString());
    const edit = await (await as(w.pm)).patch(`/api/v1/status-reports/${r.id}`, { version: 2, summary: "changed" }, { "accept-language": "en" });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toBe("This report is published and can no longer change.");
    expect((await (await as(w.pm)).post(`/api/v1/status-reports/${r.id}/publish`, { version: 2 })).status).toBe(409);
    const [row] = await t.db.select().from(statusReports).where(eq(statusReports.id, r.id));
    expect(row?.summary).toBe("");
  });

  it("exports a PDF whose text holds the Chinese project name, and Markdown", async () => {
    const p = await project();
    const r = (await generate(p.id)).body;
    const pdf = await (await as(w.pm)).get(`/api/v1/status-reports/${r.id}/export.pdf`, { "accept-language": "zh-CN" });
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = await pdfText(pdf.raw.rawPayload);
    expect(text).toContain(CHINESE_NAME);
    expect(text).toContain("供应商延迟");
    expect(text).toContain("进度");
    const md = await (await as(w.pm)).get(`/api/v1/status-reports/${r.id}/export.md`, { "accept-language": "en" });
    expect(md.status).toBe(200);
    expect(md.headers["content-type"]).toContain("text/markdown");
    expect(md.body).toContain(`# ${p.code} ${CHINESE_NAME} — SR-1`);
    expect(md.body).toContain("| Schedule | Red | SPI 0.47 is below 0.8. |  |");
    expect(md.body).toContain("CR-1 Add QR tickets");
  });

  it("shows a client contact only the published reports of their projects, without costs or internal risks", async () => {
    const p = await project();
    const draft = (await generate(p.id)).body;
    const published = (await generate(p.id, { periodFrom: "2026-11-01", periodTo: "2026-11-06" })).body;
    await (await as(w.pm)).post(`/api/v1/status-reports/${published.id}/publish`, { version: 1 });
    const contact = await as(w.contactA);
    const list = await contact.get(`/api/v1/projects/${p.id}/status-reports`);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([published.id]);
    expect((await contact.get(`/api/v1/status-reports/${draft.id}`)).status).toBe(404);
    const seen = await contact.get(`/api/v1/status-reports/${published.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.content.earnedValue).toMatchObject({ bac: null, ac: null, vac: null });
    expect(seen.body.content.topRisks.map((x: { key: string }) => x.key)).toEqual(["RISK-1"]);
    const pdf = await contact.get(`/api/v1/status-reports/${published.id}/export.pdf`);
    expect(await pdfText(pdf.raw.rawPayload)).not.toContain("Internal staffing");
    const other = await as(w.contactB);
    expect((await other.get(`/api/v1/status-reports/${published.id}`)).status).toBe(404);
    expect((await other.get(`/api/v1/status-reports/${published.id}/export.pdf`)).status).toBe(404);
    expect((await other.get(`/api/v1/projects/${p.id}/status-reports`)).status).toBe(404);
    expect((await contact.post(`/api/v1/projects/${p.id}/status-reports`, { periodFrom: "2026-11-01", periodTo: "2026-11-06" })).status).toBe(403);
    expect((await (await as(w.viewer)).post(`/api/v1/projects/${p.id}/status-reports`, { periodFrom: "2026-11-01", periodTo: "2026-11-06" })).status).toBe(403);
    expect((await t.anonymous().get(`/api/v1/status-reports/${published.id}`)).status).toBe(401);
  });

  it("does not name a risk the client may not see in the risk rule a client contact reads", async () => {
    const p = await project();
    await t.db.update(risks).set({ sharedWithClient: false }).where(and(eq(risks.projectId, p.id), eq(risks.number, 1)));
    const report = (await generate(p.id, { periodFrom: "2026-11-01", periodTo: "2026-11-06" })).body;
    await (await as(w.pm)).post(`/api/v1/status-reports/${report.id}/publish`, { version: 1 });
    expect((await (await as(w.pm)).get(`/api/v1/status-reports/${report.id}`)).body.dimensions.risk.ruleText).toBe("RISK-1 scores 20 (critical from 17).");
    const seen = await (await as(w.contactA)).get(`/api/v1/status-reports/${report.id}`);
    expect(seen.body.dimensions.risk).toMatchObject({ rag: "red", ruleText: "The highest open risk scores 20 (critical from 17)." });
  });

  it("refuses bad periods with field messages", async () => {
    const p = await project();
    const future = await generate(p.id, { periodFrom: "2026-11-10", periodTo: "2026-11-20" });
    expect(future.status).toBe(400);
    expect(fields(future.body)).toEqual({ "body.periodTo": "The period cannot end after today." });
    const reversed = await generate(p.id, { periodFrom: "2026-11-10", periodTo: "2026-11-01" });
    expect(reversed.status).toBe(400);
    expect((await generate(p.id, { periodFrom: "2025-01-01", periodTo: "2026-11-13" })).status).toBe(400);
    expect((await generate(p.id, { periodFrom: "nope", periodTo: "2026-11-13" })).status).toBe(400);
  });

  it("generates the weekly report on the scheduled day, once", async () => {
    const p = await project();
    const pm = await as(w.pm);
    expect((await pm.get(`/api/v1/projects/${p.id}/status-report-schedule`)).body).toMatchObject({ enabled: false, version: 0 });
    const saved = await pm.put(`/api/v1/projects/${p.id}/status-report-schedule`, { version: 0, enabled: true, weekday: 5, time: "16:30", timeZone: "Asia/Shanghai", publish: true });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await pm.put(`/api/v1/projects/${p.id}/status-report-schedule`, { version: 0, enabled: true, weekday: 5, time: "16:30", timeZone: "Asia/Shanghai", publish: true })).status).toBe(409);
    expect((await pm.put(`/api/v1/projects/${p.id}/status-report-schedule`, { version: 1, enabled: true, weekday: 5, time: "16:30", timeZone: "Mars/Base", publish: true })).status).toBe(400);
    expect((await (await as(w.dev)).put(`/api/v1/projects/${p.id}/status-report-schedule`, { version: 1, enabled: false, weekday: 5, time: "16:30", timeZone: "Asia/Shanghai", publish: true })).status).toBe(403);
    await runStatusReportSchedules({ db: t.db, now: () => NOW });
    await runStatusReportSchedules({ db: t.db, now: () => NOW });
    const rows = await t.db.select().from(statusReports).where(eq(statusReports.projectId, p.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ periodFrom: "2026-11-07", periodTo: "2026-11-13", generatedBy: "schedule", status: "published", title: "状态报告 2026-11-07 – 2026-11-13" });
    const [{ n } = { n: 0 }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(statusReports).where(eq(statusReports.generatedBy, "schedule"));
    expect(n).toBe(1);
  });
});
