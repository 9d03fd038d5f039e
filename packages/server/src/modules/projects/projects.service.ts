import { sql } from "drizzle-orm";
import type { TCreateProjectRequest, TProjectListItem, TProjectStage, TUpdateProjectRequest } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { projects } from "../../db/schema";
import { fieldError, notFound, versionConflict } from "../../platform/app-error";
import { authorize, canPerformance, canWorkspace, isAdmin, projectVisibility, type Actor } from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { parseSort, toPage } from "../../platform/pagination";
import { isCheckViolation, isUniqueViolation } from "../../platform/database-errors";
import { createProjectsRepository, type ProjectRow } from "./projects.repository";
import { projectsHealth } from "../monitoring/project-health";
import { todayOf } from "../monitoring/monitoring.service";
import { presentProject } from "./projects.presenter";

/** Projects without a start date sort after every dated one (ascending), and keyset paging needs a non-null key. */
const NO_START_DATE = "9999-12-31";

const SORT_COLUMNS = {
  code: projects.code,
  name: projects.name,
  startDate: sql`coalesce(${projects.startDate}, ${NO_START_DATE}::date)`,
  updatedAt: projects.updatedAt,
};

const sortValue = (key: string) => (row: ProjectRow) => {
  switch (key) {
    case "name":
      return row.name;
    case "startDate":
      return row.startDate ?? NO_START_DATE;
    case "updatedAt":
      return row.updatedAt.toISOString();
    default:
      return row.code;
  }
};

export type ListProjectsQuery = {
  clientId?: string | undefined;
  stage?: TProjectStage | undefined;
  q?: string | undefined;
  sort: string;
  cursor?: string | undefined;
  limit: number;
};

/** Maps the database's refusals of a project write to field errors. */
function projectWriteError(error: unknown, datePath: string): unknown {
  if (isUniqueViolation(error, "projects_workspace_code_uq")) return fieldError("body.code", "project.code_taken", "conflict");
  if (isCheckViolation(error, "projects_dates_ck")) return fieldError(datePath, "end_before_start");
  return error;
}

export function createProjectsService(deps: AppDeps) {
  const repo = createProjectsRepository(deps.db);

  async function readProject(actor: Actor, id: string) {
    const row = await repo.get(actor, id);
    if (!row) throw notFound("project.not_found");
    return presentProject(row);
  }

  async function requireManager(actor: Actor, managerId: string) {
    if (!(await repo.isActiveStaff(actor.workspaceId, managerId))) throw fieldError("body.managerId", "project.manager_not_staff");
  }

  return {
    /** Owners/admins see every project; staff those they are members of; a contact their organisation's they joined. */
    listProjects: async (actor: Actor, query: ListProjectsQuery) => {
      const sort = parseSort(query.sort, SORT_COLUMNS);
      const rows = await repo.list(actor, projectVisibility(actor), { ...query, sort });
      const page = toPage(rows, query.limit, sortValue(sort.key));
      // The health score, for the rows whose health the caller may read (one batched read for the page).
      const readable = page.items.filter((row) => canPerformance(actor, "performance.read", { clientId: row.clientId, memberRole: row.myRole }));
      const health = await projectsHealth(deps.db, readable.map((row) => row.id), todayOf(deps.now()));
      const items = page.items.map((row): TProjectListItem => {
        const of = health.get(row.id);
        return { ...presentProject(row), health: of ? { score: of.health.score, band: of.health.band } : null };
      });
      return { items, nextCursor: page.nextCursor };
    },

    getProject: async (actor: Actor, id: string) => {
      await requireProjectAccess(deps.db, actor, id, "project.read");
      return readProject(actor, id);
    },

    /**
     * The creator manages the new project; an owner/admin may instead name someone else as its manager, and then
     * does not join it. Staff who name another manager manage it together with them.
     */
    createProject: async (actor: Actor, input: TCreateProjectRequest) => {
      authorize(canWorkspace(actor, "projects.create"));
      if (!(await repo.clientExists(actor.workspaceId, input.clientId))) throw fieldError("body.clientId", "client.not_found");
      const managerId = input.managerId ?? actor.userId;
      if (managerId !== actor.userId) await requireManager(actor, managerId);
      const managerIds = isAdmin(actor) ? [managerId] : [...new Set([actor.userId, managerId])];
      try {
        const row = await repo.create(actor, { ...input, managerId }, managerIds);
        return readProject(actor, row.id);
      } catch (error) {
        throw projectWriteError(error, "body.endDate");
      }
    },

    updateProject: async (actor: Actor, id: string, input: TUpdateProjectRequest) => {
      const { project } = await requireProjectAccess(deps.db, actor, id, "project.update");
      // Fields left out stay as they are (Drizzle skips undefined values in `set`).
      const { version, ...patch } = input;
      // The contract checks a range sent whole; a half sent alone is checked against the stored other half.
      const datePath = patch.endDate !== undefined ? "body.endDate" : "body.startDate";
      const startDate = patch.startDate !== undefined ? patch.startDate : project.startDate;
      const endDate = patch.endDate !== undefined ? patch.endDate : project.endDate;
      if (startDate && endDate && startDate > endDate) throw fieldError(datePath, "end_before_start");
      if (patch.managerId && patch.managerId !== project.managerId) await requireManager(actor, patch.managerId);
      try {
        const result = await repo.update(actor, id, version, patch, deps.now());
        if (result.kind === "not_found") throw notFound("project.not_found");
        if (result.kind === "stale") throw versionConflict(await readProject(actor, id));
      } catch (error) {
        throw projectWriteError(error, datePath);
      }
      return readProject(actor, id);
    },
  };
}
export type ProjectsService = ReturnType<typeof createProjectsService>;
