/**
 * Every authorisation decision in Jiaofu is made here, from facts the caller loads (the actor, the client a thing
 * belongs to, the actor's role on the project). Routes call `authorize` before any work; the authorisation matrix
 * test (`authorization-matrix.test.ts`) walks every route with every role.
 *
 * Workspace roles: owner/admin run the workspace; member is delivery staff; client is a contact of exactly one
 * client organisation. Project roles: manager, member, viewer, client.
 */
import type { TLocale, TProjectRole, TWorkspaceRole } from "@jiaofu/contracts";
import { AppError } from "./app-error";

export type Actor = {
  userId: string;
  workspaceId: string;
  role: TWorkspaceRole;
  clientId: string | null;
  name: string;
  email: string;
  locale: TLocale;
};

export type WorkspaceAction =
  | "users.list"
  | "users.manage_staff"
  | "users.manage_contacts"
  | "clients.create"
  | "projects.create"
  | "projects.list_all";

export type ClientAction = "client.read" | "client.update" | "client.comment";

export type ProjectAction =
  | "project.read"
  | "project.update"
  | "project.members.manage"
  | "project.comment"
  | "project.attach"
  | "project.audit.read";

/** What the policy needs to know about a project: its client and the actor's membership role on it. */
export type ProjectFacts = { clientId: string; memberRole: TProjectRole | null };

export const isAdmin = (actor: Actor) => actor.role === "owner" || actor.role === "admin";
export const isStaff = (actor: Actor) => actor.role !== "client";

export function canWorkspace(actor: Actor, action: WorkspaceAction): boolean {
  switch (action) {
    case "users.list":
    case "users.manage_contacts":
    case "clients.create":
    case "projects.create":
      return isStaff(actor);
    case "users.manage_staff":
    case "projects.list_all":
      return isAdmin(actor);
  }
}

export function canClient(actor: Actor, action: ClientAction, clientId: string): boolean {
  switch (action) {
    case "client.read":
      return isStaff(actor) || actor.clientId === clientId;
    case "client.update":
    case "client.comment":
      return isStaff(actor);
  }
}

export function canProject(actor: Actor, action: ProjectAction, facts: ProjectFacts): boolean {
  const role = facts.memberRole;
  // A contact sees a project only if it is their organisation's AND they were added to it.
  const contactOnOwnProject = actor.role === "client" && role === "client" && facts.clientId === actor.clientId;
  const canRead = isAdmin(actor) || (isStaff(actor) && role !== null) || contactOnOwnProject;
  switch (action) {
    case "project.read":
      return canRead;
    case "project.update":
    case "project.members.manage":
      return isAdmin(actor) || (isStaff(actor) && role === "manager");
    case "project.comment":
    case "project.attach":
      return canRead && (isAdmin(actor) || role === "manager" || role === "member" || contactOnOwnProject);
    case "project.audit.read":
      return canRead && isStaff(actor);
  }
}

/**
 * Throws when the actor may not act. For reads of a single project or client the caller passes `hideAs404`, so
 * an outsider cannot even learn that the thing exists.
 */
export function authorize(allowed: boolean, hideAs404 = false): void {
  if (!allowed) throw hideAs404 ? new AppError("not_found") : new AppError("forbidden");
}
