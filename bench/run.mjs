// `npm run bench`: every benchmark, each printing its own table.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const steps = [
  ["engine", ["npm", ["run", "bench", "-w", "@jiaofu/engine"]]],
  ["calendar", [process.execPath, ["--import", "tsx", path.join(root, "bench/calendar.ts")]]],
  ["http", [process.execPath, [path.join(root, "bench/http.mjs"), ...process.argv.slice(2)]]],
  ["gantt", [process.execPath, ["--import", "tsx", path.join(root, "bench/gantt.ts")]]],
  ["board", [process.execPath, ["--import", "tsx", path.join(root, "bench/board.ts")]]],
  ["portfolio", [process.execPath, ["--import", "tsx", path.join(root, "bench/portfolio.ts")]]],
];
let failed = false;
for (const [name, [cmd, args]] of steps) {
  console.log(`\n### ${name}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
