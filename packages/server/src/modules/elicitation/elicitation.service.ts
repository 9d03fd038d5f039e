import { passageCheckRange } from "@jiaofu/engine";
import type {
  TCreateElicitationSessionRequest,
  TCreatePassageRequest,
  TCreateRequirementFromPassageRequest,
  TElicitationSessionKind,
  TUpdateElicitationSessionRequest,
} from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { elicitationSessions } from "../../db/schema";
import { AppError, fieldError, notFound, versionConflict } from "../../platform/app-error";
import { isCheckViolation } from "../../platform/database-errors";
import type { MessageKey } from "../../platform/messages";
import { parseSort, toPage } from "../../platform/pagination";
import {
  authorize,
  canCreateElicitationSession,
  canElicitationSession,
  elicitationSessionVisibility,
  isStaff,
  type Actor,
  type ElicitationSessionAction,
} from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { createElicitationRepository, type SessionAccess, type SessionRow } from "./elicitation.repository";
import { presentPassage, presentSession, presentSessionSummary } from "./elicitation.presenter";
import { createRequirementSources, descriptionFromExcerpt, titleFromExcerpt, type RequirementSources } from "./requirement-sources";

const SORT_COLUMNS = { startsAt: elicitationSessions.startsAt, title: elicitationSessions.title, updatedAt: elicitationSessions.updatedAt };

const sortValue = (key: string) => (row: SessionRow) => {
  switch (key) {
    case "title":
      return row.title;
    case "updatedAt":
      return row.updatedAt.toISOString();
    default:
      return row.startsAt.toISOString();
  }
};

const RANGE_ERRORS: Record<Exclude<ReturnType<typeof passageCheckRange>, "ok">, MessageKey> = {
  empty: "passage.empty",
  blank: "passage.blank",
  out_of_range: "passage.out_of_range",
  splits_character: "passage.splits_character",
};

export type ListSessionsQuery = {
  kind?: TElicitationSessionKind | undefined;
  q?: string | undefined;
  sort: string;
  cursor?: string | undefined;
  limit: number;
};

/** 400 on `body.start` or `body.end` unless `start`..`end` can be a passage of `notes`. */
function checkRange(notes: string, range: TCreatePassageRequest): TCreatePassageRequest {
  const check = passageCheckRange(notes, range.start, range.end);
  if (check === "ok") return range;
  const atEnd = check === "empty" || (check === "out_of_range" && range.start >= 0 && range.start <= notes.length);
  throw fieldError(atEnd ? "body.end" : "body.start", RANGE_ERRORS[check]);
}

