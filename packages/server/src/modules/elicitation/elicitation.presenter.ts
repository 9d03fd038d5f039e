import type { TElicitationPassage, TElicitationParticipant, TElicitationSession, TElicitationSessionSummary, TRequirementRef } from "@jiaofu/contracts";
import { renderMarkdown } from "../../platform/markdown";
import type { ParticipantRow, PassageRow, SessionRow } from "./elicitation.repository";

function presentParticipant(row: ParticipantRow): TElicitationParticipant {
  return { userId: row.userId, name: row.name, title: row.title, kind: row.role === "client" ? "contact" : "staff" };
}

export function presentSessionSummary(row: SessionRow): TElicitationSessionSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    kind: row.kind,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    location: row.location,
    participants: row.participants.map(presentParticipant),
    guests: row.guests,
    passageCount: row.passageCount,
    detachedPassageCount: row.detachedPassageCount,
    createdById: row.createdById,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentSession(row: SessionRow): TElicitationSession {
  return {
    ...presentSessionSummary(row),
    agenda: row.agenda,
    agendaHtml: renderMarkdown(row.agenda),
    notes: row.notes,
    notesHtml: renderMarkdown(row.notes),
  };
}

/** `requirements` resolves the passage's requirement ids (ids it cannot resolve are left out). */
export function presentPassage(row: PassageRow, requirements: ReadonlyMap<string, TRequirementRef>): TElicitationPassage {
  return {
    id: row.id,
    sessionId: row.sessionId,
    start: row.startOffset,
    end: row.endOffset,
    excerpt: row.excerpt,
    detached: row.detached,
    requirements: row.requirementIds.flatMap((id) => {
      const ref = requirements.get(id);
      return ref ? [ref] : [];
    }),
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
