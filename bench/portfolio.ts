/**
 * The portfolio page with 200 projects: how long the server takes to answer `GET /portfolio` and how many bytes it
 * sends. Starts Jiaofu in-process on a fresh data directory with the demo data, adds 200 projects straight into the
 * database — each with a plan of 30 tasks (3 phases × 9 tasks + 3 milestones, some overdue), a baseline, 8 weekly
 * progress snapshots, 5 risks, 5 defects and a status report — with the demo's delivery manager managing them all (so
 * every row carries its health score, the most work), then times the read as that manager: 3 warm-up reads, then the
 * median and 95th percentile of 20.
 *
 *   node --import tsx bench/portfolio.ts   (also part of `npm run bench`)
 *
 * Numbers only: a benchmark never fails on time.
 */
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { defects, planBaselines, planBaselineTasks, planTasks, progressSnapshots, projectMembers, projects, risks, statusReports, users } from "../packages/server/src/db/schema";
import { startDemoServer } from "./demo-server";

const PROJECTS = 200;
const PHASES = 3;
const PER_PHASE = 9;
const MILESTONES = 3;
const SNAPSHOTS = 8;
const WARM_UP = 3;
const RUNS = 20;

const { database, url, stop } = await startDemoServer("portfolio");

const [demo] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
const [pm] = await database.db.select().from(users).where(eq(users.email, "pm@demo.test"));
if (!demo || !pm) throw new Error("no demo data");

const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
const stages = ["requirements", "planning", "execution", "execution", "delivery", "support"] as const;
const severities = ["critical", "major", "minor", "trivial"] as const;

const rows = {
  projects: [] as (typeof projects.$inferInsert)[],
  members: [] as (typeof projectMembers.$inferInsert)[],
  tasks: [] as (typeof planTasks.$inferInsert)[],
  baselines: [] as (typeof planBaselines.$inferInsert)[],
  baselineTasks: [] as (typeof planBaselineTasks.$inferInsert)[],
  snapshots: [] as (typeof progressSnapshots.$inferInsert)[],
  risks: [] as (typeof risks.$inferInsert)[],
  defects: [] as (typeof defects.$inferInsert)[],
  reports: [] as (typeof statusReports.$inferInsert)[],
};
const rule = { rag: "green" as const, rule: "status_report.rule.scope.green", note: "" };
for (let n = 0; n < PROJECTS; n++) {
  const projectId = randomUUID();
  const base = { workspaceId: demo.workspaceId, projectId };
  rows.projects.push({ id: projectId, workspaceId: demo.workspaceId, clientId: demo.clientId, code: `PF-${String(n + 1).padStart(3, "0")}`, name: `Portfolio project ${n + 1}`, stage: stages[n % stages.length] ?? "execution", managerId: pm.id, startDate: day(-60) });
  rows.members.push({ projectId, userId: pm.id, role: "manager" });
  const baselineId = randomUUID();
  rows.baselines.push({ id: baselineId, ...base, number: 1, name: "Signed" });
  let position = 0;
  for (let p = 0; p < PHASES; p++) {
    const phase = randomUUID();
    rows.tasks.push({ ...base, id: phase, position: position++, name: `Phase ${p + 1}`, isSummary: true, wbsCode: String(p + 1), calcStart: day(-60 + p * 30), calcFinish: day(-31 + p * 30), calcPercentComplete: 50 });
    for (let k = 0; k < PER_PHASE; k++) {
      const finish = day(-55 + p * 30 + k * 3);
      rows.tasks.push({ ...base, id: randomUUID(), parentId: phase, position: k, name: `Task ${p + 1}.${k + 1}`, durationDays: 3, wbsCode: `${p + 1}.${k + 1}`, percentComplete: p === 0 ? 100 : (k * 13 + n) % 100, calcStart: day(-58 + p * 30 + k * 3), calcFinish: finish });
    }
  }
  for (let m = 0; m < MILESTONES; m++) {
    const id = randomUUID();
    rows.tasks.push({ ...base, id, position: position++, name: `Milestone ${m + 1}`, durationDays: 0, wbsCode: String(PHASES + m + 1), percentComplete: m === 0 ? 100 : 0, calcStart: day(-30 + m * 30), calcFinish: day(-30 + m * 30 + (n % 5)) });
    rows.baselineTasks.push({ baselineId, taskId: id, wbsCode: String(PHASES + m + 1), name: `Milestone ${m + 1}`, finish: day(-30 + m * 30) });
  }
  for (let s = 0; s < SNAPSHOTS; s++) {
    const pv = 10_000 * (s + 1);
    rows.snapshots.push({ ...base, asOf: day(-7 * (SNAPSHOTS - 1 - s)), plannedValue: pv, earnedValue: pv * (0.75 + ((n % 10) * 0.05)), actualCost: pv * (0.85 + ((n % 7) * 0.05)), budgetAtCompletion: 100_000, percentComplete: 5 * (s + 1), detail: { phases: [], milestones: [] } });
  }
  for (let r = 0; r < 5; r++) rows.risks.push({ ...base, number: r + 1, title: `Risk ${r + 1}`, probability: 1 + ((n + r) % 5), impact: 1 + ((n * 3 + r) % 5), status: r === 4 ? "closed" : "open", statusReason: r === 4 ? "Passed" : null, createdById: pm.id });
  for (let d = 0; d < 5; d++) rows.defects.push({ ...base, number: d + 1, title: `Defect ${d + 1}`, severity: severities[(n + d) % 4] ?? "minor", status: d < 3 ? "open" : "closed", reportedById: pm.id });
  rows.reports.push({ ...base, number: 1, periodFrom: day(-13), periodTo: day(-7), title: "Weekly", overall: (["green", "amber", "red"] as const)[n % 3] ?? "green", dimensions: { scope: rule, schedule: rule, cost: rule, quality: rule, risk: rule }, content: {}, status: "published", publishedAt: new Date(), publishedById: pm.id });
}
const insertAll = async <T>(table: Parameters<typeof database.db.insert>[0], values: T[]) => {
  for (let i = 0; i < values.length; i += 500) await database.db.insert(table).values(values.slice(i, i + 500) as never);
};
await insertAll(projects, rows.projects);
await insertAll(projectMembers, rows.members);
await insertAll(planTasks, rows.tasks);
await insertAll(planBaselines, rows.baselines);
await insertAll(planBaselineTasks, rows.baselineTasks);
await insertAll(progressSnapshots, rows.snapshots);
await insertAll(risks, rows.risks);
await insertAll(defects, rows.defects);
await insertAll(statusReports, rows.reports);

