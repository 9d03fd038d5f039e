/**
 * The public link of a questionnaire: `/q/<token>`, where the token is 256 random bits (base64url). The token is
 * stored, so the manager can see and copy the link again; requests find the questionnaire by the token's SHA-256
 * (an indexed lookup that leaks nothing useful through timing) and then compare the token itself in constant time.
 */
import { timingSafeEqual } from "node:crypto";
import { randomSecret, sha256 } from "../auth/auth.crypto";

export const PUBLIC_LINK_PATH = "/q/";

export type PublicLinkSecret = { token: string; tokenHash: string };

/** A new, unguessable link token (32 random bytes). */
export function newPublicLinkSecret(): PublicLinkSecret {
  const token = randomSecret(32);
  return { token, tokenHash: sha256(token) };
}

export const publicLinkHash = (token: string) => sha256(token);

/** Constant-time equality of the stored token and the one presented. */
export function publicLinkMatches(stored: string | null, presented: string): boolean {
  if (stored === null) return false;
  const a = Buffer.from(stored, "utf8");
  const b = Buffer.from(presented, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The link as the manager sees it; `url` is absolute when the server knows its public URL. */
export function presentPublicLink(token: string, publicUrl: string | undefined) {
  const path = `${PUBLIC_LINK_PATH}${token}`;
  return { token, path, url: publicUrl ? new URL(path, publicUrl).toString() : null };
}

/**
 * The participation key of a public respondent token: hashed with the questionnaire id, so the stored key is
 * useless elsewhere and says nothing about the browser that made it.
 */
export const respondentTokenKey = (questionnaireId: string, respondentToken: string) => `token:${sha256(`${questionnaireId}:${respondentToken}`)}`;
export const contactKey = (userId: string) => `user:${userId}`;
