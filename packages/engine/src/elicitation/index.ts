/** Elicitation: passages of session notes that follow their text when the notes are edited. */
export { type PassageAnchor, type PassageLocation, passageCheckRange, passageLocate } from "./passage-anchor";
