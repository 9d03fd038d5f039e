/**
 * Test databases, cloned from a migrated template so no test file pays for migrations:
 * - PGlite (default): the global setup migrates once and dumps the data dir to a tarball; each file loads it.
 * - PostgreSQL (`TEST_DATABASE_URL` set): the global setup migrates database `jiaofu_template`; each file gets
 *   `create database … template jiaofu_template`.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabase, migrateDatabase, type Database } from "../src/db/database";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const PGLITE_TEMPLATE_FILE = path.join(root, ".tmp", "pglite-template.tar");
const TEMPLATE_DB = "jiaofu_template";

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Run once per test run (vitest globalSetup). */
export async function prepareTemplate(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    await adminQuery(url, `drop database if exists ${TEMPLATE_DB} with (force)`);
    await adminQuery(url, `create database ${TEMPLATE_DB}`);
    const database = await openDatabase({ kind: "postgres", url: withDatabase(url, TEMPLATE_DB), poolSize: 1 });
    await migrateDatabase(database);
    await database.close();
    return;
  }
  const database = await openDatabase({ kind: "pglite", dataDir: undefined });
  await migrateDatabase(database);
  if (!database.dumpDataDir) throw new Error("PGlite expected");
  const blob = await database.dumpDataDir();
  fs.mkdirSync(path.dirname(PGLITE_TEMPLATE_FILE), { recursive: true });
  fs.writeFileSync(`${PGLITE_TEMPLATE_FILE}.part`, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(`${PGLITE_TEMPLATE_FILE}.part`, PGLITE_TEMPLATE_FILE);
  await database.close();
}

let counter = 0;

/** A fresh, migrated, empty database for one test file. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `jiaofu_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    await adminQuery(url, `create database ${name} template ${TEMPLATE_DB}`);
    const database = await openDatabase({ kind: "postgres", url: withDatabase(url, name), poolSize: 4 });
    const close = database.close;
    database.close = async () => {
      await close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    };
    return database;
  }
  const tarball = fs.readFileSync(PGLITE_TEMPLATE_FILE);
  return openDatabase({ kind: "pglite", dataDir: undefined, loadDataDir: new Blob([tarball]) });
}
