import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: "0.0.0.0", JIAOFU_DEMO: true, JIAOFU_DEMO_LOCALE: "zh-CN", JIAOFU_MAX_UPLOAD_MB: 25 });
    expect(config.dataDir.endsWith("/data")).toBe(true);
  });

  it("names every bad variable in one error", () => {
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", JIAOFU_DEMO: "maybe" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.join("\n")).toMatch(/PORT="eighty"/);
      expect(problems.join("\n")).toMatch(/DATABASE_URL="mysql:\/\/x": must start with postgres/);
      expect(problems.join("\n")).toMatch(/JIAOFU_DEMO="maybe"/);
    }
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
  });
});
