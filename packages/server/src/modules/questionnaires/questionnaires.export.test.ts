import { describe, expect, it } from "vitest";
import { defuseFormula, tableToCsv } from "../../platform/spreadsheet-export";
import { attachmentDisposition, responsesTable } from "./questionnaires.export";

describe("tableToCsv", () => {
  it("writes RFC 4180 with a BOM: CRLF records, quoted fields, doubled quotes", () => {
    expect(tableToCsv({ header: ["a", "b"], rows: [["x,y", 3], ['say "hi"\nthere', ""]] })).toBe('\uFEFFa,b\r\n"x,y",3\r\n"say ""hi""\nthere",\r\n');
  });

  it("defuses text a spreadsheet would run as a formula, and leaves numbers alone", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "ok", "1-2"].map(defuseFormula)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "ok", "1-2"]);
    expect(tableToCsv({ header: ["n"], rows: [[-1]] })).toBe("\uFEFFn\r\n-1\r\n");
  });
});

describe("responsesTable", () => {
  const definition = {
    sections: [
      {
        id: "s",
        title: "",
        description: "",
        questions: [
          { id: "q1", kind: "multiple_choice" as const, text: "模块", description: "", required: false, options: [{ id: "a", label: "财务" }, { id: "b", label: "HR" }] },
          { id: "q2", kind: "nps" as const, text: "NPS", description: "", required: true, lowLabel: "", highLabel: "" },
        ],
      },
    ],
  };
  const response = { id: "r1", submittedAt: new Date("2025-01-02T03:04:05.000Z"), channel: "public" as const, respondentName: "Li", answers: { q1: ["a", "b"], q2: 9 } };

  it("puts one response per row, choices as labels, and drops the respondent column when anonymous", () => {
    expect(responsesTable(definition, [response], { anonymous: false, locale: "en" })).toEqual({
      header: ["Response", "Submitted at", "Channel", "Respondent", "模块", "NPS"],
      rows: [["r1", "2025-01-02T03:04:05.000Z", "Public link", "Li", "财务; HR", 9]],
    });
    expect(responsesTable(definition, [{ ...response, answers: {} }], { anonymous: true, locale: "zh-CN" })).toEqual({
      header: ["答卷", "提交时间", "渠道", "模块", "NPS"],
      rows: [["r1", "2025-01-02T03:04:05.000Z", "公开链接", "", ""]],
    });
  });
});

describe("attachmentDisposition", () => {
  it("gives an ASCII fallback and the real name in UTF-8", () => {
    expect(attachmentDisposition("id", '需求/调研"问卷', "csv")).toBe(`attachment; filename="questionnaire-id.csv"; filename*=UTF-8''${encodeURIComponent("需求 调研 问卷.csv")}`);
  });
});
