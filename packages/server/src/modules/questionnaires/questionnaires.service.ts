import { randomUUID } from "node:crypto";
import {
  questionnaireAggregate,
  questionnaireAnswerUsage,
  questionnaireBreakingChanges,
  questionnaireDefinitionProblems,
  questionnaireValidateAnswers,
  type AnswerProblem,
  type DefinitionBreak,
} from "@jiaofu/engine";
import type {
  TCreateQuestionnaireRequest,
  TCreateRequirementFromAnswerRequest,
  TLocale,
  TQuestionResult,
  TQuestionnaireDefinition,
  TQuestionnaireResults,
  TQuestionnaireStatus,
  TRequirementRef,
  TSubmitQuestionnaireResponseRequest,
  TUpdateQuestionnaireRequest,
} from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import type { Config } from "../../config";
import { questionnaires } from "../../db/schema";
import { AppError, fieldError, notFound, versionConflict } from "../../platform/app-error";
import { isCheckViolation } from "../../platform/database-errors";
import type { MessageKey } from "../../platform/messages";
import { parseSort, toPage } from "../../platform/pagination";
import {
  authorize,
  canCreateQuestionnaire,
  canQuestionnaire,
  questionnaireVisibility,
  type Actor,
  type QuestionnaireAction,
} from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { tableToCsv, type ExportTable } from "../../platform/spreadsheet-export";
import { createRequirementSources, descriptionFromExcerpt, titleFromExcerpt, type RequirementSources } from "../elicitation/requirement-sources";
import { contactKey, newPublicLinkSecret, publicLinkHash, publicLinkMatches, respondentTokenKey } from "./public-link";
import { responsesTable, responsesToXlsx } from "./questionnaires.export";
import { presentForm, presentQuestionnaire, presentQuestionnaireSummary, questionnaireAccepting, type QuestionnaireViewer } from "./questionnaires.presenter";
import {
  createQuestionnairesRepository,
  type QuestionnaireAccess,
  type QuestionnaireListRow,
  type QuestionnaireRow,
  type QuestionnaireValues,
  type ResponseDraft,
  type ResponseRow,
} from "./questionnaires.repository";

const SORT_COLUMNS = { updatedAt: questionnaires.updatedAt, title: questionnaires.title, createdAt: questionnaires.createdAt };
const sortValue = (key: string) => (row: QuestionnaireListRow) => {
  switch (key) {
    case "title":
      return row.title;
    case "createdAt":
      return row.createdAt.toISOString();
    default:
      return row.updatedAt.toISOString();
  }
};

const ANSWER_MESSAGES: Record<Exclude<AnswerProblem["code"], "out_of_range">, MessageKey> = {
  required: "answer.required",
  unknown_question: "answer.unknown_question",
  wrong_type: "answer.wrong_type",
  unknown_option: "answer.unknown_option",
  duplicate_option: "answer.duplicate_option",
  not_integer: "answer.not_integer",
  too_long: "answer.too_long",
};

const BREAK_MESSAGES: Record<DefinitionBreak["code"], MessageKey> = {
  question_removed: "questionnaire.answered_question_removed",
  question_kind_changed: "questionnaire.answered_kind_changed",
  option_removed: "questionnaire.picked_option_removed",
};

/**
 * The definition as stored: every section, question and option gets an id (a new UUID where the request left it
 * out), defaults filled. Structural problems (an id used twice, a choice without options) are 400s on their path.
 */
function completeDefinition(parsed: TCreateQuestionnaireRequest["definition"]): TQuestionnaireDefinition {
  const definition: TQuestionnaireDefinition = {
    sections: parsed.sections.map((section) => ({
      ...section,
      id: section.id ?? randomUUID(),
      questions: section.questions.map((question) => {
        const id = question.id ?? randomUUID();
        switch (question.kind) {
          case "single_choice":
          case "multiple_choice":
            return { ...question, id, options: question.options.map((o) => ({ ...o, id: o.id ?? randomUUID() })) };
          case "rating":
          case "nps":
          case "free_text":
            return { ...question, id };
        }
      }),
    })),
  };
  const problems = questionnaireDefinitionProblems(definition);
  if (problems.length > 0) {
    throw new AppError("validation_failed", "validation_failed", {}, {
      fields: problems.map((p) => ({ path: `body.definition.${p.path}`, messageKey: p.code === "duplicate_id" ? "questionnaire.duplicate_id" : "questionnaire.no_options" })),
    });
  }
  return definition;
}

const questionCount = (definition: TQuestionnaireDefinition) => definition.sections.reduce((n, s) => n + s.questions.length, 0);

