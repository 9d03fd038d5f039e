export * from "./board-rules";
