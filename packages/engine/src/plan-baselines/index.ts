/** Plan baselines: variance of the current plan against a saved baseline (docs/planning.md, "Baselines and variance"). */
export {
  type PlanVariance,
  type PlanVarianceRow,
  type PlanVarianceSummary,
  type PlanVarianceTask,
  planVariance,
  planVarianceTopSlips,
  planWbsCompare,
} from "./plan-variance";
export { type PlanBaselineDays, planBaselineDaysOnAxis } from "./plan-baseline-axis";
