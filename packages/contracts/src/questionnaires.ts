import { z } from "zod";
import { ZId, ZIsoDateTime, ZListQueryBase, ZVersioned } from "./common";
import { ZRequirementFromSourceFields, ZRequirementRef } from "./elicitation";

/**
 * Questionnaires: a generic engine (requirements elicitation uses it; the satisfaction surveys of a later stage
 * reuse it). A definition is sections of questions; respondents are the project's client contacts in the portal
 * and/or anyone holding the public link.
 */
export const QUESTION_KIND_VALUES = ["single_choice", "multiple_choice", "rating", "nps", "free_text"] as const;
export const ZQuestionKind = z.enum(QUESTION_KIND_VALUES);
export type TQuestionKind = z.infer<typeof ZQuestionKind>;

export const QUESTIONNAIRE_STATUSES = ["draft", "open", "closed"] as const;
export const ZQuestionnaireStatus = z.enum(QUESTIONNAIRE_STATUSES);
export type TQuestionnaireStatus = z.infer<typeof ZQuestionnaireStatus>;

/**
 * The id of a section, question or option: a UUID, stable across edits, made by the builder or (left out) by the
 * server. Requirements made from an answer point at its question by this id.
 */
export const ZItemId = ZId;

const MAX_QUESTIONS = 500;

/** The definition schema, with ids required (`ZItemId`, as stored) or optional (in a request: the server fills them). */
function definitionSchema<I extends z.ZodType<string | undefined>>(id: I) {
  const option = z.object({ id, label: z.string().trim().min(1).max(500) });
  const base = {
    id,
    text: z.string().trim().min(1).max(2_000),
    description: z.string().max(5_000).default(""),
    required: z.boolean().default(false),
  };
  const scaleLabels = { lowLabel: z.string().trim().max(100).default(""), highLabel: z.string().trim().max(100).default("") };
  const question = z.discriminatedUnion("kind", [
    z.object({ ...base, kind: z.literal("single_choice"), options: z.array(option).min(1).max(100) }),
    z.object({ ...base, kind: z.literal("multiple_choice"), options: z.array(option).min(1).max(100) }),
    z.object({ ...base, kind: z.literal("rating"), ...scaleLabels }),
    z.object({ ...base, kind: z.literal("nps"), ...scaleLabels }),
    z.object({ ...base, kind: z.literal("free_text") }),
  ]);
  const section = z.object({
    id,
    title: z.string().trim().max(300).default(""),
    description: z.string().max(5_000).default(""),
    questions: z.array(question).max(200),
  });
  return z
    .object({ sections: z.array(section).min(1).max(50) })
    .refine((d) => d.sections.reduce((n, s) => n + s.questions.length, 0) <= MAX_QUESTIONS, {
      message: "questionnaire.too_many_questions",
      path: ["sections"],
    });
}

/** A definition as stored and returned: every id present. */
export const ZQuestionnaireDefinition = definitionSchema(ZItemId).meta({ id: "QuestionnaireDefinition" });
export type TQuestionnaireDefinition = z.infer<typeof ZQuestionnaireDefinition>;
export type TQuestionnaireSection = TQuestionnaireDefinition["sections"][number];
export type TQuestion = TQuestionnaireSection["questions"][number];

/**
 * A definition in a request. Ids may be left out for new sections, questions and options; keep the ids of existing
 * ones, so their answers stay attached (reordering is sending them in the new order).
 */
export const ZQuestionnaireDefinitionInput = definitionSchema(ZItemId.optional());
export type TQuestionnaireDefinitionInput = z.input<typeof ZQuestionnaireDefinitionInput>;

export const ZQuestionnaireAudience = z.object({
  /** The project's client contacts answer in the portal. */
  portal: z.boolean(),
  /** Anyone with the public link answers, without an account. */
  public: z.boolean(),
});

/** The public link: `path` is the web app's page for it; `url` is absolute when the server knows its public URL. */
export const ZQuestionnairePublicLink = z
  .object({ token: z.string(), path: z.string(), url: z.string().nullable() })
  .meta({ id: "QuestionnairePublicLink" });

