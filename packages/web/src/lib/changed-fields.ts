/**
 * What an edit form sends: only the fields that differ from what it was opened with, each as the request has it,
 * so a save never overwrites a field the person did not touch.
 *
 * `changedFields({ code: "a-1", name: "Pilot" }, { code: "a-2", name: "Pilot" }, (d) => ({ ...d, code: d.code.toUpperCase() }))`
 * → `{ code: "A-2" }`.
 */
export function changedFields<D extends object, V extends { [K in keyof D]: unknown }>(base: D, draft: D, valuesOf: (draft: D) => V): Partial<V> {
  const values = valuesOf(draft);
  const changes: Partial<V> = {};
  for (const key of Object.keys(draft) as (keyof D)[]) {
    if (draft[key] !== base[key]) changes[key] = values[key];
  }
  return changes;
}
