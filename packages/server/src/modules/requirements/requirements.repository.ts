import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { REQUIREMENT_CLIENT_STATUSES, priorityInputsIsEmpty, priorityInputsNormalise, type RequirementSnapshot, type RequirementStatus } from "@jiaofu/engine";
import type { TRequirementSourceKind } from "@jiaofu/contracts";
import type { Db, Tx } from "../../db/database";
import { projectMembers, projects, requirementSources, requirementVersions, requirements, users } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import { afterCursor, decodeCursor, orderBy, type SortSpec } from "../../platform/pagination";
import type { Actor, RequirementVisibility } from "../../platform/policy";
import { containsPattern } from "../../platform/text-search";

export type RequirementRecord = typeof requirements.$inferSelect;
export type RequirementRow = RequirementRecord & { ownerName: string | null };
export type RequirementVersionRow = typeof requirementVersions.$inferSelect & { changedByName: string | null };
export type RequirementSourceRow = typeof requirementSources.$inferSelect & { contactName: string | null };

/** The columns a person edits; `status`, `statusReason` and `clientSharedAt` change through transitions. */
export type RequirementValues = Pick<
  RequirementRecord,
  "title" | "description" | "type" | "ownerId" | "tags" | "acceptanceCriteria" | "moscow" | "clientPriority"
>;

export type RequirementSourceValues = {
  kind: TRequirementSourceKind;
  sessionId?: string | null;
  passageId?: string | null;
  questionnaireId?: string | null;
  responseId?: string | null;
  questionId?: string | null;
  contactId?: string | null;
  label?: string;
  excerpt?: string;
  startOffset?: number | null;
  endOffset?: number | null;
};

/** One step of a change: an edit, or a move through the workflow (by a person, or `automatic` after an edit). */
export type RequirementStep =
  | { action: "update"; set: Partial<RequirementValues> & Partial<Pick<RequirementRecord, "rank" | "priorityInputs">> }
  | { action: "transition"; set: { status: RequirementStatus; statusReason: string | null }; automatic: boolean };

/** The steps to apply to one requirement, if it is still at `expectedVersion`. */
export type RequirementChange = { id: string; expectedVersion: number; steps: RequirementStep[] };

/** Every user-visible field of a row, as each version stores it. */
export function requirementSnapshotOf(row: RequirementRecord): RequirementSnapshot {
  return {
    title: row.title,
    description: row.description,
    type: row.type,
    status: row.status,
    statusReason: row.statusReason,
    ownerId: row.ownerId,
    tags: row.tags,
    acceptanceCriteria: row.acceptanceCriteria,
    moscow: row.moscow,
    clientPriority: row.clientPriority,
    rank: row.rank,
    // Left out while empty, so versions from before prioritisation compare equal (see RequirementSnapshot).
    ...(priorityInputsIsEmpty(row.priorityInputs) ? {} : { priorityInputs: priorityInputsNormalise(row.priorityInputs) }),
  };
}

const CLIENT_STATUSES = [...REQUIREMENT_CLIENT_STATUSES];

/** The visibility decided by the policy, as a where-clause (agrees with `requirementVisibleToClient`). */
function visibilityClause(visibility: RequirementVisibility): SQL | undefined {
  switch (visibility.kind) {
    case "all":
      return undefined;
    case "client_shared":
      return or(
        inArray(requirements.status, CLIENT_STATUSES),
        and(inArray(requirements.status, ["rejected", "deferred"]), isNotNull(requirements.clientSharedAt)),
      );
    case "none":
      return sql`false`;
  }
}

/** MoSCoW tier as a number: must 0 … wont 3, not prioritised 4. */
export const MOSCOW_TIER = sql<number>`(case ${requirements.moscow} when 'must' then 0 when 'should' then 1 when 'could' then 2 when 'wont' then 3 else 4 end)`;

export type RequirementListOptions = {
  status?: RequirementStatus[] | undefined;
  type?: string[] | undefined;
  moscow?: string[] | undefined;
  ownerId?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  /** `REQ-12` typed as the search text: that requirement exactly (or whatever else matches the text). */
  qNumber?: number | null | undefined;
  /** A plain sort, or the ranked view (tier, then rank). */
  sort: SortSpec | { key: "rank"; desc: boolean };
  cursor?: string | undefined;
  limit: number;
};

