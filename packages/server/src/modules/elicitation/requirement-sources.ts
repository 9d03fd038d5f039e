/**
 * The one place where elicitation (session passages) and questionnaires (free-text answers) meet the requirements
 * register: making a requirement from a source, and describing the requirements a passage or answer became.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { TRequirementRef, TRequirementType } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import type { Tx } from "../../db/database";
import { requirements } from "../../db/schema";
import type { Actor } from "../../platform/policy";
import { presentRelatedRequirement } from "../requirements/requirements.presenter";
import { createRequirementsService } from "../requirements/requirements.service";

export type RequirementSource =
  | { kind: "session_passage"; sessionId: string; passageId: string; start: number; end: number; excerpt: string }
  | { kind: "questionnaire_answer"; questionnaireId: string; responseId: string; questionId: string; excerpt: string };

export type RequirementFromSourceInput = { title: string; description: string; type?: TRequirementType | undefined };

export type RequirementSources = {
  /**
   * Makes a requirement in the project with `source` as where it came from, inside the caller's transaction (so the
   * requirement and the caller's link to it are written together). The register applies its own policy.
   */
  create: (tx: Tx, actor: Actor, projectId: string, input: RequirementFromSourceInput, source: RequirementSource) => Promise<TRequirementRef>;
  /** The requirements with these ids in the actor's workspace, by id (missing ones are left out). */
  describe: (actor: Actor, ids: readonly string[]) => Promise<Map<string, TRequirementRef>>;
};

export function createRequirementSources(deps: AppDeps): RequirementSources {
  const register = createRequirementsService(deps);
  return {
    create: async (tx, actor, projectId, input, source) => {
      const detail = await register.createRequirementFromSource(
        actor,
        projectId,
        { title: input.title, description: input.description, ...(input.type ? { type: input.type } : {}) },
        source,
        { tx },
      );
      return presentRelatedRequirement({ id: detail.id, number: detail.number, title: detail.title, status: detail.status });
    },
    describe: async (actor, ids) => {
      if (ids.length === 0) return new Map();
      const rows = await deps.db
        .select({ id: requirements.id, number: requirements.number, title: requirements.title, status: requirements.status })
        .from(requirements)
        .where(and(eq(requirements.workspaceId, actor.workspaceId), inArray(requirements.id, [...new Set(ids)])));
      return new Map(rows.map((r) => [r.id, presentRelatedRequirement(r)]));
    },
  };
}

/**
 * A requirement's title from the text it came from: its first line, whitespace collapsed, cut at 80 characters.
 *
 * @example
 * titleFromExcerpt("  系统必须支持\n企业微信单点登录 ") // "系统必须支持"
 */
export function titleFromExcerpt(excerpt: string): string {
  const firstLine = excerpt.split(/\r?\n/).map((l) => l.replace(/\s+/g, " ").trim()).find((l) => l !== "") ?? "";
  const chars = [...firstLine];
  return chars.length <= 80 ? firstLine : `${chars.slice(0, 79).join("")}…`;
}

/** The excerpt as a markdown quote, followed by where it came from. */
export function descriptionFromExcerpt(excerpt: string, origin: string): string {
  const quote = excerpt
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join("\n");
  return `${quote}\n\n— ${origin}`;
}
