import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { RequirementSnapshot } from "@jiaofu/engine";
import type { Db, Tx } from "../../db/database";
import { auditLog, baselines, changeRequestItems, changeRequests, planTasks, projects, requirementVersions, requirements, traceLinks, users, type ChangeRequestProposedContent } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import { afterCursor, orderBy, type SortSpec } from "../../platform/pagination";
import type { Actor, ChangeRequestVisibility } from "../../platform/policy";

export type ChangeRequestRecord = typeof changeRequests.$inferSelect;
export type ChangeRequestItemRecord = typeof changeRequestItems.$inferSelect;

/** A change request with the names and counts its presentation needs. */
export type ChangeRequestRow = ChangeRequestRecord & {
  createdByName: string | null;
  managerDecidedByName: string | null;
  clientDecidedByName: string | null;
  /** Whether it was ever submitted (a contact sees it from then on). */
  submitted: boolean;
  baseline: { id: string; number: number; name: string } | null;
  itemCounts: { add: number; modify: number; remove: number };
};

/** The requirement an item points at (the target of modify/remove, or what an add created). */
export type ItemRequirementRef = { id: string; number: number; title: string; status: RequirementSnapshot["status"] };

export type ChangeRequestItemRow = ChangeRequestItemRecord & {
  requirement: ItemRequirementRef | null;
  result: ItemRequirementRef | null;
};

/** The columns a person edits (the rest change through submit, withdraw and the decisions). */
export type ChangeRequestValues = Pick<
  ChangeRequestRecord,
  "title" | "description" | "reason" | "impactEffortHours" | "impactDays" | "impactCost" | "currency"
>;

/** One item as stored: `position` is its index in the list. */
export type ChangeRequestItemValues = { action: ChangeRequestItemRecord["action"]; requirementId: string | null; proposed: ChangeRequestProposedContent | null };

const creator = alias(users, "cr_creator");
const managerDecider = alias(users, "cr_manager_decider");
const clientDecider = alias(users, "cr_client_decider");
const target = alias(requirements, "cr_item_target");
const result = alias(requirements, "cr_item_result");

/**
 * Ever submitted: in a status only a submission leads to, or withdrawn after its `submit` (a draft withdrawn before
 * anyone outside the team saw it stays the team's). Agrees with `ChangeRequestFacts.submitted`.
 */
const SUBMITTED = sql<boolean>`(${changeRequests.status} in ('submitted', 'approved', 'rejected') or exists (
  select 1 from ${auditLog} where ${auditLog.entityType} = 'change_request' and ${auditLog.entityId} = ${changeRequests.id} and ${auditLog.action} = 'submit'))`;

const countOf = (action: ChangeRequestItemRecord["action"]) =>
  sql<number>`(select count(*)::int from ${changeRequestItems} where ${changeRequestItems.changeRequestId} = ${changeRequests.id} and ${changeRequestItems.action} = ${action})`;

function visibilityClause(visibility: ChangeRequestVisibility): SQL | undefined {
  switch (visibility.kind) {
    case "all":
      return undefined;
    case "submitted":
      return SUBMITTED;
    case "none":
      return sql`false`;
  }
}

/** Newest first: the request a person is working on is usually the last one made. */
export const CHANGE_REQUEST_SORT: SortSpec = { key: "number", expr: changeRequests.number, desc: true };

