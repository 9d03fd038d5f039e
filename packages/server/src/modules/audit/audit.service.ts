import type { TEntityType } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { fieldError } from "../../platform/app-error";
import { requireEntityScope } from "../../platform/entity-scope";
import { decodeCursor, encodeCursor } from "../../platform/pagination";
import type { Actor } from "../../platform/policy";
import { createAuditRepository } from "./audit.repository";
import { presentAuditEntry } from "./audit.presenter";

/** Audit ids are a bigserial: the cursor carries the last id as decimal text. */
function beforeIdFrom(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined;
  const { id } = decodeCursor(cursor);
  if (!/^\d{1,15}$/.test(id)) throw fieldError("querystring.cursor", "field.invalid");
  return Number(id);
}

export function createAuditService(deps: AppDeps) {
  const repo = createAuditRepository(deps.db);
  return {
    /** The history of an entity, newest first: delivery staff who can read the entity (policy `*.audit.read`). */
    listAudit: async (actor: Actor, entityType: TEntityType, entityId: string, query: { cursor?: string | undefined; limit: number }) => {
      const scope = await requireEntityScope(deps.db, actor, entityType, entityId, "audit.read");
      const rows = await repo.listForEntity(actor.workspaceId, scope, { beforeId: beforeIdFrom(query.cursor), limit: query.limit });
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      const nextCursor = rows.length > query.limit && last ? encodeCursor({ v: null, id: String(last.id) }) : null;
      return { items: items.map(presentAuditEntry), nextCursor };
    },
  };
}
