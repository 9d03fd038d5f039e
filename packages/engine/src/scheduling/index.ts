/** The scheduling core: critical path method over typed-array networks (semantics: shared/scheduling/README.md). */
export { type CriticalPathSchedule, type ScheduledTask, scheduleCriticalPath, scheduleNetwork, scheduleTaskTimes } from "./critical-path";
export { graphFindCycle } from "./graph-cycle";
export { LINK_TYPE_CODES, LINK_TYPES, type LinkType, type LinkTypeCode, linkTypeFromName } from "./link-type";
export {
  type ScheduleCycleError,
  type ScheduleError,
  type ScheduleInputError,
  type ScheduleInputErrorCode,
  type ScheduleOutcome,
  scheduleInputError,
} from "./schedule-errors";
export { type ScheduleInput, type ScheduleLinkSpec, type ScheduleTaskSpec, scheduleInputFromJson, scheduleInputFromSpecs } from "./schedule-input";
export { type ScheduleNetwork, type ScheduleNetworkViews, scheduleNetworkCreate, scheduleNetworkLoad } from "./schedule-network";
export { type DayNumber, SCHEDULE_MAX_DAYS, type TaskIndex, type WorkDays } from "./schedule-units";
export { schedulePlannerWarmUp, scheduleWarmUp } from "./schedule-warm-up";
export {
  SCHEDULE_CONSTRAINT_CODES,
  SCHEDULE_CONSTRAINT_TYPES,
  type ScheduleConstraint,
  type ScheduleConstraintCode,
  type ScheduleConstraintType,
  scheduleConstraintEarlyStartBound,
  scheduleConstraintFromName,
  scheduleConstraintIsDated,
  scheduleConstraintLateStartBound,
} from "./schedule-constraint";
export {
  SCHEDULE_NO_DAY,
  SCHEDULE_PLAN_MAX_DAY,
  type SchedulePlanError,
  type SchedulePlanInput,
  type SchedulePlanInputError,
  type SchedulePlanInputErrorCode,
  type SchedulePlanTaskSpec,
  schedulePlanInputCheck,
  schedulePlanInputFromJson,
  schedulePlanInputFromNetwork,
  schedulePlanInputFromSpecs,
} from "./schedule-plan-input";
export {
  type ScheduleViolation,
  type ScheduleViolationKind,
  type SchedulePlanner,
  type SchedulePlannerEdit,
  type SchedulePlannerEditResult,
  type SchedulePlannerLink,
  type SchedulePlannerSchedule,
  type SchedulePlannerTask,
  schedulePlannerCreate,
  schedulePlannerEdit,
  schedulePlannerInput,
  schedulePlannerLinks,
  schedulePlannerRecompute,
  schedulePlannerTask,
  schedulePlannerTasks,
} from "./schedule-planner";
export * from "./calendar/index";
export * from "./resources/index";
