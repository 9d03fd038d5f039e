/**
 * Who is calling: a session cookie (browsers) or a personal API token (`Authorization: Bearer jf_…`, scripts).
 * Cookie-authenticated writes must pass the CSRF checks: the Origin header (when sent) names this site, and the
 * `x-csrf-token` header equals the `jiaofu_csrf` cookie and the session's token (double submit).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TLocale } from "@jiaofu/contracts";
import { sha256 } from "../modules/auth/auth.crypto";
import { createAuthRepository } from "../modules/auth/auth.repository";
import { AppError } from "./app-error";
import { localeFromAcceptLanguage } from "./messages";
import type { Actor } from "./policy";
import { createSessionCache, registerSessionCache, type CachedSession } from "./session-cache";

export const SESSION_COOKIE = "jiaofu_session";
export const CSRF_COOKIE = "jiaofu_csrf";
export const CSRF_HEADER = "x-csrf-token";
export const API_TOKEN_PREFIX = "jf_";
/** Routes under this prefix take no account at all (see `registerAuthentication`). */
export const PUBLIC_API_PREFIX = "/api/v1/public/";

declare module "fastify" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation must be an interface
  interface FastifyRequest {
    actor: Actor | undefined;
    authMethod: "session" | "token" | undefined;
    sessionIdHash: string | undefined;
    locale: TLocale;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The signed-in actor, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthenticated");
  return request.actor;
}

function explicitLocale(header: string | undefined): TLocale | undefined {
  if (!header) return undefined;
  const lower = header.toLowerCase();
  if (!/(^|,)\s*(zh|en)/.test(lower)) return undefined;
  return localeFromAcceptLanguage(header, "zh-CN");
}

/** Checks that a browser request comes from our own pages. Requests without Origin (scripts, curl) pass. */
export function checkOrigin(request: FastifyRequest, publicUrl: string | undefined): void {
  const origin = request.headers.origin;
  if (!origin) return;
  const allowed = new Set<string>();
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  const host = request.headers.host;
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (!allowed.has(origin)) throw new AppError("csrf_failed");
}

export function registerAuthentication(app: FastifyInstance) {
  const repo = createAuthRepository(app.deps.db);
  // See session-cache.ts for why a few seconds of caching is safe, on one node and on several.
  const sessionCache = createSessionCache({ ttlMs: app.config.JIAOFU_SESSION_CACHE_SECONDS * 1000 });
  registerSessionCache(app.deps.db, sessionCache);

  /** The live session behind a cookie and its active user: from the cache, else from the database. */
  async function resolveSession(idHash: string, now: Date): Promise<CachedSession | undefined> {
    const cached = sessionCache.get(idHash, now);
    if (cached) return cached;
    const generation = sessionCache.generation;
    const found = await repo.findLiveSession(idHash, now);
    if (!found || !found.user.active) return undefined;
    const session = { actor: toActor(found.user), csrfToken: found.session.csrfToken, expiresAt: found.session.expiresAt, lastSeenAt: found.session.lastSeenAt };
    sessionCache.set(idHash, session, now, generation);
    return session;
  }

  // Expired sessions are never used again; clear them out at start (the `purge` command does it on demand too).
  app.addHook("onReady", async () => {
    try {
      await repo.deleteExpiredSessions(app.deps.now());
    } catch (error) {
      app.log.warn({ err: error }, "could not delete expired sessions at start");
    }
  });

  app.decorateRequest("actor", undefined);
  app.decorateRequest("authMethod", undefined);
  app.decorateRequest("sessionIdHash", undefined);
  app.decorateRequest("locale", "zh-CN");

  app.addHook("onRequest", async (request) => {
    request.locale = explicitLocale(request.headers["accept-language"]) ?? "zh-CN";
    if (!request.url.startsWith("/api/")) return;
    // Public endpoints (a questionnaire's public link) are anonymous by definition: no session is looked at, so no
    // ambient credential rides along and no CSRF token is needed.
    if (request.url.startsWith(PUBLIC_API_PREFIX)) return;
    const now = app.deps.now();
    const authorization = request.headers.authorization;
    if (authorization?.startsWith("Bearer ")) {
      const secret = authorization.slice("Bearer ".length).trim();
      const found = secret.startsWith(API_TOKEN_PREFIX) ? await repo.findLiveApiToken(sha256(secret), now) : undefined;
      if (!found || !found.user.active) throw new AppError("invalid_token");
      request.actor = toActor(found.user);
      request.authMethod = "token";
      await repo.touchApiToken(found.token.id, now);
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        const idHash = sha256(cookie);
        const found = await resolveSession(idHash, now);
        if (found) {
          request.actor = found.actor;
          request.authMethod = "session";
          request.sessionIdHash = idHash;
          if (!SAFE_METHODS.has(request.method)) {
            checkOrigin(request, app.config.JIAOFU_PUBLIC_URL);
            const header = request.headers[CSRF_HEADER];
            const submitted = Array.isArray(header) ? header[0] : header;
            if (!submitted || submitted !== request.cookies[CSRF_COOKIE] || submitted !== found.csrfToken) {
              throw new AppError("csrf_failed");
            }
          }
          // Touch at most once a minute: sessions are read on every request.
          if (now.getTime() - found.lastSeenAt.getTime() > 60_000) {
            await repo.touchSession(idHash, now);
            sessionCache.touched(idHash, now);
          }
        }
      }
    }
    if (request.actor && !explicitLocale(request.headers["accept-language"])) request.locale = request.actor.locale;
  });
}

export function toActor(user: {
  id: string;
  workspaceId: string;
  role: Actor["role"];
  clientId: string | null;
  name: string;
  email: string;
  locale: TLocale;
}): Actor {
  return {
    userId: user.id,
    workspaceId: user.workspaceId,
    role: user.role,
    clientId: user.clientId,
    name: user.name,
    email: user.email,
    locale: user.locale,
  };
}
