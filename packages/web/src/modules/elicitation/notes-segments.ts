/**
 * Splits session notes into the runs the notes view renders: plain text, and text covered by one or more passages.
 * Offsets are UTF-16 code units of the notes, end exclusive — the API's and `String.slice`'s unit.
 */

/** What segmentation needs of a passage: where it is, and whether it is still in the notes. */
export type PassageSpan = { id: string; start: number; end: number; detached: boolean };

/**
 * One run of the notes. `passageIds` lists the passages covering the whole run (none for plain text), in the order
 * the passages were given; `endsPassageIds` the passages that end with this run (where their REQ keys are shown).
 */
export type NotesSegment = { start: number; end: number; text: string; passageIds: string[]; endsPassageIds: string[] };

/**
 * Cuts `notes` at every passage boundary. Detached passages, empty ranges and ranges outside the notes are ignored;
 * overlapping passages give runs covered by several of them.
 *
 * @example
 * notesSegments("Needs SSO and audit", [{ id: "p1", start: 6, end: 9, detached: false }])
 * // → "Needs " (plain), "SSO" (p1, ends p1), " and audit" (plain)
 */
export function notesSegments(notes: string, passages: readonly PassageSpan[]): NotesSegment[] {
  const spans = passages.filter((p) => !p.detached && p.start >= 0 && p.end <= notes.length && p.start < p.end);
  const cuts = new Set<number>([0, notes.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: NotesSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? start;
    if (end <= start) continue;
    const covering = spans.filter((span) => span.start <= start && span.end >= end);
    segments.push({
      start,
      end,
      text: notes.slice(start, end),
      passageIds: covering.map((span) => span.id),
      endsPassageIds: covering.filter((span) => span.end === end).map((span) => span.id),
    });
  }
  return segments;
}
