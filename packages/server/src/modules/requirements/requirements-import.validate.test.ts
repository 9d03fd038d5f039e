import { describe, expect, it } from "vitest";
import { REQUIREMENT_IMPORT_MAX_ROWS } from "@jiaofu/contracts";
import { translate } from "../../platform/messages";
import type { SheetRow } from "./requirements-import.read";
import {
  columnLetter,
  fieldOfHeader,
  importTemplateHeader,
  parseClientPriority,
  planRequirementImport,
  splitTags,
  undoFormulaDefuse,
  type ImportContext,
  type ImportPlan,
} from "./requirements-import.validate";

const DEV = { id: "00000000-0000-4000-8000-000000000001", name: "王伟", email: "wang.wei@example.com" };
const PM = { id: "00000000-0000-4000-8000-000000000002", name: "Li Na", email: "li.na@example.com" };
const TWIN_A = { id: "00000000-0000-4000-8000-000000000003", name: "Zhang Min", email: "zm1@example.com" };
const TWIN_B = { id: "00000000-0000-4000-8000-000000000004", name: "Zhang Min", email: "zm2@example.com" };
const context: ImportContext = { format: "csv", owners: [DEV, PM, TWIN_A, TWIN_B], existingNumbers: new Set([1, 2, 3]) };

/** Rows numbered from 1, as a sheet without blank rows has them. */
const sheet = (...rows: string[][]): SheetRow[] => rows.map((cells, i) => ({ rowNumber: i + 1, cells }));

function planned(plan: ImportPlan) {
  if (!plan.ok) throw new Error(`file refused: ${plan.problem.key}`);
  return plan;
}
const issues = (plan: ImportPlan) =>
  planned(plan).rows.flatMap((row) => row.errors.map((e) => `${row.rowNumber}.${e.field ?? "row"}: ${e.key}`));

describe("headers", () => {
  it("recognises the export's headers in both languages, the codes, and ignores case, width, spaces and *", () => {
    expect(fieldOfHeader("Title")).toBe("title");
    expect(fieldOfHeader("标题")).toBe("title");
    expect(fieldOfHeader(" TITLE* ")).toBe("title");
    expect(fieldOfHeader("ＴＩＴＬＥ")).toBe("title");
    expect(fieldOfHeader("需求名称")).toBe("title");
    expect(fieldOfHeader("Client priority")).toBe("clientPriority");
    expect(fieldOfHeader("clientPriority")).toBe("clientPriority");
    expect(fieldOfHeader("client_priority")).toBe("clientPriority");
    expect(fieldOfHeader("客户优先级")).toBe("clientPriority");
    expect(fieldOfHeader("验收标准")).toBe("acceptanceCriteria");
    expect(fieldOfHeader("Acceptance criteria")).toBe("acceptanceCriteria");
    expect(fieldOfHeader("更新时间")).toBe("updatedAt");
    expect(fieldOfHeader("Estimate")).toBeNull();
  });

  it("maps every header the export writes, in both languages", () => {
    const exported = ["key", "title", "type", "status", "moscow", "client_priority", "owner", "tags", "acceptance_criteria", "description", "updated_at"] as const;
    for (const locale of ["en", "zh-CN"] as const) {
      const fields = exported.map((k) => fieldOfHeader(translate(locale, `requirement_export.${k}`)));
      expect(fields).toEqual(["key", "title", "type", "status", "moscow", "clientPriority", "owner", "tags", "acceptanceCriteria", "description", "updatedAt"]);
    }
  });

  it("writes a template whose every header is recognised", () => {
    expect(importTemplateHeader("zh-CN")).toEqual(["标题", "类型", "MoSCoW", "客户优先级", "负责人", "标签", "验收标准", "描述"]);
    expect(importTemplateHeader("en").map(fieldOfHeader)).toEqual(["title", "type", "moscow", "clientPriority", "owner", "tags", "acceptanceCriteria", "description"]);
  });

  it("names columns as a spreadsheet does", () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
  });

  it("lists recognised, not-kept and unknown columns", () => {
    const plan = planned(planRequirementImport(sheet(["Key", "Title", "Status", "Estimate", "", "Updated at"], ["REQ-9", "x"]), context));
    expect(plan.columns).toEqual([
      { index: 0, letter: "A", header: "Key", field: "key", imported: false, noteKey: "requirement_import.column_key" },
      { index: 1, letter: "B", header: "Title", field: "title", imported: true, noteKey: null },
      { index: 2, letter: "C", header: "Status", field: "status", imported: false, noteKey: "requirement_import.column_status" },
      { index: 3, letter: "D", header: "Estimate", field: null, imported: false, noteKey: "requirement_import.column_unknown" },
      { index: 5, letter: "F", header: "Updated at", field: "updatedAt", imported: false, noteKey: "requirement_import.column_updated_at" },
    ]);
  });
});

