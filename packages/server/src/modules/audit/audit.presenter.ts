import type { TAuditEntry } from "@jiaofu/contracts";
import type { AuditRow } from "./audit.repository";

export function presentAuditEntry(row: AuditRow): TAuditEntry {
  return {
    id: String(row.id),
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    actorId: row.actorId,
    actorName: row.actorName,
    before: row.before ?? null,
    after: row.after ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
