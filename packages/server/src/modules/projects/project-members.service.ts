import type { TProjectRole, TWorkspaceRole } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { AppError, fieldError, notFound, versionConflict } from "../../platform/app-error";
import type { Actor } from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { createProjectMembersRepository } from "./project-members.repository";
import { presentMember } from "./project-members.presenter";

/**
 * Which project roles a person may hold: a client contact only `client`, and only on their own organisation's
 * projects; delivery staff anything but `client`.
 */
function checkRoleFits(person: { role: TWorkspaceRole; clientId: string | null }, projectClientId: string, role: TProjectRole) {
  if (person.role === "client") {
    if (person.clientId !== projectClientId) throw fieldError("body.userId", "member.client_mismatch");
    if (role !== "client") throw fieldError("body.role", "member.client_role_only");
  } else if (role === "client") {
    throw fieldError("body.role", "member.staff_not_client_role");
  }
}

export function createProjectMembersService(deps: AppDeps) {
  const repo = createProjectMembersRepository(deps.db);

  async function readMember(projectId: string, userId: string) {
    const row = await repo.get(projectId, userId);
    if (!row) throw notFound("member.not_found");
    return presentMember(row);
  }

  return {
    listMembers: async (actor: Actor, projectId: string) => {
      await requireProjectAccess(deps.db, actor, projectId, "project.read");
      return { items: (await repo.list(projectId)).map(presentMember) };
    },

    addMember: async (actor: Actor, projectId: string, input: { userId: string; role: TProjectRole }) => {
      const { project } = await requireProjectAccess(deps.db, actor, projectId, "project.members.manage");
      const person = await repo.findUser(actor.workspaceId, input.userId);
      if (!person) throw fieldError("body.userId", "user.not_found");
      checkRoleFits(person, project.clientId, input.role);
      const result = await repo.add(actor, projectId, input.userId, input.role);
      if (result.kind === "already") throw fieldError("body.userId", "member.already", "conflict");
      return readMember(projectId, input.userId);
    },

    updateMember: async (actor: Actor, projectId: string, userId: string, input: { version: number; role: TProjectRole }) => {
      const { project } = await requireProjectAccess(deps.db, actor, projectId, "project.members.manage");
      const current = await repo.get(projectId, userId);
      if (!current) throw notFound("member.not_found");
      checkRoleFits({ role: current.workspaceRole, clientId: current.userClientId }, project.clientId, input.role);
      const result = await repo.update(actor, projectId, userId, input.version, input.role, deps.now());
      switch (result.kind) {
        case "not_found":
          throw notFound("member.not_found");
        case "stale":
          throw versionConflict(presentMember(result.current));
        case "last_manager":
          throw fieldError("body.role", "member.last_manager", "conflict");
        case "ok":
          return readMember(projectId, userId);
      }
    },

    removeMember: async (actor: Actor, projectId: string, userId: string) => {
      await requireProjectAccess(deps.db, actor, projectId, "project.members.manage");
      const result = await repo.remove(actor, projectId, userId, deps.now());
      switch (result.kind) {
        case "not_found":
          throw notFound("member.not_found");
        case "last_manager":
          throw new AppError("conflict", "member.last_manager");
        case "ok":
          return;
      }
    },
  };
}
