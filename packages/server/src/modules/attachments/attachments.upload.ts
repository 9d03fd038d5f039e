/**
 * Reading one uploaded file into memory, for imports that parse it whole (requirements CSV/XLSX, MS Project XML,
 * plan CSV): the multipart part must be the field `file`, and reading stops at the limit (413 with the limit in MB).
 */
import { AppError, fieldError } from "../../platform/app-error";
import { cleanFileName } from "./attachments.files";
import type { IncomingFile } from "./attachments.service";

export type UploadedFile = { fileName: string; bytes: Buffer };

export async function receiveUploadedFile(readFile: () => Promise<IncomingFile | undefined>, maxMegabytes: number): Promise<UploadedFile> {
  const maxBytes = Math.floor(maxMegabytes * 1024 * 1024);
  const part = await readFile();
  if (!part || part.fieldname !== "file") {
    part?.file.resume();
    throw fieldError("body.file", "attachment.missing");
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.file) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > maxBytes) break;
    chunks.push(bytes);
  }
  if (size > maxBytes || part.file.truncated) {
    part.file.resume();
    throw new AppError("payload_too_large", "payload_too_large", { limitMb: maxMegabytes });
  }
  return { fileName: cleanFileName(part.filename), bytes: Buffer.concat(chunks) };
}
