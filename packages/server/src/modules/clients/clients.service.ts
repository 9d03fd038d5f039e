import type { TCreateClientRequest, TUpdateClientRequest } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { fieldError, notFound, versionConflict } from "../../platform/app-error";
import { authorize, canClient, canWorkspace, isStaff, type Actor } from "../../platform/policy";
import { parseSort, toPage } from "../../platform/pagination";
import { clients } from "../../db/schema";
import { createClientsRepository } from "./clients.repository";
import { isUniqueViolation } from "../../platform/database-errors";
import { presentClient } from "./clients.presenter";

const SORT_COLUMNS = { name: clients.name, createdAt: clients.createdAt };

export function createClientsService(deps: AppDeps) {
  const repo = createClientsRepository(deps.db);

  async function getClient(actor: Actor, id: string) {
    authorize(canClient(actor, "client.read", id), true);
    const row = await repo.get(actor.workspaceId, id);
    if (!row) throw notFound("client.not_found");
    return presentClient(row);
  }

  return {
    getClient,

    /** Staff see every client; a contact sees only their own organisation. */
    listClients: async (actor: Actor, query: { q?: string | undefined; sort: string; cursor?: string | undefined; limit: number }) => {
      const sort = parseSort(query.sort, SORT_COLUMNS);
      const rows = await repo.list(actor.workspaceId, {
        onlyClientId: isStaff(actor) ? null : actor.clientId,
        q: query.q,
        sort,
        cursor: query.cursor,
        limit: query.limit,
      });
      const page = toPage(rows, query.limit, (row) => (sort.key === "name" ? row.name : row.createdAt.toISOString()));
      return { items: page.items.map(presentClient), nextCursor: page.nextCursor };
    },

    createClient: async (actor: Actor, input: TCreateClientRequest) => {
      authorize(canWorkspace(actor, "clients.create"));
      try {
        const row = await repo.create(actor, input);
        return getClient(actor, row.id);
      } catch (error) {
        if (isUniqueViolation(error, "clients_workspace_name_uq")) throw fieldError("body.name", "client.name_taken", "conflict");
        throw error;
      }
    },

    updateClient: async (actor: Actor, id: string, input: TUpdateClientRequest) => {
      authorize(canClient(actor, "client.read", id), true);
      authorize(canClient(actor, "client.update", id));
      const { version, ...values } = input;
      try {
        const result = await repo.update(actor, id, version, values, deps.now());
        if (result.kind === "not_found") throw notFound("client.not_found");
        if (result.kind === "stale") throw versionConflict(await getClient(actor, id));
      } catch (error) {
        if (isUniqueViolation(error, "clients_workspace_name_uq")) throw fieldError("body.name", "client.name_taken", "conflict");
        throw error;
      }
      return getClient(actor, id);
    },
  };
}
export type ClientsService = ReturnType<typeof createClientsService>;
