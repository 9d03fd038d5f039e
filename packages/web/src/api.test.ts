import { describe, expect, it } from "vitest";
import { readCookie } from "./api";

describe("readCookie", () => {
  it("finds the CSRF cookie among others", () => {
    expect(readCookie("jiaofu_csrf", "theme=dark; jiaofu_csrf=abc%3D123; other=1")).toBe("abc=123");
    expect(readCookie("jiaofu_csrf", "theme=dark")).toBeUndefined();
  });
});
