/**
 * Narrows a string (typically a `<select>`'s value) to one of a fixed list of values.
 *
 * `isOneOf(PROJECT_STAGES, "planning")` → true, and the value is typed `TProjectStage` from there on;
 * `isOneOf(PROJECT_STAGES, "")` → false.
 */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
