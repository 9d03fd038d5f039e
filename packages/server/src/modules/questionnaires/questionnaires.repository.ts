import { and, asc, eq, ilike, sql, type SQL } from "drizzle-orm";
import type { TQuestionnaireDefinition, TQuestionnaireStatus } from "@jiaofu/contracts";
import type { Db, Tx } from "../../db/database";
import {
  projectMembers,
  projects,
  questionnaireAnswerRequirements,
  questionnaireParticipations,
  questionnaireResponses,
  questionnaires,
  users,
} from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import { afterCursor, orderBy, type SortSpec } from "../../platform/pagination";
import type { Actor, QuestionnaireFacts } from "../../platform/policy";
import { containsPattern } from "../../platform/text-search";
import { contactKey } from "./public-link";

type QuestionnaireRecord = typeof questionnaires.$inferSelect;
/** A questionnaire row with its definition typed (it is only ever written after validation). */
export type QuestionnaireRow = Omit<QuestionnaireRecord, "definition"> & { definition: TQuestionnaireDefinition };
export type QuestionnaireListRow = QuestionnaireRow & { responseCount: number; answeredByMe: boolean };
export type QuestionnaireAccess = { questionnaire: QuestionnaireRow; facts: QuestionnaireFacts };
export type ResponseRecord = typeof questionnaireResponses.$inferSelect;
export type ResponseRow = ResponseRecord & { respondentUserName: string | null };

export type QuestionnaireValues = Pick<
  typeof questionnaires.$inferInsert,
  "title" | "intro" | "status" | "audiencePortal" | "audiencePublic" | "anonymous" | "onePerRespondent" | "opensAt" | "closesAt" | "publicToken" | "publicTokenHash"
> & { definition: TQuestionnaireDefinition };

const ENTITY = "questionnaire";

const typed = (row: QuestionnaireRecord): QuestionnaireRow => ({ ...row, definition: row.definition as TQuestionnaireDefinition });

/** What the audit log keeps of a questionnaire: everything but the public link's secret. */
const auditable = (row: QuestionnaireRecord) => {
  const { publicToken: _token, publicTokenHash: _hash, ...rest } = row;
  return { ...rest, hasPublicLink: row.publicToken !== null };
};

// Subqueries name the outer table explicitly (in a single-table select Drizzle leaves its columns unqualified).
const responseCount = sql<number>`(select count(*)::int from questionnaire_responses r where r.questionnaire_id = "questionnaires"."id")`;
const answeredBy = (userId: string) =>
  sql<boolean>`exists (select 1 from questionnaire_participations qp where qp.questionnaire_id = "questionnaires"."id" and qp.respondent_key = ${contactKey(userId)})`;

async function lockQuestionnaire(tx: Tx, id: string) {
  const [row] = await tx.select().from(questionnaires).where(eq(questionnaires.id, id)).for("update");
  return row;
}

/** What a submission becomes once the service has checked it against the questionnaire it read under the lock. */
export type ResponseDraft = {
  channel: "portal" | "public";
  respondentId: string | null;
  respondentName: string | null;
  answers: Record<string, string | string[] | number>;
  submittedAt: Date;
  /** Recorded in the roll of who answered; `exclusive` refuses a second response with the same key. */
  participation: { key: string; exclusive: boolean } | null;
  /** Audited as the actor, or as nobody (anonymous and public responses). */
  auditActor: Actor | null;
  /** The answers go into the audit log only when the response is not anonymous. */
  auditAnswers: boolean;
};