const summaryFields = {
  id: ZId,
  projectId: ZId,
  title: z.string(),
  status: ZQuestionnaireStatus,
  audience: ZQuestionnaireAudience,
  /** No respondent identity is stored with the answers. */
  anonymous: z.boolean(),
  /** One response per contact (portal) or per respondent token (public link). */
  onePerRespondent: z.boolean(),
  opensAt: ZIsoDateTime.nullable(),
  closesAt: ZIsoDateTime.nullable(),
  /** Open, and now within opensAt..closesAt. */
  acceptingResponses: z.boolean(),
  questionCount: z.number().int(),
  /** Null for client contacts, who never see others' answers. */
  responseCount: z.number().int().nullable(),
  /** For a client contact: whether they have answered. Null for everyone else. */
  answeredByMe: z.boolean().nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
  version: z.number().int(),
};

export const ZQuestionnaireSummary = z.object(summaryFields).meta({ id: "QuestionnaireSummary" });
export type TQuestionnaireSummary = z.infer<typeof ZQuestionnaireSummary>;

export const ZQuestionnaire = z
  .object({
    ...summaryFields,
    intro: z.string(),
    /** Markdown rendered on the server and sanitised. */
    introHtml: z.string(),
    definition: ZQuestionnaireDefinition,
    /** Only for people who may manage the questionnaire, and only when the public audience is on. */
    publicLink: ZQuestionnairePublicLink.nullable(),
  })
  .meta({ id: "Questionnaire" });
export type TQuestionnaire = z.infer<typeof ZQuestionnaire>;

export const ZListQuestionnairesQuery = ZListQueryBase.extend({
  status: ZQuestionnaireStatus.optional(),
  sort: z.enum(["updatedAt", "-updatedAt", "title", "-title", "createdAt", "-createdAt"]).default("-updatedAt"),
});

const closesAfterOpens = (q: { opensAt?: string | null | undefined; closesAt?: string | null | undefined }) =>
  !q.opensAt || !q.closesAt || Date.parse(q.opensAt) < Date.parse(q.closesAt);

const questionnaireFields = {
  title: z.string().trim().min(1).max(200),
  intro: z.string().max(20_000),
  audience: ZQuestionnaireAudience,
  anonymous: z.boolean(),
  onePerRespondent: z.boolean(),
  opensAt: ZIsoDateTime.nullable(),
  closesAt: ZIsoDateTime.nullable(),
};

export const ZCreateQuestionnaireRequest = z
  .object({
    title: questionnaireFields.title,
    intro: questionnaireFields.intro.default(""),
    definition: ZQuestionnaireDefinitionInput.default({ sections: [{ title: "", description: "", questions: [] }] }),
    audience: questionnaireFields.audience.default({ portal: true, public: false }),
    anonymous: questionnaireFields.anonymous.default(false),
    onePerRespondent: questionnaireFields.onePerRespondent.default(true),
    opensAt: questionnaireFields.opensAt.default(null),
    closesAt: questionnaireFields.closesAt.default(null),
  })
  .refine(closesAfterOpens, { message: "questionnaire.closes_before_opens", path: ["closesAt"] });
export type TCreateQuestionnaireRequest = z.infer<typeof ZCreateQuestionnaireRequest>;

/**
 * Fields left out stay as they are. `status`: draft → open publishes (needs a question and an audience), open →
 * closed stops answers, closed → open reopens; back to draft only while nobody has answered. Once responses exist
 * the definition may still be reworded, reordered and extended, but an answered question or a picked option can
 * not be removed nor a question's kind changed (409).
 */
export const ZUpdateQuestionnaireRequest = ZVersioned.extend({
  title: questionnaireFields.title.optional(),
  intro: questionnaireFields.intro.optional(),
  definition: ZQuestionnaireDefinitionInput.optional(),
  audience: questionnaireFields.audience.optional(),
  anonymous: questionnaireFields.anonymous.optional(),
  onePerRespondent: questionnaireFields.onePerRespondent.optional(),
  opensAt: questionnaireFields.opensAt.optional(),
  closesAt: questionnaireFields.closesAt.optional(),
  status: ZQuestionnaireStatus.optional(),
}).refine(closesAfterOpens, { message: "questionnaire.closes_before_opens", path: ["closesAt"] });
export type TUpdateQuestionnaireRequest = z.infer<typeof ZUpdateQuestionnaireRequest>;

/** What a respondent sees: no audience, counts or links. */
export const ZQuestionnaireForm = z
  .object({
    id: ZId,
    title: z.string(),
    intro: z.string(),
    introHtml: z.string(),
    definition: ZQuestionnaireDefinition,
    anonymous: z.boolean(),
    onePerRespondent: z.boolean(),
    closesAt: ZIsoDateTime.nullable(),
    /** Portal: whether this contact has answered already. Public link: null (the browser keeps its own token). */
    answeredByMe: z.boolean().nullable(),
  })
  .meta({ id: "QuestionnaireForm" });