/** 400 with one message per question, at `body.answers.<questionId>`. */
function answersError(definition: TQuestionnaireDefinition, problems: AnswerProblem[]): AppError {
  const kinds = new Map(definition.sections.flatMap((s) => s.questions.map((q) => [q.id, q.kind] as const)));
  return new AppError("validation_failed", "validation_failed", {}, {
    fields: problems.map((p) => ({
      path: `body.answers.${p.questionId}`,
      messageKey: p.code === "out_of_range" ? (kinds.get(p.questionId) === "nps" ? "answer.nps_range" : "answer.rating_range") : ANSWER_MESSAGES[p.code],
    })),
  });
}

/** 410 when the questionnaire does not take answers now: not yet open, or closed. */
function requireAccepting(row: QuestionnaireRow, now: Date) {
  if (questionnaireAccepting(row, now)) return;
  const notYet = row.status === "draft" || (row.status === "open" && row.opensAt !== null && now < row.opensAt);
  throw new AppError("gone", notYet ? "questionnaire.not_open_yet" : "questionnaire.closed");
}

/** Anonymous responses keep only the day they were submitted (UTC), so their time cannot identify a respondent. */
const submittedAtFor = (row: QuestionnaireRow, now: Date) => (row.anonymous ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) : now);

export function createQuestionnairesService(deps: AppDeps, config: Pick<Config, "JIAOFU_PUBLIC_URL">, sources: RequirementSources = createRequirementSources(deps)) {
  const repo = createQuestionnairesRepository(deps.db);

  async function requireQuestionnaire(actor: Actor, id: string, action: QuestionnaireAction): Promise<QuestionnaireAccess> {
    const access = await repo.loadAccess(actor, id);
    if (!access || !canQuestionnaire(actor, "questionnaire.see", access.facts)) throw notFound("questionnaire.not_found");
    authorize(canQuestionnaire(actor, action, access.facts));
    return access;
  }

  const viewerOf = (actor: Actor, access: Pick<QuestionnaireAccess, "facts">): QuestionnaireViewer => ({
    isContact: actor.role === "client",
    canManage: canQuestionnaire(actor, "questionnaire.manage", access.facts),
    publicUrl: config.JIAOFU_PUBLIC_URL,
    now: deps.now(),
  });

  async function readQuestionnaire(actor: Actor, id: string) {
    const access = await repo.loadAccess(actor, id);
    const row = await repo.get(actor.userId, id);
    if (!access || !row) throw notFound("questionnaire.not_found");
    return presentQuestionnaire(row, viewerOf(actor, access));
  }

  function writeError(error: unknown): unknown {
    if (isCheckViolation(error, "questionnaires_dates_ck")) return fieldError("body.closesAt", "questionnaire.closes_before_opens");
    return error;
  }

  /** A portal or public response, checked under the questionnaire's lock. */
  async function submit(id: string, decide: (row: QuestionnaireRow) => ResponseDraft) {
    const result = await repo.submitResponse(id, decide);
    switch (result.kind) {
      case "not_found":
        throw notFound("questionnaire.not_found");
      case "already_answered":
        throw new AppError("conflict", "questionnaire.already_answered");
      case "ok":
        return { id: result.response.id, submittedAt: result.response.submittedAt.toISOString() };
    }
  }

  function validatedAnswers(row: QuestionnaireRow, answers: Record<string, unknown>) {
    const validation = questionnaireValidateAnswers(row.definition, answers);
    if (!validation.ok) throw answersError(row.definition, validation.problems);
    return validation.answers as Record<string, string | string[] | number>;
  }

  /** The public questionnaire a token opens: 404 for an unknown token or a link that was turned off. */
  async function byPublicToken(token: string): Promise<QuestionnaireRow> {
    const row = await repo.findByTokenHash(publicLinkHash(token));
    if (!row || !row.audiencePublic || !publicLinkMatches(row.publicToken, token)) throw notFound("questionnaire.not_found");
    return row;
  }

  async function exportTable(actor: Actor, id: string, locale: TLocale): Promise<{ table: ExportTable; row: QuestionnaireRow }> {
    const { questionnaire } = await requireQuestionnaire(actor, id, "questionnaire.results.read");
    const responses = await repo.responses(id);
    const table = responsesTable(
      questionnaire.definition,
      responses.map((r) => ({ ...r, respondentName: respondentNameOf(questionnaire, r) })),
      { anonymous: questionnaire.anonymous, locale },
    );
    return { table, row: questionnaire };
  }

  return {
    listQuestionnaires: async (
      actor: Actor,
      projectId: string,
      query: { status?: TQuestionnaireStatus | undefined; q?: string | undefined; sort: string; cursor?: string | undefined; limit: number },
    ) => {
      const { facts } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
      const sort = parseSort(query.sort, SORT_COLUMNS);
      const rows = await repo.list(actor, projectId, { ...query, sort, publishedToPortalOnly: questionnaireVisibility(actor) === "published_to_portal" });
      const page = toPage(rows, query.limit, sortValue(sort.key));
      return {
        items: page.items.map((row) =>
          presentQuestionnaireSummary(row, viewerOf(actor, { facts: { project: facts, status: row.status, audiencePortal: row.audiencePortal } })),
        ),
        nextCursor: page.nextCursor,
      };
    },

    createQuestionnaire: async (actor: Actor, projectId: string, input: TCreateQuestionnaireRequest) => {
      const { facts } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
      authorize(canCreateQuestionnaire(actor, facts));
      const definition = completeDefinition(input.definition);
      const link = input.audience.public ? newPublicLinkSecret() : null;
      const values: QuestionnaireValues = {
        title: input.title,
        intro: input.intro,
        definition,
        status: "draft",
        audiencePortal: input.audience.portal,
        audiencePublic: input.audience.public,
        anonymous: input.anonymous,
        onePerRespondent: input.onePerRespondent,
        opensAt: input.opensAt ? new Date(input.opensAt) : null,
        closesAt: input.closesAt ? new Date(input.closesAt) : null,
        publicToken: link?.token ?? null,
        publicTokenHash: link?.tokenHash ?? null,
      };
      try {
        const row = await repo.create(actor, projectId, values);
        return readQuestionnaire(actor, row.id);
      } catch (error) {
        throw writeError(error);
      }
    },

    getQuestionnaire: async (actor: Actor, id: string) => {
      await requireQuestionnaire(actor, id, "questionnaire.read");
      return readQuestionnaire(actor, id);
    },

    /**
     * Edits and status changes. Once anyone answered: the definition may be reworded, reordered and extended but not
     * lose an answered question or a picked option (409, one message per break), anonymity is fixed, and it cannot
     * go back to draft.
     */
    updateQuestionnaire: async (actor: Actor, id: string, input: TUpdateQuestionnaireRequest) => {
      await requireQuestionnaire(actor, id, "questionnaire.manage");
      const { version, definition: definitionInput, audience, opensAt, closesAt, status, ...rest } = input;
      const definition = definitionInput ? completeDefinition(definitionInput) : undefined;
      const now = deps.now();
      // Made once: `valuesFor` runs for the check and for the write, and both must see the same link.
      const freshLink = newPublicLinkSecret();
      const valuesFor = (before: QuestionnaireRow): Partial<QuestionnaireValues> => {
        const link = audience?.public && !before.publicToken ? freshLink : null;
        return {
          ...rest,
          ...(definition ? { definition } : {}),
          ...(status ? { status } : {}),
          ...(audience ? { audiencePortal: audience.portal, audiencePublic: audience.public } : {}),
          ...(opensAt !== undefined ? { opensAt: opensAt ? new Date(opensAt) : null } : {}),
          ...(closesAt !== undefined ? { closesAt: closesAt ? new Date(closesAt) : null } : {}),
          ...(link ? { publicToken: link.token, publicTokenHash: link.tokenHash } : {}),
        };
      };
      const check = (before: QuestionnaireRow, answers: readonly Readonly<Record<string, string | string[] | number>>[]) => {
        const next = { ...before, ...valuesFor(before) };
        const opens = next.opensAt;
        const closes = next.closesAt;
        if (opens && closes && opens >= closes) throw fieldError(closesAt !== undefined ? "body.closesAt" : "body.opensAt", "questionnaire.closes_before_opens");
        if (status === "open" && before.status !== "open") {
          if (questionCount(next.definition) === 0) throw fieldError("body.status", "questionnaire.no_questions");
          if (!next.audiencePortal && !next.audiencePublic) throw fieldError("body.status", "questionnaire.no_audience");
        }
        if (answers.length === 0) return;
        if (status === "draft" && before.status !== "draft") throw new AppError("conflict", "questionnaire.has_responses");
        if (input.anonymous !== undefined && input.anonymous !== before.anonymous) throw new AppError("conflict", "questionnaire.anonymity_locked");
        if (definition) {
          const breaks = questionnaireBreakingChanges(before.definition, definition, questionnaireAnswerUsage(answers.map((a) => ({ answers: a }))));
          if (breaks.length > 0) {
            throw new AppError("conflict", "questionnaire.breaking_change", {}, {
              fields: breaks.map((b) => ({
                path: b.code === "option_removed" ? `body.definition.${b.questionId}.options.${b.optionId}` : `body.definition.${b.questionId}`,
                messageKey: BREAK_MESSAGES[b.code],
              })),
              breaks,
            });
          }
        }
      };
      try {
        const result = await repo.update(actor, id, version, valuesFor, check, now);
        if (result.kind === "not_found") throw notFound("questionnaire.not_found");
        if (result.kind === "stale") throw versionConflict(await readQuestionnaire(actor, id));
      } catch (error) {
        throw writeError(error);
      }
      return readQuestionnaire(actor, id);
    },

    deleteQuestionnaire: async (actor: Actor, id: string, version: number | undefined) => {
      await requireQuestionnaire(actor, id, "questionnaire.manage");
      const result = await repo.remove(actor, id, version);
      switch (result.kind) {
        case "not_found":
          throw notFound("questionnaire.not_found");
        case "stale":
          throw versionConflict(await readQuestionnaire(actor, id));
        case "has_responses":
          throw new AppError("conflict", "questionnaire.has_responses");
        case "ok":
          return;
      }
    },

    /** A new public link; the old one stops working. */
    regeneratePublicLink: async (actor: Actor, id: string) => {
      const { questionnaire } = await requireQuestionnaire(actor, id, "questionnaire.manage");
      if (!questionnaire.audiencePublic) throw new AppError("conflict", "questionnaire.public_link_off");
      const link = newPublicLinkSecret();
      const result = await repo.replacePublicLink(actor, id, link.token, link.tokenHash, deps.now());
      if (result.kind === "not_found") throw notFound("questionnaire.not_found");
      return readQuestionnaire(actor, id);
    },

    /** The form for a client contact in the portal. */
    getForm: async (actor: Actor, id: string) => {
      const { questionnaire } = await requireQuestionnaire(actor, id, "questionnaire.respond");
      requireAccepting(questionnaire, deps.now());
      const row = await repo.get(actor.userId, id);
      return presentForm(questionnaire, row?.answeredByMe ?? false);
    },

    submitPortalResponse: async (actor: Actor, id: string, input: TSubmitQuestionnaireResponseRequest) => {
      await requireQuestionnaire(actor, id, "questionnaire.respond");
      const now = deps.now();
      return submit(id, (row) => {
        requireAccepting(row, now);
        const answers = validatedAnswers(row, input.answers);
        return {
          channel: "portal",
          respondentId: row.anonymous ? null : actor.userId,
          respondentName: null,
          answers,
          submittedAt: submittedAtFor(row, now),
          // Every contact who answers is on the roll (it gives the response rate); exclusive when limited.
          participation: { key: contactKey(actor.userId), exclusive: row.onePerRespondent },
          auditActor: row.anonymous ? null : actor,
          auditAnswers: !row.anonymous,
        };
      });
    },

    /** What a public respondent needs to answer: 404 for a bad token, 410 when not open. */
    getPublicForm: async (token: string) => {
      const row = await byPublicToken(token);
      requireAccepting(row, deps.now());
      return presentForm(row, null);
    },

    submitPublicResponse: async (token: string, input: TSubmitQuestionnaireResponseRequest) => {
      const { id } = await byPublicToken(token);
      const now = deps.now();
      return submit(id, (row) => {
        if (!row.audiencePublic || !publicLinkMatches(row.publicToken, token)) throw notFound("questionnaire.not_found");
        requireAccepting(row, now);
        const answers = validatedAnswers(row, input.answers);
        if (row.onePerRespondent && !input.respondentToken) throw fieldError("body.respondentToken", "questionnaire.respondent_token_required");
        return {
          channel: "public",
          respondentId: null,
          respondentName: row.anonymous ? null : input.respondentName || null,
          answers,
          submittedAt: submittedAtFor(row, now),
          participation: row.onePerRespondent && input.respondentToken ? { key: respondentTokenKey(row.id, input.respondentToken), exclusive: true } : null,
          auditActor: null,
          auditAnswers: !row.anonymous,
        };
      });
    },

    getResults: async (actor: Actor, id: string): Promise<TQuestionnaireResults> => {
      const { questionnaire } = await requireQuestionnaire(actor, id, "questionnaire.results.read");
      const responses = await repo.responses(id);
      const aggregate = questionnaireAggregate(questionnaire.definition, responses);
      const links = await repo.answerLinks(id);
      const refs = await sources.describe(actor, links.map((l) => l.requirementId));
      const byResponse = new Map(responses.map((r) => [r.id, r]));
      const located = new Map(
        questionnaire.definition.sections.flatMap((section) => section.questions.map((question) => [question.id, { section, question }] as const)),
      );
      const questions = aggregate.questions.flatMap((result): TQuestionResult[] => {
        const where = located.get(result.questionId);
        if (!where) return [];
        const { question, section } = where;
        const base = { questionId: question.id, sectionId: section.id, text: question.text, required: question.required, answered: result.answered, skipped: result.skipped };
        const share = (count: number) => (result.answered === 0 ? null : count / result.answered);
        switch (result.kind) {
          case "single_choice":
          case "multiple_choice": {
            const labels = new Map(question.kind === "single_choice" || question.kind === "multiple_choice" ? question.options.map((o) => [o.id, o.label]) : []);
            return [{ ...base, kind: result.kind, options: result.options.map((o) => ({ optionId: o.optionId, label: labels.get(o.optionId) ?? "", count: o.count, share: share(o.count) })) }];
          }
          case "rating":
            return [{ ...base, kind: "rating", distribution: result.distribution.map((count, i) => ({ value: i + 1, count })), mean: result.mean }];
          case "nps":
            return [
              {
                ...base,
                kind: "nps",
                distribution: result.distribution.map((count, value) => ({ value, count })),
                promoters: result.promoters,
                passives: result.passives,
                detractors: result.detractors,
                score: result.score,
              },
            ];
          case "free_text":
            return [
              {
                ...base,
                kind: "free_text",
                answers: result.answers.flatMap((answer) => {
                  const response = byResponse.get(answer.responseId);
                  if (!response) return [];
                  const requirements = links
                    .filter((l) => l.responseId === answer.responseId && l.questionId === question.id)
                    .flatMap((l): TRequirementRef[] => {
                      const ref = refs.get(l.requirementId);
                      return ref ? [ref] : [];
                    });
                  return [{ responseId: answer.responseId, text: answer.text, respondentName: respondentNameOf(questionnaire, response), submittedAt: response.submittedAt.toISOString(), requirements }];
                }),
              },
            ];
        }
      });
      const portal = responses.filter((r) => r.channel === "portal").length;
      const reach = questionnaire.audiencePortal ? await repo.portalReach(id, questionnaire.projectId) : null;
      return {
        questionnaireId: id,
        title: questionnaire.title,
        anonymous: questionnaire.anonymous,
        responseCount: responses.length,
        portalResponseCount: portal,
        publicResponseCount: responses.length - portal,
        responseRate: reach ? { ...reach, rate: reach.invited === 0 ? null : reach.responded / reach.invited } : null,
        questions,
      };
    },

    exportCsv: async (actor: Actor, id: string, locale: TLocale) => {
      const { table, row } = await exportTable(actor, id, locale);
      return { body: tableToCsv(table), title: row.title };
    },

    exportXlsx: async (actor: Actor, id: string, locale: TLocale) => {
      const { table, row } = await exportTable(actor, id, locale);
      return { body: await responsesToXlsx(table, row.title), title: row.title };
    },

    /** Turns a free-text answer into a requirement whose source is that answer. */
    createRequirementFromAnswer: async (actor: Actor, id: string, responseId: string, questionId: string, fields: TCreateRequirementFromAnswerRequest) => {
      const { questionnaire } = await requireQuestionnaire(actor, id, "questionnaire.manage");
      const question = questionnaire.definition.sections.flatMap((s) => s.questions).find((q) => q.id === questionId);
      const response = await repo.getResponse(id, responseId);
      const value = response && Object.hasOwn(response.answers, questionId) ? response.answers[questionId] : undefined;
      if (!question || !response || value === undefined) throw notFound("questionnaire.answer_not_found");
      if (question.kind !== "free_text" || typeof value !== "string") throw new AppError("validation_failed", "questionnaire.not_free_text");
      const requirement = await repo.createRequirementFromAnswer(actor, questionnaire, responseId, questionId, (tx) =>
        sources.create(
          tx,
          actor,
          questionnaire.projectId,
          {
            title: fields.title ?? titleFromExcerpt(value),
            description: fields.description ?? descriptionFromExcerpt(value, `${questionnaire.title} — ${question.text}`),
            type: fields.type,
          },
          { kind: "questionnaire_answer", questionnaireId: id, responseId, questionId, excerpt: value },
        ),
      );
      return { questionnaireId: id, responseId, questionId, requirement };
    },
  };
}

/** The respondent as results show them: nobody for anonymous questionnaires, else the account or the given name. */
function respondentNameOf(questionnaire: QuestionnaireRow, response: ResponseRow): string | null {
  if (questionnaire.anonymous) return null;
  return response.respondentUserName ?? response.respondentName ?? null;
}

export type QuestionnairesService = ReturnType<typeof createQuestionnairesService>;
