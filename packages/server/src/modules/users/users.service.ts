import { sql } from "drizzle-orm";
import type { TCreateUserRequest, TWorkspaceRole } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import type { Config } from "../../config";
import { users } from "../../db/schema";
import { fieldError, notFound, versionConflict } from "../../platform/app-error";
import { authorize, canUser, canWorkspace, type Actor } from "../../platform/policy";
import { parseSort, toPage } from "../../platform/pagination";
import { invalidateSessionsOfUser } from "../../platform/session-cache";
import { hashPassword } from "../auth/auth.crypto";
import { createAuthService } from "../auth/auth.service";
import { isUniqueViolation } from "../../platform/database-errors";
import { createUsersRepository, type UpdateUserValues, type UserRow } from "./users.repository";
import { presentUser } from "./users.presenter";

// createdAt is compared at millisecond precision: the cursor carries a JavaScript date, the column microseconds.
const SORT_COLUMNS = { name: users.name, email: users.email, createdAt: sql`date_trunc('milliseconds', ${users.createdAt})` };

const sortValue = (key: string) => (row: UserRow) => {
  if (key === "email") return row.email;
  if (key === "createdAt") return row.createdAt.toISOString();
  return row.name;
};

const emailTaken = (error: unknown) => isUniqueViolation(error, "users_email_uq");

export type ListUsersQuery = {
  role?: TWorkspaceRole | undefined;
  clientId?: string | undefined;
  q?: string | undefined;
  sort: string;
  cursor?: string | undefined;
  limit: number;
};

export type UpdateUserInput = {
  version: number;
  name?: string | undefined;
  role?: TWorkspaceRole | undefined;
  title?: string | undefined;
  active?: boolean | undefined;
  costPerHour?: number | undefined;
};

/** Whether `actor` sees `row`'s cost per hour (owners and admins, of staff). */
const showCostOf = (actor: Actor, row: Pick<UserRow, "id" | "role">) => canUser(actor, "user.read_cost", { userId: row.id, role: row.role });

export function createUsersService(deps: AppDeps, config: Config) {
  const repo = createUsersRepository(deps.db);

  /** The person, or 404 when they are not in the actor's workspace or the actor may not see them. */
  async function loadUser(actor: Actor, id: string): Promise<UserRow> {
    const row = await repo.get(actor.workspaceId, id);
    if (!row) throw notFound("user.not_found");
    authorize(canUser(actor, "user.read", { userId: row.id, role: row.role }), true);
    return row;
  }

  return {
    /** Delivery staff list everyone in the workspace; client contacts may not list people. */
    listUsers: async (actor: Actor, query: ListUsersQuery) => {
      authorize(canWorkspace(actor, "users.list"));
      const sort = parseSort(query.sort, SORT_COLUMNS);
      const rows = await repo.list(actor.workspaceId, { ...query, sort });
      const page = toPage(rows, query.limit, sortValue(sort.key));
      return { items: page.items.map((row) => presentUser(row, showCostOf(actor, row))), nextCursor: page.nextCursor };
    },

    /** Staff read anyone in the workspace; a contact reads only themselves (anyone else is a 404). */
    getUser: async (actor: Actor, id: string) => {
      const row = await loadUser(actor, id);
      return presentUser(row, showCostOf(actor, row));
    },

    /** Owners/admins create anyone; delivery staff create client contacts only. */
    createUser: async (actor: Actor, input: TCreateUserRequest) => {
      authorize(canWorkspace(actor, input.role === "client" ? "users.manage_contacts" : "users.manage_staff"));
      if (input.role === "client") {
        if (!input.clientId) throw fieldError("body.clientId", "user.client_required");
        if (!(await repo.clientExists(actor.workspaceId, input.clientId))) throw fieldError("body.clientId", "client.not_found");
      } else if (input.clientId) {
        throw fieldError("body.clientId", "user.client_forbidden");
      }
      const email = input.email.toLowerCase();
      try {
        const row = await repo.create(actor, {
          email,
          name: input.name,
          role: input.role,
          title: input.title,
          clientId: input.clientId,
          locale: input.locale,
          passwordHash: await hashPassword(input.password),
        });
        return presentUser(row, showCostOf(actor, row));
      } catch (error) {
        if (emailTaken(error)) throw fieldError("body.email", "user.email_taken", "conflict");
        throw error;
      }
    },

    updateUser: async (actor: Actor, id: string, input: UpdateUserInput) => {
      authorize(canWorkspace(actor, "users.manage_contacts"));
      const target = await loadUser(actor, id);
      const facts = { userId: target.id, role: target.role };
      authorize(canUser(actor, "user.update", facts));
      const { version, ...patch } = input;
      const values: UpdateUserValues = {};
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.title !== undefined) values.title = patch.title;
      if (patch.active !== undefined) {
        if (!patch.active && target.id === actor.userId) throw fieldError("body.active", "user.cannot_deactivate_self");
        values.active = patch.active;
      }
      if (patch.costPerHour !== undefined && patch.costPerHour !== target.costPerHour) {
        if (target.role === "client") throw fieldError("body.costPerHour", "user.cost_staff_only");
        authorize(canUser(actor, "user.set_cost", facts));
        values.costPerHour = patch.costPerHour;
      }
      if (patch.role !== undefined && patch.role !== target.role) {
        authorize(canUser(actor, "user.change_role", facts));
        if (target.id === actor.userId) throw fieldError("body.role", "user.cannot_demote_self");
        // The client organisation link cannot be set or cleared here (users_client_ck): staff stay staff.
        if (patch.role === "client" || target.role === "client") throw fieldError("body.role", "user.role_change_kind");
        values.role = patch.role;
      }
      const result = await repo.update(actor, id, version, values, deps.now());
      switch (result.kind) {
        case "not_found":
          throw notFound("user.not_found");
        case "stale":
          throw versionConflict(presentUser(await loadUser(actor, id), showCostOf(actor, target)));
        case "ok":
          // Role, activity and name live in the cached actor: this node sees the change from the next request.
          invalidateSessionsOfUser(deps.db, id);
          return presentUser(result.row, showCostOf(actor, result.row));
      }
    },

    /** For workspaces without SMTP: an owner/admin hands the link to the person themselves. */
    createPasswordResetLink: async (actor: Actor, id: string) => {
      const target = await loadUser(actor, id);
      authorize(canUser(actor, "user.reset_password", { userId: target.id, role: target.role }));
      const link = await repo.issuePasswordResetLink(actor, target.id, (tx) =>
        createAuthService({ ...deps, db: tx }, config).createResetLink(target.id, actor),
      );
      return { url: link.url, expiresAt: link.expiresAt.toISOString() };
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
