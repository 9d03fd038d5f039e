// `node scripts/refresh-china-holidays.mjs [--check]`: regenerates
// packages/engine/src/scheduling/calendar/china-holidays.data.ts from the npm package `chinese-days` (MIT; a
// devDependency of @jiaofu/engine), which transcribes the State Council's yearly notices on public holiday
// arrangements (国务院办公厅关于部分节假日安排的通知): the days off, the make-up working days (调休上班) and which
// days off are swapped rather than statutory.
//
// The engine cannot import the package itself (it stays free of imports; test/dependency-direction.test.ts), so the
// data is committed as a generated TypeScript file. To take a new year in (the State Council publishes the next
// year's arrangement around November): `npm update chinese-days -w @jiaofu/engine`, run this script, review the
// diff, run `npx vitest run --project engine`. `--check` exits 1 when the committed file is not what this script
// would write (nothing is written then).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const engineDir = path.join(root, "packages/engine");
const target = path.join(engineDir, "src/scheduling/calendar/china-holidays.data.ts");
const require = createRequire(path.join(engineDir, "package.json"));

const pkg = require("chinese-days/package.json");
const data = require("chinese-days/dist/chinese-days.json");

/** The source's English name → our festival key and the names we show (full Chinese names; English as in the source). */
const FESTIVALS = {
  "New Year's Day": ["new-year", "元旦", "New Year's Day"],
  "Spring Festival": ["spring-festival", "春节", "Spring Festival"],
  "Tomb-sweeping Day": ["qingming", "清明节", "Tomb-sweeping Day"],
  "Labour Day": ["labour-day", "劳动节", "Labour Day"],
  "Dragon Boat Festival": ["dragon-boat", "端午节", "Dragon Boat Festival"],
  "Mid-autumn Festival": ["mid-autumn", "中秋节", "Mid-Autumn Festival"],
  "National Day": ["national-day", "国庆节", "National Day"],
  "Anti-Fascist 70th Day": ["victory-70th", "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日", "70th Anniversary of the Victory of the Chinese People's War of Resistance against Japanese Aggression and the World Anti-Fascist War"],
};

