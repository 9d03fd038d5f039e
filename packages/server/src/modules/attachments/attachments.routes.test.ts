import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../../test/harness";
import { attachments, auditLog } from "../../db/schema";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiaofu-attachments-"));
const storeDir = path.join(dataDir, "attachments");
let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;

/** A 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
/** The start of a Windows program: "MZ", then the DOS stub, full of NUL bytes. */
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(58), Buffer.from("This program cannot be run in DOS mode."), Buffer.alloc(64)]);
const SECRET_FILE_B = "client-b-contract.txt";

type Part = { name?: string; filename?: string; contentType?: string; data: Buffer | string };

/** A multipart/form-data body, the way a browser's FormData sends it (raw UTF-8 file names). */
function multipart(parts: Part[]) {
  const boundary = `----jiaofu${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name ?? "file"}"`;
    if (p.filename !== undefined) head += `; filename="${p.filename}"\r\nContent-Type: ${p.contentType ?? "application/octet-stream"}`;
    chunks.push(Buffer.from(`${head}\r\n\r\n`, "utf8"), Buffer.from(p.data), Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(client: TestClient, url: string, parts: Part[], headers: Record<string, string> = {}) {
  const body = multipart(parts);
  return client.inject({ method: "POST", url, payload: body.payload, headers: { "content-type": body.contentType, ...headers } });
}

/** Every file under the attachment store, relative to it. */
function storedFiles(): string[] {
  if (!fs.existsSync(storeDir)) return [];
  return (fs.readdirSync(storeDir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(storeDir, f)).isFile()).sort();
}

const projectFiles = () => `/api/v1/projects/${w.projectA.id}/attachments`;
const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

beforeAll(async () => {
  // 0.01 MB = 10 485 bytes: small enough to test the limit cheaply.
  t = await createTestApp({ config: { JIAOFU_MAX_UPLOAD_MB: "0.01", JIAOFU_DATA_DIR: dataDir } });
  w = await t.seedWorkspace();
  const pm = await t.as(w.pm);
  const first = await upload(pm, `/api/v1/projects/${w.projectB.id}/attachments`, [{ filename: SECRET_FILE_B, data: "B only" }]);
  expect(first.body).toMatchObject({ fileName: SECRET_FILE_B });
  expect((await upload(pm, `/api/v1/clients/${w.clientB.id}/attachments`, [{ filename: SECRET_FILE_B, data: "B only" }])).status).toBe(201);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("attachments", () => {
  it("stores an upload under <data dir>/attachments/<yyyy>/<mm>/<uuid> and lists it", async () => {
    const pm = await t.as(w.pm);
    const content = "验收标准\nAcceptance criteria v2\n";
    const res = await upload(pm, projectFiles(), [{ filename: "需求说明.txt", contentType: "text/plain", data: content }]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      entityType: "project",
      entityId: w.projectA.id,
      fileName: "需求说明.txt",
      contentType: "text/plain",
      size: Buffer.byteLength(content),
      sha256: sha256(content),
      uploaderId: w.pm.id,
      uploaderName: w.pm.email,
    });
    expect(res.body).not.toHaveProperty("storageKey");
    const [row] = await t.db.select().from(attachments).where(eq(attachments.id, res.body.id));
    const now = new Date();
    expect(row?.storageKey).toMatch(new RegExp(`^${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/[0-9a-f-]{36}$`));
    expect(fs.readFileSync(path.join(storeDir, row?.storageKey ?? "")).toString("utf8")).toBe(content);
    expect(storedFiles().filter((f) => f.endsWith(".part"))).toEqual([]);
    const list = await pm.get(projectFiles());
    expect(list.status).toBe(200);
    expect(list.body.items[0].id).toBe(res.body.id);
  });

  it("downloads identical bytes as an attachment, never to be sniffed or rendered", async () => {
    const contact = await t.as(w.contactA);
    const up = await upload(contact, projectFiles(), [{ filename: "截图 (最终版).png", contentType: "image/png", data: PNG }]);
    expect(up.status).toBe(201);
    const res = await contact.get(`/api/v1/attachments/${up.body.id}/content`);
    expect(res.status).toBe(200);
    expect(Buffer.compare(res.raw.rawPayload, PNG)).toBe(0);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers["content-length"]).toBe(String(PNG.length));
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="__ (___).png"; filename*=UTF-8''%E6%88%AA%E5%9B%BE%20%28%E6%9C%80%E7%BB%88%E7%89%88%29.png`,
    );
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
    expect(res.headers["cache-control"]).toBe("private, no-cache");
    expect(res.headers.etag).toBe(`"${sha256(PNG)}"`);
    const again = await contact.get(`/api/v1/attachments/${up.body.id}/content`, { "if-none-match": `"${sha256(PNG)}"` });
    expect(again.status).toBe(304);
  });

  it("trusts the bytes, not the name or the claimed type: a PNG named .txt is an image", async () => {
    const res = await upload(await t.as(w.dev), projectFiles(), [{ filename: "notes.txt", contentType: "text/plain", data: PNG }]);
    expect(res.status).toBe(201);
    expect(res.body.contentType).toBe("image/png");
  });

  it("falls back to text/plain for UTF-8 text and application/octet-stream for unknown bytes", async () => {
    const dev = await t.as(w.dev);
    const text = await upload(dev, projectFiles(), [{ filename: "data.csv", contentType: "application/x-whatever", data: "a,b\n1,二\n" }]);
    expect(text.body.contentType).toBe("text/plain");
    const binary = await upload(dev, projectFiles(), [{ filename: "blob.bin", data: Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x80]) }]);
    expect(binary.body.contentType).toBe("application/octet-stream");
    const latin1 = await upload(dev, projectFiles(), [{ filename: "old.txt", data: Buffer.from([0x63, 0x61, 0x66, 0xe9]) }]);
    expect(latin1.body.contentType).toBe("application/octet-stream");
  });

  it("keeps HTML and SVG only as plain-text downloads, so they can never run as Jiaofu", async () => {
    const dev = await t.as(w.dev);
    const html = "<!doctype html><html><body><script>fetch('/api/v1/me')</script></body></html>";
    const up = await upload(dev, projectFiles(), [{ filename: "page.html", contentType: "text/html", data: html }]);
    expect(up.status).toBe(201);
    expect(up.body.contentType).toBe("text/plain");
    const res = await dev.get(`/api/v1/attachments/${up.body.id}/content`);
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(res.raw.body).toBe(html);
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
    const svgUp = await upload(dev, projectFiles(), [{ filename: "logo.svg", contentType: "image/svg+xml", data: svg }]);
    expect(svgUp.status).toBe(201);
    expect(svgUp.body.contentType).toBe("text/plain");
  });

  it("refuses programs and scripts with 415, by their bytes or their name, keeping nothing", async () => {
    const dev = await t.as(w.dev);
    const rowsBefore = (await dev.get(projectFiles())).body.items.length;
    const filesBefore = storedFiles();
    const exe = await upload(dev, projectFiles(), [{ filename: "setup.exe", data: EXE }], { "accept-language": "en" });
    expect(exe.status).toBe(415);
    expect(exe.body.error).toEqual({ code: "unsupported_media_type", message: "Programs and scripts (.exe, .bat, .ps1 …) are not accepted as attachments." });
    const disguised = await upload(dev, projectFiles(), [{ filename: "invoice.pdf", contentType: "application/pdf", data: EXE }], { "accept-language": "zh-CN" });
    expect(disguised.status).toBe(415);
    expect(disguised.body.error.message).toBe("不接受程序和脚本文件（.exe、.bat、.ps1 等）作为附件。");
    expect((await upload(dev, projectFiles(), [{ filename: "run.BAT", data: "@echo off\r\ndel /q *\r\n" }])).status).toBe(415);
    // A right-to-left override must not smuggle an extension past the check ("invoice‮fdp.exe" shows as "invoiceexe.pdf").
    expect((await upload(dev, projectFiles(), [{ filename: "invoice\u202efdp.exe", data: EXE }])).status).toBe(415);
    expect((await dev.get(projectFiles())).body.items.length).toBe(rowsBefore);
    expect(storedFiles()).toEqual(filesBefore);
  });

  it("accepts text that merely starts with MZ", async () => {
    const res = await upload(await t.as(w.dev), projectFiles(), [{ filename: "mz.md", data: "MZ is the Mozambique country code.\n" }]);
    expect(res.status).toBe(201);
    expect(res.body.contentType).toBe("text/plain");
  });

  it("refuses a file over the limit with 413 and a localised message naming the limit, keeping nothing", async () => {
    const dev = await t.as(w.dev);
    const rowsBefore = await t.db.select().from(attachments);
    const filesBefore = storedFiles();
    const big = Buffer.alloc(20_000, "a");
    const en = await upload(dev, projectFiles(), [{ filename: "big.txt", data: big }], { "accept-language": "en" });
    expect(en.status).toBe(413);
    expect(en.body.error).toEqual({ code: "payload_too_large", message: "The file is too large (at most 0.01 MB)." });
    const zh = await upload(dev, projectFiles(), [{ filename: "big.txt", data: big }], { "accept-language": "zh-CN" });
    expect(zh.status).toBe(413);
    expect(zh.body.error.message).toBe("文件过大（最大 0.01 MB）。");
    expect((await t.db.select().from(attachments)).length).toBe(rowsBefore.length);
    expect(storedFiles()).toEqual(filesBefore);
  });

  it("answers a request without a file, an empty file or a bad id with 400 and field messages", async () => {
    const dev = await t.as(w.dev);
    const noFile = await upload(dev, projectFiles(), [{ name: "note", data: "hello" }], { "accept-language": "en" });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.details.fields).toEqual([{ path: "body.file", message: "No file was sent." }]);
    const wrongField = await upload(dev, projectFiles(), [{ name: "upload", filename: "a.txt", data: "x" }], { "accept-language": "zh-CN" });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error).toMatchObject({ message: "部分字段无效。", details: { fields: [{ path: "body.file", message: "未收到文件。" }] } });
    const json = await dev.post(projectFiles(), { file: "not really" }, { "accept-language": "en" });
    expect(json.status).toBe(400);
    expect(json.body.error.details.fields[0].path).toBe("body.file");
    const empty = await upload(dev, projectFiles(), [{ filename: "empty.txt", data: "" }], { "accept-language": "en" });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields).toEqual([{ path: "body.file", message: "The file is empty." }]);
    const badId = await upload(dev, "/api/v1/projects/nope/attachments", [{ filename: "a.txt", data: "x" }], { "accept-language": "en" });
    expect(badId.status).toBe(400);
    expect(badId.body.error.details.fields).toEqual([{ path: "params.entityId", message: "Not a valid id." }]);
    expect((await dev.get("/api/v1/attachments/nope/content")).status).toBe(400);
    expect(storedFiles().filter((f) => f.endsWith(".part"))).toEqual([]);
  });

  it("keeps the name a person gave, minus paths and control characters", async () => {
    const dev = await t.as(w.dev);
    const res = await upload(dev, projectFiles(), [{ filename: "..\\..\\etc\\合同\u0007.txt", data: "x" }]);
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe("合同.txt");
  });

  it("requires sign-in", async () => {
    const anon = t.anonymous();
    const id = (await (await t.as(w.pm)).get(projectFiles())).body.items[0].id;
    expect((await anon.get(projectFiles())).status).toBe(401);
    expect((await upload(anon, projectFiles(), [{ filename: "a.txt", data: "x" }])).status).toBe(401);
    expect((await anon.get(`/api/v1/attachments/${id}/content`)).status).toBe(401);
    expect((await anon.delete(`/api/v1/attachments/${id}`)).status).toBe(401);
  });

  it("hides another client's files from a contact (404, no data) and staff notes from their own client (403)", async () => {
    const contact = await t.as(w.contactA);
    const filesBefore = storedFiles();
    for (const url of [`/api/v1/projects/${w.projectB.id}/attachments`, `/api/v1/clients/${w.clientB.id}/attachments`]) {
      const list = await contact.get(url);
      expect(list.status).toBe(404);
      expect(JSON.stringify(list.body)).not.toContain(SECRET_FILE_B);
      expect((await upload(contact, url, [{ filename: "x.txt", data: "x" }])).status).toBe(404);
    }
    expect(storedFiles()).toEqual(filesBefore);
    const bFiles = await t.db.select().from(attachments).where(eq(attachments.fileName, SECRET_FILE_B));
    expect(bFiles).toHaveLength(2);
    for (const file of bFiles) {
      const download = await contact.get(`/api/v1/attachments/${file.id}/content`);
      expect(download.status).toBe(404);
      expect(download.raw.body).not.toContain("B only");
      expect((await contact.delete(`/api/v1/attachments/${file.id}`)).status).toBe(404);
    }
    expect((await contact.get(`/api/v1/clients/${w.clientA.id}/attachments`)).status).toBe(403);
    expect((await upload(contact, `/api/v1/clients/${w.clientA.id}/attachments`, [{ filename: "x.txt", data: "x" }])).status).toBe(403);
    expect((await (await t.as(w.outsider)).get(projectFiles())).status).toBe(404);
  });

  it("lets a viewer list and download but not upload (403)", async () => {
    const viewer = await t.as(w.viewer);
    const list = await viewer.get(projectFiles());
    expect(list.status).toBe(200);
    expect((await viewer.get(`/api/v1/attachments/${list.body.items[0].id}/content`)).status).toBe(200);
    const res = await upload(viewer, projectFiles(), [{ filename: "a.txt", data: "x" }], { "accept-language": "en" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
  });

  it("lets the uploader, the project manager or an admin remove a file, softly, and audits upload and removal", async () => {
    const contact = await t.as(w.contactA);
    const dev = await t.as(w.dev);
    const pm = await t.as(w.pm);
    const mine = (await upload(contact, projectFiles(), [{ filename: "brief.txt", data: "brief" }])).body;
    expect((await dev.delete(`/api/v1/attachments/${mine.id}`)).status).toBe(403);
    expect((await pm.delete(`/api/v1/attachments/${mine.id}`)).status).toBe(204);
    expect((await pm.get(projectFiles())).body.items.map((a: { id: string }) => a.id)).not.toContain(mine.id);
    expect((await pm.get(`/api/v1/attachments/${mine.id}/content`)).status).toBe(404);
    expect((await pm.delete(`/api/v1/attachments/${mine.id}`)).status).toBe(404);
    const [row] = await t.db.select().from(attachments).where(eq(attachments.id, mine.id));
    expect(row?.deletedAt).toBeInstanceOf(Date);
    // Soft: the bytes stay for the history and backups.
    expect(fs.existsSync(path.join(storeDir, row?.storageKey ?? ""))).toBe(true);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "attachment"), eq(auditLog.entityId, mine.id)))
      .orderBy(auditLog.id);
    expect(audit.map((a) => [a.action, a.actorId, a.projectId])).toEqual([
      ["create", w.contactA.id, w.projectA.id],
      ["delete", w.pm.id, w.projectA.id],
    ]);
    expect((audit[0]?.after as { sha256: string }).sha256).toBe(sha256("brief"));

    const own = (await upload(dev, projectFiles(), [{ filename: "own.txt", data: "own" }])).body;
    expect((await dev.delete(`/api/v1/attachments/${own.id}`)).status).toBe(204);
    const other = (await upload(dev, `/api/v1/users/${w.contactA.id}/attachments`, [{ filename: "card.txt", data: "card" }])).body;
    // On a person there is no project manager: the pm of some project is just staff here.
    expect((await pm.delete(`/api/v1/attachments/${other.id}`)).status).toBe(403);
    expect((await (await t.as(w.admin)).delete(`/api/v1/attachments/${other.id}`)).status).toBe(204);
  });

  it("removes the stored file when the database refuses the row", async () => {
    const dev = await t.as(w.dev);
    const filesBefore = storedFiles();
    await t.database.exec(`
      create function jiaofu_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$;
      create trigger jiaofu_test_refuse before insert on attachments for each row execute function jiaofu_test_refuse();
    `);
    try {
      const res = await upload(dev, projectFiles(), [{ filename: "doomed.txt", data: "doomed" }]);
      expect(res.status).toBe(500);
    } finally {
      await t.database.exec("drop trigger jiaofu_test_refuse on attachments; drop function jiaofu_test_refuse();");
    }
    expect(storedFiles()).toEqual(filesBefore);
  });
});
