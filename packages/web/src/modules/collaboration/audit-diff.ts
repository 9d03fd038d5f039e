/**
 * Turns an audit entry's row snapshots into the list of fields a person would say changed. Bookkeeping columns
 * (ids, timestamps, version) are left out: they change on every write and mean nothing to a reader.
 */

const IGNORED_FIELDS = new Set([
  "id",
  "workspaceId",
  "projectId",
  "entityId",
  "entityType",
  "createdAt",
  "updatedAt",
  "deletedAt",
  "version",
  "passwordHash",
  "tokenHash",
  "bodyHtml",
]);

export type FieldChange = { field: string; before: unknown; after: unknown };

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * `auditChanges({name:"A", version:1}, {name:"B", version:2})` → `[{field:"name", before:"A", after:"B"}]`.
 * For a creation (no before) or deletion (no after) nothing is listed: the action says it all.
 */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b || !a) return [];
  const fields = new Set([...Object.keys(b), ...Object.keys(a)]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (IGNORED_FIELDS.has(field)) continue;
    if (!same(b[field], a[field])) changes.push({ field, before: b[field], after: a[field] });
  }
  return changes;
}

const EXCERPT = 80;

/**
 * A short name for what an entry is about, from whichever snapshot exists: a project code, a name, a file name,
 * the person of a membership (looked up in `names`), or the start of a comment.
 * `auditSubject(null, {code:"ACME-IM", name:"Rollout"})` → "ACME-IM".
 */
export function auditSubject(before: unknown, after: unknown, names: ReadonlyMap<string, string> = new Map()): string | null {
  const row = asRecord(after) ?? asRecord(before);
  if (!row) return null;
  for (const key of ["code", "name", "fileName", "email"]) {
    const value = row[key];
    if (typeof value === "string" && value) return value;
  }
  const userId = row.userId;
  if (typeof userId === "string" && names.has(userId)) return names.get(userId) ?? null;
  const body = row.body;
  if (typeof body === "string" && body.trim()) {
    const text = body.replace(/\s+/g, " ").trim();
    return text.length > EXCERPT ? `“${text.slice(0, EXCERPT)}…”` : `“${text}”`;
  }
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