const signIn = await fetch(`${url}/api/v1/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "pm@demo.test", password: "demo1234" }) });
const cookies = signIn.headers.getSetCookie().map((c) => c.split(";")[0] as string);
const headers = { cookie: cookies.join("; "), origin: url };
const read = async () => {
  const res = await fetch(`${url}/api/v1/portfolio`, { headers });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET /portfolio: ${res.status} ${text}`);
  return text;
};

for (let i = 0; i < WARM_UP; i++) await read();
const times: number[] = [];
let text = "";
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  text = await read();
  times.push(performance.now() - started);
}
const sorted = [...times].sort((a, b) => a - b);
const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
const body = JSON.parse(text) as { projects: { health: unknown }[] };
const withHealth = body.projects.filter((p) => p.health !== null).length;

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
console.log(`portfolio of ${body.projects.length} projects (${withHealth} with health; ${PHASES * PER_PHASE + PHASES + MILESTONES} tasks, ${SNAPSHOTS} snapshots, 5 risks, 5 defects each), PGlite, in-process server`);
console.log(`| measure | value |`);
console.log(`|---|---|`);
console.log(`| GET /portfolio, median of ${RUNS} (after ${WARM_UP} warm-up) | ${fmt(percentile(50))} |`);
console.log(`| GET /portfolio, p95 of ${RUNS} | ${fmt(percentile(95))} (min ${fmt(sorted[0] as number)}, max ${fmt(sorted.at(-1) as number)}) |`);
console.log(`| payload | ${Buffer.byteLength(text).toLocaleString("en-US")} bytes (${gzipSync(text).length.toLocaleString("en-US")} gzipped) |`);

await stop();
