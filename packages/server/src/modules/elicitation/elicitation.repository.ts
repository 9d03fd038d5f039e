import { and, asc, eq, ilike, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { passageLocate } from "@jiaofu/engine";
import type { TElicitationSessionKind } from "@jiaofu/contracts";
import type { Db, Tx } from "../../db/database";
import {
  elicitationPassageRequirements,
  elicitationPassages,
  elicitationSessionParticipants,
  elicitationSessions,
  projectMembers,
  projects,
  users,
} from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import { afterCursor, orderBy, type SortSpec } from "../../platform/pagination";
import type { Actor, ElicitationSessionFacts } from "../../platform/policy";
import { containsPattern } from "../../platform/text-search";

export type SessionRecord = typeof elicitationSessions.$inferSelect;
export type ParticipantRow = { sessionId: string; userId: string; name: string; title: string; role: string };
export type SessionRow = SessionRecord & {
  createdByName: string | null;
  passageCount: number;
  detachedPassageCount: number;
  participants: ParticipantRow[];
};
export type PassageRow = typeof elicitationPassages.$inferSelect & { requirementIds: string[] };
export type SessionAccess = { session: SessionRecord; facts: ElicitationSessionFacts };

type SessionValues = Pick<
  typeof elicitationSessions.$inferInsert,
  "kind" | "title" | "startsAt" | "endsAt" | "location" | "guests" | "agenda" | "notes"
>;

const SESSION_ENTITY = "elicitation_session";

// Subqueries name the outer table explicitly: in a single-table select Drizzle leaves its columns unqualified, and
// a bare "id" inside the subquery would mean the subquery's own table.
const creator = sql<string | null>`(select u.name from users u where u.id = "elicitation_sessions"."created_by_id")`;
const passageCount = sql<number>`(select count(*)::int from elicitation_passages p where p.session_id = "elicitation_sessions"."id")`;
const detachedCount = sql<number>`(select count(*)::int from elicitation_passages p where p.session_id = "elicitation_sessions"."id" and p.detached)`;

async function participantsOf(d: Db | Tx, sessionIds: string[]): Promise<ParticipantRow[]> {
  if (sessionIds.length === 0) return [];
  return d
    .select({
      sessionId: elicitationSessionParticipants.sessionId,
      userId: users.id,
      name: users.name,
      title: users.title,
      role: users.role,
    })
    .from(elicitationSessionParticipants)
    .innerJoin(users, eq(users.id, elicitationSessionParticipants.userId))
    .where(inArray(elicitationSessionParticipants.sessionId, sessionIds))
    .orderBy(asc(users.name), asc(users.id));
}

async function withDetails(d: Db | Tx, rows: { session: SessionRecord; createdByName: string | null; passageCount: number; detachedPassageCount: number }[]): Promise<SessionRow[]> {
  const participants = await participantsOf(
    d,
    rows.map((r) => r.session.id),
  );
  return rows.map((r) => ({
    ...r.session,
    createdByName: r.createdByName,
    passageCount: r.passageCount,
    detachedPassageCount: r.detachedPassageCount,
    participants: participants.filter((p) => p.sessionId === r.session.id),
  }));
}

const selectSessions = (d: Db | Tx) =>
  d
    .select({ session: elicitationSessions, createdByName: creator, passageCount, detachedPassageCount: detachedCount })
    .from(elicitationSessions);

async function lockSession(tx: Tx, id: string) {
  const [row] = await tx.select().from(elicitationSessions).where(eq(elicitationSessions.id, id)).for("update");
  return row;
}

async function passagesOf(d: Db | Tx, sessionId: string): Promise<PassageRow[]> {
  const rows = await d
    .select({
      passage: elicitationPassages,
      requirementIds: sql<string[]>`coalesce((select json_agg(l.requirement_id::text order by l.created_at, l.requirement_id) from elicitation_passage_requirements l where l.passage_id = "elicitation_passages"."id"), '[]'::json)`,
    })
    .from(elicitationPassages)
    .where(eq(elicitationPassages.sessionId, sessionId))
    .orderBy(asc(elicitationPassages.startOffset), asc(elicitationPassages.endOffset), asc(elicitationPassages.createdAt), asc(elicitationPassages.id));
  return rows.map((r) => ({ ...r.passage, requirementIds: r.requirementIds }));
}

/** Re-anchors every passage of a session on its excerpt in the new notes; returns how many moved or detached. */
async function reanchorPassages(tx: Tx, sessionId: string, notes: string, now: Date): Promise<{ moved: number; detached: number; reattached: number }> {
  const passages = await tx.select().from(elicitationPassages).where(eq(elicitationPassages.sessionId, sessionId));
  const counts = { moved: 0, detached: 0, reattached: 0 };
  for (const passage of passages) {
    const location = passageLocate(notes, { start: passage.startOffset, end: passage.endOffset, excerpt: passage.excerpt });
    if (location.kind === "detached") {
      if (passage.detached) continue;
      counts.detached++;
      await tx.update(elicitationPassages).set({ detached: true, updatedAt: now }).where(eq(elicitationPassages.id, passage.id));
      continue;
    }
    if (!location.moved && !passage.detached) continue;
    if (passage.detached) counts.reattached++;
    else counts.moved++;
    await tx
      .update(elicitationPassages)
      .set({ startOffset: location.start, endOffset: location.end, detached: false, updatedAt: now })
      .where(eq(elicitationPassages.id, passage.id));
  }
  return counts;
}

async function findOrCreatePassageIn(tx: Tx, actor: Actor, sessionId: string, start: number, end: number, excerpt: string) {
  const session = await lockSession(tx, sessionId);
  if (!session) return { kind: "not_found" as const };
  if (session.notes.slice(start, end) !== excerpt) return { kind: "stale" as const };
  const [existing] = await tx
    .select()
    .from(elicitationPassages)
    .where(
      and(
        eq(elicitationPassages.sessionId, sessionId),
        eq(elicitationPassages.startOffset, start),
        eq(elicitationPassages.endOffset, end),
        eq(elicitationPassages.detached, false),
      ),
    )
    .orderBy(asc(elicitationPassages.createdAt))
    .limit(1);
  if (existing) return { kind: "ok" as const, passageId: existing.id, created: false, session };
  const [row] = await tx.insert(elicitationPassages).values({ sessionId, startOffset: start, endOffset: end, excerpt, createdById: actor.userId }).returning();
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, actor, actor.workspaceId, { entityType: SESSION_ENTITY, entityId: sessionId, projectId: session.projectId, action: "passage.create", after: row });
  return { kind: "ok" as const, passageId: row.id, created: true, session };
}

