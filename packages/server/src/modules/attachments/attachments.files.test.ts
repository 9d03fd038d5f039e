import { describe, expect, it } from "vitest";
import { cleanFileName, contentDisposition, decideContentType, servedContentType } from "./attachments.files";

describe("decideContentType", () => {
  it("keeps what the bytes are, whatever the name says", () => {
    expect(decideContentType({ mime: "image/png" }, false, "photo.txt")).toEqual({ accepted: true, contentType: "image/png" });
    expect(decideContentType({ mime: "application/pdf" }, false, "合同.pdf")).toEqual({ accepted: true, contentType: "application/pdf" });
  });

  it("falls back to text/plain for text and application/octet-stream for anything else", () => {
    expect(decideContentType(undefined, true, "a.csv")).toEqual({ accepted: true, contentType: "text/plain" });
    expect(decideContentType(undefined, false, "a.bin")).toEqual({ accepted: true, contentType: "application/octet-stream" });
  });

  it("turns formats a browser would run script in into plain text", () => {
    expect(decideContentType({ mime: "application/xml" }, true, "logo.svg")).toEqual({ accepted: true, contentType: "text/plain" });
    expect(decideContentType({ mime: "text/html" }, true, "a.html")).toEqual({ accepted: true, contentType: "text/plain" });
    expect(decideContentType({ mime: "application/xml" }, false, "utf16.xml")).toEqual({ accepted: true, contentType: "application/octet-stream" });
  });

  it("refuses programs by their bytes and by their name", () => {
    for (const mime of ["application/x-msdownload", "application/x-elf", "application/x-mach-binary", "application/vnd.ms-htmlhelp"]) {
      expect(decideContentType({ mime }, false, "harmless.pdf")).toEqual({ accepted: false });
    }
    for (const name of ["setup.exe", "RUN.BAT", "x.ps1", "install.msi", "a.vbs", "tool.jar", "a.js", "b.hta"]) {
      expect(decideContentType(undefined, true, name)).toEqual({ accepted: false });
    }
  });

  it("does not mistake text starting with MZ for a Windows program", () => {
    expect(decideContentType({ mime: "application/x-msdownload" }, true, "notes.md")).toEqual({ accepted: true, contentType: "text/plain" });
  });
});

describe("cleanFileName", () => {
  it("keeps the last path segment without control or direction-override characters", () => {
    expect(cleanFileName("C:\\Users\\li\\需求 v2.docx")).toBe("需求 v2.docx");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("invoice\u202efdp.exe")).toBe("invoicefdp.exe");
    expect(cleanFileName("a\u0000b\nc.txt")).toBe("abc.txt");
  });

  it("names a nameless file 'file' and cuts long names to 255 characters", () => {
    expect(cleanFileName("  ")).toBe("file");
    expect(cleanFileName("/")).toBe("file");
    expect(Array.from(cleanFileName("文".repeat(300)))).toHaveLength(255);
  });
});

describe("contentDisposition", () => {
  it("always says attachment, with an ASCII fallback and the real name per RFC 5987", () => {
    expect(contentDisposition("report.pdf")).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(contentDisposition("需求 v2.pdf")).toBe(`attachment; filename="__ v2.pdf"; filename*=UTF-8''%E9%9C%80%E6%B1%82%20v2.pdf`);
  });

  it("cannot be broken out of by quotes, backslashes or percent signs", () => {
    expect(contentDisposition(`a"; filename="evil.html`)).toBe(`attachment; filename="a_; filename=_evil.html"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.html`);
    expect(contentDisposition("it's (1)*%.txt")).toBe(`attachment; filename="it's (1)*_.txt"; filename*=UTF-8''it%27s%20%281%29%2A%25.txt`);
  });
});

describe("servedContentType", () => {
  it("says text is UTF-8", () => {
    expect(servedContentType("text/plain")).toBe("text/plain; charset=utf-8");
    expect(servedContentType("image/png")).toBe("image/png");
  });
});
