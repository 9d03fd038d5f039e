import {
  requirementKey,
  traceGraphDownstream,
  traceNodeKey,
  type RequirementStatus,
  type TraceDownstreamItem,
} from "@jiaofu/engine";
import {
  TRACE_ENTITY_TYPES,
  type TCreateTraceLinkRequest,
  type TTraceEntityType,
  type TTraceLink,
  type TTraceLinkKind,
  type TTraceabilityMatrix,
} from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { AppError, fieldError, notFound } from "../../platform/app-error";
import { isUniqueViolation } from "../../platform/database-errors";
import { toPage } from "../../platform/pagination";
import { authorize, canRequirements, type Actor } from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { createTraceabilityRepository, type TraceLinkRow } from "./traceability.repository";
import { traceTargetResolver, type TraceTarget } from "./trace-targets";

/** Requirements that should have something downstream by now: a gap when they have nothing. */
const EXPECTS_DOWNSTREAM: readonly RequirementStatus[] = ["approved", "baselined"];

const asTraceType = (type: string): TTraceEntityType => {
  if (!(TRACE_ENTITY_TYPES as readonly string[]).includes(type)) throw new Error(`unknown trace type "${type}"`);
  return type as TTraceEntityType;
};

export function createTraceabilityService(deps: AppDeps) {
  const repo = createTraceabilityRepository(deps.db);

  async function requireTraceability(actor: Actor, projectId: string, action: "requirements.internal.read" | "requirements.write") {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canRequirements(actor, action, access.facts));
    return access;
  }

  /** Labels of the given artefacts ("REQ-3 Single sign-on"), by `type:id`; an artefact gone since is labelled "". */
  async function labels(workspaceId: string, nodes: { type: string; id: string }[]): Promise<Map<string, string>> {
    const byType = new Map<string, Set<string>>();
    for (const n of nodes) {
      const ids = byType.get(n.type) ?? new Set<string>();
      ids.add(n.id);
      byType.set(n.type, ids);
    }
    const out = new Map<string, string>();
    for (const [type, ids] of byType) {
      const resolver = traceTargetResolver(asTraceType(type));
      const found = resolver ? await resolver(deps.db, workspaceId, [...ids]) : new Map<string, TraceTarget>();
      for (const id of ids) out.set(traceNodeKey({ type, id }), found.get(id)?.label ?? "");
    }
    return out;
  }

  async function presentLinks(workspaceId: string, rows: TraceLinkRow[]): Promise<TTraceLink[]> {
    const names = await labels(
      workspaceId,
      rows.flatMap((r) => [
        { type: r.fromType, id: r.fromId },
        { type: r.toType, id: r.toId },
      ]),
    );
    return rows.map((r) => ({
      id: r.id,
      projectId: r.projectId,
      fromType: asTraceType(r.fromType),
      fromId: r.fromId,
      fromLabel: names.get(traceNodeKey({ type: r.fromType, id: r.fromId })) ?? "",
      toType: asTraceType(r.toType),
      toId: r.toId,
      toLabel: names.get(traceNodeKey({ type: r.toType, id: r.toId })) ?? "",
      kind: r.kind as TTraceLinkKind,
      createdById: r.createdById,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  /** The artefact, if its type is registered and it exists in the project; else a 400 on `path`. */
  async function requireTarget(workspaceId: string, projectId: string, type: TTraceEntityType, id: string, path: "from" | "to") {
    const resolver = traceTargetResolver(type);
    if (!resolver) throw fieldError(`body.${path}Type`, "trace.type_unavailable");
    const target = (await resolver(deps.db, workspaceId, [id])).get(id);
    if (!target || target.projectId !== projectId) throw fieldError(`body.${path}Id`, "trace.target_not_found");
  }

  return {
    listLinks: async (
      actor: Actor,
      projectId: string,
      query: { type?: TTraceEntityType | undefined; id?: string | undefined; kind?: TTraceLinkKind | undefined; cursor?: string | undefined; limit: number },
    ) => {
      await requireTraceability(actor, projectId, "requirements.internal.read");
      const rows = await repo.list(actor.workspaceId, projectId, query);
      const page = toPage(rows, query.limit, (r) => r.createdAt.toISOString());
      return { items: await presentLinks(actor.workspaceId, page.items), nextCursor: page.nextCursor };
    },

    /**
     * "from <kind> to", from the downstream artefact to what it serves. Both ends must exist in the project; a
     * requirement is only ever the upstream end (requirements relate to each other through relations).
     */
    createLink: async (actor: Actor, projectId: string, input: TCreateTraceLinkRequest) => {
      await requireTraceability(actor, projectId, "requirements.write");
      if (input.fromType === "requirement") throw fieldError("body.fromType", "trace.requirement_upstream");
      // A risk threatens what it endangers; nothing else threatens, and a risk does nothing else (docs/risks.md).
      if ((input.kind === "threatens") !== (input.fromType === "risk") || input.toType === "risk") throw fieldError("body.kind", "trace.threatens_risk_only");
      if (input.fromType === input.toType && input.fromId === input.toId) throw fieldError("body.toId", "trace.target_not_found");
      await requireTarget(actor.workspaceId, projectId, input.fromType, input.fromId, "from");
      await requireTarget(actor.workspaceId, projectId, input.toType, input.toId, "to");
      try {
        const row = await repo.create(actor, { projectId, ...input });
        const [presented] = await presentLinks(actor.workspaceId, [row]);
        if (!presented) throw new Error("link vanished");
        return presented;
      } catch (error) {
        if (isUniqueViolation(error, "trace_links_uq")) throw new AppError("conflict", "trace.link_exists");
        throw error;
      }
    },

    deleteLink: async (actor: Actor, id: string) => {
      const row = await repo.get(actor.workspaceId, id);
      if (!row) throw notFound("trace.not_found");
      await requireTraceability(actor, row.projectId, "requirements.write");
      if (!(await repo.remove(actor, id))) throw notFound("trace.not_found");
    },

    /**
     * Every requirement of the project, by key, with everything downstream of it (followed through tasks to their
     * tests and deliverables, …) grouped by type; `gaps` lists the approved and baselined ones with nothing.
     */
    matrix: async (actor: Actor, projectId: string): Promise<TTraceabilityMatrix> => {
      await requireTraceability(actor, projectId, "requirements.internal.read");
      const reqs = await repo.requirementsOf(projectId);
      const links = await repo.listAll(projectId);
      const roots = reqs.map((r) => ({ type: "requirement", id: r.id }));
      const downstream = traceGraphDownstream(links, roots);
      const all: TraceDownstreamItem[] = [...downstream.values()].flat();
      const names = await labels(actor.workspaceId, all);
      const rows = reqs.map((r) => {
        const items = downstream.get(traceNodeKey({ type: "requirement", id: r.id })) ?? [];
        const groups = TRACE_ENTITY_TYPES.flatMap((type) => {
          const ofType = items.filter((i) => i.type === type);
          return ofType.length === 0
            ? []
            : [
                {
                  type,
                  items: ofType.map((i) => ({
                    type,
                    id: i.id,
                    label: names.get(traceNodeKey(i)) ?? "",
                    kind: i.kind as TTraceLinkKind,
                    linkId: i.linkId,
                    depth: i.depth,
                    viaType: asTraceType(i.via.type),
                    viaId: i.via.id,
                  })),
                },
              ];
        });
        const requirement = { id: r.id, key: requirementKey(r.number), title: r.title, status: r.status };
        // A risk threatening a requirement is no work towards it: only delivery artefacts close a gap.
        const delivered = items.some((i) => i.type !== "risk");
        return { requirement, downstream: groups, gap: EXPECTS_DOWNSTREAM.includes(r.status) && !delivered };
      });
      return { rows, gaps: rows.filter((r) => r.gap).map((r) => r.requirement) };
    },
  };
}
