/** The audit log: every change is recorded with who, when, what, and the row before and after. */
import { auditLog } from "../db/schema";
import type { Tx, Db } from "../db/database";
import type { Actor } from "./policy";

export type AuditRecord = {
  entityType: string;
  entityId: string;
  projectId?: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
};

/** Call inside the same transaction as the change, so the log and the data can never disagree. */
export async function recordAudit(tx: Tx | Db, actor: Pick<Actor, "userId" | "workspaceId"> | null, workspaceId: string, record: AuditRecord) {
  await tx.insert(auditLog).values({
    workspaceId,
    actorId: actor?.userId ?? null,
    entityType: record.entityType,
    entityId: record.entityId,
    projectId: record.projectId ?? null,
    action: record.action,
    before: record.before === undefined ? null : toJson(record.before),
    after: record.after === undefined ? null : toJson(record.after),
  });
}

/** Many records in one statement (a bulk import's thousands of rows), with the same rules as `recordAudit`. */
export async function recordAudits(tx: Tx | Db, actor: Pick<Actor, "userId" | "workspaceId"> | null, workspaceId: string, records: readonly AuditRecord[]) {
  if (records.length === 0) return;
  await tx.insert(auditLog).values(
    records.map((record) => ({
      workspaceId,
      actorId: actor?.userId ?? null,
      entityType: record.entityType,
      entityId: record.entityId,
      projectId: record.projectId ?? null,
      action: record.action,
      before: record.before === undefined ? null : toJson(record.before),
      after: record.after === undefined ? null : toJson(record.after),
    })),
  );
}

/** Rows carry Date objects; store them as ISO strings, and never store secrets. */
function toJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (key === "passwordHash" || key === "tokenHash" ? undefined : v)),
  );
}
