/**
 * Every authorisation decision in Jiaofu is made here, from facts the caller loads (the actor, the client a thing
 * belongs to, the actor's role on the project). Routes call `authorize` before any work; the authorisation matrix
 * test (`authorization-matrix.test.ts`) walks every route with every role.
 *
 * Workspace roles: owner/admin run the workspace; member is delivery staff; client is a contact of exactly one
 * client organisation. Project roles: manager, member, viewer, client.
 */
import type { TLocale, TProjectRole, TWorkspaceRole } from "@jiaofu/contracts";
import { requirementVisibleToClient, type RequirementStatus } from "@jiaofu/engine";
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

/** `read_cost` / `set_cost`: a person's cost per hour (time tracking's fallback rate) — owners and admins only. */
export type UserAction = "user.read" | "user.update" | "user.change_role" | "user.reset_password" | "user.read_cost" | "user.set_cost";

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
    // A rate is the workspace's business, not every colleague's: admins set it; project costs show its effect.
    case "user.read_cost":
    case "user.set_cost":
      return isAdmin(actor) && target.role !== "client";
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

// ---------------------------------------------------------------------------------------------------------------
// Elicitation: sessions with the client and questionnaires (modules/elicitation, modules/questionnaires).
// ---------------------------------------------------------------------------------------------------------------

/** Delivery staff who work on the project (its managers and members, or an admin): they run elicitation. */
function isProjectWorker(actor: Actor, facts: ProjectFacts): boolean {
  return canProject(actor, "project.read", facts) && isStaff(actor) && (isAdmin(actor) || facts.memberRole === "manager" || facts.memberRole === "member");
}

export type ElicitationSessionAction =
  | "session.read"
  | "session.edit"
  | "session.comment"
  | "session.attach"
  | "session.audit.read";

/** A session's project, and whether the actor took part in it. */
export type ElicitationSessionFacts = { project: ProjectFacts; isParticipant: boolean };

/** Creating a session (and listing a project's sessions) is decided on the project alone. */
export const canCreateElicitationSession = (actor: Actor, project: ProjectFacts) => isProjectWorker(actor, project);

/**
 * Staff on the project read every session; managers, members (and admins) create and edit them, mark passages and
 * turn them into requirements; viewers only read. A client contact reads — notes included — only the sessions of
 * their own projects they took part in, and may comment there like on the project; they never edit. History is
 * staff-only, as for the project.
 */
export function canElicitationSession(actor: Actor, action: ElicitationSessionAction, facts: ElicitationSessionFacts): boolean {
  const projectRead = canProject(actor, "project.read", facts.project);
  const read = projectRead && (isStaff(actor) || facts.isParticipant);
  switch (action) {
    case "session.read":
      return read;
    case "session.edit":
      return isProjectWorker(actor, facts.project);
    case "session.comment":
      return read && canProject(actor, "project.comment", facts.project);
    case "session.attach":
      return read && canProject(actor, "project.attach", facts.project);
    case "session.audit.read":
      return read && canProject(actor, "project.audit.read", facts.project);
  }
}

/**
 * Which sessions of a project a list shows, as a filter the repository turns into SQL (it must agree with
 * `canElicitationSession(actor, "session.read", …)` for a reader of the project).
 */
export const elicitationSessionVisibility = (actor: Actor): "all" | "participant" => (isStaff(actor) ? "all" : "participant");

export type QuestionnaireAction =
  | "questionnaire.see"
  | "questionnaire.read"
  | "questionnaire.manage"
  | "questionnaire.results.read"
  | "questionnaire.respond"
  | "questionnaire.comment"
  | "questionnaire.attach"
  | "questionnaire.audit.read";

export type QuestionnaireFacts = { project: ProjectFacts; status: "draft" | "open" | "closed"; audiencePortal: boolean };

export const canCreateQuestionnaire = (actor: Actor, project: ProjectFacts) => isProjectWorker(actor, project);

/**
 * Staff on the project see and read every questionnaire and its results (viewers included); managers, members and
 * admins build, publish, close and export. A client contact knows of the questionnaires published to the portal of
 * their own project (`see`) and answers them (`respond`) — they never read the builder's view, the results or
 * anyone's answers. Comments and files on a questionnaire are the delivery team's. Public respondents have no
 * actor: the public link's token is their only key (checked in the questionnaires module).
 */
export function canQuestionnaire(actor: Actor, action: QuestionnaireAction, facts: QuestionnaireFacts): boolean {
  const projectRead = canProject(actor, "project.read", facts.project);
  const staffReader = projectRead && isStaff(actor);
  const targetedContact = projectRead && actor.role === "client" && facts.audiencePortal && facts.status !== "draft";
  switch (action) {
    case "questionnaire.see":
      return staffReader || targetedContact;
    case "questionnaire.respond":
      return targetedContact;
    case "questionnaire.read":
    case "questionnaire.results.read":
    case "questionnaire.audit.read":
      return staffReader;
    case "questionnaire.manage":
    case "questionnaire.comment":
    case "questionnaire.attach":
      return isProjectWorker(actor, facts.project);
  }
}