export function createElicitationService(deps: AppDeps, sources: RequirementSources = createRequirementSources(deps)) {
  const repo = createElicitationRepository(deps.db);

  /** The session if the actor may do `action`: 404 when they may not even read it, 403 when they may read only. */
  async function requireSession(actor: Actor, id: string, action: ElicitationSessionAction): Promise<SessionAccess> {
    const access = await repo.loadAccess(actor, id);
    if (!access || !canElicitationSession(actor, "session.read", access.facts)) throw notFound("session.not_found");
    authorize(canElicitationSession(actor, action, access.facts));
    return access;
  }

  async function readSession(id: string) {
    const row = await repo.get(id);
    if (!row) throw notFound("session.not_found");
    return presentSession(row);
  }

  /** Participants must be on the project's team or contacts of its client; duplicates are dropped. */
  async function checkParticipants(actor: Actor, projectId: string, clientId: string, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const eligible = await repo.eligibleParticipants(actor.workspaceId, projectId, clientId, unique);
    const bad = ids.findIndex((id) => !eligible.has(id));
    if (bad !== -1) throw fieldError(`body.participantIds.${bad}`, "session.participant_invalid");
    return unique;
  }

  async function presentPassages(actor: Actor, sessionId: string) {
    const rows = await repo.listPassages(sessionId);
    // Which requirements came from the notes is the team's working material: contacts see the passages only.
    const refs = isStaff(actor) ? await sources.describe(actor, rows.flatMap((r) => r.requirementIds)) : new Map();
    return rows.map((row) => presentPassage(row, refs));
  }

  /** Validates `start`..`end` against the current notes and returns the passage (made or reused). */
  async function findOrCreatePassage(actor: Actor, access: SessionAccess, range: TCreatePassageRequest) {
    const notes = access.session.notes;
    checkRange(notes, range);
    const result = await repo.findOrCreatePassage(actor, access.session.id, range.start, range.end, notes.slice(range.start, range.end));
    switch (result.kind) {
      case "not_found":
        throw notFound("session.not_found");
      case "stale":
        throw versionConflict(await readSession(access.session.id));
      case "ok":
        return result;
    }
  }

  async function presentOnePassage(actor: Actor, sessionId: string, passageId: string) {
    const passage = (await presentPassages(actor, sessionId)).find((p) => p.id === passageId);
    if (!passage) throw notFound("passage.not_found");
    return passage;
  }

  return {
    /** A project's sessions: staff readers see all, a client contact those they took part in. */
    listSessions: async (actor: Actor, projectId: string, query: ListSessionsQuery) => {
      await requireProjectAccess(deps.db, actor, projectId, "project.read");
      const sort = parseSort(query.sort, SORT_COLUMNS);
      const participantOnly = elicitationSessionVisibility(actor) === "participant" ? actor.userId : null;
      const rows = await repo.list(projectId, { ...query, sort, participantOnly });
      const page = toPage(rows, query.limit, sortValue(sort.key));
      return { items: page.items.map(presentSessionSummary), nextCursor: page.nextCursor };
    },

    createSession: async (actor: Actor, projectId: string, input: TCreateElicitationSessionRequest) => {
      const { project, facts } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
      authorize(canCreateElicitationSession(actor, facts));
      const participantIds = await checkParticipants(actor, projectId, project.clientId, input.participantIds);
      const { participantIds: _ignored, startsAt, endsAt, ...rest } = input;
      const row = await repo.create(
        actor,
        projectId,
        { ...rest, startsAt: new Date(startsAt), endsAt: endsAt ? new Date(endsAt) : null },
        participantIds,
      );
      return readSession(row.id);
    },

    getSession: async (actor: Actor, id: string) => {
      await requireSession(actor, id, "session.read");
      return readSession(id);
    },

    updateSession: async (actor: Actor, id: string, input: TUpdateElicitationSessionRequest) => {
      const { session, facts } = await requireSession(actor, id, "session.edit");
      const { version, participantIds: requested, startsAt: startsText, endsAt: endsText, ...patch } = input;
      const startsAt = startsText !== undefined ? new Date(startsText) : session.startsAt;
      const endsAt = endsText !== undefined ? (endsText ? new Date(endsText) : null) : session.endsAt;
      if (endsAt && startsAt > endsAt) throw fieldError(endsText !== undefined ? "body.endsAt" : "body.startsAt", "end_before_start");
      const participantIds = requested ? await checkParticipants(actor, session.projectId, facts.project.clientId, requested) : undefined;
      try {
        const result = await repo.update(
          actor,
          id,
          version,
          { ...patch, ...(startsText !== undefined ? { startsAt } : {}), ...(endsText !== undefined ? { endsAt } : {}) },
          participantIds,
          deps.now(),
        );
        if (result.kind === "not_found") throw notFound("session.not_found");
        if (result.kind === "stale") throw versionConflict(await readSession(id));
      } catch (error) {
        if (isCheckViolation(error, "elicitation_sessions_dates_ck")) throw fieldError("body.endsAt", "end_before_start");
        throw error;
      }
      return readSession(id);
    },

    deleteSession: async (actor: Actor, id: string, version: number | undefined) => {
      await requireSession(actor, id, "session.edit");
      const result = await repo.remove(actor, id, version);
      switch (result.kind) {
        case "not_found":
          throw notFound("session.not_found");
        case "stale":
          throw versionConflict(await readSession(id));
        case "has_requirements":
          throw new AppError("conflict", "session.has_requirements");
        case "ok":
          return;
      }
    },

    listPassages: async (actor: Actor, sessionId: string) => {
      await requireSession(actor, sessionId, "session.read");
      return { items: await presentPassages(actor, sessionId) };
    },

    /** Marks a passage of the current notes (an identical attached passage is reused: `created` false). */
    createPassage: async (actor: Actor, sessionId: string, range: TCreatePassageRequest) => {
      const access = await requireSession(actor, sessionId, "session.edit");
      const result = await findOrCreatePassage(actor, access, range);
      return { passage: await presentOnePassage(actor, sessionId, result.passageId), created: result.created };
    },

    removePassage: async (actor: Actor, sessionId: string, passageId: string) => {
      await requireSession(actor, sessionId, "session.edit");
      const result = await repo.removePassage(actor, sessionId, passageId);
      switch (result.kind) {
        case "not_found":
          throw notFound("passage.not_found");
        case "has_requirements":
          throw new AppError("conflict", "passage.has_requirements");
        case "ok":
          return;
      }
    },

    /**
     * Turns a passage of the notes into a requirement: the passage is made (or reused), the requirement is created
     * in the register with the passage as its source, and the passage remembers the requirement.
     */
    createRequirementFromPassage: async (actor: Actor, sessionId: string, input: TCreateRequirementFromPassageRequest) => {
      const { session } = await requireSession(actor, sessionId, "session.edit");
      const { start, end } = checkRange(session.notes, input);
      const excerpt = session.notes.slice(start, end);
      const result = await repo.createRequirementFromPassage(actor, sessionId, { start, end, excerpt }, (tx, passageId, locked) =>
        sources.create(
          tx,
          actor,
          locked.projectId,
          {
            title: input.title ?? titleFromExcerpt(excerpt),
            description: input.description ?? descriptionFromExcerpt(excerpt, `${locked.title} (${locked.startsAt.toISOString().slice(0, 10)})`),
            type: input.type,
          },
          { kind: "session_passage", sessionId, passageId, start, end, excerpt },
        ),
      );
      switch (result.kind) {
        case "not_found":
          throw notFound("session.not_found");
        case "stale":
          throw versionConflict(await readSession(sessionId));
        case "ok":
          return { passage: await presentOnePassage(actor, sessionId, result.passageId), requirement: result.requirement };
      }
    },
  };
}
export type ElicitationService = ReturnType<typeof createElicitationService>;
