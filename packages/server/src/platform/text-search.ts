/** Free-text filters (`?q=`) for list endpoints. */

/**
 * An ILIKE pattern matching values that contain `q` literally: `%`, `_` and `\` in what the person typed are
 * escaped, so they match themselves rather than acting as wildcards.
 *
 * @example
 * containsPattern("50%_off") // "%50\\%\\_off%"  — matches "Save 50%_off now", not "500 off"
 */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
