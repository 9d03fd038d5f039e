/**
 * The bytes of attachments on disk, under `<data dir>/attachments/<yyyy>/<mm>/<uuid>` (the `storage_key` is the
 * part after `attachments/`), and the decisions about them that need no database: what type a file really is,
 * which files we refuse, what name we keep and how a download names it. See docs/decisions/0005-attachments.md.
 */
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileTypeFromFile } from "file-type";

/**
 * Native programs and installers, found by their bytes. A `.zip` holding one is accepted: unpacking is a
 * deliberate step, double-clicking a download is not.
 */
const EXECUTABLE_TYPES = new Set([
  "application/x-msdownload", // Windows .exe/.dll ("MZ")
  "application/vnd.microsoft.portable-executable",
  "application/x-elf",
  "application/x-mach-binary",
  "application/x-ms-regedit",
  "application/vnd.ms-htmlhelp", // .chm: compiled HTML that runs script
  "application/java-archive",
]);

/** Names that run when opened on a desktop, whatever the bytes are (scripts are plain text). */
const EXECUTABLE_EXTENSIONS = new Set([
  "exe", "dll", "com", "scr", "pif", "cpl", "msi", "msp", "msc", "bat", "cmd", "vbs", "vbe", "js", "jse", "wsf",
  "wsh", "hta", "ps1", "psm1", "reg", "lnk", "scf", "jar", "command", "app",
]);

/**
 * Formats a browser would run script in if it ever rendered them in our origin. Kept, but stored and served as
 * plain text (downloads only): a page or SVG someone attached can never execute as Jiaofu.
 */
const ACTIVE_TYPES = new Set(["text/html", "application/xhtml+xml", "image/svg+xml", "application/xml", "text/xml"]);

export type ContentTypeDecision = { accepted: true; contentType: string } | { accepted: false };

/**
 * The type we store and serve, from what the bytes are — never from what the uploader claimed.
 *
 * @param sniffed what `file-type` recognised from the magic bytes, if anything
 * @param isText the whole file is valid UTF-8 without NUL bytes
 * @example
 * decideContentType({ mime: "image/png" }, false, "photo.txt") // { accepted: true, contentType: "image/png" }
 * decideContentType(undefined, true, "page.html")              // { accepted: true, contentType: "text/plain" }
 * decideContentType({ mime: "application/x-msdownload" }, false, "setup.pdf") // { accepted: false }
 * decideContentType(undefined, true, "run.bat")                // { accepted: false }
 */
export function decideContentType(sniffed: { mime: string } | undefined, isText: boolean, fileName: string): ContentTypeDecision {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  if (EXECUTABLE_EXTENSIONS.has(extension)) return { accepted: false };
  // `file-type` calls anything starting "MZ" a Windows program; real ones are full of NUL bytes, text is not.
  const mime = sniffed && !(isText && EXECUTABLE_TYPES.has(sniffed.mime)) ? sniffed.mime : undefined;
  if (mime && EXECUTABLE_TYPES.has(mime)) return { accepted: false };
  if (mime && !ACTIVE_TYPES.has(mime)) return { accepted: true, contentType: mime };
  return { accepted: true, contentType: isText ? "text/plain" : "application/octet-stream" };
}

/** What the response header says for a stored type: text is always UTF-8 (that is how we recognised it). */
export const servedContentType = (contentType: string) => (contentType === "text/plain" ? "text/plain; charset=utf-8" : contentType);

/**
 * The name we keep: the last path segment, without control characters or the bidirectional overrides that make
 * `invoice\u202Efdp.exe` look like `invoiceexe.pdf`, at most 255 characters; "file" if nothing is left.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.normalize("NFC").replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim();
  return Array.from(cleaned).slice(0, 255).join("") || "file";
}

/**
 * `Content-Disposition` for a download: always `attachment`, an ASCII `filename` for old clients and the real name
 * as RFC 5987 `filename*` (Chinese names survive).
 *
 * @example
 * contentDisposition("需求 v2.pdf") // `attachment; filename="__ v2.pdf"; filename*=UTF-8''%E9%9C%80%E6%B1%82%20v2.pdf`
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Checks, chunk by chunk, that a stream is UTF-8 text without NUL bytes. */
function createTextDetector() {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let text = true;
  return {
    push(chunk: Buffer) {
      if (!text) return;
      if (chunk.includes(0)) text = false;
      else {
        try {
          decoder.decode(chunk, { stream: true });
        } catch {
          text = false;
        }
      }
    },
    /** True if everything pushed was text (a sequence cut off at the end is not). */
    end(): boolean {
      if (!text) return false;
      try {
        decoder.decode();
        return true;
      } catch {
        return false;
      }
    },
  };
}

export type ReceivedFile = {
  storageKey: string;
  /** The finished file's path; the file exists only after `commit`. */
  path: string;
  tempPath: string;
  size: number;
  sha256: string;
  isText: boolean;
  /** The upload hit the size limit: the temporary file holds only its beginning. */
  truncated: boolean;
};

export function createAttachmentFiles(rootDir: string) {
  const pathOf = (storageKey: string) => path.join(rootDir, storageKey);

  return {
    pathOf,

    /**
     * Streams an upload to a temporary file beside its final place, hashing it and checking for text on the way.
     * Nothing is visible under the final name until `commit`; on any failure the temporary file is removed.
     */
    receive: async (source: Readable & { truncated?: boolean }, now: Date): Promise<ReceivedFile> => {
      const yyyy = String(now.getUTCFullYear());
      const mm = String(now.getUTCMonth() + 1).padStart(2, "0");
      const storageKey = `${yyyy}/${mm}/${randomUUID()}`;
      const finalPath = pathOf(storageKey);
      const tempPath = `${finalPath}.part`;
      await mkdir(path.dirname(finalPath), { recursive: true });
      const hash = createHash("sha256");
      const text = createTextDetector();
      let size = 0;
      const inspect = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          text.push(chunk);
          size += chunk.length;
          callback(null, chunk);
        },
      });
      try {
        await pipeline(source, inspect, createWriteStream(tempPath, { flags: "wx" }));
      } catch (error) {
        await rm(tempPath, { force: true });
        throw error;
      }
      return { storageKey, path: finalPath, tempPath, size, sha256: hash.digest("hex"), isText: text.end(), truncated: source.truncated === true };
    },

    /** What the bytes of a received (not yet committed) file are. */
    sniff: async (file: ReceivedFile) => fileTypeFromFile(file.tempPath),

    /** Moves the finished file to its final name: atomic, so no reader ever sees half a file. */
    commit: async (file: ReceivedFile) => {
      await rename(file.tempPath, file.path);
    },

    /** Removes a received file, committed or not. */
    discard: async (file: ReceivedFile) => {
      await rm(file.tempPath, { force: true });
      await rm(file.path, { force: true });
    },

    /** The size of a stored file, or undefined when it is missing on disk. */
    sizeOf: async (storageKey: string) => {
      try {
        return (await stat(pathOf(storageKey))).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },

    open: (storageKey: string) => createReadStream(pathOf(storageKey)),

    /** Erases a stored file for good; false when it was not there (already purged, or never committed). */
    remove: async (storageKey: string): Promise<boolean> => {
      // The key comes from a row (maybe from a restored backup): never erase anything outside the attachments.
      const relative = path.relative(rootDir, pathOf(storageKey));
      if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) throw new Error(`storage key outside the attachments directory: ${storageKey}`);
      try {
        await unlink(pathOf(storageKey));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
        throw error;
      }
    },
  };
}
export type AttachmentFiles = ReturnType<typeof createAttachmentFiles>;
