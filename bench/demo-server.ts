/**
 * The server the in-process benches measure: the app on a fresh PGlite data directory with the demo data, listening on
 * a free local port. `stop` closes it and deletes the directory.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildApp, loadConfig, migrateDatabase, openDatabaseFromConfig, seedDemoIfEmpty } from "../packages/server/src/index";
import { createMailer } from "../packages/server/src/platform/mailer";

export async function startDemoServer(name: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `jiaofu-${name}-bench-`));
  const config = loadConfig({ ...process.env, JIAOFU_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", JIAOFU_DEMO: "1", LOG_LEVEL: "error", DATABASE_URL: undefined });
  const { database, release } = await openDatabaseFromConfig(config, "serve");
  await migrateDatabase(database);
  await seedDemoIfEmpty(database.db, config.JIAOFU_DEMO_LOCALE);
  const app = await buildApp({ config, deps: { database, db: database.db, mailer: createMailer(config.SMTP_URL, config.SMTP_FROM), now: () => new Date() } });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    app,
    database,
    url,
    stop: async () => {
      await app.close();
      await database.close();
      await release();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
