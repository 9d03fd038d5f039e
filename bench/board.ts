/**
 * The task board with 5,000 tasks: how long the server takes to answer `GET /projects/:id/board` and how many bytes
 * it sends, and how long a card move takes (a move is a plan change: lock, load, reschedule, write). Starts Jiaofu
 * in-process on a fresh data directory with the demo data, adds a project with 250 phases of 20 tasks straight into
 * the database (5,000 cards), spread over the workflow's columns with assignees, checklists and comments, schedules
 * it with one API write, then times the reads and moves as the delivery manager (a move between columns that keeps
 * the percent complete, and a move into "done", which completes the task and reschedules the plan).
 *
 *   node --import tsx bench/board.ts   (also part of `npm run bench`)
 *
 * Numbers only: a benchmark never fails on time.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { comments, planTaskAssignees, planTasks, projectMembers, projects, users } from "../packages/server/src/db/schema";
import { startDemoServer } from "./demo-server";

const PHASES = 250;
const PER_PHASE = 20;
const READS = 9;
const MOVES = 7;

const { database, url, stop } = await startDemoServer("board");

const [demo] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
if (!demo) throw new Error("no demo project");
const [pm] = await database.db.select().from(users).where(eq(users.email, "pm@demo.test"));
const [dev] = await database.db.select().from(users).where(eq(users.email, "dev@demo.test"));
if (!pm || !dev) throw new Error("no demo people");

const signIn = await fetch(`${url}/api/v1/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "pm@demo.test", password: "demo1234" }) });
const cookies = signIn.headers.getSetCookie().map((c) => c.split(";")[0] as string);
const csrf = cookies.find((c) => c.startsWith("jiaofu_csrf="))?.split("=")[1] ?? "";
const headers = { "content-type": "application/json", cookie: cookies.join("; "), "x-csrf-token": csrf, origin: url };
const call = async (method: string, pathname: string, body?: unknown) => {
  const res = await fetch(`${url}/api/v1${pathname}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${text}`);
  return { text, json: JSON.parse(text) as unknown };
};

// A project of its own, with the demo's manager and developer on it.
const created = (await call("POST", "/projects", { code: "BOARD-5K", name: "Board bench", clientId: demo.clientId, managerId: pm.id })).json as { id: string; workspaceId?: string };
const projectId = created.id;
await database.db.insert(projectMembers).values({ projectId, userId: dev.id, role: "member" }).onConflictDoNothing();
const workflow = (await call("GET", `/projects/${projectId}/board/workflow`)).json as { statuses: { id: string; category: string }[] };
const statusIds = workflow.statuses.map((s) => s.id);

const base = { workspaceId: demo.workspaceId, projectId };
const tasks: (typeof planTasks.$inferInsert)[] = [];
const assignees: (typeof planTaskAssignees.$inferInsert)[] = [];
const notes: (typeof comments.$inferInsert)[] = [];
for (let p = 0; p < PHASES; p++) {
  const phase = randomUUID();
  tasks.push({ ...base, id: phase, position: p, name: `Phase ${p + 1}` });
  for (let k = 0; k < PER_PHASE; k++) {
    const id = randomUUID();
    const column = (p + k) % statusIds.length;
    const done = workflow.statuses[column]?.category === "done";
    tasks.push({
      ...base,
      id,
      parentId: phase,
      position: k,
      name: `Task ${p + 1}.${k + 1}`,
      durationDays: 1 + (k % 4),
      percentComplete: done ? 100 : column === 0 ? 0 : 40,
      statusId: statusIds[column] ?? null,
      boardPosition: k,
      priority: [300, 500, 500, 800][k % 4],
      estimateHours: 8 * (1 + (k % 4)),
      remainingHours: done ? 0 : 8,
      checklist: k % 3 === 0 ? [{ id: "a", text: "Check", done: true }, { id: "b", text: "Review", done: false }] : [],
    });
    assignees.push({ ...base, taskId: id, userId: k % 2 === 0 ? pm.id : dev.id });
    if (k % 5 === 0) notes.push({ workspaceId: demo.workspaceId, entityType: "plan_task", entityId: id, authorId: pm.id, body: "Looks good", bodyHtml: "<p>Looks good</p>" });
  }
}
for (let i = 0; i < tasks.length; i += 1000) await database.db.insert(planTasks).values(tasks.slice(i, i + 1000));
for (let i = 0; i < assignees.length; i += 1000) await database.db.insert(planTaskAssignees).values(assignees.slice(i, i + 1000));
for (let i = 0; i < notes.length; i += 1000) await database.db.insert(comments).values(notes.slice(i, i + 1000));
// One write reschedules the whole plan and stores every task's WBS code and dates.
await call("POST", `/projects/${projectId}/plan/tasks`, { name: "Bench kick-off", milestone: true, position: 0 });

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

const readTimes: number[] = [];
let bytes = 0;
let cards = 0;
for (let i = 0; i < READS; i++) {
  const started = performance.now();
  const res = await call("GET", `/projects/${projectId}/board`);
  readTimes.push(performance.now() - started);
  bytes = Buffer.byteLength(res.text);
  cards = (res.json as { cards: unknown[] }).cards.length;
}
const gzipped = (await import("node:zlib")).gzipSync((await call("GET", `/projects/${projectId}/board`)).text).length;

type Card = { id: string; statusId: string; version: number };
const board = (await call("GET", `/projects/${projectId}/board`)).json as { cards: Card[] };
const todo = statusIds[0] as string;
const doing = statusIds[1] as string;
const done = workflow.statuses.find((s) => s.category === "done")?.id as string;
const timeMoves = async (from: string, to: string, skip: number) => {
  const times: number[] = [];
  for (const card of board.cards.filter((c) => c.statusId === from).slice(skip, skip + MOVES)) {
    const started = performance.now();
    await call("POST", `/plan-tasks/${card.id}/board-move`, { version: card.version, statusId: to, force: true });
    times.push(performance.now() - started);
  }
  return times;
};
// To do → In progress keeps the percent (written without a reschedule); into Done completes the task (a plan change).
const lightMoves = await timeMoves(todo, doing, 0);
const doneMoves = await timeMoves(todo, done, MOVES);

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
console.log(`board of ${cards} cards (${PHASES} phases × ${PER_PHASE} tasks), PGlite, in-process server`);
console.log(`| measure | value |`);
console.log(`|---|---|`);
console.log(`| GET /projects/:id/board, median of ${READS} | ${fmt(median(readTimes))} (min ${fmt(Math.min(...readTimes))}, max ${fmt(Math.max(...readTimes))}) |`);
console.log(`| payload | ${bytes.toLocaleString("en-US")} bytes (${gzipped.toLocaleString("en-US")} gzipped) |`);
console.log(`| move To do → In progress, median of ${MOVES} | ${fmt(median(lightMoves))} (min ${fmt(Math.min(...lightMoves))}, max ${fmt(Math.max(...lightMoves))}) |`);
console.log(`| move into Done (reschedules 5,000 tasks), median of ${MOVES} | ${fmt(median(doneMoves))} (min ${fmt(Math.min(...doneMoves))}, max ${fmt(Math.max(...doneMoves))}) |`);

await stop();
