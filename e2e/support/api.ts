/** The set-up a person would have done before the steps a test is about, through the API as the signed-in user. */
import type { Page } from "playwright-core";

/** Calls the API with the page's session (and its CSRF token); throws with the body unless the answer is 2xx. */
export async function callApi<T = Record<string, unknown>>(page: Page, baseUrl: string, method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", path: string, data?: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === "jiaofu_csrf")?.value ?? "";
  const res = await page.request.fetch(`${baseUrl}${path}`, { method, data, headers: { "x-csrf-token": csrf, origin: baseUrl } });
  if (res.status() >= 300) throw new Error(`${method} ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Creates a project for the client (default: the first), managed by the signed-in user; returns its id. */
export async function createProject(page: Page, baseUrl: string, project: { code: string; name: string; startDate: string; clientId?: string }): Promise<string> {
  const me = await callApi<{ id: string }>(page, baseUrl, "GET", "/api/v1/me");
  const clientId = project.clientId ?? (await callApi<{ items: { id: string }[] }>(page, baseUrl, "GET", "/api/v1/clients")).items[0]?.id;
  const created = await callApi<{ id: string }>(page, baseUrl, "POST", "/api/v1/projects", { ...project, clientId, managerId: me.id });
  return created.id;
}

/** A project's id by its code (from the projects the signed-in user sees). */
export async function projectIdByCode(page: Page, baseUrl: string, code: string): Promise<string> {
  const projects = await callApi<{ items: { id: string; code: string }[] }>(page, baseUrl, "GET", "/api/v1/projects?limit=200");
  const id = projects.items.find((p) => p.code === code)?.id;
  if (!id) throw new Error(`no project ${code}`);
  return id;
}

/** The display name of a project member by e-mail (pickers list people by name). */
export async function memberName(page: Page, baseUrl: string, projectId: string, email: string): Promise<string> {
  const members = await callApi<{ items: { email: string; name: string }[] }>(page, baseUrl, "GET", `/api/v1/projects/${projectId}/members`);
  const member = members.items.find((m) => m.email === email);
  if (!member) throw new Error(`${email} is not on the project`);
  return member.name;
}
