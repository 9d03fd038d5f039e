import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PROJECT_ROLES, WORKSPACE_ROLES } from "@jiaofu/contracts";
import { canProject, type Actor, type ProjectAction } from "./policy";

const actor = (role: Actor["role"], clientId: string | null = null): Actor => ({
  userId: "u",
  workspaceId: "w",
  role,
  clientId,
  name: "n",
  email: "e",
  locale: "en",
});
const ACTIONS: ProjectAction[] = ["project.read", "project.update", "project.members.manage", "project.comment", "project.attach", "project.audit.read"];

describe("project policy", () => {
  it("never lets a client contact act on another client's project, whatever their membership", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROJECT_ROLES, null), fc.constantFrom(...ACTIONS), (memberRole, action) => {
        expect(canProject(actor("client", "client-a"), action, { clientId: "client-b", memberRole })).toBe(false);
      }),
    );
  });

  it("never lets anyone who cannot read a project do anything else on it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...WORKSPACE_ROLES), fc.constantFrom(...PROJECT_ROLES, null), fc.constantFrom(...ACTIONS), fc.boolean(), (role, memberRole, action, sameClient) => {
        const a = actor(role, role === "client" ? "client-a" : null);
        const facts = { clientId: sameClient ? "client-a" : "client-b", memberRole };
        if (!canProject(a, "project.read", facts)) expect(canProject(a, action, facts)).toBe(false);
      }),
    );
  });

  it("lets a viewer read but not write", () => {
    const facts = { clientId: "c", memberRole: "viewer" as const };
    expect(canProject(actor("member"), "project.read", facts)).toBe(true);
    expect(canProject(actor("member"), "project.comment", facts)).toBe(false);
    expect(canProject(actor("member"), "project.update", facts)).toBe(false);
  });

  it("lets a client contact comment on their own project but not read its audit log", () => {
    const facts = { clientId: "client-a", memberRole: "client" as const };
    expect(canProject(actor("client", "client-a"), "project.comment", facts)).toBe(true);
    expect(canProject(actor("client", "client-a"), "project.audit.read", facts)).toBe(false);
    expect(canProject(actor("client", "client-a"), "project.update", facts)).toBe(false);
  });
});
