import { describe, expect, it } from "vitest";
import {
  EMPTY_REQUIREMENT_FILTERS,
  filtersEqual,
  filtersFromParams,
  filtersFromView,
  filtersToListQuery,
  filtersToParams,
  filtersToView,
  hasActiveFilters,
  nextSort,
  sortDirectionOf,
  type RequirementFilters,
} from "./requirement-filters";

const OWNER = "5b8c8c1e-4c0e-4f2b-9a52-0a7d3b1f2c11";

describe("filters and the URL query", () => {
  it("leaves an unfiltered register with a clean address", () => {
    expect(filtersToParams(EMPTY_REQUIREMENT_FILTERS)).toEqual({});
    expect(filtersFromParams(new URLSearchParams())).toEqual(EMPTY_REQUIREMENT_FILTERS);
  });

  it("round-trips every filter", () => {
    const filters: RequirementFilters = {
      status: ["draft", "awaiting_client"],
      type: ["security"],
      moscow: ["must", "none"],
      ownerId: OWNER,
      tag: "sso",
      q: "单点登录",
      sort: "-updatedAt",
    };
    const params = filtersToParams(filters);
    expect(params).toEqual({ status: "draft,awaiting_client", type: "security", moscow: "must,none", owner: OWNER, tag: "sso", q: "单点登录", sort: "-updatedAt" });
    expect(filtersFromParams(new URLSearchParams(params))).toEqual(filters);
  });

  it("ignores unknown values and puts lists in a stable order", () => {
    const filters = filtersFromParams(new URLSearchParams("status=approved,bogus,draft,draft&type=&moscow=wont,must&sort=colour"));
    expect(filters.status).toEqual(["draft", "approved"]);
    expect(filters.type).toEqual([]);
    expect(filters.moscow).toEqual(["must", "wont"]);
    expect(filters.sort).toBe("key");
  });
});

describe("filters and the API", () => {
  it("sends only what is set, trimmed", () => {
    expect(filtersToListQuery({ ...EMPTY_REQUIREMENT_FILTERS, q: "  sso ", status: ["approved"] })).toEqual({ sort: "key", q: "sso", status: ["approved"] });
  });

  it("round-trips through a saved view", () => {
    const filters: RequirementFilters = { ...EMPTY_REQUIREMENT_FILTERS, status: ["approved", "baselined"], tag: "auth", sort: "rank" };
    const view = filtersToView(filters);
    expect(view).toEqual({ status: ["approved", "baselined"], tag: "auth", sort: "rank" });
    expect(filtersFromView(view)).toEqual(filters);
    expect(filtersFromView({})).toEqual(EMPTY_REQUIREMENT_FILTERS);
  });

  it("compares filters by what they select", () => {
    expect(filtersEqual({ ...EMPTY_REQUIREMENT_FILTERS, q: "sso " }, { ...EMPTY_REQUIREMENT_FILTERS, q: "sso" })).toBe(true);
    expect(filtersEqual({ ...EMPTY_REQUIREMENT_FILTERS, sort: "-key" }, EMPTY_REQUIREMENT_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_REQUIREMENT_FILTERS, sort: "-key" })).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_REQUIREMENT_FILTERS, tag: "x" })).toBe(true);
  });
});

describe("sorting by column", () => {
  it("flips the same column and starts others in their natural direction", () => {
    expect(nextSort("key", "key")).toBe("-key");
    expect(nextSort("-key", "key")).toBe("key");
    expect(nextSort("key", "title")).toBe("title");
    expect(nextSort("key", "updatedAt")).toBe("-updatedAt");
    expect(sortDirectionOf("-updatedAt", "updatedAt")).toBe("descending");
    expect(sortDirectionOf("-updatedAt", "key")).toBe("none");
  });
});
