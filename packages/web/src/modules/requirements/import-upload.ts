/**
 * Sending a file to the import endpoints with upload progress. `fetch` cannot report how much of a request body has
 * gone out, so this uses XMLHttpRequest — with the same headers the API client sends (the CSRF token, the UI
 * language) and the same error shape (`ApiError` with the server's localised message and details).
 */
import { ApiError, type TErrorResponse } from "@jiaofu/contracts";
import { CSRF_COOKIE, readCookie } from "../../api";
import { i18n } from "../../i18n";

/** How far the upload is: 0–100, or null while the browser cannot tell. */
export type UploadProgress = number | null;

export type Upload<T> = { done: Promise<T>; abort: () => void };

/** The error an aborted upload rejects with (a person pressed Cancel or closed the dialog). */
export class UploadAborted extends Error {
  constructor() {
    super("upload aborted");
    this.name = "UploadAborted";
  }
}

function parse(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** POSTs `file` as the form part `file` to `url`; `onProgress` follows the upload, the promise the answer. */
export function uploadWithProgress<T>(url: string, file: File, onProgress: (progress: UploadProgress) => void): Upload<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open("POST", url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("accept-language", i18n.language);
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) xhr.setRequestHeader("x-csrf-token", csrf);
    xhr.upload.onprogress = (event) => onProgress(event.lengthComputable && event.total > 0 ? Math.round((event.loaded / event.total) * 100) : null);
    xhr.onload = () => {
      const data = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T);
        return;
      }
      const error = (data as TErrorResponse | undefined)?.error;
      reject(new ApiError(xhr.status, error?.code ?? "internal", error?.message ?? xhr.statusText, error?.details));
    };
    xhr.onerror = () => reject(new Error("network error"));
    xhr.onabort = () => reject(new UploadAborted());
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
