export * from "./errors";
export * from "./common";
export * from "./auth";
export * from "./people";
export * from "./clients";
export * from "./projects";
export * from "./collaboration";
export * from "./api-client";
