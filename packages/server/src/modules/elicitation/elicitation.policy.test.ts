/** Properties of the elicitation rules in platform/policy.ts (sessions and questionnaires). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROJECT_ROLES, WORKSPACE_ROLES } from "@jiaofu/contracts";
import { canElicitationSession, canProject, canQuestionnaire, type Actor, type ElicitationSessionAction, type QuestionnaireAction } from "../../platform/policy";

const actor = (role: Actor["role"]): Actor => ({ userId: "u", workspaceId: "w", role, clientId: role === "client" ? "client-a" : null, name: "n", email: "e", locale: "en" });
const SESSION_ACTIONS: ElicitationSessionAction[] = ["session.read", "session.edit", "session.comment", "session.attach", "session.audit.read"];
const QUESTIONNAIRE_ACTIONS: QuestionnaireAction[] = [
  "questionnaire.see",
  "questionnaire.read",
  "questionnaire.manage",
  "questionnaire.results.read",
  "questionnaire.respond",
  "questionnaire.comment",
  "questionnaire.attach",
  "questionnaire.audit.read",
];
const facts = fc.record({ clientId: fc.constantFrom("client-a", "client-b"), memberRole: fc.constantFrom(...PROJECT_ROLES, null) });
const status = fc.constantFrom("draft" as const, "open" as const, "closed" as const);

describe("elicitation policy", () => {
  it("lets nobody who cannot read the project do anything with its sessions or questionnaires", () => {
    fc.assert(
      fc.property(fc.constantFrom(...WORKSPACE_ROLES), facts, fc.boolean(), status, fc.boolean(), (role, project, isParticipant, s, audiencePortal) => {
        const a = actor(role);
        if (canProject(a, "project.read", project)) return;
        for (const action of SESSION_ACTIONS) expect(canElicitationSession(a, action, { project, isParticipant })).toBe(false);
        for (const action of QUESTIONNAIRE_ACTIONS) expect(canQuestionnaire(a, action, { project, status: s, audiencePortal })).toBe(false);
      }),
    );
  });

  it("never lets a client contact edit, read results or the builder's view, nor see a draft", () => {
    fc.assert(
      fc.property(facts, fc.boolean(), status, fc.boolean(), (project, isParticipant, s, audiencePortal) => {
        const contact = actor("client");
        expect(canElicitationSession(contact, "session.edit", { project, isParticipant })).toBe(false);
        expect(canElicitationSession(contact, "session.audit.read", { project, isParticipant })).toBe(false);
        for (const action of ["questionnaire.read", "questionnaire.manage", "questionnaire.results.read", "questionnaire.audit.read"] as const) {
          expect(canQuestionnaire(contact, action, { project, status: s, audiencePortal })).toBe(false);
        }
        if (s === "draft" || !audiencePortal) expect(canQuestionnaire(contact, "questionnaire.see", { project, status: s, audiencePortal })).toBe(false);
      }),
    );
  });

  it("shows a contact only the sessions they took part in, and lets only contacts answer in the portal", () => {
    const project = { clientId: "client-a", memberRole: "client" as const };
    expect(canElicitationSession(actor("client"), "session.read", { project, isParticipant: true })).toBe(true);
    expect(canElicitationSession(actor("client"), "session.read", { project, isParticipant: false })).toBe(false);
    expect(canQuestionnaire(actor("client"), "questionnaire.respond", { project, status: "open", audiencePortal: true })).toBe(true);
    expect(canQuestionnaire(actor("owner"), "questionnaire.respond", { project: { clientId: "client-a", memberRole: "manager" }, status: "open", audiencePortal: true })).toBe(false);
  });

  it("lets viewers read but not write", () => {
    const project = { clientId: "client-a", memberRole: "viewer" as const };
    expect(canElicitationSession(actor("member"), "session.read", { project, isParticipant: false })).toBe(true);
    expect(canElicitationSession(actor("member"), "session.edit", { project, isParticipant: true })).toBe(false);
    expect(canQuestionnaire(actor("member"), "questionnaire.results.read", { project, status: "open", audiencePortal: true })).toBe(true);
    expect(canQuestionnaire(actor("member"), "questionnaire.manage", { project, status: "open", audiencePortal: true })).toBe(false);
  });
});
