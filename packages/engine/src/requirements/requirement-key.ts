/** Requirement keys: `REQ-<n>`, numbered per project from 1. */

export const REQUIREMENT_KEY_PREFIX = "REQ-";

/**
 * The key a person sees for requirement number `n` of a project.
 *
 * @example
 * requirementKey(12); // "REQ-12"
 */
export function requirementKey(n: number): string {
  return `${REQUIREMENT_KEY_PREFIX}${n}`;
}

/**
 * The number in a search text that looks like a key (`REQ-12`, `req 12`, `req12`), or null. Lets `?q=REQ-12` find
 * requirement 12 exactly, not every key or text that merely contains "12".
 *
 * @example
 * requirementNumberFromText("REQ-12"); // 12
 * requirementNumberFromText(" req 7 "); // 7
 * requirementNumberFromText("12 users"); // null
 */
export function requirementNumberFromText(text: string): number | null {
  const match = /^req[\s-]?(\d{1,9})$/i.exec(text.trim());
  return match?.[1] ? Number(match[1]) : null;
}
