import { useState } from "react";
import { changedFields } from "./changed-fields";

/** The `set` of `useDraft`, as field components take it. */
export type DraftSetter<D> = <K extends keyof D>(key: K, value: D[K]) => void;

/** A form's values as one object, with a setter per field: `set("name", event.target.value)`. */
export function useDraft<D extends object>(initial: D | (() => D)) {
  const [draft, setDraft] = useState<D>(initial);
  const set: DraftSetter<D> = (key, value) => setDraft((current) => ({ ...current, [key]: value }));
  return { draft, set, setDraft };
}

/** What `useRecordDraft` gives an edit form. */
export type RecordDraft<D, V> = {
  draft: D;
  set: DraftSetter<D>;
  /** Only the fields the person changed, as the update request sends them. */
  changes: Partial<V>;
  dirty: boolean;
  /** The version the form was opened on, which the save names. */
  version: number;
  /** The record's values and version as the form was opened. */
  base: { draft: D; version: number };
  /** Back to the record's values. */
  discard: () => void;
};

/**
 * The draft of a form that edits a record, fixed to the record and the version it was opened on (the parent
 * remounts the form with the fresh record after a save or a reload). `valuesOf` turns draft values into what the
 * update request sends (e.g. "" → null); without it they are sent as they are.
 */
export function useRecordDraft<R extends { version: number }, D extends object>(record: R, draftOf: (record: R) => D): RecordDraft<D, D>;
export function useRecordDraft<R extends { version: number }, D extends object, V extends { [K in keyof D]: unknown }>(
  record: R,
  draftOf: (record: R) => D,
  valuesOf: (draft: D) => V,
): RecordDraft<D, V>;
export function useRecordDraft<R extends { version: number }, D extends object, V extends { [K in keyof D]: unknown }>(
  record: R,
  draftOf: (record: R) => D,
  valuesOf?: (draft: D) => V,
): RecordDraft<D, V | D> {
  const [base] = useState(() => ({ draft: draftOf(record), version: record.version }));
  const { draft, set, setDraft } = useDraft<D>(base.draft);
  const changes = changedFields<D, V | D>(base.draft, draft, valuesOf ?? ((values) => values));
  return {
    draft,
    set,
    changes,
    dirty: Object.keys(changes).length > 0,
    version: base.version,
    base,
    discard: () => setDraft(base.draft),
  };
}
