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
export { scheduleWarmUp } from "./schedule-warm-up";
export * from "./calendar/index";
