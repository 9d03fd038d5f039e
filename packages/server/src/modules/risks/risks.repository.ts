import { and, asc, desc, eq, ilike, inArray, not, or, sql, type SQL } from "drizzle-orm";
import { riskLevelScoreRange, riskNumberFromText, type RiskLevel, type RiskState } from "@jiaofu/engine";
import type { TRiskCategory, TRiskStatus } from "@jiaofu/contracts";
import type { Db, Tx } from "../../db/database";
import { projects, requirements, riskReviews, risks, traceLinks, users } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import { afterCursor, orderBy, type SortSpec } from "../../platform/pagination";
import type { Actor, RiskVisibility } from "../../platform/policy";
import { containsPattern } from "../../platform/text-search";

export type RiskRecord = typeof risks.$inferSelect;
export type RiskRow = RiskRecord & { ownerName: string | null; lastReviewedAt: Date | null };
export type RiskReviewRecord = typeof riskReviews.$inferSelect;
export type RiskReviewRow = RiskReviewRecord & { reviewedByName: string | null };

/** The columns a person edits (status and its reason included: a risk has no workflow beyond "closing needs a reason"). */
export type RiskValues = Pick<
  RiskRecord,
  | "title"
  | "description"
  | "category"
  | "probability"
  | "impact"
  | "strategy"
  | "responsePlan"
  | "ownerId"
  | "trigger"
  | "reviewDate"
  | "status"
  | "statusReason"
  | "sharedWithClient"
>;

/** The register's filters, as the list and the heat map apply them in SQL. */
export type RiskFilters = {
  status?: TRiskStatus[] | undefined;
  category?: TRiskCategory[] | undefined;
  level?: RiskLevel[] | undefined;
  ownerId?: string | undefined;
  overdue?: boolean | undefined;
  probability?: number | undefined;
  impact?: number | undefined;
  q?: string | undefined;
};

/** What a review entry records besides the states: its note and the next review date set then. */
export type RiskReviewValues = { note: string; nextReviewDate: string | null };

/** The kind of trace link from a risk to what it threatens. */
export const THREATENS = "threatens";

const SCORE = sql<number>`(${risks.probability} * ${risks.impact})`;
/** A review date before `today` on a risk that is not closed (agrees with `riskReviewOverdue`). */
const overdueClause = (today: string) => sql`(${risks.reviewDate} is not null and ${risks.reviewDate} < ${today}::date and ${risks.status} <> 'closed')`;
const LAST_REVIEWED = sql<Date | null>`(select max(${riskReviews.reviewedAt}) from ${riskReviews} where ${riskReviews.riskId} = ${risks.id})`;

/**
 * Sort orders. Equal scores list by key, so the order is the same on every page: the score and the key are folded
 * into one number (score × 10⁹ − number), which also makes the keyset cursor one value.
 */
export const RISK_SORT_COLUMNS = {
  score: sql`((${risks.probability} * ${risks.impact})::numeric * 1000000000 - ${risks.number})`,
  key: risks.number,
  reviewDate: sql`coalesce(${risks.reviewDate}, '9999-12-31'::date)`,
  updatedAt: risks.updatedAt,
};
export type RiskSortKey = keyof typeof RISK_SORT_COLUMNS;

/** A row's value of a sort, as it compares in SQL (for the cursor). */
export function riskSortValue(key: RiskSortKey, row: RiskRecord): string | number {
  switch (key) {
    case "score":
      return row.probability * row.impact * 1_000_000_000 - row.number;
    case "key":
      return row.number;
    case "reviewDate":
      return row.reviewDate ?? "9999-12-31";
    case "updatedAt":
      return row.updatedAt.toISOString();
  }
}

function visibilityClause(visibility: RiskVisibility): SQL | undefined {
  switch (visibility.kind) {
    case "all":
      return undefined;
    case "shared":
      return eq(risks.sharedWithClient, true);
    case "none":
      return sql`false`;
  }
}

