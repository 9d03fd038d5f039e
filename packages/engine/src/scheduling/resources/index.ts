/** Resources, assignments, load histograms, over-allocation and resource levelling (docs/scheduling.md). */
export {
  type AssignmentSpec,
  RESOURCE_MILLI,
  type ResourceInputError,
  type ResourceKind,
  type ResourceModel,
  type ResourceSpec,
  resourceAssignmentWorkCost,
  resourceCapacityMilli,
  resourceModelBuild,
} from "./resource-model";
export {
  type ResourceHistogramBar,
  type ResourceHistogramBuckets,
  type ResourceLoad,
  type ResourceOverAllocation,
  resourceLoadCompute,
  resourceLoadHistogram,
  resourceOverAllocations,
} from "./resource-load";
export {
  RESOURCE_PRIORITY_DEFAULT,
  RESOURCE_PRIORITY_DO_NOT_LEVEL,
  type ResourceLevelInput,
  type ResourceLevelOptions,
  type ResourceLevelResult,
  type ResourceLevelledTask,
  type ResourceUnlevellable,
  type ResourceUnlevellableReason,
  resourceLevel,
} from "./resource-levelling";
