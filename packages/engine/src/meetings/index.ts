export * from "./meeting-kinds";
export * from "./agenda-templates";
export * from "./zoned-time";