describe("problems with the whole file", () => {
  it("refuses a file without a title column, with a column twice, without rows, or with too many rows", () => {
    expect(planRequirementImport([], context)).toMatchObject({ ok: false, problem: { key: "requirement_import.no_header" } });
    expect(planRequirementImport(sheet(["Description"], ["x"]), context)).toMatchObject({ ok: false, problem: { key: "requirement_import.no_title_column" } });
    expect(planRequirementImport(sheet(["Title", "标题"], ["x", "y"]), context)).toEqual({
      ok: false,
      problem: { key: "requirement_import.duplicate_column", params: { first: "A", second: "B", header: "标题" } },
    });
    expect(planRequirementImport(sheet(["Title"]), context)).toMatchObject({ ok: false, problem: { key: "requirement_import.no_rows" } });
    const many = sheet(["Title"], ...Array.from({ length: REQUIREMENT_IMPORT_MAX_ROWS + 1 }, (_, i) => [`R${i}`]));
    expect(planRequirementImport(many, context)).toEqual({
      ok: false,
      problem: { key: "requirement_import.too_many_rows", params: { count: REQUIREMENT_IMPORT_MAX_ROWS + 1, max: REQUIREMENT_IMPORT_MAX_ROWS } },
    });
    const atLimit = sheet(["Title"], ...Array.from({ length: REQUIREMENT_IMPORT_MAX_ROWS }, (_, i) => [`R${i}`]));
    expect(planRequirementImport(atLimit, context).ok).toBe(true);
  });
});