/** Which questionnaires of a project a list shows (it must agree with `questionnaire.see`). */
export const questionnaireVisibility = (actor: Actor): "all" | "published_to_portal" => (isStaff(actor) ? "all" : "published_to_portal");

// ---------------------------------------------------------------------------------------------------------------
// Requirements register and traceability (modules/requirements, modules/traceability; docs/requirements.md).
// ---------------------------------------------------------------------------------------------------------------

/**
 * A project's register as a whole. `read`: list requirements (a contact only those in front of the client, see
 * `requirementVisibility`). `write`: create (also by importing a spreadsheet), edit, move through the workflow, relate, bulk-edit, link for
 * traceability, share a saved view — the project's managers and members, and admins. `internal.read`: the team's
 * material — saved views, traceability — every staff member who reads the project, viewers included; never a contact.
 */
export type RequirementsAction = "requirements.read" | "requirements.write" | "requirements.internal.read";

export function canRequirements(actor: Actor, action: RequirementsAction, project: ProjectFacts): boolean {
  const read = canProject(actor, "project.read", project);
  switch (action) {
    case "requirements.read":
      return read;
    case "requirements.internal.read":
      return read && isStaff(actor);
    case "requirements.write":
      return read && isStaff(actor) && (isAdmin(actor) || project.memberRole === "manager" || project.memberRole === "member");
  }
}

/** What the policy needs to know about one requirement: its project, status, and whether the client has seen it. */
export type RequirementFacts = { project: ProjectFacts; status: RequirementStatus; sharedWithClient: boolean };

/**
 * One requirement. `read`: staff who read the project see every requirement; a client contact on their own project
 * sees it only in front of the client (awaiting client or later; rejected/deferred only once it had been shared) —
 * the team's drafts and analysis stay internal. `read_internal`: the status reason, sources, conflict/duplicate
 * relations and the full history (a contact gets the client-visible versions without reasons). `update`: edit,
 * transition, relate. Comments and files follow the project's rules, on requirements the actor can see.
 * `confirm`: the client's own answer in the portal (approve, or ask for clarification) — only a contact of the
 * project's client who is on the project; staff record an approval given elsewhere through the workflow instead, so
 * a confirmation always is the client's own word. Whoever reads the requirement reads its confirmations.
 */
export type RequirementAction =
  | "requirement.read"
  | "requirement.read_internal"
  | "requirement.update"
  | "requirement.confirm"
  | "requirement.comment"
  | "requirement.attach"
  | "requirement.audit.read";

export function canRequirement(actor: Actor, action: RequirementAction, facts: RequirementFacts): boolean {
  const visible = canProject(actor, "project.read", facts.project) && (isStaff(actor) || requirementVisibleToClient(facts.status, facts.sharedWithClient));
  switch (action) {
    case "requirement.read":
      return visible;
    case "requirement.read_internal":
      return visible && isStaff(actor);
    case "requirement.update":
      return visible && canRequirements(actor, "requirements.write", facts.project);
    case "requirement.comment":
      return visible && canProject(actor, "project.comment", facts.project);
    case "requirement.attach":
      return visible && canProject(actor, "project.attach", facts.project);
    case "requirement.audit.read":
      return visible && canProject(actor, "project.audit.read", facts.project);
    case "requirement.confirm":
      return visible && actor.role === "client" && facts.project.memberRole === "client" && facts.project.clientId === actor.clientId;
  }
}

/**
 * `requirement.read` as a filter for lists, which the requirements repository turns into SQL before paging. It must
 * agree with `canRequirement(actor, "requirement.read", …)`; the routes tests check both.
 */
export type RequirementVisibility = { kind: "all" } | { kind: "client_shared" } | { kind: "none" };

export function requirementVisibility(actor: Actor, project: ProjectFacts): RequirementVisibility {
  if (!canProject(actor, "project.read", project)) return { kind: "none" };
  return isStaff(actor) ? { kind: "all" } : { kind: "client_shared" };
}

/** A saved view is removed by its author, or — when shared with the team — by a project manager or an admin. */
export function canRemoveSavedView(actor: Actor, view: { userId: string; shared: boolean }, project: ProjectFacts): boolean {
  return actor.userId === view.userId || (view.shared && isStaff(actor) && (isAdmin(actor) || project.memberRole === "manager"));
}

/**
 * A relation between two requirements is seen by whoever sees both ends — a client contact only `depends_on` and
 * `refines` (conflicts and duplicates are the team's analysis) — and changed by whoever may update both ends.
 */
