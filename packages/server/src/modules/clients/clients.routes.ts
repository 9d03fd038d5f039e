import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ZClient,
  ZCreateClientRequest,
  ZErrorResponse,
  ZIdParams,
  ZListClientsQuery,
  ZUpdateClientRequest,
  zPage,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createClientsService } from "./clients.service";

const tags = ["clients"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

export const clientsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createClientsService(app.deps);

  app.get(
    "/clients",
    { schema: { tags, summary: "List client organisations", querystring: ZListClientsQuery, response: { 200: zPage(ZClient), ...errors } } },
    async (request) => service.listClients(requireActor(request), request.query),
  );

  app.post(
    "/clients",
    { schema: { tags, summary: "Create a client organisation", body: ZCreateClientRequest, response: { 201: ZClient, ...errors } } },
    async (request, reply) => reply.status(201).send(await service.createClient(requireActor(request), request.body)),
  );

  app.get(
    "/clients/:id",
    { schema: { tags, summary: "Get a client organisation", params: ZIdParams, response: { 200: ZClient, ...errors } } },
    async (request) => service.getClient(requireActor(request), request.params.id),
  );

  app.patch(
    "/clients/:id",
    { schema: { tags, summary: "Update a client organisation (send the version you read)", params: ZIdParams, body: ZUpdateClientRequest, response: { 200: ZClient, ...errors } } },
    async (request) => service.updateClient(requireActor(request), request.params.id, request.body),
  );
};
