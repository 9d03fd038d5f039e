import { describe, expect, it } from "vitest";
import { ApiError } from "@jiaofu/contracts";
import { apiMessageOf, fieldErrorsOf, isVersionConflict } from "./api-errors";

describe("fieldErrorsOf", () => {
  it("keys the API's field errors by form field name", () => {
    const error = new ApiError(400, "validation_failed", "Some fields are not valid.", {
      fields: [
        { path: "body.code", message: "Use capital letters" },
        { path: "body.endDate", message: "The end date is before the start date." },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({ code: "Use capital letters", endDate: "The end date is before the start date." });
  });

  it("keeps the first message when a field has several", () => {
    const error = new ApiError(400, "validation_failed", "x", { fields: [{ path: "body.name", message: "first" }, { path: "body.name", message: "second" }] });
    expect(fieldErrorsOf(error)).toEqual({ name: "first" });
  });

  it("is empty for errors without field details", () => {
    expect(fieldErrorsOf(new ApiError(409, "version_conflict", "x", { current: {} }))).toEqual({});
    expect(fieldErrorsOf(new Error("network"))).toEqual({});
  });
});

describe("error helpers", () => {
  it("recognise a version conflict and the API's message", () => {
    const conflict = new ApiError(409, "version_conflict", "Someone else changed this");
    expect(isVersionConflict(conflict)).toBe(true);
    expect(isVersionConflict(new ApiError(409, "conflict", "x"))).toBe(false);
    expect(apiMessageOf(conflict)).toBe("Someone else changed this");
    expect(apiMessageOf(new TypeError("Failed to fetch"))).toBeUndefined();
  });
});
