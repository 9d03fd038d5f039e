import { describe, expect, it } from "vitest";
import { dropTargetOf, tierDropId, tierHolding, tierOfDropId, tierOrderMove, tierOrderMoved, tierOrderOf } from "./priority-tiers";

const items = [
  { id: "a", moscow: "must" as const },
  { id: "b", moscow: "must" as const },
  { id: "c", moscow: "should" as const },
  { id: "d", moscow: null },
];

describe("priority tiers", () => {
  it("groups by tier in the order given, unprioritised last", () => {
    expect(tierOrderOf(items)).toEqual({ must: ["a", "b"], should: ["c"], could: [], wont: [], none: ["d"] });
  });

  it("moves within and between tiers, clamping the index", () => {
    const order = tierOrderOf(items);
    expect(tierOrderMove(order, "b", "must", 0).must).toEqual(["b", "a"]);
    const across = tierOrderMove(order, "c", "must", 1);
    expect(across.must).toEqual(["a", "c", "b"]);
    expect(across.should).toEqual([]);
    expect(tierOrderMove(order, "a", "wont", 99).wont).toEqual(["a"]);
    expect(order.must).toEqual(["a", "b"]);
  });

  it("sends the tier and the neighbours a drop landed between", () => {
    const order = tierOrderMove(tierOrderOf(items), "d", "must", 1);
    expect(dropTargetOf(order, "d")).toEqual({ moscow: "must", previousId: "a", nextId: "b" });
    expect(dropTargetOf(order, "a")).toEqual({ moscow: "must", previousId: null, nextId: "d" });
    expect(dropTargetOf(tierOrderMove(order, "c", "none", 0), "c")).toEqual({ moscow: null, previousId: null, nextId: null });
    expect(dropTargetOf(order, "zzz")).toBeNull();
    expect(tierHolding(order, "d")).toBe("must");
  });

  it("tells a real move from a drop back in place", () => {
    const order = tierOrderOf(items);
    expect(tierOrderMoved(order, tierOrderMove(order, "a", "must", 0), "a")).toBe(false);
    expect(tierOrderMoved(order, tierOrderMove(order, "a", "must", 1), "a")).toBe(true);
    expect(tierOrderMoved(order, tierOrderMove(order, "d", "wont", 0), "d")).toBe(true);
  });

  it("names tier drop zones apart from requirement ids", () => {
    expect(tierOfDropId(tierDropId("could"))).toBe("could");
    expect(tierOfDropId("tier:maybe")).toBeNull();
    expect(tierOfDropId("a")).toBeNull();
  });
});