export function createElicitationRepository(db: Db) {
  return {
    /** The session (in the actor's workspace) with the facts the policy needs, or undefined. */
    loadAccess: async (actor: Actor, id: string): Promise<SessionAccess | undefined> => {
      const [row] = await db
        .select({
          session: elicitationSessions,
          clientId: projects.clientId,
          memberRole: projectMembers.role,
          isParticipant: sql<boolean>`exists (select 1 from elicitation_session_participants sp where sp.session_id = "elicitation_sessions"."id" and sp.user_id = ${actor.userId})`,
        })
        .from(elicitationSessions)
        .innerJoin(projects, eq(projects.id, elicitationSessions.projectId))
        .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, actor.userId)))
        .where(and(eq(elicitationSessions.id, id), eq(elicitationSessions.workspaceId, actor.workspaceId)));
      if (!row) return undefined;
      return { session: row.session, facts: { project: { clientId: row.clientId, memberRole: row.memberRole ?? null }, isParticipant: row.isParticipant } };
    },

    list: async (
      projectId: string,
      opts: {
        participantOnly: string | null;
        kind?: TElicitationSessionKind | undefined;
        q?: string | undefined;
        sort: SortSpec;
        cursor?: string | undefined;
        limit: number;
      },
    ): Promise<SessionRow[]> => {
      const participantClause: SQL | undefined = opts.participantOnly
        ? sql`exists (select 1 from elicitation_session_participants sp where sp.session_id = "elicitation_sessions"."id" and sp.user_id = ${opts.participantOnly})`
        : undefined;
      const rows = await selectSessions(db)
        .where(
          and(
            eq(elicitationSessions.projectId, projectId),
            participantClause,
            opts.kind ? eq(elicitationSessions.kind, opts.kind) : undefined,
            opts.q ? or(ilike(elicitationSessions.title, containsPattern(opts.q)), ilike(elicitationSessions.notes, containsPattern(opts.q))) : undefined,
            afterCursor(opts.sort, elicitationSessions.id, opts.cursor),
          ),
        )
        .orderBy(...orderBy(opts.sort, elicitationSessions.id))
        .limit(opts.limit + 1);
      return withDetails(db, rows);
    },

    get: async (id: string): Promise<SessionRow | undefined> => {
      const rows = await selectSessions(db).where(eq(elicitationSessions.id, id));
      const [row] = await withDetails(db, rows);
      return row;
    },

    /**
     * Who of `userIds` may take part in a session of the project: its delivery team (members who are not client
     * contacts) and the contacts of its client (members of the project or not). Inactive accounts are refused.
     */
    eligibleParticipants: async (workspaceId: string, projectId: string, clientId: string, userIds: string[]): Promise<Set<string>> => {
      if (userIds.length === 0) return new Set();
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.workspaceId, workspaceId),
            eq(users.active, true),
            inArray(users.id, userIds),
            or(
              and(eq(users.role, "client"), eq(users.clientId, clientId)),
              and(
                ne(users.role, "client"),
                sql`exists (select 1 from project_members m where m.project_id = ${projectId} and m.user_id = "users"."id" and m.role <> 'client')`,
              ),
            ),
          ),
        );
      return new Set(rows.map((r) => r.id));
    },

    create: (actor: Actor, projectId: string, values: SessionValues, participantIds: string[]) =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .insert(elicitationSessions)
          .values({ ...values, projectId, workspaceId: actor.workspaceId, createdById: actor.userId })
          .returning();
        if (!row) throw new Error("insert returned nothing");
        if (participantIds.length > 0) await tx.insert(elicitationSessionParticipants).values(participantIds.map((userId) => ({ sessionId: row.id, userId })));
        await recordAudit(tx, actor, actor.workspaceId, {
          entityType: SESSION_ENTITY,
          entityId: row.id,
          projectId,
          action: "create",
          after: { ...row, participantIds },
        });
        return row;
      }),

    /**
     * Updates only if `version` is still current. New notes re-anchor every passage on its excerpt in the same
     * transaction, so passages and notes never disagree.
     */
    update: (actor: Actor, id: string, version: number, values: Partial<SessionValues>, participantIds: string[] | undefined, now: Date) =>
      db.transaction(async (tx) => {
        const before = await lockSession(tx, id);
        if (!before) return { kind: "not_found" as const };
        const [after] = await tx
          .update(elicitationSessions)
          .set({ ...values, updatedAt: now, version: sql`${elicitationSessions.version} + 1` })
          .where(and(eq(elicitationSessions.id, id), eq(elicitationSessions.version, version)))
          .returning();
        if (!after) return { kind: "stale" as const };
        let participantChange: { before: string[]; after: string[] } | undefined;
        if (participantIds) {
          const current = (await tx.select({ userId: elicitationSessionParticipants.userId }).from(elicitationSessionParticipants).where(eq(elicitationSessionParticipants.sessionId, id))).map((r) => r.userId);
          const removed = current.filter((u) => !participantIds.includes(u));
          const added = participantIds.filter((u) => !current.includes(u));
          if (removed.length > 0) await tx.delete(elicitationSessionParticipants).where(and(eq(elicitationSessionParticipants.sessionId, id), inArray(elicitationSessionParticipants.userId, removed)));
          if (added.length > 0) await tx.insert(elicitationSessionParticipants).values(added.map((userId) => ({ sessionId: id, userId })));
          if (removed.length > 0 || added.length > 0) participantChange = { before: current.sort(), after: [...participantIds].sort() };
        }
        const passages = after.notes !== before.notes ? await reanchorPassages(tx, id, after.notes, now) : undefined;
        await recordAudit(tx, actor, actor.workspaceId, {
          entityType: SESSION_ENTITY,
          entityId: id,
          projectId: after.projectId,
          action: "update",
          before: { ...before, ...(participantChange ? { participantIds: participantChange.before } : {}) },
          after: { ...after, ...(participantChange ? { participantIds: participantChange.after } : {}), ...(passages ? { passages } : {}) },
        });
        return { kind: "ok" as const };
      }),

    /** Deletes the session (participants and passages go with it) unless a passage became a requirement. */
    remove: (actor: Actor, id: string, version: number | undefined) =>
      db.transaction(async (tx) => {
        const before = await lockSession(tx, id);
        if (!before) return { kind: "not_found" as const };
        if (version !== undefined && before.version !== version) return { kind: "stale" as const };
        const [linked] = await tx
          .select({ id: elicitationPassageRequirements.requirementId })
          .from(elicitationPassageRequirements)
          .innerJoin(elicitationPassages, eq(elicitationPassages.id, elicitationPassageRequirements.passageId))
          .where(eq(elicitationPassages.sessionId, id))
          .limit(1);
        if (linked) return { kind: "has_requirements" as const };
        await tx.delete(elicitationSessions).where(eq(elicitationSessions.id, id));
        await recordAudit(tx, actor, actor.workspaceId, { entityType: SESSION_ENTITY, entityId: id, projectId: before.projectId, action: "delete", before });
        return { kind: "ok" as const };
      }),

    listPassages: (sessionId: string) => passagesOf(db, sessionId),

    getPassage: async (sessionId: string, passageId: string): Promise<PassageRow | undefined> =>
      (await passagesOf(db, sessionId)).find((p) => p.id === passageId),

    /**
     * The passage `start`..`end` of the session's notes, which the caller read as `excerpt`: an attached passage with
     * the same range is reused, else one is made. Runs under the session's row lock and checks the notes still hold
     * the excerpt there (`stale` if someone edited them meanwhile).
     */
    findOrCreatePassage: (actor: Actor, sessionId: string, start: number, end: number, excerpt: string) =>
      db.transaction((tx) => findOrCreatePassageIn(tx, actor, sessionId, start, end, excerpt)),

    /**
     * The passage (made or reused as above) and a requirement made from it by `make`, linked to that exact passage —
     * all in one transaction: if the register refuses, no passage or link is left behind.
     */
    createRequirementFromPassage: <R extends { id: string }>(
      actor: Actor,
      sessionId: string,
      range: { start: number; end: number; excerpt: string },
      make: (tx: Tx, passageId: string, session: SessionRecord) => Promise<R>,
    ) =>
      db.transaction(async (tx) => {
        const passage = await findOrCreatePassageIn(tx, actor, sessionId, range.start, range.end, range.excerpt);
        if (passage.kind !== "ok") return passage;
        const requirement = await make(tx, passage.passageId, passage.session);
        const [link] = await tx
          .insert(elicitationPassageRequirements)
          .values({ passageId: passage.passageId, requirementId: requirement.id, createdById: actor.userId })
          .returning();
        await recordAudit(tx, actor, actor.workspaceId, {
          entityType: SESSION_ENTITY,
          entityId: sessionId,
          projectId: passage.session.projectId,
          action: "passage.requirement",
          after: link,
        });
        return { kind: "ok" as const, passageId: passage.passageId, requirement };
      }),

    /** Removes a passage that no requirement came from. */
    removePassage: (actor: Actor, sessionId: string, passageId: string) =>
      db.transaction(async (tx) => {
        const session = await lockSession(tx, sessionId);
        const [passage] = await tx
          .select()
          .from(elicitationPassages)
          .where(and(eq(elicitationPassages.id, passageId), eq(elicitationPassages.sessionId, sessionId)));
        if (!session || !passage) return { kind: "not_found" as const };
        const [linked] = await tx.select().from(elicitationPassageRequirements).where(eq(elicitationPassageRequirements.passageId, passageId)).limit(1);
        if (linked) return { kind: "has_requirements" as const };
        await tx.delete(elicitationPassages).where(eq(elicitationPassages.id, passageId));
        await recordAudit(tx, actor, actor.workspaceId, { entityType: SESSION_ENTITY, entityId: sessionId, projectId: session.projectId, action: "passage.remove", before: passage });
        return { kind: "ok" as const };
      }),

  };
}
export type ElicitationRepository = ReturnType<typeof createElicitationRepository>;
