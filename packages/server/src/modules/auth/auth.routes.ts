import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZApiToken,
  ZChangePasswordRequest,
  ZCompletePasswordResetRequest,
  ZCreateApiTokenRequest,
  ZCreatedApiToken,
  ZErrorResponse,
  ZIdParams,
  ZMe,
  ZRequestPasswordResetRequest,
  ZSignInRequest,
  ZSignInResponse,
  ZUpdateMeRequest,
} from "@jiaofu/contracts";
import { CSRF_COOKIE, SESSION_COOKIE, checkOrigin, requireActor } from "../../platform/authentication";
import { createAuthService } from "./auth.service";

const tags = ["auth"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 429: ZErrorResponse };

function presentToken(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null }) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createAuthService(app.deps, app.config);
  const secureCookies = app.config.JIAOFU_SECURE_COOKIES ?? app.config.JIAOFU_PUBLIC_URL?.startsWith("https://") ?? false;

  app.post(
    "/auth/sign-in",
    {
      schema: { tags, summary: "Sign in with email and password", body: ZSignInRequest, response: { 200: ZSignInResponse, ...errors } },
      config: {
        rateLimit: {
          max: app.config.JIAOFU_LOGIN_MAX_ATTEMPTS,
          timeWindow: "1 minute",
          // Per address and per account: a password sprayer and a single-account guesser both hit the limit.
          keyGenerator: (request) => `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? "").toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      checkOrigin(request, app.config.JIAOFU_PUBLIC_URL);
      const result = await service.signIn(request.body.email, request.body.password, {
        userAgent: request.headers["user-agent"] ?? "",
        ip: request.ip,
      });
      const cookieOptions = { path: "/", sameSite: "lax" as const, secure: secureCookies, expires: result.expiresAt };
      reply.setCookie(SESSION_COOKIE, result.sessionId, { ...cookieOptions, httpOnly: true });
      // Readable by the page's script, which echoes it in the x-csrf-token header.
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieOptions, httpOnly: false });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    "/auth/sign-out",
    { schema: { tags, summary: "Sign out (ends this session)", response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.signOut(request.sessionIdHash);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      reply.clearCookie(CSRF_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/auth/password-reset",
    {
      schema: { tags, summary: "Email a password reset link (when SMTP is configured)", body: ZRequestPasswordResetRequest, response: { 204: z.null(), ...errors } },
      config: { rateLimit: { max: 5, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      await service.requestPasswordReset(request.body.email);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/auth/password-reset/complete",
    {
      schema: { tags, summary: "Set a new password with a reset token", body: ZCompletePasswordResetRequest, response: { 204: z.null(), ...errors } },
      config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      await service.completePasswordReset(request.body.token, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.get("/me", { schema: { tags, summary: "The signed-in user", response: { 200: ZMe, ...errors } } }, async (request) => {
    return service.profile(requireActor(request).userId);
  });

  app.patch(
    "/me",
    { schema: { tags, summary: "Update your name or language", body: ZUpdateMeRequest, response: { 200: ZMe, ...errors } } },
    async (request) => service.updateMe(requireActor(request), request.body),
  );

  app.post(
    "/me/password",
    { schema: { tags, summary: "Change your password (signs out your other sessions)", body: ZChangePasswordRequest, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await service.changePassword(actor, request.body.currentPassword, request.body.newPassword, request.sessionIdHash);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/me/tokens",
    { schema: { tags, summary: "Your personal API tokens", response: { 200: z.object({ items: z.array(ZApiToken) }), ...errors } } },
    async (request) => ({ items: (await service.listTokens(requireActor(request))).map(presentToken) }),
  );

  app.post(
    "/me/tokens",
    { schema: { tags, summary: "Create a personal API token (the secret is shown once)", body: ZCreateApiTokenRequest, response: { 201: ZCreatedApiToken, ...errors } } },
    async (request, reply) => {
      const { row, secret } = await service.createToken(requireActor(request), request.body.name, request.body.expiresInDays);
      return reply.status(201).send({ ...presentToken(row), token: secret });
    },
  );

  app.delete(
    "/me/tokens/:id",
    { schema: { tags, summary: "Revoke a personal API token", params: ZIdParams, response: { 204: z.null(), 404: ZErrorResponse, ...errors } } },
    async (request, reply) => {
      await service.revokeToken(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
