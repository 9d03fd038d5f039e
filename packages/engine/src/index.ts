/** @jiaofu/engine: pure domain logic (no I/O, no clock, no randomness). */
export * from "./scheduling/index";
export * from "./questionnaires/index";
export * from "./elicitation/index";
export * from "./requirements/index";
export * from "./text/index";
export * from "./risks/index";
export * from "./plan-baselines/index";
export * from "./plan-templates/index";
export * from "./planning/index";
export * from "./board/index";
export * from "./time/index";
export * from "./meetings/index";
export * from "./monitoring/index";
export * from "./quality/index";
export * from "./reports/index";
