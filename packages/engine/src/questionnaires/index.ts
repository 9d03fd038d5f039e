/** The generic questionnaire engine: definitions, answer validation, results and NPS, safe edits. */
export {
  FREE_TEXT_MAX_LENGTH,
  NPS_MAX,
  NPS_MIN,
  QUESTION_KINDS,
  RATING_MAX,
  RATING_MIN,
  type DefinitionProblem,
  type FreeTextQuestion,
  type MultipleChoiceQuestion,
  type NpsQuestion,
  type QuestionKind,
  type QuestionOption,
  type QuestionnaireAnswerValue,
  type QuestionnaireAnswers,
  type QuestionnaireDefinition,
  type QuestionnaireQuestion,
  type QuestionnaireSection,
  type RatingQuestion,
  type SingleChoiceQuestion,
  questionnaireDefinitionProblems,
  questionnaireQuestions,
} from "./questionnaire-definition";
export { type AnswerProblem, type AnswerProblemCode, type AnswerValidation, questionnaireValidateAnswers } from "./questionnaire-answers";
export { type NpsCategory, type NpsSummary, npsCategory, npsFromDistribution } from "./nps";
export {
  type ChoiceResult,
  type FreeTextResult,
  type NpsResult,
  type QuestionResult,
  type QuestionnaireResponseInput,
  type QuestionnaireResults,
  type RatingResult,
  questionnaireAggregate,
} from "./questionnaire-results";
export { type DefinitionBreak, type QuestionnaireAnswerUsage, questionnaireAnswerUsage, questionnaireBreakingChanges } from "./questionnaire-changes";
