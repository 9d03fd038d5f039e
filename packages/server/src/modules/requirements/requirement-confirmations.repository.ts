import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { RequirementSnapshot } from "@jiaofu/engine";
import type { TRequirementConfirmationDecision } from "@jiaofu/contracts";
import type { Db, Tx } from "../../db/database";
import { requirementConfirmations, requirementVersions, requirements, users } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import type { EntityScope } from "../../platform/entity-scope";
import { renderMarkdown } from "../../platform/markdown";
import type { Actor } from "../../platform/policy";
import { createCommentsRepository } from "../comments/comments.repository";
import { applyRequirementChange, StaleRequirement, type RequirementRecord, type RequirementStep } from "./requirements.repository";

export type ConfirmationRecord = typeof requirementConfirmations.$inferSelect;
export type ConfirmationRow = ConfirmationRecord & { contactName: string };
/** A requirement's latest confirmation, with the snapshot of the version the contact answered. */
export type LatestConfirmation = ConfirmationRow & { confirmedSnapshot: RequirementSnapshot | null };

/** What a contact answered, and the move it makes; `thread` is where a request for clarification is posted. */
export type ConfirmationInput = {
  requirementId: string;
  projectId: string;
  seenVersion: number;
  decision: TRequirementConfirmationDecision;
  comment: string;
  step: RequirementStep;
  thread: EntityScope | null;
};

/** Most pending requirements a portal list shows at once (`total` says how many there are). */
export const PENDING_LIMIT = 200;

/** When the requirement last reached `awaiting_client` (by a person or automatically after an edit). */
const AWAITING_SINCE = sql<Date>`coalesce((
  select max(${requirementVersions.changedAt}) from ${requirementVersions}
  where ${requirementVersions.requirementId} = ${requirements.id}
    and ${requirementVersions.action} = 'transition'
    and ${requirementVersions.snapshot}->>'status' = 'awaiting_client'
), ${requirements.updatedAt})`.mapWith((value: string | Date) => new Date(value));

export function createRequirementConfirmationsRepository(db: Db | Tx) {
  const selectRows = () =>
    db
      .select({ confirmation: requirementConfirmations, contactName: users.name })
      .from(requirementConfirmations)
      .innerJoin(users, eq(users.id, requirementConfirmations.contactId));

  return {
    /** A requirement's confirmations, newest first. */
    listFor: async (requirementId: string): Promise<ConfirmationRow[]> => {
      const rows = await selectRows()
        .where(eq(requirementConfirmations.requirementId, requirementId))
        .orderBy(desc(requirementConfirmations.createdAt), desc(requirementConfirmations.id));
      return rows.map((r) => ({ ...r.confirmation, contactName: r.contactName }));
    },

    /** The latest confirmation of each requirement of `ids` that has one, by requirement id. */
    latestFor: async (ids: readonly string[]): Promise<Map<string, LatestConfirmation>> => {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectDistinctOn([requirementConfirmations.requirementId], {
          confirmation: requirementConfirmations,
          contactName: users.name,
          confirmedSnapshot: requirementVersions.snapshot,
        })
        .from(requirementConfirmations)
        .innerJoin(users, eq(users.id, requirementConfirmations.contactId))
        .leftJoin(
          requirementVersions,
          and(eq(requirementVersions.requirementId, requirementConfirmations.requirementId), eq(requirementVersions.version, requirementConfirmations.requirementVersion)),
        )
        .where(inArray(requirementConfirmations.requirementId, [...ids]))
        .orderBy(requirementConfirmations.requirementId, desc(requirementConfirmations.createdAt), desc(requirementConfirmations.id));
      return new Map(rows.map((r) => [r.confirmation.requirementId, { ...r.confirmation, contactName: r.contactName, confirmedSnapshot: r.confirmedSnapshot }]));
    },

    /** The project's requirements awaiting the client, longest waiting first (at most `PENDING_LIMIT`), and their number. */
    pending: async (workspaceId: string, projectId: string): Promise<{ rows: (RequirementRecord & { awaitingSince: Date })[]; total: number }> => {
      const where = and(eq(requirements.workspaceId, workspaceId), eq(requirements.projectId, projectId), eq(requirements.status, "awaiting_client"));
      const rows = await db
        .select({ requirement: requirements, awaitingSince: AWAITING_SINCE })
        .from(requirements)
        .where(where)
        .orderBy(asc(AWAITING_SINCE), asc(requirements.number))
        .limit(PENDING_LIMIT);
      const [counted] = await db.select({ total: count() }).from(requirements).where(where);
      return { rows: rows.map((r) => ({ ...r.requirement, awaitingSince: r.awaitingSince })), total: counted?.total ?? 0 };
    },

    /**
     * One transaction: the move (a version and an audit row, as every transition writes them, refused if the
     * requirement is no longer at `seenVersion`), the confirmation, its audit row and — for a request for
     * clarification — the comment on the requirement's thread. `stale` when someone changed it first: nothing is
     * written.
     */
    record: async (actor: Actor, input: ConfirmationInput, now: Date): Promise<{ kind: "ok"; confirmation: ConfirmationRow; requirement: RequirementRecord } | { kind: "stale" }> => {
      try {
        return await db.transaction(async (tx) => {
          const requirement = await applyRequirementChange(tx, actor, { id: input.requirementId, expectedVersion: input.seenVersion, steps: [input.step] }, now);
          const [confirmation] = await tx
            .insert(requirementConfirmations)
            .values({
              workspaceId: actor.workspaceId,
              projectId: input.projectId,
              requirementId: input.requirementId,
              requirementVersion: input.seenVersion,
              decision: input.decision,
              comment: input.comment,
              contactId: actor.userId,
              createdAt: now,
            })
            .returning();
          if (!confirmation) throw new Error("insert returned nothing");
          await recordAudit(tx, actor, actor.workspaceId, {
            entityType: "requirement",
            entityId: input.requirementId,
            projectId: input.projectId,
            action: `confirmation.${input.decision}`,
            after: { decision: confirmation.decision, requirementVersion: confirmation.requirementVersion, comment: confirmation.comment },
          });
          // The team answers a question where they discuss the requirement: the comment thread.
          if (input.thread) await createCommentsRepository(tx).create(actor, input.thread, { body: input.comment, bodyHtml: renderMarkdown(input.comment) }, now);
          return { kind: "ok" as const, confirmation: { ...confirmation, contactName: actor.name }, requirement };
        });
      } catch (error) {
        if (error instanceof StaleRequirement) return { kind: "stale" };
        throw error;
      }
    },
  };
}