describe("rows", () => {
  const header = ["Title", "Type", "MoSCoW", "Client priority", "Owner", "Tags", "Acceptance criteria", "Description"];

  it("turns a complete row into a requirement, accepting codes and labels in either language", () => {
    const plan = planned(
      planRequirementImport(
        sheet(
          header,
          ["  单点登录 ", "安全", "必须有", "1", "wang.wei@example.com", "认证, sso，SSO、登录", "扫码可登录\n\n 密码错误五次锁定 ", "用户通过企业微信登录"],
          ["Export", "Performance", "Won't (now)", "P2", "li na", "", "", ""],
          ["Audit", "compliance", "should", "3.0", "王伟", "", "", ""],
          ["Report", "", "", "", "", "", "", ""],
        ),
        context,
      ),
    );
    expect(plan.rows.map((r) => [r.errors, r.warnings])).toEqual([[[], []], [[], []], [[], []], [[], []]]);
    expect(plan.rows.map((r) => r.requirement)).toEqual([
      { title: "单点登录", description: "用户通过企业微信登录", type: "security", moscow: "must", clientPriority: 1, ownerId: DEV.id, tags: ["认证", "sso", "登录"], acceptanceCriteria: ["扫码可登录", "密码错误五次锁定"] },
      { title: "Export", description: "", type: "performance", moscow: "wont", clientPriority: 2, ownerId: PM.id, tags: [], acceptanceCriteria: [] },
      { title: "Audit", description: "", type: "compliance", moscow: "should", clientPriority: 3, ownerId: DEV.id, tags: [], acceptanceCriteria: [] },
      { title: "Report", description: "", type: "functional", moscow: null, clientPriority: null, ownerId: null, tags: [], acceptanceCriteria: [] },
    ]);
    expect(plan.rows[0]?.values).toMatchObject({ title: "单点登录", type: "安全", owner: "wang.wei@example.com" });
  });

  it("names every problem by row and column", () => {
    const plan = planRequirementImport(
      sheet(
        header,
        ["", "functional", "", "", "", "", "", "no title"],
        ["Too long", "Feature", "Mustt", "6", "nobody@example.com", "", "", ""],
        ["Ambiguous owner", "", "", "high", "Zhang Min", `${"t".repeat(41)}`, `${"c".repeat(2001)}`, ""],
        ["x".repeat(201), "", "", "", "", Array.from({ length: 21 }, (_, i) => `t${i}`).join(","), Array.from({ length: 51 }, (_, i) => `c${i}`).join("\n"), "d".repeat(50_001)],
      ),
      context,
    );
    expect(issues(plan)).toEqual([
      "2.title: requirement_import.title_required",
      "3.type: requirement_import.unknown_type",
      "3.moscow: requirement_import.unknown_moscow",
      "3.clientPriority: requirement_import.bad_priority",
      "3.owner: requirement_import.unknown_owner",
      "4.clientPriority: requirement_import.bad_priority",
      "4.owner: requirement_import.ambiguous_owner",
      "4.tags: requirement_import.tag_too_long",
      "4.acceptanceCriteria: requirement_import.criterion_too_long",
      "5.title: requirement_import.too_long",
      "5.description: requirement_import.too_long",
      "5.tags: requirement_import.too_many_tags",
      "5.acceptanceCriteria: requirement_import.too_many_criteria",
    ]);
    expect(planned(plan).rows.every((r) => r.requirement === null)).toBe(true);
    const problem = planned(plan).rows[1]?.errors[0];
    expect(problem && translate("zh-CN", problem.key, problem.params)).toBe(
      "未知的类型“Feature”。可用：功能性、性能、安全、易用性、可靠性、合规、其他质量要求（或代码 functional, performance, security, usability, reliability, compliance, other）。",
    );
    expect(problem && translate("en", problem.key, problem.params)).toContain("Use one of: Functional, Performance, Security");
    const long = planned(plan).rows[3]?.errors[0];
    expect(long && translate("en", long.key, long.params)).toBe("Too long: 201 characters, at most 200.");
    expect(planned(plan).rows[3]?.values.title).toHaveLength(201);
    expect(planned(plan).rows[3]?.values.description).toHaveLength(300);
    expect(planned(plan).rows[3]?.values.description?.endsWith("…")).toBe(true);
  });

  it("refuses a row that repeats an earlier one (same title and description, ignoring case and spaces)", () => {
    const plan = planRequirementImport(sheet(["Title", "Description"], ["Login", "By SSO"], ["Login", "By password"], [" login ", "by  SSO"]), context);
    expect(issues(plan)).toEqual(["4.title: requirement_import.duplicate_row"]);
    expect(planned(plan).rows[2]?.errors[0]?.params).toEqual({ row: 2 });
  });

  it("warns, without refusing, about a key that names an existing requirement", () => {
    const plan = planned(planRequirementImport(sheet(["Key", "Title"], ["REQ-2", "Updated login"], ["REQ-99", "New one"], ["", "Third"]), context));
    expect(plan.rows.map((r) => r.errors)).toEqual([[], [], []]);
    expect(plan.rows.map((r) => r.warnings.map((w) => [w.field, w.key, w.params]))).toEqual([[["key", "requirement_import.key_exists", { key: "REQ-2" }]], [], []]);
  });

  it("removes the apostrophe the CSV export puts before formulas, only in CSV", () => {
    const rows = sheet(["Title"], ["'=HYPERLINK(\"x\")"], ["'quoted"]);
    expect(planned(planRequirementImport(rows, context)).rows.map((r) => r.requirement?.title)).toEqual(['=HYPERLINK("x")', "'quoted"]);
    expect(planned(planRequirementImport(rows, { ...context, format: "xlsx" })).rows[0]?.requirement?.title).toBe("'=HYPERLINK(\"x\")");
    expect(undoFormulaDefuse("'+1")).toBe("+1");
    expect(undoFormulaDefuse("'-")).toBe("-");
  });
});

describe("value helpers", () => {
  it("reads client priorities", () => {
    expect(["", "1", " 5 ", "3.0", "P2", "p 4", "０３"].map(parseClientPriority)).toEqual([null, 1, 5, 3, 2, 4, undefined]);
    expect(["0", "6", "1.5", "high", "-1"].map(parseClientPriority)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("splits tags on every common separator", () => {
    expect(splitTags("a, b，c;d；e、f\ng,, ")).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
  });
});
