/**
 * A small in-process cache of resolved sessions: session id hash → the actor and what the CSRF check needs. Without
 * it every authenticated request reads the session and its user from the database, which on the embedded PGlite
 * (one query at a time) caps a cached read at a few hundred requests per second.
 *
 * What keeps it safe:
 * - An entry lives at most `ttlMs` (JIAOFU_SESSION_CACHE_SECONDS, default 5 s; 0 turns the cache off) and never past
 *   the session's own `expiresAt`: an expired session is refused even while it is cached.
 * - On this node, everything that ends a session or changes who its user is drops the entries at once: sign-out,
 *   password change and reset, and any change to a user (role, client, deactivation, name or language) through
 *   `invalidateSessionsOfUser`.
 * - With several app nodes (DATABASE_URL) each has its own cache. A sign-out, deactivation or role change on another
 *   node deletes or updates the rows there, and this node sees it when its entry runs out: within the TTL, a few
 *   seconds. That is the same window a request already in flight has, and short against the minutes a person takes
 *   to notice; set the variable to 0 where even that is too long.
 * - Bounded: least recently used entries go first beyond `maxEntries`, so memory stays small whatever the traffic.
 *
 * One cache per database (a `WeakMap` keyed by the Drizzle handle), so services that only hold `deps.db` can
 * invalidate without wiring, and test apps on separate databases never share entries.
 */
import type { Db } from "../db/database";
import type { Actor } from "./policy";

export type CachedSession = {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
};

type Entry = { session: CachedSession; cachedUntil: number };

export type SessionCache = {
  /** The session if cached, fresh and not expired at `now`; a stale or expired entry is dropped. */
  get: (idHash: string, now: Date) => CachedSession | undefined;
  /**
   * Counts invalidations. Read it before loading a session and pass it to `set`: if an invalidation happened in
   * between, the loaded row may already be stale and is not cached.
   */
  readonly generation: number;
  set: (idHash: string, session: CachedSession, now: Date, generation: number) => void;
  /** Records a touch (`last_seen_at` written) so the next request does not write it again. */
  touched: (idHash: string, now: Date) => void;
  invalidate: (idHash: string) => void;
  invalidateUser: (userId: string) => void;
  readonly size: number;
};

export const DEFAULT_SESSION_CACHE_ENTRIES = 10_000;

export function createSessionCache(options: { ttlMs: number; maxEntries?: number }): SessionCache {
  const { ttlMs } = options;
  const maxEntries = options.maxEntries ?? DEFAULT_SESSION_CACHE_ENTRIES;
  // A Map iterates in insertion order: re-inserting on every hit makes the first key the least recently used.
  const entries = new Map<string, Entry>();
  let generation = 0;
  return {
    get generation() {
      return generation;
    },
    get: (idHash, now) => {
      const entry = entries.get(idHash);
      if (!entry) return undefined;
      const t = now.getTime();
      if (t >= entry.cachedUntil || t >= entry.session.expiresAt.getTime()) {
        entries.delete(idHash);
        return undefined;
      }
      entries.delete(idHash);
      entries.set(idHash, entry);
      return entry.session;
    },
    set: (idHash, session, now, loadedAt) => {
      if (ttlMs <= 0 || loadedAt !== generation) return;
      entries.delete(idHash);
      entries.set(idHash, { session, cachedUntil: now.getTime() + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    touched: (idHash, now) => {
      const entry = entries.get(idHash);
      if (entry) entry.session = { ...entry.session, lastSeenAt: now };
    },
    invalidate: (idHash) => {
      generation++;
      entries.delete(idHash);
    },
    invalidateUser: (userId) => {
      generation++;
      for (const [idHash, entry] of entries) if (entry.session.actor.userId === userId) entries.delete(idHash);
    },
    get size() {
      return entries.size;
    },
  };
}

const cachesByDb = new WeakMap<Db, SessionCache>();

/** Installs the cache the authentication hook reads for sessions on `db` (one per app). */
export function registerSessionCache(db: Db, cache: SessionCache): void {
  cachesByDb.set(db, cache);
}

/** Drops one session from this node's cache (sign-out). A no-op when no cache is installed. */
export function invalidateSession(db: Db, idHash: string): void {
  cachesByDb.get(db)?.invalidate(idHash);
}

/**
 * Drops every cached session of a user on this node: call it after any change that ends their sessions or changes
 * what their actor is (password, role, client, deactivation, profile). A no-op when no cache is installed.
 */
export function invalidateSessionsOfUser(db: Db, userId: string): void {
  cachesByDb.get(db)?.invalidateUser(userId);
}
