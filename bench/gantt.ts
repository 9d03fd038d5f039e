/**
 * The Gantt chart with 10,000 tasks in headless Chromium: first render and frame times. Builds the web app if it
 * is not built, starts Jiaofu in-process on a fresh data directory with the demo data, adds a plan of 10,000 tasks
 * to the demo project straight into the database (500 phases of 19 tasks in four finish-to-start chains; every
 * phase follows the one 25 before it: about 8,000 links, a year and a half of working days), schedules it with one
 * API write, then opens `/projects/:id/planning/gantt` as the delivery manager and measures:
 *
 * - first render: the Gantt's performance marks (`gantt:data` — the plan arrived and the chart's data is built;
 *   `gantt:first-render` — the first frame after the chart mounted), from navigation start;
 * - frame times (requestAnimationFrame intervals: median, p95, max) during a scripted vertical scroll through the
 *   whole plan, a horizontal scroll with zoom changes, and a bar drag that reschedules its successors live in the
 *   browser's planner (cancelled with Escape, so nothing is saved).
 *
 *   node --import tsx bench/gantt.ts   (also part of `npm run bench`; GANTT_BENCH_SHOT=file.png saves the page mid-drag)
 *
 * Numbers only: a benchmark never fails on time. Headless Chromium paces frames at 60 Hz, so 16.7 ms is the floor.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { chromium, type Page } from "playwright-core";
import { planDependencies, planTasks, projects } from "../packages/server/src/db/schema";
import { startDemoServer } from "./demo-server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PHASES = 500;
const PER_PHASE = 19;

if (!fs.existsSync(path.join(root, "packages/web/dist/index.html"))) {
  console.log("building the web app…");
  execFileSync("npm", ["run", "build", "-w", "@jiaofu/web"], { cwd: root, stdio: "inherit" });
}

const { database, url, stop } = await startDemoServer("gantt");

const [project] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
if (!project) throw new Error("no demo project");
const tasks: (typeof planTasks.$inferInsert)[] = [];
const links: (typeof planDependencies.$inferInsert)[] = [];
const phaseIds: string[] = [];
const base = { workspaceId: project.workspaceId, projectId: project.id };
for (let p = 0; p < PHASES; p++) {
  const phase = randomUUID();
  phaseIds.push(phase);
  tasks.push({ ...base, id: phase, position: 100 + p, name: `Phase ${p + 1}` });
  const ids: string[] = [];
  for (let k = 0; k < PER_PHASE; k++) {
    const id = randomUUID();
    ids.push(id);
    tasks.push({ ...base, id, parentId: phase, position: k, name: `Task ${p + 1}.${k + 1}`, durationDays: 1 + (k % 4), percentComplete: (p * 7 + k * 13) % 100 });
    if (k >= 4) links.push({ ...base, predecessorId: ids[k - 4] as string, successorId: id, type: "FS" });
  }
  if (p >= 25) links.push({ ...base, predecessorId: phaseIds[p - 25] as string, successorId: phase, type: "FS" });
}
for (let i = 0; i < tasks.length; i += 1000) await database.db.insert(planTasks).values(tasks.slice(i, i + 1000));
for (let i = 0; i < links.length; i += 1000) await database.db.insert(planDependencies).values(links.slice(i, i + 1000));

// Sign in and make one write, which reschedules the whole plan and stores every task's dates.
const signIn = await fetch(`${url}/api/v1/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "pm@demo.test", password: "demo1234" }) });
const cookies = signIn.headers.getSetCookie().map((c) => c.split(";")[0] as string);
const csrf = cookies.find((c) => c.startsWith("jiaofu_csrf="))?.split("=")[1] ?? "";
let started = performance.now();
const write = await fetch(`${url}/api/v1/projects/${project.id}/plan/tasks`, {
  method: "POST",
  headers: { "content-type": "application/json", cookie: cookies.join("; "), "x-csrf-token": csrf, origin: url },
  body: JSON.stringify({ name: "Bench kick-off", milestone: true, position: 0 }),
});
if (!write.ok) throw new Error(`scheduling write failed: ${write.status} ${await write.text()}`);
const taskCount = tasks.length + 30;
console.log(`plan: ${taskCount} tasks, ${links.length + 27} links; scheduled and stored in ${(performance.now() - started).toFixed(0)} ms`);

const browser = await chromium.launch({ executablePath: process.env.JIAOFU_CHROMIUM ?? "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: "en-US" });
const origin = new URL(url);
await context.addCookies(cookies.map((c) => ({ name: c.split("=")[0] as string, value: c.slice(c.indexOf("=") + 1), domain: origin.hostname, path: "/" })));
// tsx (esbuild, keepNames) wraps named functions in `__name(...)`, which the page does not have: functions passed to
// `page.evaluate` below would throw without it.
await context.addInitScript("globalThis.__name = (fn) => fn;");
const page = await context.newPage();

type Stats = { frames: number; median: number; p95: number; max: number };
const stats = (deltas: number[]): Stats => {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { frames: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] as number };
};
const startRecording = (p: Page) =>
  p.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
const stopRecording = async (p: Page) =>
  stats(
    await p.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __recording: boolean };
      w.__recording = false;
      return w.__frames;
    }),
  );

started = performance.now();
await page.goto(`${url}/projects/${project.id}/planning/gantt`);
await page.waitForFunction(() => performance.getEntriesByName("gantt:first-render").length > 0, undefined, { timeout: 120_000 });
const wall = performance.now() - started;
// The drag preview's planner loads when the page is idle after the first render; wait for it (and the page to settle).
await page.waitForFunction(() => performance.getEntriesByName("gantt:preview-ready").length > 0, undefined, { timeout: 60_000 });
const previewLoad = await page.evaluate(() => performance.getEntriesByName("gantt:preview-ready")[0]?.duration ?? 0);
const marks = await page.evaluate(() => ({
  data: performance.getEntriesByName("gantt:data")[0]?.startTime ?? 0,
  render: performance.getEntriesByName("gantt:first-render")[0]?.startTime ?? 0,
}));
const bars = await page.getByTestId("gantt-bar").count();
const rows = await page.getByTestId("gantt-row").count();

// Vertical scroll: 240 px a frame from the top to the bottom of the plan.
await page.waitForTimeout(1500);
await startRecording(page);
await page.getByTestId("gantt-chart-scroll").evaluate(
  (el) =>
    new Promise<void>((resolve) => {
      const step = () => {
        el.scrollTop += 240;
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) resolve();
        else requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    }),
);
const vertical = await stopRecording(page);

// Horizontal: back to the top, 120 px a frame for 240 frames, then each zoom level in turn.
await page.getByTestId("gantt-chart-scroll").evaluate((el) => (el.scrollTop = 0));
await page.getByTestId("gantt-zoom-week").click();
await page.waitForTimeout(500);
await startRecording(page);
await page.getByTestId("gantt-chart-scroll").evaluate(
  (el) =>
    new Promise<void>((resolve) => {
      let n = 0;
      const step = () => {
        el.scrollLeft += 120;
        if (++n >= 240) resolve();
        else requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    }),
);
for (const zoom of ["month", "quarter", "month", "week", "day", "week"]) {
  await page.getByTestId(`gantt-zoom-${zoom}`).click();
  await page.waitForTimeout(150);
}
const horizontal = await stopRecording(page);

// Drag: the first task of phase 1 (WBS 8.1, after the kick-off and the demo's six phases: its chain and every 25th
// phase after it follow), 60 pointer moves right.
await page.getByTestId("gantt-zoom-day").click();
await page.waitForTimeout(300);
await page.getByTestId("gantt-chart-scroll").evaluate((el) => {
  el.scrollLeft = 0;
  el.scrollTop = 30 * 28;
});
await page.waitForTimeout(500);
const target = page.locator('[data-testid="gantt-bar"][data-wbs="8.1"]').getByTestId("gantt-bar-body");
const successor = page.locator('[data-testid="gantt-bar"][data-wbs="8.5"]').getByTestId("gantt-bar-body");
const successorBefore = await successor.getAttribute("x");
const box = await target.boundingBox();
if (!box) throw new Error("bar 8.1 not on screen");
const x = box.x + box.width / 2;
const y = box.y + box.height / 2;
await page.mouse.move(x, y);
await startRecording(page);
await page.mouse.down();
for (let i = 1; i <= 60; i++) {
  await page.mouse.move(x + i * 6, y);
  await page.waitForTimeout(16);
}
const drag = await stopRecording(page);
const successorDuring = await successor.getAttribute("x");
if (process.env.GANTT_BENCH_SHOT) await page.screenshot({ path: process.env.GANTT_BENCH_SHOT });
await page.keyboard.press("Escape");
await page.mouse.up();

const f = (n: number) => n.toFixed(1).padStart(7);
console.log(`first render (from navigation start): plan loaded and chart data built ${marks.data.toFixed(0)} ms, first chart frame ${marks.render.toFixed(0)} ms (${(marks.render - marks.data).toFixed(0)} ms after the data); wall ${wall.toFixed(0)} ms`);
console.log(`drag preview: the plan loaded into the browser's planner in ${previewLoad.toFixed(0)} ms (when idle, before any drag)`);
console.log(`DOM after first render: ${rows} grid rows, ${bars} bars (of ${taskCount} tasks); during the drag, successor 8.5 moved from x=${successorBefore} to x=${successorDuring}`);
console.log("\n| scenario | frames | median ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|");
for (const [name, s] of [
  ["vertical scroll (whole plan)", vertical],
  ["horizontal scroll + zoom", horizontal],
  ["bar drag (live reschedule)", drag],
] as const)
  console.log(`| ${name} | ${s.frames} | ${f(s.median)} | ${f(s.p95)} | ${f(s.max)} |`);

await browser.close();
await stop();
