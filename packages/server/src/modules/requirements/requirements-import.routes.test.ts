import { randomBytes } from "node:crypto";
import { count, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, requirementSources, requirementVersions, requirements } from "../../db/schema";
import { tableToXlsx } from "../../platform/spreadsheet-export";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);

const base = (projectId: string) => `/api/v1/projects/${projectId}/requirements`;

/** A multipart upload of `content` as the part `file`. */
function upload(client: TestClient, url: string, name: string, content: Buffer | string, language: "en" | "zh-CN" = "en", field = "file"): Promise<HttpResponse> {
  const boundary = `----import${randomBytes(8).toString("hex")}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8"),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.inject({ method: "POST", url, payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "accept-language": language } });
}
const preview = (client: TestClient, projectId: string, name: string, content: Buffer | string, language: "en" | "zh-CN" = "en") =>
  upload(client, `${base(projectId)}/import/preview`, name, content, language);
const importFile = (client: TestClient, projectId: string, name: string, content: Buffer | string, language: "en" | "zh-CN" = "en") =>
  upload(client, `${base(projectId)}/import`, name, content, language);

const requirementCount = async (projectId: string) => (await t.db.select({ n: count() }).from(requirements).where(eq(requirements.projectId, projectId)))[0]?.n ?? 0;
const auditCount = async () => (await t.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;

/** A fresh project of client A with pm managing, dev a member, viewer viewing and contact A its client. */
async function freshProject() {
  const project = await t.factories.project(w.workspace.id, w.clientA.id, { managerId: w.pm.id });
  await t.factories.member(project.id, w.pm.id, "manager");
  await t.factories.member(project.id, w.dev.id, "member");
  await t.factories.member(project.id, w.viewer.id, "viewer");
  await t.factories.member(project.id, w.contactA.id, "client");
  return project;
}

type Detail = {
  id: string;
  key: string;
  title: string;
  description: string;
  type: string;
  status: string;
  ownerId: string | null;
  tags: string[];
  acceptanceCriteria: { text: string }[];
  moscow: string | null;
  clientPriority: number | null;
  sources: { kind: string; label: string }[];
};
async function listAll(client: TestClient, projectId: string): Promise<Detail[]> {
  const res = await client.get(`${base(projectId)}?limit=200&sort=key`);
  expect(res.status).toBe(200);
  return Promise.all((res.body.items as { id: string }[]).map(async (r) => (await client.get(`/api/v1/requirements/${r.id}`)).body as Detail));
}
/** What an import must reproduce of a requirement. */
const content = (r: Detail) => ({
  title: r.title,
  description: r.description,
  type: r.type,
  ownerId: r.ownerId,
  tags: r.tags,
  criteria: r.acceptanceCriteria.map((c) => c.text),
  moscow: r.moscow,
  clientPriority: r.clientPriority,
});

beforeAll(async () => {
  // A small upload limit, so the size check can be tried with a small file.
  t = await createTestApp({ config: { JIAOFU_MAX_UPLOAD_MB: "1" } });
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("POST /api/v1/projects/:id/requirements/import/preview", () => {
  it("reads the file, maps the columns and says every row's problems in the caller's language, writing nothing", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const csv = [
      "编号,标题,类型,状态,MoSCoW,客户优先级,负责人,估算",
      `,单点登录,安全,草稿,必须有,1,${w.dev.email},3d`,
      ",,functional,,,,,",
      ",报表导出,Feature,,Mustt,9,nobody@example.com,",
    ].join("\r\n");
    const before = await auditCount();
    const res = await preview(pm, project.id, "需求清单.csv", csv, "zh-CN");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ fileName: "需求清单.csv", format: "csv", encoding: "utf-8", sheetName: null, canImport: false });
    expect(res.body.counts).toEqual({ rows: 3, ok: 1, withErrors: 2, withWarnings: 0 });
    expect(res.body.limits).toEqual({ maxRows: 5000, maxMegabytes: 1 });
    expect(res.body.columns.map((c: { letter: string; field: string | null; imported: boolean }) => [c.letter, c.field, c.imported])).toEqual([
      ["A", "key", false],
      ["B", "title", true],
      ["C", "type", true],
      ["D", "status", false],
      ["E", "moscow", true],
      ["F", "clientPriority", true],
      ["G", "owner", true],
      ["H", null, false],
    ]);
    expect(res.body.columns[3].note).toBe("不导入：导入的需求一律为草稿。");
    expect(res.body.columns[7].note).toBe("无法识别，已忽略。");
    const [ok, untitled, bad] = res.body.rows;
    expect(ok).toMatchObject({ rowNumber: 2, errors: [], warnings: [], values: { title: "单点登录", type: "安全", owner: w.dev.email } });
    expect(untitled.errors).toEqual([{ field: "title", code: "requirement_import.title_required", message: "标题为必填项。" }]);
    expect(bad.errors.map((e: { field: string }) => e.field)).toEqual(["type", "moscow", "clientPriority", "owner"]);
    expect(bad.errors[3].message).toBe("“nobody@example.com”不是本项目交付团队的成员。请填写项目经理或成员的邮箱。");
    expect(await requirementCount(project.id)).toBe(0);
    expect(await auditCount()).toBe(before);

    const en = await preview(pm, project.id, "list.csv", csv, "en");
    expect(en.body.rows[1].errors[0].message).toBe("A title is required.");
    expect(en.body.rows[2].errors[2].message).toBe("“9” is not a client priority: a whole number from 1 (highest) to 5, or empty.");
  });

  it("reads GBK CSV and XLSX uploads", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    // "标题,类型\r\n报表导出,性能\r\n" in GBK, as Excel on Chinese Windows saves it.
    const gbk = Buffer.from("b1eacce22cc0e0d0cd0d0ab1a8b1edb5bcb3f62cd0d4c4dc0d0a", "hex");
    const fromGbk = await preview(pm, project.id, "gbk.csv", gbk);
    expect(fromGbk.status, JSON.stringify(fromGbk.body)).toBe(200);
    expect(fromGbk.body.encoding).toBe("gb18030");
    expect(fromGbk.body.rows[0].values).toEqual({ title: "报表导出", type: "性能" });

    const xlsx = await tableToXlsx({ header: ["Title", "Client priority"], rows: [["SSO", 2]] }, "Sheet");
    const fromXlsx = await preview(pm, project.id, "book.xlsx", xlsx);
    expect(fromXlsx.status).toBe(200);
    expect(fromXlsx.body).toMatchObject({ format: "xlsx", sheetName: "Sheet", canImport: true, rows: [{ rowNumber: 2, values: { title: "SSO", clientPriority: "2" }, errors: [] }] });
  });

  it("refuses files it cannot read, with the reason on body.file", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const noTitle = await preview(pm, project.id, "a.csv", "Description\nx\n", "en");
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.message).toBe("No title column. Name one of the columns “Title” / “标题” / “title” (the other columns are optional).");
    expect(noTitle.body.error.details.fields).toEqual([{ path: "body.file", message: noTitle.body.error.message }]);

    const twice = await preview(pm, project.id, "a.csv", "Title,标题\nx,y\n", "zh-CN");
    expect(twice.body.error.message).toBe("A 列和 B 列都是“标题”，请只保留一列。");
    expect((await preview(pm, project.id, "a.csv", "Title\n", "en")).body.error.message).toBe("There are no requirements below the header row.");
    const broken = await preview(pm, project.id, "a.csv", 'Title\nok\n"never closed\n', "en");
    expect(broken.body.error.message).toBe('The CSV could not be read from row 3 on: a quote (") is opened and never closed.');

    const xls = await preview(pm, project.id, "old.xls", Buffer.from("d0cf11e0a1b11ae10000", "hex"), "zh-CN");
    expect(xls.status).toBe(415);
    expect(xls.body.error.message).toContain("请上传 .csv 或 .xlsx 文件");

    const empty = await preview(pm, project.id, "empty.csv", "", "en");
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields[0].path).toBe("body.file");

    const json = await pm.post(`${base(project.id)}/import/preview`, { file: "Title\nx" });
    expect(json.status).toBe(400);
    expect(json.body.error.details.fields[0].path).toBe("body.file");
    const wrongPart = await upload(pm, `${base(project.id)}/import/preview`, "a.csv", "Title\nx\n", "en", "document");
    expect(wrongPart.status).toBe(400);
  });

  it("limits the size and the number of rows, saying so", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const big = `Title,Description\n${"x,".padEnd(1024, "y")}\n`.repeat(1100);
    const tooBig = await preview(pm, project.id, "big.csv", big, "zh-CN");
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toBe("文件过大（最大 1 MB）。");

    const many = `Title\n${Array.from({ length: 5001 }, (_, i) => `R${i}`).join("\n")}\n`;
    const tooMany = await preview(pm, project.id, "many.csv", many, "en");
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe("The file holds 5001 requirements; at most 5000 are imported at once. Split it into several files.");
  });

  it("is refused to viewers and client contacts (403) and to strangers (404), before reading the file", async () => {
    const project = await freshProject();
    const csv = "Title\nSneaky\n";
    expect((await preview(await as(w.viewer), project.id, "a.csv", csv)).status).toBe(403);
    expect((await preview(await as(w.contactA), project.id, "a.csv", csv)).status).toBe(403);
    expect((await preview(await as(w.contactB), project.id, "a.csv", csv)).status).toBe(404);
    expect((await preview(await as(w.outsider), project.id, "a.csv", csv)).status).toBe(404);
    expect((await upload(t.anonymous(), `${base(project.id)}/import/preview`, "a.csv", csv)).status).toBe(401);
    expect((await importFile(await as(w.contactA), project.id, "a.csv", csv)).status).toBe(403);
    expect((await importFile(await as(w.viewer), project.id, "a.csv", csv)).status).toBe(403);
    expect(await requirementCount(project.id)).toBe(0);
  });
});

describe("POST /api/v1/projects/:id/requirements/import", () => {
  it("creates every row as a draft in one go: keys, versions, a document source naming file and row, audit", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const existing = await pm.post(base(project.id), { title: "Export the monthly report as PDF", description: "" });
    expect(existing.status).toBe(201);
    const csv = [
      "Title,Type,MoSCoW,Client priority,Owner,Tags,Acceptance criteria,Description",
      `Single sign-on,security,must,1,${w.dev.email},"auth, sso","Scan to sign in\nLock after five failures",Staff sign in with WeCom.`,
      ",,,,,,,",
      "Export the monthly report as PDF,performance,Should,P2,,,,",
    ].join("\r\n");
    const res = await importFile(pm, project.id, "backlog.csv", csv);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.fileName).toBe("backlog.csv");
    expect(res.body.created.map((c: { key: string; rowNumber: number; title: string }) => [c.key, c.rowNumber, c.title])).toEqual([
      ["REQ-2", 2, "Single sign-on"],
      ["REQ-3", 4, "Export the monthly report as PDF"],
    ]);
    // The second row repeats the requirement that was already there: the finder proposes the pair.
    expect(res.body.proposals.total).toBeGreaterThanOrEqual(1);
    expect(res.body.proposals.requirements).toBeGreaterThanOrEqual(1);

    const [, sso, pdf] = await listAll(pm, project.id);
    expect(sso && content(sso)).toEqual({
      title: "Single sign-on",
      description: "Staff sign in with WeCom.",
      type: "security",
      ownerId: w.dev.id,
      tags: ["auth", "sso"],
      criteria: ["Scan to sign in", "Lock after five failures"],
      moscow: "must",
      clientPriority: 1,
    });
    expect(sso?.status).toBe("draft");
    expect(sso?.sources).toMatchObject([{ kind: "document", label: "backlog.csv, row 2" }]);
    expect(pdf?.sources).toMatchObject([{ kind: "document", label: "backlog.csv, row 4" }]);
    const ids = [sso?.id ?? "", pdf?.id ?? ""];
    const versions = await t.db.select().from(requirementVersions).where(inArray(requirementVersions.requirementId, ids));
    expect(versions.map((v) => [v.version, v.action, v.changedById])).toEqual([
      [1, "create", w.pm.id],
      [1, "create", w.pm.id],
    ]);
    const audit = await t.db.select().from(auditLog).where(inArray(auditLog.entityId, ids));
    expect(audit.map((a) => [a.action, a.actorId, a.projectId])).toEqual([
      ["create", w.pm.id, project.id],
      ["create", w.pm.id, project.id],
    ]);
    expect(audit[0]?.after).toMatchObject({ title: "Single sign-on", sources: [{ kind: "document", label: "backlog.csv, row 2" }] });
    const proposals = await pm.get(`/api/v1/projects/${project.id}/requirement-proposals`);
    expect(proposals.body.items.some((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(pdf?.id ?? ""))).toBe(true);
  });

  it("writes nothing when one row is wrong: 400 with every row's problems and the preview", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const csv = "Title,MoSCoW\nGood one,must\nBad one,sometimes\nAnother good one,\n";
    const before = { requirements: await requirementCount(project.id), audit: await auditCount(), sources: (await t.db.select({ n: count() }).from(requirementSources))[0]?.n };
    for (const language of ["en", "zh-CN"] as const) {
      const res = await importFile(pm, project.id, "partly.csv", csv, language);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.message).toBe(
        language === "en" ? "Rows with errors: 1. Nothing was imported: fix them and upload the file again." : "有错误的行数：1。未导入任何内容：请修正后重新上传文件。",
      );
      expect(res.body.error.details.fields).toEqual([
        {
          path: "rows.3.moscow",
          message:
            language === "en"
              ? "Unknown MoSCoW value “sometimes”. Use one of: Must, Should, Could, Won't (now) (or must, should, could, wont), or leave it empty."
              : "未知的 MoSCoW 值“sometimes”。可用：必须有、应该有、可以有、暂不做（或 must, should, could, wont），也可以留空。",
        },
      ]);
      expect(res.body.error.details.preview).toMatchObject({ fileName: "partly.csv", canImport: false, counts: { rows: 3, ok: 2, withErrors: 1 } });
    }
    expect(await requirementCount(project.id)).toBe(before.requirements);
    expect(await auditCount()).toBe(before.audit);
    expect((await t.db.select({ n: count() }).from(requirementSources))[0]?.n).toBe(before.sources);
  });

  it("creates new requirements for rows whose key names an existing one, and says so in the preview", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    await pm.post(base(project.id), { title: "Login" });
    const csv = "Key,Title\nREQ-1,Login by SSO\nREQ-77,Audit trail\n";
    const seen = await preview(pm, project.id, "keys.csv", csv);
    expect(seen.body.counts).toMatchObject({ ok: 2, withErrors: 0, withWarnings: 1 });
    expect(seen.body.rows[0].warnings).toEqual([
      { field: "key", code: "requirement_import.key_exists", message: "REQ-1 already exists: this row adds a new requirement and leaves REQ-1 as it is." },
    ]);
    const res = await importFile(pm, project.id, "keys.csv", csv);
    expect(res.body.created.map((c: { key: string }) => c.key)).toEqual(["REQ-2", "REQ-3"]);
    expect((await listAll(pm, project.id)).map((r) => r.title)).toEqual(["Login", "Login by SSO", "Audit trail"]);
  });

  it("gives every requirement of two concurrent imports its own key", async () => {
    const project = await freshProject();
    const [pm, dev] = [await as(w.pm), await as(w.dev)];
    const rows = (prefix: string) => `Title\n${Array.from({ length: 30 }, (_, i) => `${prefix} ${i}`).join("\n")}\n`;
    const [a, b] = await Promise.all([importFile(pm, project.id, "a.csv", rows("Alpha")), importFile(dev, project.id, "b.csv", rows("Beta"))]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const keys = [...a.body.created, ...b.body.created].map((c: { key: string }) => c.key);
    expect(new Set(keys).size).toBe(60);
    const numbers = (await t.db.select({ n: requirements.number }).from(requirements).where(eq(requirements.projectId, project.id))).map((r) => r.n).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it("imports a full file of 5,000 rows in one transaction", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const csv = `标题,类型,标签,验收标准\n${Array.from({ length: 5000 }, (_, i) => `需求 ${i},性能,"批量, 导入",第一条\n`).join("")}`;
    const res = await importFile(pm, project.id, "5000.csv", csv, "zh-CN");
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    expect(res.body.created).toHaveLength(5000);
    expect(res.body.created[4999]).toMatchObject({ key: "REQ-5000", rowNumber: 5001, title: "需求 4999" });
    expect(await requirementCount(project.id)).toBe(5000);
    const sources = await t.db.select({ label: requirementSources.label }).from(requirementSources).where(eq(requirementSources.requirementId, res.body.created[4999].id));
    expect(sources).toEqual([{ label: "5000.csv 第 5001 行" }]);
  }, 120_000);
});

describe("export → import", () => {
  it("gives back the same requirements from the CSV (zh-CN) and the XLSX (en) export", async () => {
    const from = await freshProject();
    const pm = await as(w.pm);
    const bodies = [
      {
        title: "单点登录",
        description: "用户通过企业微信登录，支持 \"扫码\", 和密码\n\n- 第二段",
        type: "security",
        ownerId: w.dev.id,
        tags: ["认证", "sso"],
        acceptanceCriteria: [{ text: "扫码可登录" }, { text: "密码错误五次锁定" }],
        moscow: "must",
        clientPriority: 2,
      },
      { title: '=HYPERLINK("http://evil")', type: "functional", moscow: "wont", tags: ["+1", "@team"] },
      { title: "-5 degrees is the minimum", description: "@mention", type: "reliability", ownerId: w.pm.id, clientPriority: 5 },
      { title: "Plain", type: "other" },
    ];
    for (const body of bodies) expect((await pm.post(base(from.id), body)).status).toBe(201);
    // One of them moves on: the status is not imported (imports are drafts), everything else is.
    const sso = (await listAll(pm, from.id))[0] as Detail;
    const moved = await pm.post(`/api/v1/requirements/${sso.id}/transitions`, { to: "in_analysis", version: 1 });
    expect(moved.status).toBe(200);
    const original = (await listAll(pm, from.id)).map(content);

    const csv = await pm.get(`${base(from.id)}/export.csv`, { "accept-language": "zh-CN" });
    const toCsv = await freshProject();
    const viaCsv = await importFile(pm, toCsv.id, "export.csv", Buffer.from(csv.raw.rawPayload), "zh-CN");
    expect(viaCsv.status, JSON.stringify(viaCsv.body)).toBe(201);
    const importedCsv = await listAll(pm, toCsv.id);
    expect(importedCsv.map(content)).toEqual(original);
    expect(importedCsv.map((r) => r.key)).toEqual(["REQ-1", "REQ-2", "REQ-3", "REQ-4"]);
    expect(importedCsv.every((r) => r.status === "draft")).toBe(true);

    const xlsx = await pm.get(`${base(from.id)}/export.xlsx`, { "accept-language": "en" });
    const toXlsx = await freshProject();
    const check = await preview(pm, toXlsx.id, "export.xlsx", Buffer.from(xlsx.raw.rawPayload), "en");
    expect(check.body.columns.map((c: { field: string }) => c.field)).toEqual([
      "key",
      "title",
      "type",
      "status",
      "moscow",
      "clientPriority",
      "owner",
      "tags",
      "acceptanceCriteria",
      "description",
      "updatedAt",
    ]);
    const viaXlsx = await importFile(pm, toXlsx.id, "export.xlsx", Buffer.from(xlsx.raw.rawPayload), "en");
    expect(viaXlsx.status, JSON.stringify(viaXlsx.body)).toBe(201);
    expect((await listAll(pm, toXlsx.id)).map(content)).toEqual(original);

    // Into the project it came from, every row is new: each warns that its key exists.
    const again = await preview(pm, from.id, "export.csv", Buffer.from(csv.raw.rawPayload), "en");
    expect(again.body.counts).toMatchObject({ rows: 4, withErrors: 0, withWarnings: 4 });
  });

  it("reads a workbook the user made in Excel (header names the user's own)", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("需求");
    sheet.addRow(["需求名称", "需求描述", "优先级备注", "客户优先级"]);
    sheet.addRow(["在线支付", { richText: [{ text: "支持" }, { font: { bold: true }, text: "微信支付" }] }, "高", 1]);
    const res = await importFile(pm, project.id, "mine.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()), "zh-CN");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [created] = await listAll(pm, project.id);
    expect(created && content(created)).toMatchObject({ title: "在线支付", description: "支持微信支付", clientPriority: 1 });
  });
});

describe("GET /api/v1/projects/:id/requirements/import/template.csv", () => {
  it("is an empty CSV with the headers in the caller's language, for those who may import", async () => {
    const project = await freshProject();
    const pm = await as(w.pm);
    const zh = await pm.get(`${base(project.id)}/import/template.csv`, { "accept-language": "zh-CN" });
    expect(zh.status).toBe(200);
    expect(zh.headers["content-type"]).toContain("text/csv");
    expect(zh.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("需求导入模板.csv")}`);
    expect(String(zh.raw.body)).toBe("\uFEFF标题,类型,MoSCoW,客户优先级,负责人,标签,验收标准,描述\r\n");
    const en = await pm.get(`${base(project.id)}/import/template.csv`, { "accept-language": "en" });
    expect(String(en.raw.body)).toBe("\uFEFFTitle,Type,MoSCoW,Client priority,Owner,Tags,Acceptance criteria,Description\r\n");
    expect((await (await as(w.contactA)).get(`${base(project.id)}/import/template.csv`)).status).toBe(403);
    expect((await (await as(w.outsider)).get(`${base(project.id)}/import/template.csv`)).status).toBe(404);
  });
});
