export * from "./time-week";
export * from "./time-duration";
export * from "./time-timer";
export * from "./time-timesheet";
export * from "./time-cost";
