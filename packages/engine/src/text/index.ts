/** Text analysis of requirements in zh-CN and English: tokens, constraints, polarity, and the conflict and duplicate finder. */
export {
  type ProposalScore,
  type RequirementBoundsPolicy,
  type RequirementFinderIndex,
  type RequirementFinderOptions,
  type RequirementProposal,
  type RequirementProposalKind,
  type RequirementReasonKey,
  type RequirementText,
  type TextTermId,
  requirementFinderAnalyzeAll,
  requirementFinderCreate,
  requirementFinderPropose,
} from "./requirement-finder";
export {
  type ConstraintRelation,
  type ConstraintStated,
  type TextConstraint,
  constraintIntervalsIntersect,
  constraintRelation,
  constraintsComparable,
  textConstraintsExtract,
} from "./text-constraints";
export {
  type ComparatorOp,
  type ConceptGroup,
  type ConceptGroupKind,
  type QuantityDimension,
  type QuantityUnit,
  type TextMarker,
  CONCEPT_GROUPS,
} from "./text-lexicon";
export {
  type ClauseFacts,
  type ClauseMember,
  type ClausePolarity,
  type ExclusiveEvidence,
  type PolarityEvidence,
  type TermWeight,
  clauseExclusiveConflict,
  clauseFactsRead,
  clausePolarityConflict,
  clauseScopesDisjoint,
  termSetCoverage,
  termSetSimilarity,
} from "./text-polarity";
export { type TextToken, type TextTokens, dateDayNumber, englishStem, textChineseNumeral, textContentTerms, textNormalize, textNormalizeKeepCase, textTokenize } from "./text-tokens";