export function canRequirementRelation(
  actor: Actor,
  action: "read" | "update",
  relation: { kind: string; from: RequirementFacts; to: RequirementFacts },
): boolean {
  const read =
    canRequirement(actor, "requirement.read", relation.from) &&
    canRequirement(actor, "requirement.read", relation.to) &&
    (isStaff(actor) || relation.kind === "depends_on" || relation.kind === "refines");
  switch (action) {
    case "read":
      return read;
    case "update":
      return read && canRequirement(actor, "requirement.update", relation.from) && canRequirement(actor, "requirement.update", relation.to);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Prioritisation: scoring model, ranked view, moves, client priority (modules/prioritisation; docs/requirements.md).
// ---------------------------------------------------------------------------------------------------------------

/**
 * A project's prioritisation as a whole. `read`: the ranked view — everyone who reads the project (a contact only
 * the requirements they see, with scores but without the team's inputs and criteria). `model.read`: the scoring
 * model and its criteria — staff who read the project. `rank`: move requirements within and between MoSCoW tiers
 * and enter their scoring inputs — whoever writes the register. `configure`: choose the scoring model, edit its
 * criteria, and re-rank the whole register by score — the project's managers and admins, since both change the
 * order everyone works from.
 */
export type PrioritisationAction = "priorities.read" | "priorities.model.read" | "priorities.rank" | "priorities.configure";

export function canPrioritisation(actor: Actor, action: PrioritisationAction, project: ProjectFacts): boolean {
  switch (action) {
    case "priorities.read":
      return canRequirements(actor, "requirements.read", project);
    case "priorities.model.read":
      return canRequirements(actor, "requirements.internal.read", project);
    case "priorities.rank":
      return canRequirements(actor, "requirements.write", project);
    case "priorities.configure":
      return canRequirements(actor, "requirements.read", project) && isStaff(actor) && (isAdmin(actor) || project.memberRole === "manager");
  }
}

/**
 * One requirement's priorities. `rank`: its MoSCoW tier, manual rank and scoring inputs — whoever may update it.
 * `client_priority`: the client's own priority (1–5) — a contact of the project's client on a requirement they can
 * see, or the team recording it for them (whoever may update it). A contact never changes the team's MoSCoW,
 * rank or inputs.
 */
export type RequirementPriorityAction = "requirement.priority.rank" | "requirement.priority.client";

export function canRequirementPriority(actor: Actor, action: RequirementPriorityAction, facts: RequirementFacts): boolean {
  switch (action) {
    case "requirement.priority.rank":
      return canRequirement(actor, "requirement.update", facts);
    case "requirement.priority.client":
      return (
        canRequirement(actor, "requirement.update", facts) ||
        (canRequirement(actor, "requirement.read", facts) && actor.role === "client" && facts.project.memberRole === "client" && facts.project.clientId === actor.clientId)
      );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Scope baselines and scope creep (modules/baselines; docs/requirements.md "Baselines and scope creep").
// ---------------------------------------------------------------------------------------------------------------

/**
 * A project's baselines. `read`: list, read and compare baselines and the scope-creep figure — everyone who reads the
 * project, a client contact included (a baseline holds only requirements in front of the client). `preview`: what a
 * baseline taken now would hold, what it leaves out and which conflicts block it — the team's analysis, staff only.
 * `create`: take a baseline — whoever may write the register (managers, members, admins). Baselines are never
 * changed or removed, so there is no such action.
 */
export type BaselinesAction = "baselines.read" | "baselines.preview" | "baselines.create";

export function canBaselines(actor: Actor, action: BaselinesAction, project: ProjectFacts): boolean {
  switch (action) {
    case "baselines.read":
      return canRequirements(actor, "requirements.read", project);
    case "baselines.preview":
      return canRequirements(actor, "requirements.internal.read", project);
    case "baselines.create":
      return canRequirements(actor, "requirements.write", project);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Change requests (modules/change-requests; docs/requirements.md "Change requests").
// ---------------------------------------------------------------------------------------------------------------

/**
 * A project's change requests as a whole. `read`: list them — everyone who reads the project (a client contact sees
 * only those put in front of the client, see `changeRequestVisibility`). `write`: draft, edit, submit and withdraw —
 * whoever may write the register (managers, members, admins).
 */
export type ChangeRequestsAction = "change_requests.read" | "change_requests.write";

export function canChangeRequests(actor: Actor, action: ChangeRequestsAction, project: ProjectFacts): boolean {
  switch (action) {
    case "change_requests.read":
      return canRequirements(actor, "requirements.read", project);
    case "change_requests.write":
      return canRequirements(actor, "requirements.write", project);
  }
}

/**
 * What the policy needs to know about one change request: its project, and whether it was ever submitted (a draft,
 * or a draft withdrawn before anyone saw it, is the team's own work).
 */
export type ChangeRequestFacts = { project: ProjectFacts; submitted: boolean };

/**
 * One change request. `read`: staff who read the project see every request; a client contact on their own project
 * sees it once it has been submitted. `edit`: change, submit, withdraw. `decide_manager`: the manager's decision —
 * the project's managers and workspace admins. `decide_client`: the client's decision — a contact of the project's
 * client who is on the project. Comments and files follow the project's rules on requests the actor can see; the
 * history is the team's.
 */
export type ChangeRequestAction =
  | "change_request.read"
  | "change_request.edit"
  | "change_request.decide_manager"
  | "change_request.decide_client"
  | "change_request.comment"
  | "change_request.attach"
  | "change_request.audit.read";

export function canChangeRequest(actor: Actor, action: ChangeRequestAction, facts: ChangeRequestFacts): boolean {
  const projectRead = canProject(actor, "project.read", facts.project);
  const visible = projectRead && (isStaff(actor) || facts.submitted);
  switch (action) {
    case "change_request.read":
      return visible;
    case "change_request.edit":
      return visible && canChangeRequests(actor, "change_requests.write", facts.project);
    case "change_request.decide_manager":
      return visible && isStaff(actor) && (isAdmin(actor) || facts.project.memberRole === "manager");
    case "change_request.decide_client":
      return visible && actor.role === "client" && facts.project.memberRole === "client" && facts.project.clientId === actor.clientId;
    case "change_request.comment":
      return visible && canProject(actor, "project.comment", facts.project);
    case "change_request.attach":
      return visible && canProject(actor, "project.attach", facts.project);
    case "change_request.audit.read":
      return visible && canProject(actor, "project.audit.read", facts.project);
  }
}

/** The side a person decides for, if any: a client contact for the client, everyone else for the manager. */
export const changeRequestSideOf = (actor: Actor): "manager" | "client" => (isStaff(actor) ? "manager" : "client");

/**
 * `change_request.read` as a filter for lists, which the repository turns into SQL before paging. It must agree with
 * `canChangeRequest(actor, "change_request.read", …)`.
 */
export type ChangeRequestVisibility = { kind: "all" } | { kind: "submitted" } | { kind: "none" };

export function changeRequestVisibility(actor: Actor, project: ProjectFacts): ChangeRequestVisibility {
  if (!canProject(actor, "project.read", project)) return { kind: "none" };
  return isStaff(actor) ? { kind: "all" } : { kind: "submitted" };
}

// ---------------------------------------------------------------------------------------------------------------
// Planning: the WBS, dependencies and the project calendar (modules/planning; docs/planning.md).
// ---------------------------------------------------------------------------------------------------------------

/**
 * A project's plan. `read`: the WBS with its schedule — everyone who reads the project, a client contact of the
 * project's own client included (the plan is what the client is promised: phases, milestones, dates, progress).
 * `read_internal`: the team's material on it — task notes, owners, work and cost estimates — staff who read the
 * project, viewers included; never a contact. `edit`: add, change, move and remove tasks and dependencies — the
 * project's managers and members, and admins. `configure`: the project calendar, which moves every date — managers
 * and admins.
 */
export type PlanAction = "plan.read" | "plan.read_internal" | "plan.edit" | "plan.configure";

export function canPlan(actor: Actor, action: PlanAction, project: ProjectFacts): boolean {
  const read = canProject(actor, "project.read", project);
  switch (action) {
    case "plan.read":
      return read;
    case "plan.read_internal":
      return read && isStaff(actor);
    case "plan.edit":
      return read && isStaff(actor) && (isAdmin(actor) || project.memberRole === "manager" || project.memberRole === "member");
    case "plan.configure":
      return read && isStaff(actor) && (isAdmin(actor) || project.memberRole === "manager");
  }
}

/**
 * The task board (modules/board; docs/execution.md, "Board"): the plan's tasks as cards in the project's workflow.
 * `read`: the board, the task detail, its comments, files and history — staff who read the project, viewers
 * included; never a client contact (the board is the team's working view: assignees, estimates, checklists; the
 * portal gets a client-safe dashboard instead). `edit`: move cards, quick add, change a task's description,
 * checklist, estimate, remaining work, deadline and assignees, comment and attach — whoever edits the plan
 * (managers, members, admins). `configure`: the workflow (columns, categories, WIP limits) and placing a card in a
 * column at its WIP limit anyway (`force`) — the project's managers and admins.
 */
export type BoardAction = "board.read" | "board.edit" | "board.configure";

export function canBoard(actor: Actor, action: BoardAction, project: ProjectFacts): boolean {
  switch (action) {
    case "board.read":
      return canPlan(actor, "plan.read_internal", project);
    case "board.edit":
      return canPlan(actor, "plan.edit", project);
    case "board.configure":
      return canPlan(actor, "plan.configure", project);
  }
}

/** "My work" (the tasks assigned to me across projects): delivery staff; a client contact is never assigned. */
export const canReadMyWork = (actor: Actor) => isStaff(actor);

/**
 * Plan baselines (PB-n, immutable snapshots of the schedule; docs/planning.md, "Baselines and variance"). `read`:
 * whoever reads the plan, a client contact of the project's own client included. `read_internal`: the work and
 * cost they hold — staff. `save` and `delete`: the project's managers and admins (a baseline is what the plan is
 * measured against, a manager's commitment).
 */
export type PlanBaselineAction = "plan_baseline.read" | "plan_baseline.read_internal" | "plan_baseline.save" | "plan_baseline.delete";

export function canPlanBaseline(actor: Actor, action: PlanBaselineAction, project: ProjectFacts): boolean {
  switch (action) {
    case "plan_baseline.read":
      return canPlan(actor, "plan.read", project);
    case "plan_baseline.read_internal":
      return canPlan(actor, "plan.read_internal", project);
    case "plan_baseline.save":
    case "plan_baseline.delete":
      return canPlan(actor, "plan.configure", project);
  }
}

/**
 * Starting a plan from a project template (docs/planning.md, "Project templates"): it writes the WBS, the project
 * calendar and default risks at once — the project's managers and admins, as for the calendar. The catalogue itself
 * (`GET /plan-templates`) is for staff.
 */
export type PlanTemplateAction = "plan_template.list" | "plan_template.apply";

export function canPlanTemplate(actor: Actor, action: PlanTemplateAction, project: ProjectFacts | null): boolean {
  switch (action) {
    case "plan_template.list":
      return isStaff(actor) && (project === null || canProject(actor, "project.read", project));
    case "plan_template.apply":
      return project !== null && canPlan(actor, "plan.configure", project);
  }
}

/**
 * A plan's resources, assignments, loads, levelling and budget (modules/plan-resources; docs/planning.md,
 * "Resources, levelling and budget"). `read`: the resources with their rates, assignments, loads, a levelling
 * preview and the budget — staff who read the project, viewers included; never a client contact (rates and costs
 * are the team's: 403 on their own project). `assign`: set a task's resources — whoever edits the plan (managers,
 * members, admins). `manage`: add, change and remove resources, apply and clear levelling (it moves many tasks at
 * once) — the project's managers and admins.
 */
export type PlanResourcesAction = "plan_resources.read" | "plan_resources.assign" | "plan_resources.manage";

export function canPlanResources(actor: Actor, action: PlanResourcesAction, project: ProjectFacts): boolean {
  switch (action) {
    case "plan_resources.read":
      return canPlan(actor, "plan.read_internal", project);
    case "plan_resources.assign":
      return canPlan(actor, "plan.edit", project);
    case "plan_resources.manage":
      return canPlan(actor, "plan.configure", project);
  }
}

/**
 * Exchanging a plan (modules/plan-exchange; docs/planning.md, "Exchange: MS Project, CSV, iCalendar"). `export`: the
 * plan as MS Project XML or CSV — everyone who reads the plan, a client contact of the project's own client included
 * (what they read on the page, nothing more). `export_internal`: notes, work, costs, resources, rates and
 * assignments in the export — staff who read the plan. `import`: replace or fill the plan from a file, which also
 * sets the calendar — the project's managers and admins (as `plan.configure`). `feed`: a personal milestone
 * calendar feed — everyone who reads the plan.
 */
export type PlanExchangeAction = "plan_exchange.export" | "plan_exchange.export_internal" | "plan_exchange.import" | "plan_exchange.feed";

export function canPlanExchange(actor: Actor, action: PlanExchangeAction, project: ProjectFacts): boolean {
  switch (action) {
    case "plan_exchange.export":
    case "plan_exchange.feed":
      return canPlan(actor, "plan.read", project);
    case "plan_exchange.export_internal":
      return canPlan(actor, "plan.read_internal", project);
    case "plan_exchange.import":
      return canPlan(actor, "plan.configure", project);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Risk register (modules/risks; docs/risks.md).
// ---------------------------------------------------------------------------------------------------------------

/**
 * A project's risk register as a whole. `read`: list risks and see the heat map — everyone who reads the project (a
 * client contact only the risks shared with the client, see `riskVisibility`). `write`: create risks, add the
 * default risks — the project's managers and members, and admins; viewers only read.
 */
export type RisksAction = "risks.read" | "risks.write";

export function canRisks(actor: Actor, action: RisksAction, project: ProjectFacts): boolean {
  const read = canProject(actor, "project.read", project);
  switch (action) {
    case "risks.read":
      return read;
    case "risks.write":
      return read && isStaff(actor) && (isAdmin(actor) || project.memberRole === "manager" || project.memberRole === "member");
  }
}

/** What the policy needs to know about one risk: its project, and whether the team shared it with the client. */
export type RiskFacts = { project: ProjectFacts; sharedWithClient: boolean };

/**
 * One risk. `read`: staff who read the project see every risk; a client contact on their own project sees a risk
 * only while the team shares it with the client (`sharedWithClient`) — read-only, in the portal. `read_internal`:
 * the status reason, review notes, comments, files — the team's (a contact gets the reviews without notes). `update`:
 * edit, review, link to requirements — whoever writes the register. `comment`, `attach`: the project's managers,
 * members and admins (risk discussions are the team's, even on a shared risk). `audit.read`: staff.
 */
export type RiskAction = "risk.read" | "risk.read_internal" | "risk.update" | "risk.comment" | "risk.attach" | "risk.audit.read";

export function canRisk(actor: Actor, action: RiskAction, facts: RiskFacts): boolean {
  const visible = canProject(actor, "project.read", facts.project) && (isStaff(actor) || facts.sharedWithClient);
  switch (action) {
    case "risk.read":
      return visible;
    case "risk.read_internal":
      return visible && isStaff(actor);
    case "risk.update":
    case "risk.comment":
    case "risk.attach":
      return visible && canRisks(actor, "risks.write", facts.project);
    case "risk.audit.read":
      return visible && canProject(actor, "project.audit.read", facts.project);
  }
}

/**
 * `risk.read` as a filter for lists and the heat map, which the risks repository turns into SQL before paging. It
 * must agree with `canRisk(actor, "risk.read", …)`.
 */
export type RiskVisibility = { kind: "all" } | { kind: "shared" } | { kind: "none" };

export function riskVisibility(actor: Actor, project: ProjectFacts): RiskVisibility {
  if (!canProject(actor, "project.read", project)) return { kind: "none" };
  return isStaff(actor) ? { kind: "all" } : { kind: "shared" };
}

// ---------------------------------------------------------------------------------------------------------------
// Time tracking and timesheets (modules/time; docs/execution.md "Time tracking").
// ---------------------------------------------------------------------------------------------------------------

/**
 * Time on a project. `log`: run a timer, add, change and remove one's own entries, submit one's week — the project's
 * team who do the work (its managers and members; an admin only if on the team): time is logged by the person who
 * spent it, and a client contact never logs time. `read`: everyone's entries and the hours on tasks — staff who read
 * the project's internals (viewers and admins included), as for the plan's work figures. `approve`: decide the
 * submitted weekly parts — the project's managers and admins. `cost.read`: approved hours × rates, the actual cost —
 * whoever reads the plan's costs (`plan.read_internal`); never a client contact.
 */
export type TimeAction = "time.log" | "time.read" | "time.approve" | "time.cost.read";

export function canTime(actor: Actor, action: TimeAction, project: ProjectFacts): boolean {
  switch (action) {
    case "time.log":
      return canProject(actor, "project.read", project) && isStaff(actor) && (project.memberRole === "manager" || project.memberRole === "member");
    case "time.read":
    case "time.cost.read":
      return canPlan(actor, "plan.read_internal", project);
    case "time.approve":
      return canPlan(actor, "plan.read_internal", project) && (isAdmin(actor) || project.memberRole === "manager");
  }
}

/** Whether the actor keeps time at all (a timer, a timesheet): delivery staff; client contacts never do. */
export const canKeepTime = (actor: Actor) => isStaff(actor);

/** Whose entries across projects the actor may list: their own; an owner or admin anyone's. */
export const canTimeOfPerson = (actor: Actor, userId: string) => canKeepTime(actor) && (actor.userId === userId || isAdmin(actor));

// ---------------------------------------------------------------------------------------------------------------
// Meetings (modules/meetings; docs/execution.md, "Meetings").
// ---------------------------------------------------------------------------------------------------------------

/**
 * A project's meetings as a whole. `read`: list meetings, download invitations, subscribe to the feed — everyone who
 * reads the project (a client contact only the meetings shared with the client, see `meetingVisibility`). `write`:
 * create meetings — the project's managers and members, and admins; viewers only read.
 */
export type MeetingsAction = "meetings.read" | "meetings.write";

export function canMeetings(actor: Actor, action: MeetingsAction, project: ProjectFacts): boolean {
  const read = canProject(actor, "project.read", project);
  switch (action) {
    case "meetings.read":
      return read;
    case "meetings.write":
      return read && isStaff(actor) && (isAdmin(actor) || project.memberRole === "manager" || project.memberRole === "member");
  }
}

/** What the policy needs to know about one meeting: its project, and whether it is shared with the client. */
export type MeetingFacts = { project: ProjectFacts; sharedWithClient: boolean };

/**
 * One meeting. `read`: staff who read the project see every meeting; a client contact on their own project sees a
 * meeting (agenda, minutes, decisions, action items) only while it is shared with the client, read-only, in the
 * portal — another client's contact sees nothing (404). `update`: edit, take minutes and attendance, add decisions
 * and action items — whoever writes meetings. `share`: share it with the client or stop sharing — the project's
 * managers and admins. `create_task`: make an action item a plan task — whoever writes meetings and edits the plan.
 */
export type MeetingAction = "meeting.read" | "meeting.update" | "meeting.share" | "meeting.create_task";

export function canMeeting(actor: Actor, action: MeetingAction, facts: MeetingFacts): boolean {
  const visible = canProject(actor, "project.read", facts.project) && (isStaff(actor) || facts.sharedWithClient);
  switch (action) {
    case "meeting.read":
      return visible;
    case "meeting.update":
      return visible && canMeetings(actor, "meetings.write", facts.project);
    case "meeting.share":
      return visible && isStaff(actor) && (isAdmin(actor) || facts.project.memberRole === "manager");
    case "meeting.create_task":
      return visible && canMeetings(actor, "meetings.write", facts.project) && canPlan(actor, "plan.edit", facts.project);
  }
}

/** `meeting.read` as a filter for lists and feeds. It must agree with `canMeeting(actor, "meeting.read", …)`. */
export type MeetingVisibility = { kind: "all" } | { kind: "shared" } | { kind: "none" };

export function meetingVisibility(actor: Actor, project: ProjectFacts): MeetingVisibility {
  if (!canProject(actor, "project.read", project)) return { kind: "none" };
  return isStaff(actor) ? { kind: "all" } : { kind: "shared" };
}

// ---------------------------------------------------------------------------------------------------------------
// Monitoring: earned value, burndown, milestone trend, progress snapshots (modules/monitoring; docs/monitoring.md).
// ---------------------------------------------------------------------------------------------------------------

/**
 * `read`: earned value, the S-curve, variance, burndown and milestone trend — staff who read the project, viewers
 * included; never a client contact (the figures are costs: 403 on their own project, 404 elsewhere; a client-safe
 * dashboard is a later, separate view). `refresh`: write today's snapshot again — whoever edits the plan (managers,
 * members, admins).
 */
export type MonitoringAction = "monitoring.read" | "monitoring.refresh";

export function canMonitoring(actor: Actor, action: MonitoringAction, project: ProjectFacts): boolean {
  switch (action) {
    case "monitoring.read":
      return canPlan(actor, "plan.read_internal", project);
    case "monitoring.refresh":
      return canPlan(actor, "plan.edit", project);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Quality checks: gates per phase, test cases, defects (modules/quality; docs/monitoring.md, "Quality").
// ---------------------------------------------------------------------------------------------------------------

/**
 * `read`: the gates, test cases, all defects and the trend — staff who read the project, viewers included.
 * `write`: create gates, tick checklist items with evidence, pass and reopen a gate, write test cases and record
 * runs, raise, edit and move defects — whoever edits the plan (managers, members, admins). `waive`: let a phase close
 * with its gate unmet (a reason is required) — the project's managers and admins. `defects.read_client`: the defects
 * raised by the client's side, read-only — a contact of the project's own client. `defects.raise`: raise a defect —
 * writers and a contact of the project's own client. `defects.delete`: delete a defect or a test case — managers and
 * admins (others reject a defect instead, which keeps it in the trend).
 */
export type QualityAction = "quality.read" | "quality.write" | "quality.waive" | "defects.read_client" | "defects.raise" | "defects.delete";

export function canQuality(actor: Actor, action: QualityAction, project: ProjectFacts): boolean {
  const contact = !isStaff(actor) && canProject(actor, "project.read", project);
  switch (action) {
    case "quality.read":
      return canPlan(actor, "plan.read_internal", project);
    case "quality.write":
      return canPlan(actor, "plan.edit", project);
    case "quality.waive":
    case "defects.delete":
      return canPlan(actor, "plan.configure", project);
    case "defects.read_client":
      return contact;
    case "defects.raise":
      return contact || canPlan(actor, "plan.edit", project);
  }
}

/** Which defects a reader sees: the team all of them; a contact those raised by the client's side; else none. */
export type DefectVisibility = { kind: "all" } | { kind: "client_raised" } | { kind: "none" };

export function defectVisibility(actor: Actor, project: ProjectFacts): DefectVisibility {
  if (canQuality(actor, "quality.read", project)) return { kind: "all" };
  if (canQuality(actor, "defects.read_client", project)) return { kind: "client_raised" };
  return { kind: "none" };
}

// ---------------------------------------------------------------------------------------------------------------
// Status reports (modules/status-reports; docs/monitoring.md, "Status reports").
// ---------------------------------------------------------------------------------------------------------------

/**
 * A project's status reports as a whole. `read`: list them — everyone who reads the project (a client contact only
 * the published ones, see `statusReportVisibility`). `write`: generate a draft — the project's managers and members,
 * and admins. `schedule`: set the weekly schedule — the project's managers and admins.
 */
export type StatusReportsAction = "status_reports.read" | "status_reports.write" | "status_reports.schedule";

export function canStatusReports(actor: Actor, action: StatusReportsAction, project: ProjectFacts): boolean {
  const read = canProject(actor, "project.read", project);
  switch (action) {
    case "status_reports.read":
      return read;
    case "status_reports.write":
      return read && isStaff(actor) && (isAdmin(actor) || project.memberRole === "manager" || project.memberRole === "member");
    case "status_reports.schedule":
      return read && isStaff(actor) && (isAdmin(actor) || project.memberRole === "manager");
  }
}

export type StatusReportFacts = { project: ProjectFacts; published: boolean };

/**
 * One report. `read`: staff who read the project see drafts and published reports; a client contact on their own
 * project sees a report once it is published (404 before, and for another client's). `update`: edit a draft —
 * whoever writes reports. `publish`: put it in the client portal — the project's managers and admins. A published
 * report never changes (the service answers 409), whoever asks.
 */
export type StatusReportAction = "status_report.read" | "status_report.update" | "status_report.publish";

export function canStatusReport(actor: Actor, action: StatusReportAction, facts: StatusReportFacts): boolean {
  const visible = canProject(actor, "project.read", facts.project) && (isStaff(actor) || facts.published);
  switch (action) {
    case "status_report.read":
      return visible;
    case "status_report.update":
      return visible && canStatusReports(actor, "status_reports.write", facts.project);
    case "status_report.publish":
      return visible && canStatusReports(actor, "status_reports.schedule", facts.project);
  }
}

/** `status_report.read` as a filter for lists. It must agree with `canStatusReport(actor, "status_report.read", …)`. */
export type StatusReportVisibility = { kind: "all" } | { kind: "published" } | { kind: "none" };

export function statusReportVisibility(actor: Actor, project: ProjectFacts): StatusReportVisibility {
  if (!canProject(actor, "project.read", project)) return { kind: "none" };
  return isStaff(actor) ? { kind: "all" } : { kind: "published" };
}

// ---------------------------------------------------------------------------------------------------------------
// Notifications (modules/notifications; docs/monitoring.md, "Notifications").
// ---------------------------------------------------------------------------------------------------------------

/**
 * A person's own notifications and e-mail settings: everyone signed in has them, and nobody reads or marks anyone
 * else's (another person's notification answers 404, as if it did not exist).
 */
export const canNotification = (actor: Actor, notification: { userId: string }) => notification.userId === actor.userId;

/**
 * Whether `recipient` may be told about something of a project: they must read the project (a client contact only
 * their own client's projects they were added to). `null` project: nothing project-bound, always.
 * The list filter is `projectVisibility(recipient)`, which agrees with `project.read`.
 */
export const canReceiveProjectNotification = (recipient: Actor, project: ProjectFacts | null) => project === null || canProject(recipient, "project.read", project);

// ---------------------------------------------------------------------------------------------------------------
// Dashboards: the portfolio, the team's project dashboard, the client-safe one (modules/dashboards; docs/monitoring.md, "Dashboards").
// ---------------------------------------------------------------------------------------------------------------

/**
 * The portfolio page: delivery staff (each sees the projects they read, `projectVisibility`); a client contact has
 * the portal's project dashboard instead. The health score on the dashboards follows `performance.read` (below).
 */
export const canReadPortfolio = (actor: Actor) => isStaff(actor);

/**
 * `dashboard.read`: the team's project dashboard (earned-value indices, the S-curve in money, hours) — whoever reads
 * monitoring (staff who read the project; a contact gets 403 on their own project, 404 elsewhere).
 * `dashboard.read_client`: the client-safe dashboard — everyone who reads the project (staff see what the client sees).
 */
export type DashboardAction = "dashboard.read" | "dashboard.read_client";

export function canDashboard(actor: Actor, action: DashboardAction, project: ProjectFacts): boolean {
  switch (action) {
    case "dashboard.read":
      return canMonitoring(actor, "monitoring.read", project);
    case "dashboard.read_client":
      return canProject(actor, "project.read", project);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Performance evaluation and client satisfaction (modules/performance, modules/satisfaction; docs/monitoring.md,
// "Performance evaluation", "Health score").
// ---------------------------------------------------------------------------------------------------------------

/**
 * `performance.read`: a project's per-person figures and its health score — the project's managers and the
 * workspace's owners and admins only; never members, viewers or client contacts (403 on a project they read).
 */
export type PerformanceAction = "performance.read";

export function canPerformance(actor: Actor, action: PerformanceAction, project: ProjectFacts): boolean {
  switch (action) {
    case "performance.read":
      return canProject(actor, "project.read", project) && isStaff(actor) && (isAdmin(actor) || project.memberRole === "manager");
  }
}

/** Whose projects the workspace-wide evaluation covers: an admin's, every project; a manager's, those they manage. */
export const performanceScopeOf = (actor: Actor): "all" | "managed" => (isAdmin(actor) ? "all" : "managed");

/**
 * The workspace-wide evaluation: admins, and staff who manage at least one project. Asking which projects one
 * evaluates (the navigation does) is for all staff; a client contact never.
 */
export const canPerformanceOverview = (actor: Actor, managesAProject: boolean) => isStaff(actor) && (isAdmin(actor) || managesAProject);
export const canPerformanceScope = (actor: Actor) => isStaff(actor);

/**
 * A status report's satisfaction ratings. `read`: whoever reads the report (a contact only a published one of their
 * project) — the team sees every rating, a contact only their own (`satisfactionVisibility`). `rate`: give or edit
 * one's own rating — a contact of the project's own client, on a published report only; never the team.
 */
export type SatisfactionAction = "satisfaction.read" | "satisfaction.rate";

export function canSatisfaction(actor: Actor, action: SatisfactionAction, facts: StatusReportFacts): boolean {
  const read = canStatusReport(actor, "status_report.read", facts);
  switch (action) {
    case "satisfaction.read":
      return read;
    case "satisfaction.rate":
      return read && !isStaff(actor) && facts.published;
  }
}

export const satisfactionVisibility = (actor: Actor): "all" | "own" => (isStaff(actor) ? "all" : "own");
