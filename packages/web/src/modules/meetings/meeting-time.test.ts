import { describe, expect, it } from "vitest";
import { instantOfLocalInput, localInputOf, rruleOfPreset } from "./meeting-time";

describe("meeting times in the form", () => {
  it("reads and shows a local start in the meeting's zone", () => {
    expect(instantOfLocalInput("2026-03-02T09:30", "Asia/Shanghai")).toBe("2026-03-02T01:30:00.000Z");
    expect(instantOfLocalInput("2026-03-30T09:30", "Europe/Berlin")).toBe("2026-03-30T07:30:00.000Z");
    expect(localInputOf("2026-03-02T01:30:00.000Z", "Asia/Shanghai")).toBe("2026-03-02T09:30");
    expect(instantOfLocalInput("", "Asia/Shanghai")).toBeNull();
  });

  it("builds the presets' rules on the start's weekday", () => {
    expect(rruleOfPreset("weekly", "2026-03-02T09:30")).toBe("FREQ=WEEKLY;BYDAY=MO");
    expect(rruleOfPreset("biweekly", "2026-03-06T09:30")).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR");
    expect(rruleOfPreset("monthly", "2026-03-06T09:30")).toBe("FREQ=MONTHLY");
  });
});