export function createChangeRequestsRepository(db: Db | Tx) {
  const selectRows = () =>
    db
      .select({
        cr: changeRequests,
        createdByName: creator.name,
        managerDecidedByName: managerDecider.name,
        clientDecidedByName: clientDecider.name,
        submitted: SUBMITTED,
        baseline: { id: baselines.id, number: baselines.number, name: baselines.name },
        adds: countOf("add"),
        modifies: countOf("modify"),
        removes: countOf("remove"),
      })
      .from(changeRequests)
      .leftJoin(creator, eq(creator.id, changeRequests.createdById))
      .leftJoin(managerDecider, eq(managerDecider.id, changeRequests.managerDecidedById))
      .leftJoin(clientDecider, eq(clientDecider.id, changeRequests.clientDecidedById))
      .leftJoin(baselines, eq(baselines.id, changeRequests.resultingBaselineId));
  type Selected = Awaited<ReturnType<ReturnType<typeof selectRows>["execute"]>>[number];
  const flatten = (r: Selected): ChangeRequestRow => ({
    ...r.cr,
    createdByName: r.createdByName,
    managerDecidedByName: r.managerDecidedByName,
    clientDecidedByName: r.clientDecidedByName,
    submitted: Boolean(r.submitted),
    baseline: r.baseline && r.baseline.id ? { id: r.baseline.id, number: r.baseline.number, name: r.baseline.name } : null,
    itemCounts: { add: Number(r.adds), modify: Number(r.modifies), remove: Number(r.removes) },
  });

  return {
    list: async (workspaceId: string, projectId: string, visibility: ChangeRequestVisibility, opts: { status?: ChangeRequestRecord["status"] | undefined; cursor?: string | undefined; limit: number }) => {
      const rows = await selectRows()
        .where(
          and(
            eq(changeRequests.workspaceId, workspaceId),
            eq(changeRequests.projectId, projectId),
            visibilityClause(visibility),
            opts.status ? eq(changeRequests.status, opts.status) : undefined,
            afterCursor(CHANGE_REQUEST_SORT, changeRequests.id, opts.cursor),
          ),
        )
        .orderBy(...orderBy(CHANGE_REQUEST_SORT, changeRequests.id))
        .limit(opts.limit + 1);
      return rows.map(flatten);
    },

    get: async (workspaceId: string, id: string): Promise<ChangeRequestRow | undefined> => {
      const [row] = await selectRows().where(and(eq(changeRequests.workspaceId, workspaceId), eq(changeRequests.id, id)));
      return row ? flatten(row) : undefined;
    },

    /** The row, locked until the transaction ends (deciding, editing and withdrawing one request happen one at a time). */
    lock: async (workspaceId: string, id: string): Promise<ChangeRequestRecord | undefined> => {
      const [row] = await db
        .select()
        .from(changeRequests)
        .where(and(eq(changeRequests.workspaceId, workspaceId), eq(changeRequests.id, id)))
        .for("update");
      return row;
    },

    items: async (changeRequestId: string): Promise<ChangeRequestItemRow[]> => {
      const rows = await db
        .select({
          item: changeRequestItems,
          requirement: { id: target.id, number: target.number, title: target.title, status: target.status },
          result: { id: result.id, number: result.number, title: result.title, status: result.status },
        })
        .from(changeRequestItems)
        .leftJoin(target, eq(target.id, changeRequestItems.requirementId))
        .leftJoin(result, eq(result.id, changeRequestItems.resultRequirementId))
        .where(eq(changeRequestItems.changeRequestId, changeRequestId))
        .orderBy(asc(changeRequestItems.position), asc(changeRequestItems.id));
      return rows.map((r) => ({
        ...r.item,
        requirement: r.requirement && r.requirement.id ? r.requirement : null,
        result: r.result && r.result.id ? r.result : null,
      }));
    },

    /** Whether the project has a baseline: change requests exist to change a baselined scope. */
    hasBaseline: async (projectId: string): Promise<boolean> => {
      const [row] = await db.select({ id: baselines.id }).from(baselines).where(eq(baselines.projectId, projectId)).limit(1);
      return row !== undefined;
    },

    /**
     * The project's plan tasks traced to any of `requirementIds` (`task` → `requirement`, any link kind), with the
     * requirements each is traced to, for the impact estimate.
     */
    tracedPlanTasks: async (workspaceId: string, projectId: string, requirementIds: readonly string[]) => {
      if (requirementIds.length === 0) return [];
      return db
        .select({
          id: planTasks.id,
          parentId: planTasks.parentId,
          wbsCode: planTasks.wbsCode,
          name: planTasks.name,
          start: planTasks.calcStart,
          finish: planTasks.calcFinish,
          startDay: planTasks.calcStartDay,
          finishDay: planTasks.calcFinishDay,
          durationDays: planTasks.calcDurationDays,
          workHours: sql<number>`coalesce(${planTasks.calcWorkHours}, ${planTasks.workHours})`.mapWith(Number),
          cost: sql<number>`coalesce(${planTasks.calcCost}, ${planTasks.fixedCost})`.mapWith(Number),
          requirementId: traceLinks.toId,
        })
        .from(traceLinks)
        .innerJoin(planTasks, and(eq(planTasks.id, traceLinks.fromId), eq(planTasks.projectId, projectId)))
        .where(
          and(
            eq(traceLinks.workspaceId, workspaceId),
            eq(traceLinks.projectId, projectId),
            eq(traceLinks.fromType, "task"),
            eq(traceLinks.toType, "requirement"),
            inArray(traceLinks.toId, [...requirementIds]),
          ),
        )
        .orderBy(asc(planTasks.calcStartDay), asc(planTasks.wbsCode));
    },

    /** Every plan task of the project as child → parent: whether a traced task sits under another traced one. */
    planParents: async (projectId: string): Promise<Map<string, string | null>> => {
      const rows = await db.select({ id: planTasks.id, parentId: planTasks.parentId }).from(planTasks).where(eq(planTasks.projectId, projectId));
      return new Map(rows.map((r) => [r.id, r.parentId]));
    },

    /** The requirements of the project among `ids`, as they are now. */
    requirements: async (workspaceId: string, projectId: string, ids: readonly string[]) => {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(requirements)
        .where(and(eq(requirements.workspaceId, workspaceId), eq(requirements.projectId, projectId), inArray(requirements.id, [...ids])));
    },

    /**
     * For a request applied at `appliedAt`: each requirement's snapshot just before the request changed it (the version
     * before the first one written at that instant), by requirement id.
     */
    snapshotsBefore: async (requirementIds: readonly string[], appliedAt: Date): Promise<Map<string, RequirementSnapshot>> => {
      if (requirementIds.length === 0) return new Map();
      const previous = alias(requirementVersions, "cr_previous_version");
      const rows = await db
        .select({ requirementId: requirementVersions.requirementId, version: requirementVersions.version, snapshot: previous.snapshot })
        .from(requirementVersions)
        .innerJoin(previous, and(eq(previous.requirementId, requirementVersions.requirementId), eq(previous.version, sql`${requirementVersions.version} - 1`)))
        .where(and(inArray(requirementVersions.requirementId, [...requirementIds]), eq(requirementVersions.changedAt, appliedAt)))
        .orderBy(desc(requirementVersions.version));
      // Ordered newest first, so the last one set for a requirement is its first version of that instant.
      const out = new Map<string, RequirementSnapshot>();
      for (const row of rows) out.set(row.requirementId, row.snapshot);
      return out;
    },

    /**
     * A new draft with the next `CR-n` of its project: the project row is locked `for update`, so concurrent
     * creations take numbers one after the other. Its items and the audit row in the same transaction.
     */
    create: (actor: Actor, projectId: string, values: ChangeRequestValues, items: ChangeRequestItemValues[], now: Date) =>
      db.transaction(async (tx) => {
        await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for("update");
        const [next] = await tx
          .select({ number: sql<number>`coalesce(max(${changeRequests.number}), 0)::int + 1` })
          .from(changeRequests)
          .where(eq(changeRequests.projectId, projectId));
        const [row] = await tx
          .insert(changeRequests)
          .values({ ...values, workspaceId: actor.workspaceId, projectId, number: Number(next?.number ?? 1), createdById: actor.userId, createdAt: now, updatedAt: now })
          .returning();
        if (!row) throw new Error("insert returned nothing");
        await insertItems(tx, row.id, items);
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "change_request", entityId: row.id, projectId, action: "create", after: { ...row, items } });
        return row;
      }),

    /**
     * Writes `set` (and, when given, the new item list) if the row is still at `expectedVersion`; returns the row
     * after, or undefined when it moved on. The audit row names `action`.
     */
    update: async (
      actor: Actor,
      before: ChangeRequestRecord,
      expectedVersion: number,
      set: Partial<typeof changeRequests.$inferInsert>,
      action: string,
      now: Date,
      items?: { before: ChangeRequestItemRecord[]; after: ChangeRequestItemValues[] },
    ): Promise<ChangeRequestRecord | undefined> => {
      const [after] = await db
        .update(changeRequests)
        .set({ ...set, updatedAt: now, version: sql`${changeRequests.version} + 1` })
        .where(and(eq(changeRequests.id, before.id), eq(changeRequests.version, expectedVersion)))
        .returning();
      if (!after) return undefined;
      if (items) {
        await db.delete(changeRequestItems).where(eq(changeRequestItems.changeRequestId, before.id));
        await insertItems(db, before.id, items.after);
      }
      await recordAudit(db, actor, actor.workspaceId, {
        entityType: "change_request",
        entityId: before.id,
        projectId: before.projectId,
        action,
        before: items ? { ...before, items: items.before.map(itemValuesOf) } : before,
        after: items ? { ...after, items: items.after } : after,
      });
      return after;
    },

    /** Records which requirement an `add` item created. */
    setItemResult: async (itemId: string, requirementId: string) => {
      await db.update(changeRequestItems).set({ resultRequirementId: requirementId }).where(eq(changeRequestItems.id, itemId));
    },

    /** The raw items, for the audit's "before" and for applying. */
    itemRecords: async (changeRequestId: string): Promise<ChangeRequestItemRecord[]> =>
      db.select().from(changeRequestItems).where(eq(changeRequestItems.changeRequestId, changeRequestId)).orderBy(asc(changeRequestItems.position)),

    /** A plain audit row on a change request or one of the requirements it changed. */
    audit: async (actor: Actor, entry: { entityType: "change_request" | "requirement"; entityId: string; projectId: string; action: string; before?: unknown; after?: unknown }) =>
      recordAudit(db, actor, actor.workspaceId, entry),
  };
}

const itemValuesOf = (item: ChangeRequestItemRecord): ChangeRequestItemValues => ({ action: item.action, requirementId: item.requirementId, proposed: item.proposed });

async function insertItems(db: Db | Tx, changeRequestId: string, items: ChangeRequestItemValues[]) {
  if (items.length === 0) return;
  await db.insert(changeRequestItems).values(items.map((item, position) => ({ changeRequestId, position, action: item.action, requirementId: item.requirementId, proposed: item.proposed })));
}

export type ChangeRequestsRepository = ReturnType<typeof createChangeRequestsRepository>;
