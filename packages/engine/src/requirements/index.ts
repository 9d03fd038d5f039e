/** Requirements: the status workflow, keys, versions and their diff, relations between requirements, traceability. */
export {
  REQUIREMENT_CLIENT_STATUSES,
  REQUIREMENT_CONTENT_FIELDS,
  REQUIREMENT_FROZEN_STATUSES,
  REQUIREMENT_STATUSES,
  REQUIREMENT_TRANSITION_ORIGINS,
  REQUIREMENT_TRANSITIONS,
  type RequirementContentField,
  type RequirementStatus,
  type RequirementTransitionCheck,
  type RequirementTransitionOrigin,
  type RequirementTransitionProblem,
  type RequirementTransitionRule,
  requirementEditEffect,
  requirementNextStatuses,
  requirementTransitionCheck,
  requirementVisibleToClient,
} from "./requirement-workflow";
export { REQUIREMENT_KEY_PREFIX, requirementKey, requirementNumberFromText } from "./requirement-key";
export {
  type AcceptanceCriterion,
  type FieldChange,
  type LineChange,
  MOSCOW_PRIORITIES,
  type MoscowPriority,
  REQUIREMENT_SNAPSHOT_FIELDS,
  REQUIREMENT_TYPES,
  type RequirementSnapshot,
  type RequirementSnapshotField,
  type RequirementType,
  jsonEqual,
  requirementSnapshotDiff,
  requirementTypeIsNonFunctional,
  textLineDiff,
} from "./requirement-snapshot";
export {
  ACYCLIC_RELATION_KINDS,
  REQUIREMENT_RELATION_KINDS,
  type RelationEdge,
  type RequirementRelationKind,
  SYMMETRIC_RELATION_KINDS,
  relationGraphFindCycle,
  relationNormalise,
} from "./requirement-relations";
export { type TraceDownstreamItem, type TraceLink, type TraceNode, traceGraphDownstream, traceNodeKey } from "./trace-graph";
