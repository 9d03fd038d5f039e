import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { BASELINE_SCOPE_STATUSES, type BaselineItem } from "@jiaofu/engine";
import type { Db, Tx } from "../../db/database";
import { baselineRequirements, baselines, projects, requirementRelations, requirements, users } from "../../db/schema";
import { requirementSnapshotOf, type RequirementRecord } from "../requirements/requirements.repository";

export type BaselineRecord = typeof baselines.$inferSelect;
export type BaselineRow = BaselineRecord & { createdByName: string | null; requirementCount: number };

type ConflictEnd = Pick<RequirementRecord, "id" | "number" | "title" | "status">;

/** An open conflict between two requirements of the project, with both ends' keys and titles. */
export type OpenConflictRow = {
  id: string;
  fromId: string;
  toId: string;
  from: ConflictEnd;
  to: ConflictEnd;
};

const conflictFrom = alias(requirements, "conflict_from");
const conflictTo = alias(requirements, "conflict_to");

/** A requirement row as a (would-be) baseline item: its key, version and snapshot now. */
export const baselineItemOf = (row: RequirementRecord): BaselineItem => ({
  requirementId: row.id,
  number: row.number,
  version: row.version,
  snapshot: requirementSnapshotOf(row),
});

export function createBaselinesRepository(db: Db | Tx) {
  const selectRows = () =>
    db
      .select({ baseline: baselines, createdByName: users.name, requirementCount: sql<number>`(select count(*)::int from ${baselineRequirements} where ${baselineRequirements.baselineId} = ${baselines.id})` })
      .from(baselines)
      .leftJoin(users, eq(users.id, baselines.createdById));
  const flatten = (r: { baseline: BaselineRecord; createdByName: string | null; requirementCount: number }): BaselineRow => ({
    ...r.baseline,
    createdByName: r.createdByName,
    requirementCount: Number(r.requirementCount),
  });

  return {
    /** The project's baselines, oldest first. */
    list: async (workspaceId: string, projectId: string): Promise<BaselineRow[]> => {
      const rows = await selectRows()
        .where(and(eq(baselines.workspaceId, workspaceId), eq(baselines.projectId, projectId)))
        .orderBy(asc(baselines.number));
      return rows.map(flatten);
    },

    get: async (workspaceId: string, id: string): Promise<BaselineRow | undefined> => {
      const [row] = await selectRows().where(and(eq(baselines.workspaceId, workspaceId), eq(baselines.id, id)));
      return row ? flatten(row) : undefined;
    },

    /** The items of each baseline in `baselineIds`, by baseline id. */
    items: async (baselineIds: readonly string[]): Promise<Map<string, BaselineItem[]>> => {
      const out = new Map<string, BaselineItem[]>(baselineIds.map((id) => [id, []]));
      if (baselineIds.length === 0) return out;
      const rows = await db
        .select()
        .from(baselineRequirements)
        .where(inArray(baselineRequirements.baselineId, [...baselineIds]))
        .orderBy(asc(baselineRequirements.requirementNumber));
      for (const row of rows) {
        out.get(row.baselineId)?.push({ requirementId: row.requirementId, number: row.requirementNumber, version: row.requirementVersion, snapshot: row.snapshot });
      }
      return out;
    },

    /** Every requirement of the project as it stands now (the "today" side of a comparison). */
    register: async (workspaceId: string, projectId: string): Promise<RequirementRecord[]> =>
      db
        .select()
        .from(requirements)
        .where(and(eq(requirements.workspaceId, workspaceId), eq(requirements.projectId, projectId)))
        .orderBy(asc(requirements.number)),

    /** The project's open conflicts, oldest first. */
    openConflicts: async (workspaceId: string, projectId: string): Promise<OpenConflictRow[]> => {
      const rows = await db
        .select({
          id: requirementRelations.id,
          fromId: requirementRelations.fromId,
          toId: requirementRelations.toId,
          from: { id: conflictFrom.id, number: conflictFrom.number, title: conflictFrom.title, status: conflictFrom.status },
          to: { id: conflictTo.id, number: conflictTo.number, title: conflictTo.title, status: conflictTo.status },
        })
        .from(requirementRelations)
        .innerJoin(conflictFrom, eq(conflictFrom.id, requirementRelations.fromId))
        .innerJoin(conflictTo, eq(conflictTo.id, requirementRelations.toId))
        .where(
          and(
            eq(requirementRelations.workspaceId, workspaceId),
            eq(requirementRelations.projectId, projectId),
            eq(requirementRelations.kind, "conflicts_with"),
            eq(requirementRelations.status, "open"),
          ),
        )
        .orderBy(asc(requirementRelations.createdAt), asc(requirementRelations.id));
      return rows;
    },

    /**
     * Locks the project row, so baselines (and requirement creations, which lock it too) of one project are taken one
     * after the other; returns the next baseline number.
     */
    lockProjectForBaseline: async (projectId: string): Promise<number> => {
      await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for("update");
      const [next] = await db
        .select({ number: sql<number>`coalesce(max(${baselines.number}), 0)::int + 1` })
        .from(baselines)
        .where(eq(baselines.projectId, projectId));
      return Number(next?.number ?? 1);
    },

    /** The requirements in scope, locked (in id order, like every multi-requirement change) until the transaction ends. */
    lockInScope: async (workspaceId: string, projectId: string): Promise<RequirementRecord[]> =>
      db
        .select()
        .from(requirements)
        .where(
          and(
            eq(requirements.workspaceId, workspaceId),
            eq(requirements.projectId, projectId),
            inArray(requirements.status, [...BASELINE_SCOPE_STATUSES]),
          ),
        )
        .orderBy(asc(requirements.id))
        .for("update"),

    /** Inserts the baseline and its items (never updated afterwards). */
    insert: async (values: typeof baselines.$inferInsert, items: readonly BaselineItem[]): Promise<BaselineRecord> => {
      const [row] = await db.insert(baselines).values(values).returning();
      if (!row) throw new Error("insert returned nothing");
      if (items.length > 0) {
        await db.insert(baselineRequirements).values(
          items.map((item) => ({
            baselineId: row.id,
            requirementId: item.requirementId,
            requirementNumber: item.number,
            requirementVersion: item.version,
            snapshot: item.snapshot,
          })),
        );
      }
      return row;
    },
  };
}
