import {
  ACYCLIC_RELATION_KINDS,
  relationGraphFindCycle,
  relationNormalise,
  requirementKey,
  type RelationEdge,
} from "@jiaofu/engine";
import type { TCreateRequirementRelationRequest, TRequirementRelation, TUpdateRequirementRelationRequest } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { AppError, fieldError, notFound, versionConflict } from "../../platform/app-error";
import { isUniqueViolation } from "../../platform/database-errors";
import { authorize, canRequirementRelation, type Actor } from "../../platform/policy";
import { loadProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { requireRequirementAccess, requirementFacts } from "./requirement-access";
import { createRequirementRelationsRepository, type RelationRow } from "./requirement-relations.repository";
import { presentRelatedRequirement } from "./requirements.presenter";
import { createRequirementsRepository } from "./requirements.repository";

export function presentRelation(row: RelationRow): TRequirementRelation {
  return {
    id: row.id,
    projectId: row.projectId,
    kind: row.kind,
    from: presentRelatedRequirement(row.from),
    to: presentRelatedRequirement(row.to),
    status: row.status,
    resolutionNote: row.resolutionNote,
    resolvedById: row.resolvedById,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

/** The policy's facts about a relation (both ends live in `project`). */
const relationFacts = (project: ProjectAccess, row: RelationRow) => ({
  kind: row.kind,
  from: requirementFacts(project, row.from),
  to: requirementFacts(project, row.to),
});

/** The relations `actor` may see, of those loaded for one project. */
export function relationsVisibleTo(actor: Actor, project: ProjectAccess, rows: RelationRow[]): RelationRow[] {
  return rows.filter((row) => canRequirementRelation(actor, "read", relationFacts(project, row)));
}

type RelationProblem = { kind: "cycle"; cycle: string[] } | { kind: "second_parent"; parentId: string };

export function createRequirementRelationsService(deps: AppDeps) {
  const repo = createRequirementRelationsRepository(deps.db);
  const requirementsRepo = createRequirementsRepository(deps.db);

  /** The relation, if the actor may do `action` on it: 404 when it is missing or invisible to them, 403 when visible. */
  async function requireRelation(actor: Actor, id: string, action: "read" | "update") {
    const row = await repo.get(actor.workspaceId, id);
    const project = row && (await loadProjectAccess(deps.db, actor, row.projectId));
    if (!row || !project || !canRequirementRelation(actor, "read", relationFacts(project, row))) throw notFound("requirement.relation_not_found");
    authorize(canRequirementRelation(actor, action, relationFacts(project, row)));
    return { row, project };
  }

  async function presented(actor: Actor, id: string) {
    const { row } = await requireRelation(actor, id, "read");
    return presentRelation(row);
  }

  /** "REQ-1 → REQ-2 → REQ-1" for the ids of a cycle. */
  async function cycleText(workspaceId: string, ids: string[]) {
    const numbers = new Map((await requirementsRepo.labels(workspaceId, ids)).map((r) => [r.id, requirementKey(r.number)]));
    return ids.map((id) => numbers.get(id) ?? id).join(" → ");
  }

  return {
    listRelations: async (actor: Actor, requirementId: string) => {
      const access = await requireRequirementAccess(deps.db, actor, requirementId, "requirement.read");
      const rows = relationsVisibleTo(actor, access.project, await repo.listFor(actor.workspaceId, requirementId));
      return { items: rows.map(presentRelation) };
    },

    /**
     * "this <kind> to". Both requirements in one project; no self-relation, no duplicate (A–B and B–A are the same
     * conflict or duplicate), no cycle of `depends_on` or of `refines`, and one parent per requirement.
     */
    createRelation: async (actor: Actor, requirementId: string, input: TCreateRequirementRelationRequest) => {
      const from = await requireRequirementAccess(deps.db, actor, requirementId, "requirement.update");
      if (input.toId === requirementId) throw fieldError("body.toId", "requirement.relation_self");
      const to = await requirementsRepo.get(actor.workspaceId, input.toId);
      if (!to) throw fieldError("body.toId", "requirement.not_found");
      if (to.projectId !== from.row.projectId) throw fieldError("body.toId", "requirement.relation_other_project");
      const edge = relationNormalise(input.kind, requirementId, input.toId);
      const check = (edges: RelationEdge[]): RelationProblem | null => {
        if (input.kind === "refines") {
          const parent = edges.find((e) => e.from === edge.from && e.to !== edge.to);
          if (parent) return { kind: "second_parent", parentId: parent.to };
        }
        if (ACYCLIC_RELATION_KINDS.includes(input.kind)) {
          const cycle = relationGraphFindCycle(edges, edge);
          if (cycle) return { kind: "cycle", cycle };
        }
        return null;
      };
      let result;
      try {
        result = await repo.create(actor, { projectId: from.row.projectId, fromId: edge.from, toId: edge.to, kind: input.kind }, check);
      } catch (error) {
        if (isUniqueViolation(error, "requirement_relations_pair_uq")) throw new AppError("conflict", "requirement.relation_exists");
        throw error;
      }
      if (result.kind === "problem") {
        const problem = result.problem;
        switch (problem.kind) {
          case "cycle":
            // The message names the cycle by keys; `details.cycle` lists the ids, from this requirement round to it.
            throw new AppError("validation_failed", "requirement.relation_cycle", { cycle: await cycleText(actor.workspaceId, problem.cycle) }, { cycle: problem.cycle });
          case "second_parent":
            throw new AppError("conflict", "requirement.already_refines", {
              key: requirementKey(from.row.number),
              parent: await cycleText(actor.workspaceId, [problem.parentId]),
            });
        }
      }
      return presented(actor, result.id);
    },

    /** Resolve a conflict with a note saying how, or reopen it. */
    updateRelation: async (actor: Actor, id: string, input: TUpdateRequirementRelationRequest) => {
      const { row } = await requireRelation(actor, id, "update");
      if (row.kind !== "conflicts_with") throw fieldError("body.status", "requirement.relation_not_conflict");
      if (input.version !== row.version) throw versionConflict(presentRelation(row));
      const result = await repo.setStatus(actor, id, input.version, input.status, input.resolutionNote ?? "", deps.now());
      if (result.kind === "not_found") throw notFound("requirement.relation_not_found");
      if (result.kind === "stale") throw versionConflict(await presented(actor, id));
      return presented(actor, id);
    },

    deleteRelation: async (actor: Actor, id: string) => {
      await requireRelation(actor, id, "update");
      if (!(await repo.remove(actor, id))) throw notFound("requirement.relation_not_found");
    },
  };
}
