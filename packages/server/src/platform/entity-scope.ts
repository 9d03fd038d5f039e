/**
 * Entity scopes: comments, attachments and the audit log hang off any entity ("a comment on project X", "a file on
 * client Y"). For an entity type and id this registry answers what the actor may do there — by asking policy.ts,
 * never by deciding itself — and which project, if any, the entity lives in (audit rows carry it; project managers
 * moderate files inside their project).
 *
 * The rule every route follows: an entity that does not exist, or that the actor may not even know about, is a
 * 404 (an outsider cannot probe ids); an entity the actor can see but may not act on is a 403.
 *
 * Adding an entity type (a later stage, e.g. requirements):
 *   1. Add "requirement" to `ENTITY_TYPES` in packages/contracts/src/collaboration.ts. The comments, attachments and
 *      audit modules register `/api/v1/requirements/:entityId/{comments,attachments,audit}` for every entry.
 *   2. In the module, register a resolver that maps the row to its project and reuses the project's rules:
 *
 *        // modules/requirements/requirements.scope.ts, imported by requirements.routes.ts
 *        registerEntityScope("requirement", {
 *          notFoundKey: "requirement.not_found",
 *          resolve: async (db, actor, id) => {
 *            const [row] = await db
 *              .select({ projectId: requirements.projectId })
 *              .from(requirements)
 *              .where(and(eq(requirements.id, id), eq(requirements.workspaceId, actor.workspaceId)));
 *            return row && projectEntityScope(db, actor, "requirement", id, row.projectId);
 *          },
 *        });
 *
 *      A rule of its own (say, contacts may not comment on draft requirements) is a new action in policy.ts,
 *      applied to the `allows` the project scope returned.
 *   3. `entity-scope.test.ts` fails until every `ENTITY_TYPES` entry has a resolver.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { ENTITY_TYPES, ZId, type TEntityType } from "@jiaofu/contracts";
import type { Db, Tx } from "../db/database";
import { clients, users } from "../db/schema";
import { notFound } from "./app-error";
import type { MessageKey } from "./messages";
import { authorize, canClient, canProject, canUser, canUserRecord, type Actor, type ProjectFacts } from "./policy";
import { loadProjectAccess } from "./project-access";

/** What can be done on an entity's comments, files and history. */
export type EntityAction = "read" | "comment" | "attach" | "audit.read";

export type EntityScope = {
  entityType: TEntityType;
  entityId: string;
  /** The project the entity belongs to (itself for a project), or null for clients and people. */
  projectId: string | null;
  /** The actor's standing on that project, for rules such as "the project manager may remove any file". */
  projectFacts: ProjectFacts | null;
  /** May the actor know the entity exists? If not, every route answers 404. */
  visible: boolean;
  allows: Readonly<Record<EntityAction, boolean>>;
};

export type EntityScopeResolver = {
  /** The 404 message when the entity is missing or invisible. */
  notFoundKey: MessageKey;
  /** The scope, or undefined when no such entity exists in the actor's workspace. */
  resolve: (db: Db | Tx, actor: Actor, entityId: string) => Promise<EntityScope | undefined>;
};

const resolvers = new Map<TEntityType, EntityScopeResolver>();

export function registerEntityScope(entityType: TEntityType, resolver: EntityScopeResolver): void {
  if (resolvers.has(entityType)) throw new Error(`entity scope "${entityType}" registered twice`);
  resolvers.set(entityType, resolver);
}

export const hasEntityScope = (entityType: TEntityType) => resolvers.has(entityType);

/** Narrows the `entity_type` text stored on comments, attachments and audit rows. */
export function isEntityType(value: string): value is TEntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

/** The stored `entity_type` as the contract's type; anything else is corrupt data, not a user error. */
export function toEntityType(value: string): TEntityType {
  if (!isEntityType(value)) throw new Error(`unknown entity type "${value}"`);
  return value;
}

/**
 * The scope if the actor may do `action` there: 404 when the entity is missing or invisible, 403 when visible
 * but not allowed. Call it before any other work.
 */
export async function requireEntityScope(
  db: Db | Tx,
  actor: Actor,
  entityType: TEntityType,
  entityId: string,
  action: EntityAction,
): Promise<EntityScope> {
  const resolver = resolvers.get(entityType);
  if (!resolver) throw new Error(`no entity scope registered for "${entityType}"`);
  const scope = await resolver.resolve(db, actor, entityId);
  if (!scope || !scope.visible) throw notFound(resolver.notFoundKey);
  authorize(scope.allows[action]);
  return scope;
}

/** The scope as `actor` sees it, or undefined when the entity does not exist (no 404/403: for deciding, not refusing). */
export async function resolveEntityScope(db: Db | Tx, actor: Actor, entityType: TEntityType, entityId: string): Promise<EntityScope | undefined> {
  const resolver = resolvers.get(entityType);
  if (!resolver) throw new Error(`no entity scope registered for "${entityType}"`);
  return resolver.resolve(db, actor, entityId);
}

/** The scope of anything that lives in a project (the project itself, or a later stage's requirement, task …). */
export async function projectEntityScope(
  db: Db | Tx,
  actor: Actor,
  entityType: TEntityType,
  entityId: string,
  projectId: string,
): Promise<EntityScope | undefined> {
  const access = await loadProjectAccess(db, actor, projectId);
  if (!access) return undefined;
  const facts = access.facts;
  return {
    entityType,
    entityId,
    projectId,
    projectFacts: facts,
    visible: canProject(actor, "project.read", facts),
    allows: {
      read: canProject(actor, "project.read", facts),
      comment: canProject(actor, "project.comment", facts),
      attach: canProject(actor, "project.attach", facts),
      "audit.read": canProject(actor, "project.audit.read", facts),
    },
  };
}

registerEntityScope("project", {
  notFoundKey: "project.not_found",
  resolve: (db, actor, id) => projectEntityScope(db, actor, "project", id, id),
});

registerEntityScope("client", {
  notFoundKey: "client.not_found",
  resolve: async (db, actor, id) => {
    const [row] = await db
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.id, id), eq(clients.workspaceId, actor.workspaceId)));
    if (!row) return undefined;
    return {
      entityType: "client",
      entityId: id,
      projectId: null,
      projectFacts: null,
      visible: canClient(actor, "client.read", id),
      allows: {
        read: canClient(actor, "client.collaboration.read", id),
        comment: canClient(actor, "client.comment", id),
        attach: canClient(actor, "client.attach", id),
        "audit.read": canClient(actor, "client.audit.read", id),
      },
    };
  },
});

registerEntityScope("user", {
  notFoundKey: "user.not_found",
  resolve: async (db, actor, id) => {
    const [row] = await db
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(and(eq(users.id, id), eq(users.workspaceId, actor.workspaceId)));
    if (!row) return undefined;
    return {
      entityType: "user",
      entityId: id,
      projectId: null,
      projectFacts: null,
      visible: canUser(actor, "user.read", { userId: row.id, role: row.role }),
      allows: {
        read: canUserRecord(actor, "user.collaboration.read"),
        comment: canUserRecord(actor, "user.comment"),
        attach: canUserRecord(actor, "user.attach"),
        "audit.read": canUserRecord(actor, "user.audit.read"),
      },
    };
  },
});

/**
 * The URL of an entity as a collection owner, `/clients/:entityId` — the same `${entityType}s` the typed API
 * client (contracts/api-client.ts) builds. The collaboration modules register one route per entity type.
 */
export const entityRoutePrefix = (entityType: TEntityType) => `/${entityType}s/:entityId`;

export const ZEntityIdParams = z.object({ entityId: ZId });
