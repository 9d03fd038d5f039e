import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { parseCsv } from "../../../test/csv";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);

const base = (projectId: string) => `/api/v1/projects/${projectId}/requirements`;
const ZH_HEADER = ["编号", "标题", "类型", "状态", "MoSCoW", "客户优先级", "负责人", "标签", "验收标准", "描述", "更新时间"];

async function create(client: TestClient, body: Record<string, unknown>) {
  const res = await client.post(base(w.projectA.id), body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; key: string; version: number };
}

async function moveThrough(client: TestClient, id: string, path: string[]) {
  for (const to of path) {
    const current = await client.get(`/api/v1/requirements/${id}`);
    const res = await client.post(`/api/v1/requirements/${id}/transitions`, { to, version: current.body.version });
    expect(res.status, `${to}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

const csvOf = (res: HttpResponse) => String(res.raw.body);

let sso: { id: string; key: string };
let formula: { id: string; key: string };
let draft: { id: string; key: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
  const pm = await as(w.pm);
  sso = await create(pm, {
    title: "单点登录",
    description: "用户通过企业微信登录，支持 \"扫码\", 和密码",
    type: "security",
    ownerId: w.dev.id,
    tags: ["认证", "sso"],
    acceptanceCriteria: [{ text: "扫码可登录" }, { text: "密码错误五次锁定" }],
    moscow: "must",
  });
  formula = await create(pm, { title: '=HYPERLINK("http://evil")', type: "functional", moscow: "should" });
  draft = await create(pm, { title: "Internal draft", type: "functional", moscow: "must" });
  await moveThrough(pm, sso.id, ["in_analysis", "awaiting_client"]);
  await moveThrough(pm, formula.id, ["in_analysis", "awaiting_client"]);
});
afterAll(() => t.close());

describe("GET /api/v1/projects/:id/requirements/export.csv", () => {
  it("writes the filtered list with a BOM, zh-CN headers, and defused formulas", async () => {
    const pm = await as(w.pm);
    const res = await pm.get(`${base(w.projectA.id)}/export.csv?moscow=must&sort=-key`, { "accept-language": "zh-CN" });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const file = `${w.projectA.code}-requirements.csv`;
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="${file}"; filename*=UTF-8''${encodeURIComponent(file)}`);
    const text = csvOf(res);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(ZH_HEADER);
    const listed = (await pm.get(`${base(w.projectA.id)}?moscow=must&sort=-key&limit=200`)).body.items as { key: string; updatedAt: string }[];
    expect(rows.slice(1).map((r) => r[0])).toEqual(listed.map((r) => r.key));
    expect(listed.map((r) => r.key)).toEqual([draft.key, sso.key]);
    const ssoRow = rows.find((r) => r[0] === sso.key);
    expect(ssoRow).toEqual([
      sso.key,
      "单点登录",
      "security",
      "待客户确认",
      "must",
      "",
      expect.any(String),
      "认证, sso",
      "扫码可登录\n密码错误五次锁定",
      "用户通过企业微信登录，支持 \"扫码\", 和密码",
      listed.find((r) => r.key === sso.key)?.updatedAt,
    ]);
    expect(ssoRow?.[6]).not.toBe("");

    const all = parseCsv(csvOf(await pm.get(`${base(w.projectA.id)}/export.csv`, { "accept-language": "en" })).slice(1));
    expect(all[0]?.[0]).toBe("Key");
    expect(all.find((r) => r[0] === formula.key)?.[1]).toBe("'=HYPERLINK(\"http://evil\")");
  });

  it("gives a client contact only what the list gives them: no drafts", async () => {
    const contact = await as(w.contactA);
    const res = await contact.get(`${base(w.projectA.id)}/export.csv`);
    expect(res.status).toBe(200);
    const keys = parseCsv(csvOf(res).slice(1)).slice(1).map((r) => r[0]);
    expect(keys).toContain(sso.key);
    expect(keys).toContain(formula.key);
    expect(keys).not.toContain(draft.key);
    expect(csvOf(res)).not.toContain("Internal draft");
  });

  it("is 404 for another client's contact", async () => {
    const other = await as(w.contactB);
    expect((await other.get(`${base(w.projectA.id)}/export.csv`)).status).toBe(404);
    expect((await other.get(`${base(w.projectA.id)}/export.xlsx`)).status).toBe(404);
  });
});

describe("GET /api/v1/projects/:id/requirements/export.xlsx", () => {
  it("reads back with exceljs, Chinese intact, formulas as text", async () => {
    const pm = await as(w.pm);
    const res = await pm.get(`${base(w.projectA.id)}/export.xlsx?status=awaiting_client`, { "accept-language": "zh-CN" });
    expect(res.status).toBe(200);
    expect(res.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(`${w.projectA.code}-requirements.xlsx`)}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(ZH_HEADER);
    expect(sheet.rowCount).toBe(3);
    const rows = [values(2), values(3)];
    expect(rows.map((r) => r[0])).toEqual([sso.key, formula.key]);
    expect(rows[0]?.slice(1, 5)).toEqual(["单点登录", "security", "待客户确认", "must"]);
    expect(rows[0]?.[8]).toBe("扫码可登录\n密码错误五次锁定");
    expect(rows[1]?.[1]).toBe('=HYPERLINK("http://evil")');
  });
});
