/**
 * Configuration: every environment variable Jiaofu reads, parsed once at start-up. A bad value stops the start
 * with one clear line per variable (see README, "Configuration").
 */
import path from "node:path";
import { z } from "zod";

const ZBool = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
  .transform((v) => v === "1" || v === "true" || v === "yes" || v === "on");

export const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  JIAOFU_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /** Seed the demo workspace on first start (an empty database). */
  JIAOFU_DEMO: ZBool.default(true),
  JIAOFU_DEMO_LOCALE: z.enum(["zh-CN", "en"]).default("zh-CN"),
  /** The address people use to reach the app: used for the CSRF origin check and in links in emails. */
  JIAOFU_PUBLIC_URL: z.url().optional(),
  JIAOFU_SECURE_COOKIES: ZBool.optional(),
  /**
   * Behind a reverse proxy: which proxies to trust for X-Forwarded-For (the client address used by rate limits
   * and sessions). "1"/"true" trusts every hop — only safe when the app is reachable through the proxy alone;
   * better name the proxy: "127.0.0.1" or "10.0.0.0/8,192.168.1.5". Unset: the socket's peer address is used.
   */
  JIAOFU_TRUST_PROXY: z.string().optional(),
  JIAOFU_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(25),
  JIAOFU_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /**
   * How long a node may reuse a session it has read, in seconds (0 = read it on every request). Sign-out, password
   * and user changes take effect at once on the node that made them, within this time on the others.
   */
  JIAOFU_SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  JIAOFU_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1_000_000).default(10),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  SMTP_FROM: z.string().default("Jiaofu <no-reply@localhost>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = z.infer<typeof ZConfig> & { dataDir: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses `env` (default: `process.env`); throws `ConfigError` listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(ZConfig.shape).map((key) => [key, env[key] === "" ? undefined : env[key]]),
  );
  const parsed = ZConfig.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}=${JSON.stringify(relevant[String(issue.path[0])])}: ${issue.message}`),
    );
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.JIAOFU_DATA_DIR) };
}
