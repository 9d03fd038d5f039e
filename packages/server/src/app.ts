/**
 * The Fastify application: plugins, the error edge, authentication, every feature module's routes, the
 * OpenAPI document at /api/docs and, in production, the built web app. `buildApp` takes its dependencies so tests
 * build it on a cloned test database.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Config } from "./config";
import type { Database, Db } from "./db/database";
import { registerErrorHandling } from "./platform/error-handler";
import { registerAuthentication } from "./platform/authentication";
import type { Mailer } from "./platform/mailer";
import { MODULES } from "./modules";

export type AppDeps = {
  database: Database;
  db: Db;
  mailer: Mailer | null;
  /** The clock, injectable for tests. */
  now: () => Date;
};

declare module "fastify" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation must be an interface
  interface FastifyInstance {
    config: Config;
    deps: AppDeps;
  }
}

export type BuildAppOptions = { config: Config; deps: AppDeps; logger?: boolean | object };

export const WEB_DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

/** JIAOFU_TRUST_PROXY → Fastify's trustProxy: off by default, so X-Forwarded-For cannot be forged past rate limits. */
function trustProxySetting(value: string | undefined): boolean | string {
  if (!value || value === "0" || value === "false") return false;
  if (value === "1" || value === "true") return true;
  return value;
}

export async function buildApp({ config, deps, logger }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.LOG_LEVEL },
    trustProxy: trustProxySetting(config.JIAOFU_TRUST_PROXY),
    bodyLimit: 2 * 1024 * 1024,
    // Keep request ids short and readable in logs.
    genReqId: () => Math.random().toString(36).slice(2, 10),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("config", config);
  app.decorate("deps", deps);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.JIAOFU_MAX_UPLOAD_MB * 1024 * 1024, files: 1 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Jiaofu API", version: "1", description: "Jiaofu (交付) service delivery platform REST API." },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "jiaofu_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  const serveWeb = fs.existsSync(path.join(WEB_DIST_DIR, "index.html"));
  if (serveWeb) await app.register(fastifyStatic, { root: WEB_DIST_DIR, wildcard: false });
  registerErrorHandling(app, { spaFallback: serveWeb });
  registerAuthentication(app);

  app.get("/api/health", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/api/ready", { schema: { hide: true } }, async (_request, reply) => {
    try {
      await deps.database.exec("select 1");
      return { status: "ready", database: deps.database.kind };
    } catch {
      return reply.status(503).send({ status: "unavailable", database: deps.database.kind });
    }
  });

  for (const module of MODULES) await app.register(module, { prefix: "/api/v1" });

  return app;
}