/** A stale version found while applying a change: the whole transaction is rolled back. */
export class StaleRequirement extends Error {
  constructor(readonly requirementId: string) {
    super(`requirement ${requirementId} changed`);
  }
}

/** The ranked view's keyset: (tier, rank, id), the cursor value being "tier|rank". */
function rankCursorClause(desc: boolean, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const { v, id } = decodeCursor(cursor);
  const [tier, rank] = String(v).split("|").map(Number);
  if (!Number.isFinite(tier) || !Number.isFinite(rank)) return sql`false`;
  const op = desc ? sql`<` : sql`>`;
  return sql`(${MOSCOW_TIER}, ${requirements.rank}, ${requirements.id}) ${op} (${tier}::int, ${rank}::float8, ${id}::uuid)`;
}

/**
 * Applies the steps of one change inside `tx`: each step bumps the version, writes a version row and an audit row.
 * Other modules that move requirements inside their own transaction (taking a baseline) call it directly; a stale
 * version throws `StaleRequirement`, which rolls their transaction back too.
 */
export async function applyRequirementChange(tx: Tx, actor: Actor, change: RequirementChange, now: Date): Promise<RequirementRecord> {
  const [before] = await tx
    .select()
    .from(requirements)
    .where(and(eq(requirements.id, change.id), eq(requirements.workspaceId, actor.workspaceId)))
    .for("update");
  if (!before || before.version !== change.expectedVersion) throw new StaleRequirement(change.id);
  let current = before;
  for (const step of change.steps) {
    const set: Partial<typeof requirements.$inferInsert> = { ...step.set, updatedAt: now };
    if (step.action === "transition" && current.clientSharedAt === null && CLIENT_STATUSES.includes(step.set.status)) set.clientSharedAt = now;
    const [after] = await tx
      .update(requirements)
      .set({ ...set, version: sql`${requirements.version} + 1` })
      .where(and(eq(requirements.id, change.id), eq(requirements.version, current.version)))
      .returning();
    if (!after) throw new StaleRequirement(change.id);
    await tx.insert(requirementVersions).values({
      requirementId: after.id,
      version: after.version,
      action: step.action,
      automatic: step.action === "transition" && step.automatic,
      snapshot: requirementSnapshotOf(after),
      changedById: actor.userId,
      changedAt: now,
    });
    await recordAudit(tx, actor, actor.workspaceId, {
      entityType: "requirement",
      entityId: after.id,
      projectId: after.projectId,
      action: step.action === "transition" ? (step.automatic ? "transition.automatic" : "transition") : "update",
      before: current,
      after,
    });
    current = after;
  }
  return current;
}

