/** @jiaofu/engine: pure domain logic (no I/O, no clock, no randomness). */
export * from "./scheduling/index";
