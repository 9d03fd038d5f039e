// HTTP benchmark: starts Jiaofu on a fresh data directory with the demo data (PGlite, then PostgreSQL when its
// binaries are installed), and measures with autocannon the requests per second and p50/p99 latency of sign-in,
// list projects, get one project and create a comment, at 1 and 10 connections. Prints a table.
//
//   node bench/http.mjs [--seconds 5] [--only pglite|postgres]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { startThrowawayPostgres } from "../scripts/throwaway-postgres.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf("--seconds") + 1] || 5) || 5;
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;

async function startServer(env) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiaofu-bench-"));
  const child = spawn(process.execPath, [path.join(root, "packages/cli/bin/jiaofu.mjs"), "serve"], {
    cwd: root,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", JIAOFU_DATA_DIR: dataDir, JIAOFU_DEMO: "1", LOG_LEVEL: "error", JIAOFU_LOGIN_MAX_ATTEMPTS: "1000000", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
      const m = /Jiaofu is running at (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function signIn(url) {
  const res = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "pm@demo.test", password: "demo1234" }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  const csrf = cookies.find((c) => c.startsWith("jiaofu_csrf="))?.split("=")[1];
  return { cookie: cookies.join("; "), csrf };
}

function run(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ duration: seconds, ...opts }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function benchDatabase(label, env) {
  const server = await startServer(env);
  try {
    const { cookie, csrf } = await signIn(server.url);
    const projects = await (await fetch(`${server.url}/api/v1/projects`, { headers: { cookie } })).json();
    const projectId = projects.items?.[0]?.id;
    if (!projectId) throw new Error("the demo data has no project");
    const headers = { cookie, "content-type": "application/json", "x-csrf-token": csrf };
    const scenarios = [
      { name: "sign-in", method: "POST", path: "/api/v1/auth/sign-in", body: JSON.stringify({ email: "pm@demo.test", password: "demo1234" }), headers: { "content-type": "application/json" } },
      { name: "list projects", method: "GET", path: "/api/v1/projects", headers },
      { name: "get project", method: "GET", path: `/api/v1/projects/${projectId}`, headers },
      { name: "create comment", method: "POST", path: `/api/v1/projects/${projectId}/comments`, body: JSON.stringify({ body: "Benchmark comment with **markdown**." }), headers },
    ];
    const rows = [];
    for (const scenario of scenarios) {
      for (const connections of [1, 10]) {
        const result = await run({ url: `${server.url}${scenario.path}`, method: scenario.method, body: scenario.body, headers: scenario.headers, connections });
        const non2xx = result.non2xx + result.errors;
        rows.push({ db: label, scenario: scenario.name, connections, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx });
        process.stderr.write(`  ${label} ${scenario.name} c=${connections}: ${result.requests.average.toFixed(0)} req/s\n`);
      }
    }
    return rows;
  } finally {
    await server.stop();
  }
}

const all = [];
if (!only || only === "pglite") all.push(...(await benchDatabase("PGlite", {})));
if (!only || only === "postgres") {
  let pg;
  try {
    pg = startThrowawayPostgres();
  } catch (error) {
    console.error(`PostgreSQL skipped: ${error.message}`);
  }
  if (pg) {
    try {
      all.push(...(await benchDatabase("PostgreSQL", { DATABASE_URL: pg.url })));
    } finally {
      pg.stop();
    }
  }
}

const header = ["database", "scenario", "conns", "req/s", "p50 ms", "p99 ms", "non-2xx"];
const lines = all.map((r) => [r.db, r.scenario, String(r.connections), r.rps.toFixed(0), String(r.p50), String(r.p99), String(r.non2xx)]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const fmt = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
console.log(`\nJiaofu HTTP benchmark — ${seconds}s per cell, ${os.cpus().length} cores, Node ${process.version}`);
console.log(fmt(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const l of lines) console.log(fmt(l));