export function createRequirementsRepository(db: Db | Tx) {
  const selectRows = () =>
    db
      .select({ requirement: requirements, ownerName: users.name })
      .from(requirements)
      .leftJoin(users, eq(users.id, requirements.ownerId));
  const flatten = (r: { requirement: RequirementRecord; ownerName: string | null }): RequirementRow => ({ ...r.requirement, ownerName: r.ownerName });

  return {
    list: async (workspaceId: string, projectId: string, visibility: RequirementVisibility, opts: RequirementListOptions) => {
      const sort = opts.sort;
      const ranked = sort.key === "rank";
      const textMatch = opts.q
        ? or(
            ilike(requirements.title, containsPattern(opts.q)),
            ilike(requirements.description, containsPattern(opts.q)),
            opts.qNumber ? eq(requirements.number, opts.qNumber) : undefined,
          )
        : undefined;
      const moscow = opts.moscow;
      const moscowTiers = moscow?.filter((m) => m !== "none") as RequirementRecord["moscow"][] | undefined;
      const rows = await selectRows()
        .where(
          and(
            eq(requirements.workspaceId, workspaceId),
            eq(requirements.projectId, projectId),
            visibilityClause(visibility),
            opts.status ? inArray(requirements.status, opts.status) : undefined,
            opts.type ? inArray(requirements.type, opts.type as RequirementRecord["type"][]) : undefined,
            moscow
              ? or(
                  moscowTiers && moscowTiers.length > 0 ? inArray(requirements.moscow, moscowTiers as NonNullable<RequirementRecord["moscow"]>[]) : undefined,
                  moscow.includes("none") ? isNull(requirements.moscow) : undefined,
                )
              : undefined,
            opts.ownerId ? eq(requirements.ownerId, opts.ownerId) : undefined,
            opts.tag ? sql`${requirements.tags} @> array[${opts.tag}]::text[]` : undefined,
            textMatch,
            ranked ? rankCursorClause(sort.desc, opts.cursor) : afterCursor(sort as SortSpec, requirements.id, opts.cursor),
          ),
        )
        .orderBy(
          ...(ranked
            ? sort.desc
              ? [sql`${MOSCOW_TIER} desc`, desc(requirements.rank), desc(requirements.id)]
              : [sql`${MOSCOW_TIER} asc`, asc(requirements.rank), asc(requirements.id)]
            : orderBy(sort as SortSpec, requirements.id)),
        )
        .limit(opts.limit + 1);
      return rows.map(flatten);
    },

    get: async (workspaceId: string, id: string): Promise<RequirementRow | undefined> => {
      const [row] = await selectRows().where(and(eq(requirements.id, id), eq(requirements.workspaceId, workspaceId)));
      return row ? flatten(row) : undefined;
    },

    /** The requirements of `ids` in the project (missing or foreign ids are left out). */
    getMany: async (workspaceId: string, projectId: string, ids: readonly string[]): Promise<RequirementRow[]> => {
      if (ids.length === 0) return [];
      const rows = await selectRows().where(
        and(eq(requirements.workspaceId, workspaceId), eq(requirements.projectId, projectId), inArray(requirements.id, [...ids])),
      );
      return rows.map(flatten);
    },

    /** Key and title of requirements, for trace links and relations. */
    labels: async (workspaceId: string, ids: readonly string[]) => {
      if (ids.length === 0) return [];
      return db
        .select({ id: requirements.id, projectId: requirements.projectId, number: requirements.number, title: requirements.title })
        .from(requirements)
        .where(and(eq(requirements.workspaceId, workspaceId), inArray(requirements.id, [...ids])));
    },

    /** Whether `userId` is active delivery staff on the project (any staff role), or an owner/admin of the workspace. */
    isProjectStaff: async (workspaceId: string, projectId: string, userId: string): Promise<boolean> => {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .leftJoin(projectMembers, and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, users.id)))
        .where(
          and(
            eq(users.id, userId),
            eq(users.workspaceId, workspaceId),
            eq(users.active, true),
            ne(users.role, "client"),
            or(inArray(users.role, ["owner", "admin"]), and(isNotNull(projectMembers.role), ne(projectMembers.role, "client"))),
          ),
        );
      return row !== undefined;
    },

    /** Whether `userId` is a contact of client `clientId` (the project's client). */
    isClientContact: async (workspaceId: string, clientId: string, userId: string): Promise<boolean> => {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, userId), eq(users.workspaceId, workspaceId), eq(users.role, "client"), eq(users.clientId, clientId)));
      return row !== undefined;
    },

    userNames: async (workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> => {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...ids])));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    sources: async (requirementId: string): Promise<RequirementSourceRow[]> => {
      const rows = await db
        .select({ source: requirementSources, contactName: users.name })
        .from(requirementSources)
        .leftJoin(users, eq(users.id, requirementSources.contactId))
        .where(eq(requirementSources.requirementId, requirementId))
        .orderBy(asc(requirementSources.createdAt), asc(requirementSources.position), asc(requirementSources.id));
      return rows.map((r) => ({ ...r.source, contactName: r.contactName }));
    },

    /** The sources pointing at a session or a questionnaire of the project, with their requirement. */
    sourcesOf: async (workspaceId: string, projectId: string, ref: { sessionId?: string; questionnaireId?: string }) => {
      const refClause = ref.sessionId
        ? eq(requirementSources.sessionId, ref.sessionId)
        : ref.questionnaireId
          ? eq(requirementSources.questionnaireId, ref.questionnaireId)
          : sql`false`;
      return db
        .select({ source: requirementSources, requirement: { id: requirements.id, number: requirements.number, title: requirements.title, status: requirements.status } })
        .from(requirementSources)
        .innerJoin(requirements, eq(requirements.id, requirementSources.requirementId))
        .where(and(eq(requirements.workspaceId, workspaceId), eq(requirements.projectId, projectId), refClause))
        .orderBy(asc(requirementSources.createdAt), asc(requirementSources.id));
    },

    /**
     * Versions newest first, from below `beforeVersion`; `limit + 1` rows so the caller knows whether there are more
     * and can diff the last item against its predecessor.
     */
    versions: async (requirementId: string, page: { beforeVersion?: number | undefined; limit: number }): Promise<RequirementVersionRow[]> => {
      const rows = await db
        .select({ version: requirementVersions, changedByName: users.name })
        .from(requirementVersions)
        .leftJoin(users, eq(users.id, requirementVersions.changedById))
        .where(
          and(
            eq(requirementVersions.requirementId, requirementId),
            page.beforeVersion === undefined ? undefined : lt(requirementVersions.version, page.beforeVersion),
          ),
        )
        .orderBy(desc(requirementVersions.version))
        .limit(page.limit + 1);
      return rows.map((r) => ({ ...r.version, changedByName: r.changedByName }));
    },

    allVersions: async (requirementId: string): Promise<RequirementVersionRow[]> => {
      const rows = await db
        .select({ version: requirementVersions, changedByName: users.name })
        .from(requirementVersions)
        .leftJoin(users, eq(users.id, requirementVersions.changedById))
        .where(eq(requirementVersions.requirementId, requirementId))
        .orderBy(asc(requirementVersions.version));
      return rows.map((r) => ({ ...r.version, changedByName: r.changedByName }));
    },

    /**
     * A new requirement with the next key of its project: the project row is locked `for update`, so concurrent
     * creations take numbers one after the other. Version 1, its sources and the audit row in the same transaction.
     * It starts as a draft, or — made by an approved change request, which both sides agreed — as `initial`.
     */
    create: (
      actor: Actor,
      projectId: string,
      values: RequirementValues,
      sources: RequirementSourceValues[],
      now: Date,
      initial: { status: RequirementStatus; statusReason: string | null } = { status: "draft", statusReason: null },
    ) =>
      db.transaction(async (tx) => {
        await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for("update");
        const [next] = await tx
          .select({
            number: sql<number>`coalesce(max(${requirements.number}), 0)::int + 1`,
            rank: sql<number>`coalesce(max(${requirements.rank}), 0)::float8 + 1`,
          })
          .from(requirements)
          .where(eq(requirements.projectId, projectId));
        const [row] = await tx
          .insert(requirements)
          .values({
            ...values,
            status: initial.status,
            statusReason: initial.statusReason,
            clientSharedAt: CLIENT_STATUSES.includes(initial.status) ? now : null,
            workspaceId: actor.workspaceId,
            projectId,
            number: Number(next?.number ?? 1),
            rank: Number(next?.rank ?? 1),
            createdById: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!row) throw new Error("insert returned nothing");
        await tx.insert(requirementVersions).values({
          requirementId: row.id,
          version: row.version,
          action: "create",
          snapshot: requirementSnapshotOf(row),
          changedById: actor.userId,
          changedAt: now,
        });
        if (sources.length > 0) {
          await tx.insert(requirementSources).values(sources.map((s, position) => ({ ...s, requirementId: row.id, position, createdAt: now })));
        }
        await recordAudit(tx, actor, actor.workspaceId, { entityType: "requirement", entityId: row.id, projectId, action: "create", after: { ...row, sources } });
        return row;
      }),

    /**
     * Applies every change in one transaction, all or nothing: if any requirement is no longer at its expected
     * version nothing is written and the stale id is returned.
     */
    apply: async (actor: Actor, changes: RequirementChange[], now: Date): Promise<{ kind: "ok"; rows: RequirementRecord[] } | { kind: "stale"; id: string }> => {
      try {
        const rows = await db.transaction(async (tx) => {
          const out: RequirementRecord[] = [];
          // A fixed order, so two bulk edits over the same requirements cannot deadlock.
          for (const change of [...changes].sort((a, b) => (a.id < b.id ? -1 : 1))) out.push(await applyRequirementChange(tx, actor, change, now));
          return out;
        });
        return { kind: "ok", rows };
      } catch (error) {
        if (error instanceof StaleRequirement) return { kind: "stale", id: error.requirementId };
        throw error;
      }
    },
  };
}
export type RequirementsRepository = ReturnType<typeof createRequirementsRepository>;
