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

export type ClientAction =
  | "client.read"
  | "client.update"
  | "client.comment"
  | "client.attach"
  | "client.collaboration.read"
  | "client.audit.read";

export type UserAction = "user.read" | "user.update" | "user.change_role" | "user.reset_password";

/** What the policy needs to know about a person being read or managed. */
export type UserFacts = { userId: string; role: TWorkspaceRole };

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
    // Comments and files on a client record are the delivery team's notes: a contact may read the client,
    // but not what staff wrote about it.
    case "client.update":
    case "client.comment":
    case "client.attach":
    case "client.collaboration.read":
    case "client.audit.read":
      return isStaff(actor);
  }
}

/**
 * A person's record as the subject of comments, files and history (whether the person is visible at all is
 * `canUser(actor, "user.read", …)`). These are the delivery team's notes: a contact, who can see their own record,
 * still may not read what staff wrote about them.
 */
export type UserRecordAction = "user.collaboration.read" | "user.comment" | "user.attach" | "user.audit.read";

export function canUserRecord(actor: Actor, action: UserRecordAction): boolean {
  switch (action) {
    case "user.collaboration.read":
    case "user.comment":
    case "user.attach":
    case "user.audit.read":
      return isStaff(actor);
  }
}

/** Only the author edits a comment (it is their words); the author or an admin removes it. */
export const canEditComment = (actor: Actor, authorId: string) => actor.userId === authorId;
export const canRemoveComment = (actor: Actor, authorId: string) => actor.userId === authorId || isAdmin(actor);

/**
 * The uploader, an admin, or — for a file on a project or anything inside one — that project's manager
 * removes an attachment. `project` is null for files on clients and people.
 */
export function canRemoveAttachment(actor: Actor, uploaderId: string, project: ProjectFacts | null): boolean {
  return actor.userId === uploaderId || isAdmin(actor) || (project !== null && isStaff(actor) && project.memberRole === "manager");
}

/**
 * Staff read everyone; a contact reads only themselves. Owners/admins manage everyone, delivery staff manage client
 * contacts' name, title and active flag; only owners/admins change roles or issue reset links.
 */
export function canUser(actor: Actor, action: UserAction, target: UserFacts): boolean {
  switch (action) {
    case "user.read":
      return canWorkspace(actor, "users.list") || actor.userId === target.userId;
    case "user.update":
      return canWorkspace(actor, target.role === "client" ? "users.manage_contacts" : "users.manage_staff");
    case "user.change_role":
    case "user.reset_password":
      return canWorkspace(actor, "users.manage_staff");
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
 * `project.read` as a filter for lists, which the projects repository turns into SQL so paging never skips or leaks
 * rows. It must agree with `canProject(actor, "project.read", …)`; the authorisation matrix test checks both.
 */
export type ProjectVisibility =
  | { kind: "all" }
  | { kind: "member" }
  | { kind: "client_member"; clientId: string }
  | { kind: "none" };

export function projectVisibility(actor: Actor): ProjectVisibility {
  if (canWorkspace(actor, "projects.list_all")) return { kind: "all" };
  if (isStaff(actor)) return { kind: "member" };
  return actor.clientId ? { kind: "client_member", clientId: actor.clientId } : { kind: "none" };
}

/**
 * Throws when the actor may not act. For reads of a single project or client the caller passes `hideAs404`, so
 * an outsider cannot even learn that the thing exists.
 */
export function authorize(allowed: boolean, hideAs404 = false): void {
  if (!allowed) throw hideAs404 ? new AppError("not_found") : new AppError("forbidden");
}
