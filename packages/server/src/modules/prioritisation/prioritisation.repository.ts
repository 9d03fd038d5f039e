import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { MoscowPriority, ScoringCriterion, ScoringModel } from "@jiaofu/engine";
import type { Db, Tx } from "../../db/database";
import { projects, requirementScoringModels, requirements, users } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import type { Actor } from "../../platform/policy";

export type ScoringModelRecord = typeof requirementScoringModels.$inferSelect;
export type ScoringModelRow = ScoringModelRecord & { updatedByName: string | null };

/** What ranking needs of a requirement: its tier, rank and version (to write it), and its inputs (to score it). */
export type RankingRow = Pick<typeof requirements.$inferSelect, "id" | "moscow" | "rank" | "version" | "priorityInputs">;

const rankingColumns = {
  id: requirements.id,
  moscow: requirements.moscow,
  rank: requirements.rank,
  version: requirements.version,
  priorityInputs: requirements.priorityInputs,
};

/** The scoring models of projects and the rows ranking reads. Requirements themselves change through the register's repository. */
export function createPrioritisationRepository(db: Db | Tx) {
  return {
    /** The project's scoring model, or undefined while it never saved one (it is `none` then). */
    model: async (workspaceId: string, projectId: string, options: { forUpdate?: boolean } = {}): Promise<ScoringModelRow | undefined> => {
      if (options.forUpdate) {
        // Locked on its own: `for update` cannot lock the nullable side of the join to users.
        const [locked] = await db
          .select()
          .from(requirementScoringModels)
          .where(and(eq(requirementScoringModels.projectId, projectId), eq(requirementScoringModels.workspaceId, workspaceId)))
          .for("update");
        if (!locked) return undefined;
      }
      const [row] = await db
        .select({ model: requirementScoringModels, updatedByName: users.name })
        .from(requirementScoringModels)
        .leftJoin(users, eq(users.id, requirementScoringModels.updatedById))
        .where(and(eq(requirementScoringModels.projectId, projectId), eq(requirementScoringModels.workspaceId, workspaceId)));
      return row ? { ...row.model, updatedByName: row.updatedByName } : undefined;
    },

    /**
     * Saves the model if it is still at `expectedVersion` (0: the project has none yet), with an audit row on the
     * project. Returns undefined when someone else saved in the meantime.
     */
    saveModel: async (
      tx: Tx,
      actor: Actor,
      projectId: string,
      expectedVersion: number,
      values: { model: ScoringModel; criteria: ScoringCriterion[] },
      before: ScoringModelRecord | undefined,
      now: Date,
    ): Promise<ScoringModelRecord | undefined> => {
      let saved: ScoringModelRecord | undefined;
      if (expectedVersion === 0) {
        [saved] = await tx
          .insert(requirementScoringModels)
          .values({ projectId, workspaceId: actor.workspaceId, ...values, updatedById: actor.userId, updatedAt: now })
          .onConflictDoNothing()
          .returning();
      } else {
        [saved] = await tx
          .update(requirementScoringModels)
          .set({ ...values, updatedById: actor.userId, updatedAt: now, version: sql`${requirementScoringModels.version} + 1` })
          .where(and(eq(requirementScoringModels.projectId, projectId), eq(requirementScoringModels.version, expectedVersion)))
          .returning();
      }
      if (!saved) return undefined;
      await recordAudit(tx, actor, actor.workspaceId, { entityType: "project", entityId: projectId, projectId, action: "scoring_model.update", before: before ?? null, after: saved });
      return saved;
    },

    /**
     * Locks the project row, so moves and re-rankings of one project run one after the other (creating a
     * requirement takes the same lock to number it).
     */
    lockProject: async (tx: Tx, projectId: string) => {
      await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for("update");
    },

    /** The requirements of one MoSCoW tier of the project (null: not prioritised), but `exceptId`. */
    tier: async (workspaceId: string, projectId: string, moscow: MoscowPriority | null, exceptId: string): Promise<RankingRow[]> =>
      db
        .select(rankingColumns)
        .from(requirements)
        .where(
          and(
            eq(requirements.workspaceId, workspaceId),
            eq(requirements.projectId, projectId),
            moscow === null ? isNull(requirements.moscow) : eq(requirements.moscow, moscow),
            ne(requirements.id, exceptId),
          ),
        ),

    /** Every requirement of the project, for ranking by score. */
    all: async (workspaceId: string, projectId: string): Promise<RankingRow[]> =>
      db
        .select(rankingColumns)
        .from(requirements)
        .where(and(eq(requirements.workspaceId, workspaceId), eq(requirements.projectId, projectId))),

    recordProjectAudit: async (tx: Tx, actor: Actor, projectId: string, action: string, after: unknown) =>
      recordAudit(tx, actor, actor.workspaceId, { entityType: "project", entityId: projectId, projectId, action, after }),
  };
}
export type PrioritisationRepository = ReturnType<typeof createPrioritisationRepository>;
