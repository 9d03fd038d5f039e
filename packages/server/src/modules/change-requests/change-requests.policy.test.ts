import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROJECT_ROLES, WORKSPACE_ROLES } from "@jiaofu/contracts";
import { canChangeRequest, changeRequestSideOf, changeRequestVisibility, type Actor, type ChangeRequestAction } from "../../platform/policy";

const actor = (role: Actor["role"], clientId: string | null = null): Actor => ({ userId: "u", workspaceId: "w", role, clientId, name: "n", email: "e", locale: "en" });
const ACTIONS: ChangeRequestAction[] = [
  "change_request.read",
  "change_request.edit",
  "change_request.decide_manager",
  "change_request.decide_client",
  "change_request.comment",
  "change_request.attach",
  "change_request.audit.read",
];
const anyone = fc.record({
  role: fc.constantFrom(...WORKSPACE_ROLES),
  memberRole: fc.constantFrom(...PROJECT_ROLES, null),
  sameClient: fc.boolean(),
  submitted: fc.boolean(),
  action: fc.constantFrom(...ACTIONS),
});

describe("change request policy", () => {
  it("never lets anyone who cannot read a request do anything else with it; a contact never of another client's project", () => {
    fc.assert(
      fc.property(anyone, ({ role, memberRole, sameClient, submitted, action }) => {
        const a = actor(role, role === "client" ? "client-a" : null);
        const facts = { project: { clientId: sameClient ? "client-a" : "client-b", memberRole }, submitted };
        if (!canChangeRequest(a, "change_request.read", facts)) expect(canChangeRequest(a, action, facts)).toBe(false);
        if (role === "client" && !sameClient) expect(canChangeRequest(a, action, facts)).toBe(false);
      }),
    );
  });

  it("keeps drafts from client contacts, and lets each person decide for one side only", () => {
    fc.assert(
      fc.property(anyone, ({ role, memberRole, sameClient, submitted }) => {
        const a = actor(role, role === "client" ? "client-a" : null);
        const facts = { project: { clientId: sameClient ? "client-a" : "client-b", memberRole }, submitted };
        if (role === "client" && !submitted) expect(canChangeRequest(a, "change_request.read", facts)).toBe(false);
        const manager = canChangeRequest(a, "change_request.decide_manager", facts);
        const client = canChangeRequest(a, "change_request.decide_client", facts);
        expect(manager && client).toBe(false);
        if (manager) expect(changeRequestSideOf(a)).toBe("manager");
        if (client) expect(changeRequestSideOf(a)).toBe("client");
      }),
    );
  });

  it("agrees with the list filter", () => {
    fc.assert(
      fc.property(anyone, ({ role, memberRole, sameClient, submitted }) => {
        const a = actor(role, role === "client" ? "client-a" : null);
        const project = { clientId: sameClient ? "client-a" : "client-b", memberRole };
        const visibility = changeRequestVisibility(a, project);
        const listed = visibility.kind === "all" || (visibility.kind === "submitted" && submitted);
        expect(listed).toBe(canChangeRequest(a, "change_request.read", { project, submitted }));
      }),
    );
  });

  it("gives the manager's decision to the project's managers and admins only", () => {
    const facts = (memberRole: (typeof PROJECT_ROLES)[number] | null) => ({ project: { clientId: "c", memberRole }, submitted: true });
    expect(canChangeRequest(actor("member"), "change_request.decide_manager", facts("manager"))).toBe(true);
    expect(canChangeRequest(actor("member"), "change_request.decide_manager", facts("member"))).toBe(false);
    expect(canChangeRequest(actor("admin"), "change_request.decide_manager", facts(null))).toBe(true);
    expect(canChangeRequest(actor("client", "c"), "change_request.decide_client", facts("client"))).toBe(true);
    expect(canChangeRequest(actor("client", "c"), "change_request.decide_client", facts(null))).toBe(false);
  });
});