export type TQuestionnaireForm = z.infer<typeof ZQuestionnaireForm>;

/**
 * A response. `answers` by question id: an option id (single choice), option ids (multiple choice), an integer
 * (rating 1–5, NPS 0–10) or text (free text). Each answer is checked against the questionnaire; problems come back
 * as `400` with one message per question at `body.answers.<questionId>`.
 */
export const ZSubmitQuestionnaireResponseRequest = z.object({
  answers: z
    .record(z.string().max(64), z.unknown().meta({ description: "string | string[] | integer | null" }))
    .refine((a) => Object.keys(a).length <= MAX_QUESTIONS, { message: "questionnaire.too_many_questions" }),
  /**
   * Public link only: a random value the browser keeps (localStorage) and sends with every response; when the
   * questionnaire takes one response per respondent, a token answers once.
   */
  respondentToken: z.string().trim().min(16).max(200).optional(),
  /** Public link, not anonymous: the respondent's name as they give it. */
  respondentName: z.string().trim().max(120).optional(),
});
export type TSubmitQuestionnaireResponseRequest = z.infer<typeof ZSubmitQuestionnaireResponseRequest>;

export const ZSubmittedQuestionnaireResponse = z.object({ id: ZId, submittedAt: ZIsoDateTime }).meta({ id: "SubmittedQuestionnaireResponse" });

export const ZPublicTokenParams = z.object({ token: z.string().min(1).max(200) });

const resultBase = {
  questionId: ZItemId,
  sectionId: ZItemId,
  text: z.string(),
  required: z.boolean(),
  answered: z.number().int(),
  skipped: z.number().int(),
};
const ZValueCount = z.object({ value: z.number().int(), count: z.number().int() });
const ZChoiceCount = z.object({ optionId: ZItemId, label: z.string(), count: z.number().int(), share: z.number().nullable() });

export const ZFreeTextAnswer = z
  .object({
    responseId: ZId,
    text: z.string(),
    /** Null when the questionnaire is anonymous or the respondent gave no name. */
    respondentName: z.string().nullable(),
    submittedAt: ZIsoDateTime,
    requirements: z.array(ZRequirementRef),
  })
  .meta({ id: "FreeTextAnswer" });

export const ZQuestionResult = z.discriminatedUnion("kind", [
  z.object({ ...resultBase, kind: z.literal("single_choice"), options: z.array(ZChoiceCount) }),
  z.object({ ...resultBase, kind: z.literal("multiple_choice"), options: z.array(ZChoiceCount) }),
  z.object({ ...resultBase, kind: z.literal("rating"), distribution: z.array(ZValueCount), mean: z.number().nullable() }),
  z.object({
    ...resultBase,
    kind: z.literal("nps"),
    distribution: z.array(ZValueCount),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    /** %promoters − %detractors (−100..100), unrounded; null when nobody answered. */
    score: z.number().nullable(),
  }),
  z.object({ ...resultBase, kind: z.literal("free_text"), answers: z.array(ZFreeTextAnswer) }),
]);
export type TQuestionResult = z.infer<typeof ZQuestionResult>;

export const ZQuestionnaireResults = z
  .object({
    questionnaireId: ZId,
    title: z.string(),
    anonymous: z.boolean(),
    responseCount: z.number().int(),
    portalResponseCount: z.number().int(),
    publicResponseCount: z.number().int(),
    /** Portal audience only: contacts of the project who answered / contacts invited (the project's client members). */
    responseRate: z.object({ invited: z.number().int(), responded: z.number().int(), rate: z.number().nullable() }).nullable(),
    questions: z.array(ZQuestionResult),
  })
  .meta({ id: "QuestionnaireResults" });
export type TQuestionnaireResults = z.infer<typeof ZQuestionnaireResults>;

export const ZAnswerParams = z.object({ id: ZId, responseId: ZId, questionId: ZItemId });
export const ZCreateRequirementFromAnswerRequest = ZRequirementFromSourceFields;
export type TCreateRequirementFromAnswerRequest = z.infer<typeof ZCreateRequirementFromAnswerRequest>;
export const ZRequirementFromAnswer = z
  .object({ questionnaireId: ZId, responseId: ZId, questionId: ZItemId, requirement: ZRequirementRef })
  .meta({ id: "RequirementFromAnswer" });
export type TRequirementFromAnswer = z.infer<typeof ZRequirementFromAnswer>;
