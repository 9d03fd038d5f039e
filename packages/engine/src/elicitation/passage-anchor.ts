/**
 * Passages of session notes: a range of the notes (`start`..`end`, in UTF-16 code units, what `String.slice` and a
 * browser's text selection count) together with the text it covered (`excerpt`). When the notes are edited, the
 * excerpt is the truth and the offsets follow it: a passage is re-anchored on the excerpt, not kept at its numbers.
 */

/** A passage as stored: its last known range and the text it covers. */
export type PassageAnchor = { readonly start: number; readonly end: number; readonly excerpt: string };

/**
 * Where a passage is in edited notes: `anchored` at a range whose text equals the excerpt (`moved` when that is not
 * where it was), or `detached` when the excerpt no longer occurs anywhere.
 */
export type PassageLocation = { kind: "anchored"; start: number; end: number; moved: boolean } | { kind: "detached" };

/**
 * Finds the passage in `notes`: at its old offsets if the excerpt is still there, else at the occurrence of the
 * excerpt nearest to its old start (the earlier one on a tie), else detached.
 *
 * @example
 * const passage = { start: 6, end: 9, excerpt: "SSO" };   // in "Needs SSO and audit"
 * passageLocate("Needs SSO and audit", passage)            // { kind: "anchored", start: 6, end: 9, moved: false }
 * passageLocate("Client needs SSO and audit", passage)     // { kind: "anchored", start: 13, end: 16, moved: true }
 * passageLocate("Client needs audit", passage)             // { kind: "detached" }
 */
export function passageLocate(notes: string, passage: PassageAnchor): PassageLocation {
  const { start, end, excerpt } = passage;
  if (excerpt.length === 0) return { kind: "detached" };
  if (notes.slice(start, end) === excerpt && end - start === excerpt.length) return { kind: "anchored", start, end, moved: false };
  let best = -1;
  for (let at = notes.indexOf(excerpt); at !== -1; at = notes.indexOf(excerpt, at + 1)) {
    if (best === -1 || Math.abs(at - start) < Math.abs(best - start)) best = at;
    // Occurrences only get further away once past the old start.
    if (at > start) break;
  }
  return best === -1 ? { kind: "detached" } : { kind: "anchored", start: best, end: best + excerpt.length, moved: true };
}

/**
 * Why `start`..`end` cannot be a passage of `notes`, or `ok`: the range must be non-empty, inside the notes, not
 * cut a character in half (a surrogate pair such as an emoji), and cover more than blank space.
 *
 * @example
 * passageCheckRange("需要单点登录", 2, 6)  // "ok": excerpt "单点登录"
 * passageCheckRange("需要单点登录", 4, 4)  // "empty"
 * passageCheckRange("需要单点登录", 2, 7)  // "out_of_range"
 */
export function passageCheckRange(notes: string, start: number, end: number): "ok" | "empty" | "out_of_range" | "splits_character" | "blank" {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > notes.length) return "out_of_range";
  if (end <= start) return "empty";
  const isLowSurrogate = (i: number) => {
    const c = notes.charCodeAt(i);
    return c >= 0xdc00 && c <= 0xdfff;
  };
  if (isLowSurrogate(start) || (end < notes.length && isLowSurrogate(end))) return "splits_character";
  if (notes.slice(start, end).trim() === "") return "blank";
  return "ok";
}
