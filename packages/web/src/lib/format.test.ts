import { describe, expect, it } from "vitest";
import { formatBytes, formatDate, formatRelative } from "./format";

describe("formatDate", () => {
  it("shows a calendar date without shifting it by time zone", () => {
    expect(formatDate("2025-03-01", "en")).toBe("Mar 1, 2025");
    expect(formatDate("2025-03-01", "zh-CN")).toBe("2025年3月1日");
    expect(formatDate(null, "en")).toBeNull();
  });
});

describe("formatBytes", () => {
  it("picks a readable unit", () => {
    expect(formatBytes(512, "en")).toBe("512 B");
    expect(formatBytes(1536, "en")).toBe("1.5 KB");
    expect(formatBytes(5 * 1024 * 1024, "en")).toBe("5 MB");
  });
});

describe("formatRelative", () => {
  it("says how long ago, in the UI language", () => {
    const now = new Date("2025-03-01T12:00:00Z");
    expect(formatRelative("2025-03-01T11:57:00Z", "en", now)).toBe("3 minutes ago");
    expect(formatRelative("2025-03-01T09:00:00Z", "zh-CN", now)).toBe("3小时前");
  });
});
