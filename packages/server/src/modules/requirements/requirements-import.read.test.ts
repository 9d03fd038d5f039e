import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { tableToCsv, tableToXlsx } from "../../platform/spreadsheet-export";
import { decodeCsvBytes, detectCsvDelimiter, parseCsvText, readSpreadsheet, xlsxCellText, zipDeclaredUncompressedSize, type SheetReadResult } from "./requirements-import.read";

/**
 * Text → GBK bytes, as Excel on Chinese Windows saves "CSV (逗号分隔)". Node encodes only UTF-8, so the table is
 * built by decoding every two-byte GBK code with the platform's GB18030 decoder and inverting it.
 */
const GBK = (() => {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
})();
function gbk(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(GBK.get(char) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

const rowsOf = (result: SheetReadResult) => {
  if (!result.ok) throw new Error(`not read: ${JSON.stringify(result.problem)}`);
  return result.table.rows;
};

describe("decodeCsvBytes", () => {
  it("reads UTF-8 with and without a byte order mark", () => {
    expect(decodeCsvBytes(Buffer.from("\uFEFF标题,类型", "utf8"))).toEqual({ text: "标题,类型", encoding: "utf-8" });
    expect(decodeCsvBytes(Buffer.from("标题,类型", "utf8"))).toEqual({ text: "标题,类型", encoding: "utf-8" });
  });

  it("reads GBK text (not valid UTF-8) as GB18030", () => {
    const bytes = gbk("标题,描述\r\n单点登录,用户通过企业微信扫码登录\r\n");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsvBytes(bytes)).toEqual({ text: "标题,描述\r\n单点登录,用户通过企业微信扫码登录\r\n", encoding: "gb18030" });
  });

  it("reads UTF-16 with its byte order mark (Excel's 'Unicode text')", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("标题\t类型", "utf16le")]);
    expect(decodeCsvBytes(le)).toEqual({ text: "标题\t类型", encoding: "utf-16le" });
  });
});

describe("detectCsvDelimiter", () => {
  it("takes the separator of the header line, ignoring quoted text and later lines", () => {
    expect(detectCsvDelimiter("Title,Type\nx;y;z;w")).toBe(",");
    expect(detectCsvDelimiter("Title;Type;Owner\n")).toBe(";");
    expect(detectCsvDelimiter("Title\tType\n")).toBe("\t");
    expect(detectCsvDelimiter('"a;b;c",Type\n')).toBe(",");
    expect(detectCsvDelimiter("\n\nTitle;Type\n")).toBe(";");
    expect(detectCsvDelimiter("Title\n")).toBe(",");
  });
});

describe("parseCsvText", () => {
  it("numbers rows as a spreadsheet does: a quoted line break stays in its cell, blank rows keep their place", () => {
    const parsed = parseCsvText('Title,Acceptance criteria\r\n"Login","Scan\r\nPassword"\r\n\r\n"Say ""hi""",x\r\nlast,\n');
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { rowNumber: 1, cells: ["Title", "Acceptance criteria"] },
        { rowNumber: 2, cells: ["Login", "Scan\nPassword"] },
        { rowNumber: 4, cells: ['Say "hi"', "x"] },
        { rowNumber: 5, cells: ["last", ""] },
      ],
    });
  });

  it("takes LF-only files, ragged rows and stray quotes inside unquoted cells", () => {
    expect(parseCsvText('Title,Type\n5" screen\nb,c,d\n')).toEqual({
      ok: true,
      rows: [
        { rowNumber: 1, cells: ["Title", "Type"] },
        { rowNumber: 2, cells: ['5" screen'] },
        { rowNumber: 3, cells: ["b", "c", "d"] },
      ],
    });
  });

  it("names the row where a quote is opened and never closed", () => {
    expect(parseCsvText('Title\nfine\n"broken\nmore\n')).toEqual({ ok: false, row: 3 });
  });
});

