// `npm run typecheck`: tsc --noEmit on every workspace package and the root (e2e, bench, configs).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { workspaces } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
let failed = false;
for (const dir of [...workspaces, "."]) {
  if (!fs.existsSync(path.join(root, dir, "tsconfig.json"))) continue;
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", dir], { cwd: root, stdio: "inherit" });
  console.log(`${result.status === 0 ? "✓" : "✗"} ${dir}`);
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
