import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ENTITY_TYPES, ZAuditEntry, ZErrorResponse, ZListAuditQuery, zPage } from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { ZEntityIdParams, entityRoutePrefix } from "../../platform/entity-scope";
import { createAuditService } from "./audit.service";

const tags = ["audit"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };

/** The audit log of any entity: `/api/v1/{clients|projects|users|…}/:entityId/audit`. Delivery staff only. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createAuditService(app.deps);

  for (const entityType of ENTITY_TYPES) {
    app.get(
      `${entityRoutePrefix(entityType)}/audit`,
      {
        schema: {
          tags,
          summary: `The history of a ${entityType}, newest first (who, when, what, before and after)`,
          params: ZEntityIdParams,
          querystring: ZListAuditQuery,
          response: { 200: zPage(ZAuditEntry), ...errors },
        },
      },
      async (request) => service.listAudit(requireActor(request), entityType, request.params.entityId, request.query),
    );
  }
};