export function createQuestionnairesRepository(db: Db) {
  return {
    loadAccess: async (actor: Actor, id: string): Promise<QuestionnaireAccess | undefined> => {
      const [row] = await db
        .select({ questionnaire: questionnaires, clientId: projects.clientId, memberRole: projectMembers.role })
        .from(questionnaires)
        .innerJoin(projects, eq(projects.id, questionnaires.projectId))
        .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, actor.userId)))
        .where(and(eq(questionnaires.id, id), eq(questionnaires.workspaceId, actor.workspaceId)));
      if (!row) return undefined;
      return {
        questionnaire: typed(row.questionnaire),
        facts: {
          project: { clientId: row.clientId, memberRole: row.memberRole ?? null },
          status: row.questionnaire.status,
          audiencePortal: row.questionnaire.audiencePortal,
        },
      };
    },

    list: async (
      actor: Actor,
      projectId: string,
      opts: { publishedToPortalOnly: boolean; status?: TQuestionnaireStatus | undefined; q?: string | undefined; sort: SortSpec; cursor?: string | undefined; limit: number },
    ): Promise<QuestionnaireListRow[]> => {
      const portalClause: SQL | undefined = opts.publishedToPortalOnly
        ? and(eq(questionnaires.audiencePortal, true), sql`${questionnaires.status} <> 'draft'`)
        : undefined;
      const rows = await db
        .select({ questionnaire: questionnaires, responseCount, answeredByMe: answeredBy(actor.userId) })
        .from(questionnaires)
        .where(
          and(
            eq(questionnaires.projectId, projectId),
            portalClause,
            opts.status ? eq(questionnaires.status, opts.status) : undefined,
            opts.q ? ilike(questionnaires.title, containsPattern(opts.q)) : undefined,
            afterCursor(opts.sort, questionnaires.id, opts.cursor),
          ),
        )
        .orderBy(...orderBy(opts.sort, questionnaires.id))
        .limit(opts.limit + 1);
      return rows.map((r) => ({ ...typed(r.questionnaire), responseCount: r.responseCount, answeredByMe: r.answeredByMe }));
    },

    get: async (actorId: string, id: string): Promise<QuestionnaireListRow | undefined> => {
      const [row] = await db
        .select({ questionnaire: questionnaires, responseCount, answeredByMe: answeredBy(actorId) })
        .from(questionnaires)
        .where(eq(questionnaires.id, id));
      return row && { ...typed(row.questionnaire), responseCount: row.responseCount, answeredByMe: row.answeredByMe };
    },

    /** The questionnaire a public link token points at (by the token's hash; the caller compares the token). */
    findByTokenHash: async (tokenHash: string): Promise<QuestionnaireRow | undefined> => {
      const [row] = await db.select().from(questionnaires).where(eq(questionnaires.publicTokenHash, tokenHash));
      return row && typed(row);
    },

    create: (actor: Actor, projectId: string, values: QuestionnaireValues) =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .insert(questionnaires)
          .values({ ...values, projectId, workspaceId: actor.workspaceId, createdById: actor.userId })
          .returning();
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, actor, actor.workspaceId, { entityType: ENTITY, entityId: row.id, projectId, action: "create", after: auditable(row) });
        return row;
      }),

    /**
     * Updates only if `version` is still current, under the questionnaire's row lock (which submissions take too):
     * `check` sees the row and every stored response's answers and throws to refuse (e.g. an edit that would orphan
     * answers), so no response can slip in between the check and the change.
     */
    update: (
      actor: Actor,
      id: string,
      version: number,
      values: (before: QuestionnaireRow) => Partial<QuestionnaireValues>,
      check: (before: QuestionnaireRow, answers: ResponseRecord["answers"][]) => void,
      now: Date,
    ) =>
      db.transaction(async (tx) => {
        const locked = await lockQuestionnaire(tx, id);
        if (!locked) return { kind: "not_found" as const };
        if (locked.version !== version) return { kind: "stale" as const };
        const before = typed(locked);
        const answers = (await tx.select({ answers: questionnaireResponses.answers }).from(questionnaireResponses).where(eq(questionnaireResponses.questionnaireId, id))).map((r) => r.answers);
        check(before, answers);
        const [after] = await tx
          .update(questionnaires)
          .set({ ...values(before), updatedAt: now, version: sql`${questionnaires.version} + 1` })
          .where(and(eq(questionnaires.id, id), eq(questionnaires.version, version)))
          .returning();
        if (!after) return { kind: "stale" as const };
        await recordAudit(tx, actor, actor.workspaceId, { entityType: ENTITY, entityId: id, projectId: after.projectId, action: "update", before: auditable(locked), after: auditable(after) });
        return { kind: "ok" as const };
      }),

    /** A new public link; the old one stops working at once. */
    replacePublicLink: (actor: Actor, id: string, token: string, tokenHash: string, now: Date) =>
      db.transaction(async (tx) => {
        const before = await lockQuestionnaire(tx, id);
        if (!before) return { kind: "not_found" as const };
        const [after] = await tx
          .update(questionnaires)
          .set({ publicToken: token, publicTokenHash: tokenHash, updatedAt: now, version: sql`${questionnaires.version} + 1` })
          .where(eq(questionnaires.id, id))
          .returning();
        if (!after) return { kind: "not_found" as const };
        await recordAudit(tx, actor, actor.workspaceId, { entityType: ENTITY, entityId: id, projectId: after.projectId, action: "public_link.regenerate", before: auditable(before), after: auditable(after) });
        return { kind: "ok" as const };
      }),

    /** Deletes a questionnaire nobody answered. */
    remove: (actor: Actor, id: string, version: number | undefined) =>
      db.transaction(async (tx) => {
        const before = await lockQuestionnaire(tx, id);
        if (!before) return { kind: "not_found" as const };
        if (version !== undefined && before.version !== version) return { kind: "stale" as const };
        const [answered] = await tx.select({ id: questionnaireResponses.id }).from(questionnaireResponses).where(eq(questionnaireResponses.questionnaireId, id)).limit(1);
        if (answered) return { kind: "has_responses" as const };
        await tx.delete(questionnaires).where(eq(questionnaires.id, id));
        await recordAudit(tx, actor, actor.workspaceId, { entityType: ENTITY, entityId: id, projectId: before.projectId, action: "delete", before: auditable(before) });
        return { kind: "ok" as const };
      }),

    /**
     * Stores a response: under a share lock of the questionnaire (an edit of its definition waits), `decide` checks
     * the submission against the questionnaire as stored and returns what to store, or throws. A participation that
     * already exists refuses an exclusive response (`already_answered`).
     */
    submitResponse: (id: string, decide: (questionnaire: QuestionnaireRow) => ResponseDraft) =>
      db.transaction(async (tx) => {
        const [locked] = await tx.select().from(questionnaires).where(eq(questionnaires.id, id)).for("share");
        if (!locked) return { kind: "not_found" as const };
        const draft = decide(typed(locked));
        if (draft.participation) {
          const [fresh] = await tx
            .insert(questionnaireParticipations)
            .values({ questionnaireId: id, respondentKey: draft.participation.key })
            .onConflictDoNothing()
            .returning();
          if (!fresh && draft.participation.exclusive) return { kind: "already_answered" as const };
        }
        const [row] = await tx
          .insert(questionnaireResponses)
          .values({
            questionnaireId: id,
            channel: draft.channel,
            respondentId: draft.respondentId,
            respondentName: draft.respondentName,
            answers: draft.answers,
            submittedAt: draft.submittedAt,
          })
          .returning();
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, draft.auditActor, locked.workspaceId, {
          entityType: ENTITY,
          entityId: id,
          projectId: locked.projectId,
          action: "response.submit",
          after: { responseId: row.id, channel: row.channel, ...(draft.auditAnswers ? { respondentId: row.respondentId, respondentName: row.respondentName, answers: row.answers } : {}) },
        });
        return { kind: "ok" as const, response: row };
      }),

    /** Every response, oldest first, with the respondent's account name when one is stored. */
    responses: async (id: string): Promise<ResponseRow[]> => {
      const rows = await db
        .select({ response: questionnaireResponses, respondentUserName: users.name })
        .from(questionnaireResponses)
        .leftJoin(users, eq(users.id, questionnaireResponses.respondentId))
        .where(eq(questionnaireResponses.questionnaireId, id))
        .orderBy(asc(questionnaireResponses.submittedAt), asc(questionnaireResponses.id));
      return rows.map((r) => ({ ...r.response, respondentUserName: r.respondentUserName }));
    },

    getResponse: async (id: string, responseId: string): Promise<ResponseRecord | undefined> => {
      const [row] = await db
        .select()
        .from(questionnaireResponses)
        .where(and(eq(questionnaireResponses.id, responseId), eq(questionnaireResponses.questionnaireId, id)));
      return row;
    },

    /** Invited: the project's client contacts (active members with the client role); responded: those of them in the roll. */
    portalReach: async (id: string, projectId: string): Promise<{ invited: number; responded: number }> => {
      const invitedClause = and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "client"), eq(users.active, true));
      const [row] = await db
        .select({
          invited: sql<number>`count(*)::int`,
          responded: sql<number>`count(*) filter (where exists (select 1 from questionnaire_participations qp where qp.questionnaire_id = ${id} and qp.respondent_key = 'user:' || "project_members"."user_id"::text))::int`,
        })
        .from(projectMembers)
        .innerJoin(users, eq(users.id, projectMembers.userId))
        .where(invitedClause);
      return { invited: row?.invited ?? 0, responded: row?.responded ?? 0 };
    },

    /** Requirements made from the questionnaire's answers: (responseId, questionId, requirementId), oldest first. */
    answerLinks: async (id: string) =>
      db
        .select({
          responseId: questionnaireAnswerRequirements.responseId,
          questionId: questionnaireAnswerRequirements.questionId,
          requirementId: questionnaireAnswerRequirements.requirementId,
        })
        .from(questionnaireAnswerRequirements)
        .innerJoin(questionnaireResponses, eq(questionnaireResponses.id, questionnaireAnswerRequirements.responseId))
        .where(eq(questionnaireResponses.questionnaireId, id))
        .orderBy(asc(questionnaireAnswerRequirements.createdAt), asc(questionnaireAnswerRequirements.requirementId)),

    /** A requirement made from an answer by `make` and the link to that answer, in one transaction. */
    createRequirementFromAnswer: <R extends { id: string }>(
      actor: Actor,
      questionnaire: QuestionnaireRow,
      responseId: string,
      questionId: string,
      make: (tx: Tx) => Promise<R>,
    ) =>
      db.transaction(async (tx) => {
        const requirement = await make(tx);
        await tx.insert(questionnaireAnswerRequirements).values({ responseId, questionId, requirementId: requirement.id, createdById: actor.userId });
        await recordAudit(tx, actor, actor.workspaceId, {
          entityType: ENTITY,
          entityId: questionnaire.id,
          projectId: questionnaire.projectId,
          action: "answer.requirement",
          after: { responseId, questionId, requirementId: requirement.id },
        });
        return requirement;
      }),

  };
}
export type QuestionnairesRepository = ReturnType<typeof createQuestionnairesRepository>;