function filterClauses(filters: RiskFilters, today: string): (SQL | undefined)[] {
  const q = filters.q?.trim();
  const keyNumber = q ? riskNumberFromText(q) : null;
  return [
    filters.status?.length ? inArray(risks.status, filters.status) : undefined,
    filters.category?.length ? inArray(risks.category, filters.category) : undefined,
    filters.level?.length
      ? or(
          ...filters.level.map((level) => {
            const { min, max } = riskLevelScoreRange(level);
            return sql`${SCORE} between ${min} and ${max}`;
          }),
        )
      : undefined,
    filters.ownerId ? eq(risks.ownerId, filters.ownerId) : undefined,
    filters.overdue === undefined ? undefined : filters.overdue ? overdueClause(today) : not(overdueClause(today)),
    filters.probability ? eq(risks.probability, filters.probability) : undefined,
    filters.impact ? eq(risks.impact, filters.impact) : undefined,
    q ? (keyNumber !== null ? eq(risks.number, keyNumber) : or(ilike(risks.title, containsPattern(q)), ilike(risks.description, containsPattern(q)))) : undefined,
  ];
}

export function createRisksRepository(db: Db | Tx) {
  const selectRows = () =>
    db
      .select({ risk: risks, ownerName: users.name, lastReviewedAt: LAST_REVIEWED })
      .from(risks)
      .leftJoin(users, eq(users.id, risks.ownerId));
  type Selected = Awaited<ReturnType<ReturnType<typeof selectRows>["execute"]>>[number];
  const flatten = (r: Selected): RiskRow => ({
    ...r.risk,
    ownerName: r.ownerName,
    lastReviewedAt: r.lastReviewedAt === null ? null : new Date(r.lastReviewedAt),
  });

  async function insertReview(
    tx: Db | Tx,
    actor: Pick<Actor, "userId">,
    risk: RiskRecord,
    before: RiskState | null,
    values: RiskReviewValues,
    at: Date,
  ): Promise<RiskReviewRecord> {
    const [row] = await tx
      .insert(riskReviews)
      .values({
        riskId: risk.id,
        projectId: risk.projectId,
        reviewedById: actor.userId,
        reviewedAt: at,
        riskVersion: risk.version,
        probabilityBefore: before?.probability ?? null,
        probabilityAfter: risk.probability,
        impactBefore: before?.impact ?? null,
        impactAfter: risk.impact,
        statusBefore: before?.status ?? null,
        statusAfter: risk.status,
        note: values.note,
        nextReviewDate: values.nextReviewDate,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    return row;
  }

  /** Next `RISK-n` of the project; call with the project row locked. */
  async function nextNumber(tx: Db | Tx, projectId: string): Promise<number> {
    const [next] = await tx
      .select({ number: sql<number>`coalesce(max(${risks.number}), 0)::int + 1` })
      .from(risks)
      .where(eq(risks.projectId, projectId));
    return Number(next?.number ?? 1);
  }

  return {
    list: async (
      workspaceId: string,
      projectId: string,
      visibility: RiskVisibility,
      opts: RiskFilters & { sort: SortSpec; cursor?: string | undefined; limit: number },
      today: string,
    ): Promise<RiskRow[]> => {
      const rows = await selectRows()
        .where(
          and(
            eq(risks.workspaceId, workspaceId),
            eq(risks.projectId, projectId),
            visibilityClause(visibility),
            ...filterClauses(opts, today),
            afterCursor(opts.sort, risks.id, opts.cursor),
          ),
        )
        .orderBy(...orderBy(opts.sort, risks.id))
        .limit(opts.limit + 1);
      return rows.map(flatten);
    },

    /** Every risk matching the filters, highest score first then by key (for the heat map). */
    all: async (workspaceId: string, projectId: string, visibility: RiskVisibility, filters: RiskFilters, today: string) =>
      db
        .select({ id: risks.id, number: risks.number, title: risks.title, probability: risks.probability, impact: risks.impact })
        .from(risks)
        .where(and(eq(risks.workspaceId, workspaceId), eq(risks.projectId, projectId), visibilityClause(visibility), ...filterClauses(filters, today)))
        .orderBy(desc(SCORE), asc(risks.number)),

    /** How many risks the caller sees are overdue for review (not closed, review date before today). */
    overdueCount: async (workspaceId: string, projectId: string, visibility: RiskVisibility, today: string): Promise<number> => {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(risks)
        .where(and(eq(risks.workspaceId, workspaceId), eq(risks.projectId, projectId), visibilityClause(visibility), overdueClause(today)));
      return Number(row?.count ?? 0);
    },

    /** The review history of every risk the caller sees, oldest first (to rebuild exposure over time). */
    historyOf: (workspaceId: string, projectId: string, visibility: RiskVisibility) =>
      db
        .select({
          riskId: riskReviews.riskId,
          reviewedAt: riskReviews.reviewedAt,
          probability: riskReviews.probabilityAfter,
          impact: riskReviews.impactAfter,
          status: riskReviews.statusAfter,
        })
        .from(riskReviews)
        .innerJoin(risks, eq(risks.id, riskReviews.riskId))
        .where(and(eq(risks.workspaceId, workspaceId), eq(risks.projectId, projectId), visibilityClause(visibility)))
        .orderBy(asc(riskReviews.reviewedAt), asc(riskReviews.riskVersion)),

    get: async (workspaceId: string, id: string): Promise<RiskRow | undefined> => {
      const [row] = await selectRows().where(and(eq(risks.workspaceId, workspaceId), eq(risks.id, id)));
      return row ? flatten(row) : undefined;
    },

    /** The row, locked until the transaction ends (edits and reviews of one risk happen one at a time). */
    lock: async (workspaceId: string, id: string): Promise<RiskRecord | undefined> => {
      const [row] = await db
        .select()
        .from(risks)
        .where(and(eq(risks.workspaceId, workspaceId), eq(risks.id, id)))
        .for("update");
      return row;
    },

    /** Labels for trace links: the risks among `ids` in the workspace. */
    labels: (workspaceId: string, ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .select({ id: risks.id, projectId: risks.projectId, number: risks.number, title: risks.title })
            .from(risks)
            .where(and(eq(risks.workspaceId, workspaceId), inArray(risks.id, [...ids]))),

    /**
     * New risks with the next `RISK-n` of their project, each with its first assessment as a review and an audit row,
     * and the requirements it threatens linked — one transaction; the project row is locked `for update`, so
     * concurrent creations take numbers one after the other. A template key already in the register is skipped.
     */
    create: (
      actor: Actor,
      projectId: string,
      entries: readonly { values: RiskValues; templateKey?: string | null; requirementIds?: readonly string[] }[],
      now: Date,
    ) =>
      db.transaction(async (tx) => {
        await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for("update");
        const templateKeys = entries.flatMap((e) => (e.templateKey ? [e.templateKey] : []));
        const existing = new Set(
          templateKeys.length === 0
            ? []
            : (
                await tx
                  .select({ key: risks.templateKey })
                  .from(risks)
                  .where(and(eq(risks.projectId, projectId), inArray(risks.templateKey, templateKeys)))
              ).map((r) => r.key),
        );
        let number = await nextNumber(tx, projectId);
        const created: RiskRecord[] = [];
        for (const entry of entries) {
          if (entry.templateKey && existing.has(entry.templateKey)) continue;
          const [row] = await tx
            .insert(risks)
            .values({
              ...entry.values,
              templateKey: entry.templateKey ?? null,
              workspaceId: actor.workspaceId,
              projectId,
              number: number++,
              createdById: actor.userId,
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          if (!row) throw new Error("insert returned nothing");
          await insertReview(tx, actor, row, null, { note: "", nextReviewDate: row.reviewDate }, now);
          const requirementIds = entry.requirementIds ?? [];
          if (requirementIds.length > 0) {
            await tx
              .insert(traceLinks)
              .values(requirementIds.map((toId) => ({ workspaceId: actor.workspaceId, projectId, fromType: "risk", fromId: row.id, toType: "requirement", toId, kind: THREATENS, createdById: actor.userId })));
          }
          await recordAudit(tx, actor, actor.workspaceId, { entityType: "risk", entityId: row.id, projectId, action: "create", after: { ...row, requirementIds } });
          created.push(row);
        }
        return { created, skipped: entries.length - created.length };
      }),

    /**
     * Writes `set` if the row is still at `expectedVersion`; a change of probability, impact or status (or an
     * explicit `review`) writes a review row with the states before and after. Returns the row after, or undefined
     * when it moved on. Call inside a transaction with the row locked.
     */
    update: async (
      actor: Actor,
      before: RiskRecord,
      expectedVersion: number,
      set: Partial<RiskValues>,
      review: (RiskReviewValues & { always: boolean }) | null,
      action: string,
      now: Date,
    ): Promise<RiskRecord | undefined> => {
      const [after] = await db
        .update(risks)
        .set({ ...set, updatedAt: now, version: sql`${risks.version} + 1` })
        .where(and(eq(risks.id, before.id), eq(risks.version, expectedVersion)))
        .returning();
      if (!after) return undefined;
      const changed = after.probability !== before.probability || after.impact !== before.impact || after.status !== before.status;
      if (review && (changed || review.always)) {
        await insertReview(db, actor, after, { probability: before.probability as RiskState["probability"], impact: before.impact as RiskState["impact"], status: before.status }, review, now);
      }
      await recordAudit(db, actor, actor.workspaceId, { entityType: "risk", entityId: before.id, projectId: before.projectId, action, before, after });
      return after;
    },

    reviews: async (riskId: string): Promise<RiskReviewRow[]> => {
      const rows = await db
        .select({ review: riskReviews, reviewedByName: users.name })
        .from(riskReviews)
        .leftJoin(users, eq(users.id, riskReviews.reviewedById))
        .where(eq(riskReviews.riskId, riskId))
        .orderBy(desc(riskReviews.reviewedAt), desc(riskReviews.riskVersion));
      return rows.map((r) => ({ ...r.review, reviewedByName: r.reviewedByName }));
    },

    /** The requirements a risk threatens, by key, with the link's id. */
    linkedRequirements: (riskId: string) =>
      db
        .select({ linkId: traceLinks.id, id: requirements.id, number: requirements.number, title: requirements.title, status: requirements.status, clientSharedAt: requirements.clientSharedAt })
        .from(traceLinks)
        .innerJoin(requirements, eq(requirements.id, traceLinks.toId))
        .where(and(eq(traceLinks.fromType, "risk"), eq(traceLinks.fromId, riskId), eq(traceLinks.toType, "requirement"), eq(traceLinks.kind, THREATENS)))
        .orderBy(asc(requirements.number)),

    /** The requirements of the project among `ids`. */
    requirementsOf: (workspaceId: string, projectId: string, ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .select({ id: requirements.id, number: requirements.number, title: requirements.title, status: requirements.status })
            .from(requirements)
            .where(and(eq(requirements.workspaceId, workspaceId), eq(requirements.projectId, projectId), inArray(requirements.id, [...ids]))),

    /**
     * Links the risk to a requirement it threatens (a trace link), audited on the risk and, as every trace link is,
     * on the requirement. Returns the link, or undefined when it already exists.
     */
    linkRequirement: (actor: Actor, risk: RiskRecord, requirement: { id: string; key: string }) =>
      db.transaction(async (tx) => {
        const [link] = await tx
          .insert(traceLinks)
          .values({ workspaceId: actor.workspaceId, projectId: risk.projectId, fromType: "risk", fromId: risk.id, toType: "requirement", toId: requirement.id, kind: THREATENS, createdById: actor.userId })
          .onConflictDoNothing()
          .returning();
        if (!link) return undefined;
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "risk", entityId: risk.id, projectId: risk.projectId, action: "requirement.link", after: { requirementId: requirement.id, key: requirement.key } });
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "requirement", entityId: requirement.id, projectId: risk.projectId, action: "trace.add", after: link });
        return link;
      }),

    unlinkRequirement: (actor: Actor, risk: RiskRecord, requirement: { id: string; key: string }) =>
      db.transaction(async (tx) => {
        const [link] = await tx
          .delete(traceLinks)
          .where(
            and(
              eq(traceLinks.fromType, "risk"),
              eq(traceLinks.fromId, risk.id),
              eq(traceLinks.toType, "requirement"),
              eq(traceLinks.toId, requirement.id),
              eq(traceLinks.kind, THREATENS),
            ),
          )
          .returning();
        if (!link) return false;
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "risk", entityId: risk.id, projectId: risk.projectId, action: "requirement.unlink", before: { requirementId: requirement.id, key: requirement.key } });
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "requirement", entityId: requirement.id, projectId: risk.projectId, action: "trace.remove", before: link });
        return true;
      }),
  };
}

export type RisksRepository = ReturnType<typeof createRisksRepository>;