const DAY_MS = 86_400_000;
const dayNumber = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** [{date, key, statutory, kind}] from the three maps of the source. */
function entries() {
  const out = [];
  for (const [kind, map] of [["off", data.holidays], ["working", data.workdays], ["inLieu", data.inLieuDays]]) {
    for (const [date, value] of Object.entries(map)) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`unexpected date ${JSON.stringify(date)} in chinese-days`);
      const [en, , days] = value.split(",");
      const festival = FESTIVALS[en];
      if (festival === undefined) throw new Error(`unknown festival ${JSON.stringify(value)} on ${date}: add it to FESTIVALS in ${path.relative(root, fileURLToPath(import.meta.url))}`);
      out.push({ date, key: festival[0], statutory: Number(days), kind });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * One period per festival and arrangement: the entries of a festival, clustered by date (entries more than 30 days
 * apart are different years' arrangements); the period's year is that of its last day off (元旦 may start on
 * 30 December of the year before).
 */
function periods() {
  const byFestival = new Map();
  for (const e of entries()) {
    const clusters = byFestival.get(e.key) ?? [];
    const last = clusters.at(-1);
    if (last !== undefined && dayNumber(e.date) - dayNumber(last.at(-1).date) <= 30) last.push(e);
    else clusters.push([e]);
    byFestival.set(e.key, clusters);
  }
  const out = [];
  for (const [festival, clusters] of byFestival) {
    for (const cluster of clusters) {
      const offDays = cluster.filter((e) => e.kind === "off").map((e) => e.date);
      if (offDays.length === 0) throw new Error(`${festival} around ${cluster[0].date}: working days without days off`);
      const off = [];
      for (const date of offDays) {
        const range = off.at(-1);
        if (range !== undefined && dayNumber(date) === dayNumber(range[1]) + 1) range[1] = date;
        else off.push([date, date]);
      }
      out.push({
        year: Number(offDays.at(-1).slice(0, 4)),
        festival,
        statutoryDays: Math.max(...cluster.map((e) => e.statutory)),
        off,
        inLieu: cluster.filter((e) => e.kind === "inLieu").map((e) => e.date),
        working: cluster.filter((e) => e.kind === "working").map((e) => e.date),
      });
    }
  }
  return out.sort((a, b) => (a.off[0][0] < b.off[0][0] ? -1 : 1));
}

function render() {
  const list = periods();
  const years = list.map((p) => p.year);
  const fromYear = Math.min(...years);
  const toYear = Math.max(...years);
  for (let y = fromYear; y <= toYear; y++) {
    if (!years.includes(y)) throw new Error(`chinese-days has no arrangement for ${y}`);
  }
  const q = (s) => JSON.stringify(s);
  const festivals = Object.values(FESTIVALS)
    .map(([key, zh, en]) => `  ${q(key)}: { zh: ${q(zh)}, en: ${q(en)} },`)
    .join("\n");
  const rows = list
    .map((p) => {
      const off = p.off.map(([a, b]) => `[${q(a)}, ${q(b)}]`).join(", ");
      return `  { year: ${p.year}, festival: ${q(p.festival)}, statutoryDays: ${p.statutoryDays}, off: [${off}], inLieu: [${p.inLieu.map(q).join(", ")}], working: [${p.working.map(q).join(", ")}] },`;
    })
    .join("\n");
  const offCount = list.reduce((n, p) => n + p.off.reduce((m, [a, b]) => m + dayNumber(b) - dayNumber(a) + 1, 0), 0);
  const workingCount = list.reduce((n, p) => n + p.working.length, 0);
  return `// GENERATED by scripts/refresh-china-holidays.mjs from ${pkg.name} ${pkg.version} (${pkg.license}): do not edit by hand.
// Mainland China's public holiday arrangements ${fromYear}–${toYear}: ${list.length} periods, ${offCount} days off, ${workingCount} make-up working days (调休).
// Refresh: npm update chinese-days -w @jiaofu/engine && node scripts/refresh-china-holidays.mjs

/** A festival of the State Council's arrangements. */
export type ChinaHolidayFestival = ${Object.values(FESTIVALS)
    .map(([key]) => q(key))
    .join(" | ")};

/**
 * One festival's arrangement in one year, as the State Council's notice states it: the days off (inclusive ranges,
 * weekends inside them included), which of those are swapped days off rather than statutory ones (调休), and the
 * make-up working days (调休上班, usually a Saturday or Sunday).
 */
export type ChinaHolidayPeriod = {
  readonly year: number;
  readonly festival: ChinaHolidayFestival;
  /** The statutory days off of this festival in that year (法定假日天数), e.g. 3 for National Day. */
  readonly statutoryDays: number;
  readonly off: readonly (readonly [from: string, to: string])[];
  readonly inLieu: readonly string[];
  readonly working: readonly string[];
};

/** Where the data comes from. */
export const CHINA_HOLIDAYS_SOURCE = { package: ${q(pkg.name)}, version: ${q(pkg.version)}, licence: ${q(pkg.license)}, fromYear: ${fromYear}, toYear: ${toYear} } as const;

/** Chinese and English names of each festival. */
export const CHINA_HOLIDAY_FESTIVALS: Readonly<Record<ChinaHolidayFestival, { readonly zh: string; readonly en: string }>> = {
${festivals}
};

/** Every arrangement, in date order. */
export const CHINA_HOLIDAY_PERIODS: readonly ChinaHolidayPeriod[] = [
${rows}
];
`;
}

const text = render();
const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
if (process.argv.includes("--check")) {
  if (current !== text) {
    console.error(`${path.relative(root, target)} is not what chinese-days ${pkg.version} gives: run node scripts/refresh-china-holidays.mjs`);
    process.exit(1);
  }
  console.log(`${path.relative(root, target)} is up to date (chinese-days ${pkg.version})`);
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`${current === text ? "unchanged" : "wrote"} ${path.relative(root, target)} (chinese-days ${pkg.version})`);
}
