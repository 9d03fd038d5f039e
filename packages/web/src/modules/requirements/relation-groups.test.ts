import { describe, expect, it } from "vitest";
import type { TRequirementRelation } from "@jiaofu/contracts";
import { groupRelations, relationGroupOf, relationRequestOf } from "./relation-groups";

const req = (id: string, n: number) => ({ id, key: `REQ-${n}`, title: `Requirement ${n}`, status: "draft" as const });
const relation = (kind: TRequirementRelation["kind"], from: ReturnType<typeof req>, to: ReturnType<typeof req>): TRequirementRelation => ({
  id: `${from.id}-${kind}-${to.id}`,
  projectId: "p",
  kind,
  from,
  to,
  status: kind === "conflicts_with" ? "open" : null,
  resolutionNote: "",
  resolvedById: null,
  resolvedAt: null,
  createdById: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  version: 1,
});

const me = req("me", 5);
const r2 = req("r2", 2);
const r9 = req("r9", 9);
const r12 = req("r12", 12);

describe("relations seen from one requirement", () => {
  it("reads directed kinds from this requirement's side", () => {
    expect(relationGroupOf(relation("depends_on", me, r2), "me")).toBe("dependsOn");
    expect(relationGroupOf(relation("depends_on", r2, me), "me")).toBe("neededBy");
    expect(relationGroupOf(relation("refines", me, r2), "me")).toBe("parent");
    expect(relationGroupOf(relation("refines", r2, me), "me")).toBe("children");
    expect(relationGroupOf(relation("conflicts_with", r2, me), "me")).toBe("conflicts");
  });

  it("groups in page order, the other ends sorted by key number", () => {
    const groups = groupRelations([relation("refines", r12, me), relation("duplicates", me, r9), relation("refines", r2, me), relation("conflicts_with", r9, me)], "me");
    expect(groups.map((g) => g.group)).toEqual(["conflicts", "duplicates", "children"]);
    expect(groups[2]?.entries.map((e) => e.other.key)).toEqual(["REQ-2", "REQ-12"]);
  });

  it("records reversed choices on the other requirement", () => {
    expect(relationRequestOf("depends_on", "me", "x")).toEqual({ fromId: "me", body: { toId: "x", kind: "depends_on" } });
    expect(relationRequestOf("needed_by", "me", "x")).toEqual({ fromId: "x", body: { toId: "me", kind: "depends_on" } });
    expect(relationRequestOf("refined_by", "me", "x")).toEqual({ fromId: "x", body: { toId: "me", kind: "refines" } });
  });
});
