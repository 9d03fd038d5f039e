import type { TLocale } from "@jiaofu/contracts";
import { AppError } from "../../platform/app-error";
import type { AppDeps } from "../../app";
import type { Config } from "../../config";
import { recordAudit } from "../../platform/audit";
import type { Actor } from "../../platform/policy";
import { API_TOKEN_PREFIX } from "../../platform/authentication";
import { invalidateSession, invalidateSessionsOfUser } from "../../platform/session-cache";
import { DUMMY_PASSWORD_HASH, hashPassword, randomSecret, sha256, verifyPassword } from "./auth.crypto";
import { createAuthRepository } from "./auth.repository";

const RESET_TTL_MS = 24 * 60 * 60 * 1000;

export function createAuthService(deps: AppDeps, config: Config) {
  const repo = createAuthRepository(deps.db);

  async function profile(userId: string) {
    const row = await repo.loadProfile(userId);
    if (!row) throw new AppError("unauthenticated");
    return {
      id: row.user.id,
      email: row.user.email,
      name: row.user.name,
      role: row.user.role,
      clientId: row.user.clientId,
      clientName: row.clientName,
      locale: row.user.locale,
      workspace: { id: row.user.workspaceId, name: row.workspaceName },
    };
  }

  async function createResetToken(userId: string, createdById: string | null) {
    const token = randomSecret();
    const expiresAt = new Date(deps.now().getTime() + RESET_TTL_MS);
    await repo.insertPasswordReset({ userId, tokenHash: sha256(token), createdById, expiresAt });
    const base = config.JIAOFU_PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    return { url: `${base.replace(/\/$/, "")}/reset-password?token=${encodeURIComponent(token)}`, expiresAt };
  }

  return {
    profile,

    /** Checks the password and opens a session; the same error for an unknown email and a wrong password. */
    signIn: async (email: string, password: string, meta: { userAgent: string; ip: string }) => {
      const user = await repo.findUserByEmail(email);
      const ok = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
      if (!user || !ok || !user.active) throw new AppError("invalid_credentials");
      const sessionId = randomSecret();
      const csrfToken = randomSecret(24);
      const now = deps.now();
      const expiresAt = new Date(now.getTime() + config.JIAOFU_SESSION_DAYS * 86_400_000);
      await repo.insertSession({ idHash: sha256(sessionId), userId: user.id, csrfToken, expiresAt, userAgent: meta.userAgent.slice(0, 300), ip: meta.ip });
      return { sessionId, csrfToken, expiresAt, user: await profile(user.id) };
    },

    signOut: async (sessionIdHash: string | undefined) => {
      if (!sessionIdHash) return;
      await repo.deleteSession(sessionIdHash);
      invalidateSession(deps.db, sessionIdHash);
    },

    updateMe: async (actor: Actor, patch: { name?: string | undefined; locale?: TLocale | undefined }) => {
      const values: { name?: string; locale?: TLocale } = {};
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.locale !== undefined) values.locale = patch.locale;
      await repo.updateProfile(actor, values, deps.now());
      // The cached actor carries the name and language.
      invalidateSessionsOfUser(deps.db, actor.userId);
      return profile(actor.userId);
    },

    changePassword: async (actor: Actor, currentPassword: string, newPassword: string, keepSessionHash: string | undefined) => {
      const user = await repo.findUserById(actor.userId);
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new AppError("validation_failed", "validation_failed", {}, { fields: [{ path: "body.currentPassword", messageKey: "user.wrong_password" }] });
      }
      await repo.updateUser(user.id, { passwordHash: await hashPassword(newPassword), updatedAt: deps.now() });
      // Other sessions end: a changed password must lock out whoever else had it.
      await repo.deleteUserSessions(user.id);
      invalidateSessionsOfUser(deps.db, user.id);
      return keepSessionHash;
    },

    listTokens: (actor: Actor) => repo.listApiTokens(actor.userId),

    createToken: async (actor: Actor, name: string, expiresInDays: number | undefined) => {
      const secret = `${API_TOKEN_PREFIX}${randomSecret()}`;
      const expiresAt = expiresInDays ? new Date(deps.now().getTime() + expiresInDays * 86_400_000) : null;
      const row = await repo.insertApiToken({ userId: actor.userId, name, prefix: secret.slice(0, 9), tokenHash: sha256(secret), expiresAt });
      if (!row) throw new AppError("internal");
      return { row, secret };
    },

    revokeToken: async (actor: Actor, id: string) => {
      if (!(await repo.revokeApiToken(actor.userId, id, deps.now()))) throw new AppError("not_found");
    },

    /** Always answers the same, so the endpoint does not tell which emails have accounts. */
    requestPasswordReset: async (email: string) => {
      const user = await repo.findUserByEmail(email);
      if (!user || !user.active || !deps.mailer) return;
      const { url } = await createResetToken(user.id, null);
      await deps.mailer.send({
        to: user.email,
        subject: user.locale === "en" ? "Reset your Jiaofu password" : "重置您的交付平台密码",
        text:
          user.locale === "en"
            ? `Open this link within 24 hours to choose a new password:\n${url}\n\nIf you did not ask for this, ignore this email.`
            : `请在 24 小时内打开此链接设置新密码：\n${url}\n\n如果这不是您本人的操作，请忽略此邮件。`,
      });
    },

    createResetLink: (userId: string, actor: Actor) => createResetToken(userId, actor.userId),

    completePasswordReset: async (token: string, newPassword: string) => {
      const user = await repo.completePasswordReset(sha256(token), await hashPassword(newPassword), deps.now());
      if (!user) throw new AppError("invalid_token", "reset.invalid");
      invalidateSessionsOfUser(deps.db, user.id);
      await recordAudit(deps.db, { userId: user.id, workspaceId: user.workspaceId }, user.workspaceId, {
        entityType: "user",
        entityId: user.id,
        action: "password_reset",
      });
    },
  };
}
