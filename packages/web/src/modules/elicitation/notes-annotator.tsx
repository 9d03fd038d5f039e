import { Fragment, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TElicitationPassage } from "@jiaofu/contracts";
import { Button } from "../../ui";
import { notesSegments } from "./notes-segments";
import { NOTES_END_ATTR, NOTES_EXTRA_ATTR, NOTES_START_ATTR, selectionRange, trimRange, type NotesRange } from "./notes-selection";
import { requirementPath } from "./elicitation-paths";

export type NotesAnnotatorProps = {
  projectId: string;
  notes: string;
  passages: readonly TElicitationPassage[];
  /** Managers and members turn selections into requirements; others only read. */
  canSelect: boolean;
  onCreateRequirement: (range: NotesRange) => void;
  /** Changes when a requirement was made, so the selection is cleared. */
  resetKey: number;
  /** Offered when there are no notes yet (e.g. "Write notes"). */
  emptyAction?: ReactNode;
};

const attrs = (start: number, end: number) => ({ [NOTES_START_ATTR]: start, [NOTES_END_ATTR]: end });

/**
 * The notes as written (Markdown source, line breaks kept), with the passages that became requirements highlighted
 * and their REQ keys after them. The analyst selects text with the mouse — or, in the keyboard view, with Shift and
 * the arrow keys — and turns the selection into a requirement; the offsets are the notes' own.
 */
export function NotesAnnotator({ projectId, notes, passages, canSelect, onCreateRequirement, resetKey, emptyAction }: NotesAnnotatorProps) {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<NotesRange | null>(null);
  const [keyboardView, setKeyboardView] = useState(false);
  const hintId = useId();
  const segments = useMemo(() => notesSegments(notes, passages), [notes, passages]);
  const byId = useMemo(() => new Map(passages.map((p) => [p.id, p])), [passages]);

  // Follow the page's selection while it is inside the notes. A selection that leaves the notes is kept (pressing
  // the button must not lose it); a collapsed one (a click elsewhere in the notes) clears it.
  useEffect(() => {
    if (keyboardView) return;
    function handleSelectionChange() {
      const root = rootRef.current;
      const current = window.getSelection();
      if (!root || !current || current.rangeCount === 0 || !current.anchorNode || !current.focusNode) return;
      if (current.isCollapsed) {
        if (root.contains(current.anchorNode)) setSelection(null);
        return;
      }
      if (!root.contains(current.anchorNode) || !root.contains(current.focusNode)) return;
      const range = selectionRange({ node: current.anchorNode, offset: current.anchorOffset }, { node: current.focusNode, offset: current.focusOffset });
      setSelection(range ? trimRange(notes, range) : null);
    }
    document.addEventListener("selectionchange", handleSelectionChange);
    return () => document.removeEventListener("selectionchange", handleSelectionChange);
  }, [notes, keyboardView]);

  useEffect(() => {
    setSelection(null);
    window.getSelection()?.removeAllRanges();
  }, [resetKey]);

  if (notes.trim() === "") {
    return (
      <div className="stack">
        <p className="subtle">{t("elicitation.notes.empty")}</p>
        {emptyAction ? <div>{emptyAction}</div> : null}
      </div>
    );
  }

  const excerpt = selection ? notes.slice(selection.start, selection.end) : "";

  const rendered: ReactNode[] = segments.map((segment) => {
    const covering = segment.passageIds.map((id) => byId.get(id)).filter((p): p is TElicitationPassage => p !== undefined);
    const hasRequirement = covering.some((p) => p.requirements.length > 0);
    const keys = segment.endsPassageIds
      .map((id) => byId.get(id))
      .filter((p): p is TElicitationPassage => p !== undefined)
      .flatMap((p) => p.requirements);
    return (
      <Fragment key={segment.start}>
        {covering.length === 0 ? (
          <span {...attrs(segment.start, segment.end)}>{segment.text}</span>
        ) : (
          <mark
            {...attrs(segment.start, segment.end)}
            className={[hasRequirement ? "passage" : "passage passage-bare", covering.length > 1 ? "passage-overlap" : ""].join(" ")}
            data-testid="passage-highlight"
          >
            {segment.text}
          </mark>
        )}
        {keys.length > 0 ? (
          <span {...attrs(segment.end, segment.end)} {...{ [NOTES_EXTRA_ATTR]: "" }} className="passage-keys">
            {keys.map((requirement) => (
              <Link
                key={requirement.id}
                to={requirementPath(projectId, requirement.id)}
                className="passage-key"
                title={requirement.title}
                data-testid="passage-requirement-link"
              >
                {requirement.key}
              </Link>
            ))}
          </span>
        ) : null}
      </Fragment>
    );
  });

  return (
    <div className="notes-annotator">
      {canSelect ? (
        <div className="notes-toolbar">
          <p className="subtle" id={hintId}>
            {keyboardView ? t("elicitation.notes.keyboardHint") : t("elicitation.notes.selectHint")}
          </p>
          <Button
            size="sm"
            variant="ghost"
            aria-pressed={keyboardView}
            onClick={() => {
              setSelection(null);
              setKeyboardView((on) => !on);
            }}
          >
            {t("elicitation.notes.keyboardView")}
          </Button>
        </div>
      ) : null}
      {keyboardView ? (
        // Not `readOnly`: browsers do not move a caret through read-only text, so Shift+arrows could not select.
        // Edits are refused instead (the notes are changed in the session's editor).
        <textarea
          className="textarea notes-keyboard"
          aria-readonly="true"
          spellCheck={false}
          value={notes}
          onChange={() => undefined}
          onBeforeInput={(event) => event.preventDefault()}
          onPaste={(event) => event.preventDefault()}
          onCut={(event) => event.preventDefault()}
          onDrop={(event) => event.preventDefault()}
          rows={Math.min(24, Math.max(6, notes.split("\n").length + 1))}
          aria-label={t("elicitation.notes.keyboardLabel")}
          aria-describedby={hintId}
          onSelect={(event) => {
            const { selectionStart, selectionEnd } = event.currentTarget;
            setSelection(selectionEnd > selectionStart ? trimRange(notes, { start: selectionStart, end: selectionEnd }) : null);
          }}
          data-testid="session-notes-keyboard"
        />
      ) : (
        <div
          ref={rootRef}
          className="notes-source"
          {...attrs(0, notes.length)}
          tabIndex={0}
          role="region"
          aria-label={t("elicitation.notes.label")}
          aria-describedby={canSelect ? hintId : undefined}
          data-testid="session-notes"
        >
          {rendered}
        </div>
      )}
      {canSelect ? (
        <div className="notes-selection" aria-live="polite">
          <span className="notes-selection-text">
            {selection ? (
              <>
                <span className="subtle">{t("elicitation.notes.selected", { count: [...excerpt].length })}</span>{" "}
                <q className="notes-selection-excerpt">{excerpt}</q>
              </>
            ) : (
              <span className="subtle">{t("elicitation.notes.nothingSelected")}</span>
            )}
          </span>
          <Button
            variant="primary"
            size="sm"
            disabled={!selection}
            onClick={() => {
              if (selection) onCreateRequirement(selection);
            }}
            data-testid="create-requirement-from-selection"
          >
            {t("elicitation.notes.createRequirement")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
