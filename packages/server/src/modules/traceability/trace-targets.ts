/**
 * What a trace link may point at. Each module that owns a traceable artefact registers its type here — the
 * requirements module registers `requirement`; planning will register `task`, delivery `deliverable` and
 * `acceptance_test`, the helpdesk `ticket` — with a resolver that says, for ids of that type, which project each
 * belongs to and how to label it. A link is accepted only between artefacts that resolve to the link's project; a
 * type nobody registered yet is refused (`trace.type_unavailable`), so no link ever points at nothing.
 *
 *   // modules/tasks/tasks.scope.ts
 *   registerTraceTarget("task", async (db, workspaceId, ids) => {
 *     const rows = await db.select({ id: tasks.id, projectId: tasks.projectId, key: tasks.key, title: tasks.title })
 *       .from(tasks).where(and(eq(tasks.workspaceId, workspaceId), inArray(tasks.id, ids)));
 *     return new Map(rows.map((r) => [r.id, { projectId: r.projectId, label: `${r.key} ${r.title}` }]));
 *   });
 */
import type { TTraceEntityType } from "@jiaofu/contracts";
import type { Db, Tx } from "../../db/database";

export type TraceTarget = { projectId: string; label: string };

/** The artefacts of `ids` that exist in the workspace, by id (missing ones are left out). */
export type TraceTargetResolver = (db: Db | Tx, workspaceId: string, ids: readonly string[]) => Promise<Map<string, TraceTarget>>;

const resolvers = new Map<TTraceEntityType, TraceTargetResolver>();

export function registerTraceTarget(type: TTraceEntityType, resolver: TraceTargetResolver): void {
  if (resolvers.has(type)) throw new Error(`trace target "${type}" registered twice`);
  resolvers.set(type, resolver);
}

export const traceTargetResolver = (type: TTraceEntityType): TraceTargetResolver | undefined => resolvers.get(type);
