/** Comments, files and history on an elicitation session follow the session's own visibility (policy.ts). */
import { and, eq } from "drizzle-orm";
import { elicitationSessions } from "../../db/schema";
import { registerEntityScope } from "../../platform/entity-scope";
import { canElicitationSession } from "../../platform/policy";
import { loadProjectAccess } from "../../platform/project-access";

registerEntityScope("elicitation_session", {
  notFoundKey: "session.not_found",
  resolve: async (db, actor, id) => {
    const [row] = await db
      .select({ projectId: elicitationSessions.projectId })
      .from(elicitationSessions)
      .where(and(eq(elicitationSessions.id, id), eq(elicitationSessions.workspaceId, actor.workspaceId)));
    if (!row) return undefined;
    const access = await loadProjectAccess(db, actor, row.projectId);
    if (!access) return undefined;
    const participant = await db.query.elicitationSessionParticipants.findFirst({
      where: (p, { and: both, eq: equals }) => both(equals(p.sessionId, id), equals(p.userId, actor.userId)),
      columns: { userId: true },
    });
    const facts = { project: access.facts, isParticipant: participant !== undefined };
    return {
      entityType: "elicitation_session",
      entityId: id,
      projectId: row.projectId,
      projectFacts: access.facts,
      visible: canElicitationSession(actor, "session.read", facts),
      allows: {
        read: canElicitationSession(actor, "session.read", facts),
        comment: canElicitationSession(actor, "session.comment", facts),
        attach: canElicitationSession(actor, "session.attach", facts),
        "audit.read": canElicitationSession(actor, "session.audit.read", facts),
      },
    };
  },
});