describe("readSpreadsheet", () => {
  it("reads the register's own CSV export back (BOM, CRLF, quotes, multi-line cells)", async () => {
    const csv = tableToCsv({ header: ["标题", "验收标准"], rows: [["单点登录, \"扫码\"", "扫码可登录\n密码错误五次锁定"]] });
    const result = await readSpreadsheet(Buffer.from(csv, "utf8"), "export.csv");
    expect(result.ok && result.table.encoding).toBe("utf-8");
    expect(rowsOf(result)).toEqual([
      { rowNumber: 1, cells: ["标题", "验收标准"] },
      { rowNumber: 2, cells: ["单点登录, \"扫码\"", "扫码可登录\n密码错误五次锁定"] },
    ]);
  });

  it("reads a GBK CSV as Excel on Chinese Windows writes it", async () => {
    const result = await readSpreadsheet(gbk("标题,类型\r\n报表导出,性能\r\n"), "需求.csv");
    expect(result.ok && result.table.encoding).toBe("gb18030");
    expect(rowsOf(result)[1]?.cells).toEqual(["报表导出", "性能"]);
  });

  it("reads the register's XLSX export back", async () => {
    const bytes = await tableToXlsx({ header: ["Title", "Client priority"], rows: [["SSO", 3], ["=HYPERLINK(\"x\")", ""]] }, "ACME Requirements");
    const result = await readSpreadsheet(bytes, "export.xlsx");
    expect(result.ok && result.table).toMatchObject({ format: "xlsx", sheetName: "ACME Requirements", encoding: null });
    expect(rowsOf(result)).toEqual([
      { rowNumber: 1, cells: ["Title", "Client priority"] },
      { rowNumber: 2, cells: ["SSO", "3"] },
      { rowNumber: 3, cells: ['=HYPERLINK("x")', ""] },
    ]);
  });

  it("turns XLSX cells of every kind into text, skips empty rows and sheets", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Empty");
    const sheet = workbook.addWorksheet("Data");
    sheet.getCell("A1").value = "Title";
    sheet.getCell("B1").value = "Description";
    sheet.getCell("A3").value = { richText: [{ text: "Rich " }, { font: { bold: true }, text: "title" }] };
    sheet.getCell("B3").value = { formula: "1+1", result: 2 };
    sheet.getCell("A4").value = { text: "Linked", hyperlink: "https://example.com" };
    sheet.getCell("B4").value = new Date(Date.UTC(2025, 0, 2));
    sheet.getCell("C4").value = true;
    const result = await readSpreadsheet(Buffer.from(await workbook.xlsx.writeBuffer()), "mine.xlsx");
    expect(result.ok && result.table.sheetName).toBe("Data");
    expect(rowsOf(result)).toEqual([
      { rowNumber: 1, cells: ["Title", "Description"] },
      { rowNumber: 3, cells: ["Rich title", "2"] },
      { rowNumber: 4, cells: ["Linked", "2025-01-02T00:00:00.000Z", "true"] },
    ]);
    expect(xlsxCellText({ error: "#N/A" } as ExcelJS.CellErrorValue)).toBe("#N/A");
  });

  it("refuses what is not a CSV or XLSX, names a broken workbook, and an empty file", async () => {
    expect(await readSpreadsheet(Buffer.alloc(0), "a.csv")).toEqual({ ok: false, problem: { kind: "empty" } });
    expect(await readSpreadsheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "old.xls")).toEqual({ ok: false, problem: { kind: "unsupported_format" } });
    expect(await readSpreadsheet(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), "picture.csv")).toEqual({ ok: false, problem: { kind: "unsupported_format" } });
    expect(await readSpreadsheet(Buffer.from("Title\nx\n"), "renamed.xlsx")).toEqual({ ok: false, problem: { kind: "unsupported_format" } });
    const notAWorkbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    expect((await readSpreadsheet(notAWorkbook, "broken.xlsx")).ok).toBe(false);
    expect(await readSpreadsheet(Buffer.from('Title\n"open'), "a.csv")).toEqual({ ok: false, problem: { kind: "csv_malformed", row: 2 } });
  });

  it("checks a workbook's declared unpacked size before unzipping it", async () => {
    const bytes = await tableToXlsx({ header: ["Title"], rows: [["x"]] }, "S");
    const declared = zipDeclaredUncompressedSize(bytes);
    expect(declared).toBeGreaterThan(bytes.length);
    expect(declared).toBeLessThan(100_000);
    // The first central-directory entry claims 1 GB unpacked.
    const bomb = Buffer.from(bytes);
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(1_000_000_000, central + 24);
    expect(await readSpreadsheet(bomb, "bomb.xlsx")).toEqual({ ok: false, problem: { kind: "xlsx_too_large" } });
    expect(zipDeclaredUncompressedSize(Buffer.from("not a zip"))).toBe(Infinity);
  });
});
