/** The set-up a person would have done before the steps a test is about, through the API as the signed-in user. */
import type { Page } from "playwright-core";

/** Calls the API with the page's session (and its CSRF token); throws with the body unless the answer is 2xx. */
export async function callApi<T = Record<string, unknown>>(page: Page, baseUrl: string, method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", path: string, data?: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === "jiaofu_csrf")?.value ?? "";
  const res = await page.request.fetch(`${baseUrl}${path}`, { method, data, headers: { "x-csrf-token": csrf, origin: baseUrl } });
  if (res.status() >= 300) throw new Error(`${method} ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Creates a project for the first client, managed by the signed-in user; returns its id. */
export async function createProject(page: Page, baseUrl: string, project: { code: string; name: string; startDate: string }): Promise<string> {
  const me = await callApi<{ id: string }>(page, baseUrl, "GET", "/api/v1/me");
  const clients = await callApi<{ items: { id: string }[] }>(page, baseUrl, "GET", "/api/v1/clients");
  const created = await callApi<{ id: string }>(page, baseUrl, "POST", "/api/v1/projects", { ...project, clientId: clients.items[0]?.id, managerId: me.id });
  return created.id;
}
