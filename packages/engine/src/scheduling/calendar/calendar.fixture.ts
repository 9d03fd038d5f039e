/**
 * Test support: random calendars from a seed, and a slow, obviously-correct reference model of calendar semantics
 * (per-day rules applied straight from the spec, day-by-day and interval-by-interval walks) that the table-based
 * functions are checked against. Pure: a seeded integer PRNG, no imports beyond the calendar's own types.
 */
import { type CalendarException, type CalendarSpec, calendarSpecResolve, WEEKDAY_KEYS, type WeekPattern, type WorkingInterval } from "./calendar-spec";
import { type CalendarDay, calendarDayFromIso, calendarDayToIso, calendarDayWeekday, type DayMinute } from "./calendar-units";
import { HOLIDAY_SET_CHINA, HOLIDAY_SET_CHINA_ID } from "./china-holidays";
import { type HolidaySet, type HolidaySetEntry, holidaySetEntryDays, type HolidaySetLibrary } from "./holiday-set";

/** mulberry32: the same seed gives the same sequence. */
export function fixturePrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The window random rules fall in: 2023-01-01 .. 2026-12-31 (overlapping the China data). */
export const FIXTURE_FIRST_DAY = calendarDayFromIso("2023-01-01");
export const FIXTURE_LAST_DAY = calendarDayFromIso("2026-12-31");

function randomIntervals(rand: () => number, maxCount: number): WorkingInterval[] {
  const count = Math.floor(rand() * (maxCount + 1));
  const cuts = new Set<number>();
  while (cuts.size < 2 * count) cuts.add(Math.floor(rand() * 1441));
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: WorkingInterval[] = [];
  for (let k = 0; k < sorted.length; k += 2) out.push({ start: sorted[k] as DayMinute, end: sorted[k + 1] as DayMinute });
  return out;
}

function randomDay(rand: () => number): CalendarDay {
  return (FIXTURE_FIRST_DAY + Math.floor(rand() * (FIXTURE_LAST_DAY - FIXTURE_FIRST_DAY + 1))) as CalendarDay;
}

function randomRange(rand: () => number): { from: string; to: string } {
  const from = randomDay(rand);
  const length = rand() < 0.7 ? Math.floor(rand() * 3) : Math.floor(rand() * 40);
  return { from: calendarDayToIso(from), to: calendarDayToIso((from + length) as CalendarDay) };
}

/**
 * Random calendar layers (1–3) and a library: random weeks (some weekdays with 0–3 intervals, sometimes touching
 * midnight), exceptions, a user-defined holiday set with days off (some from a minute of the day) and working days,
 * and China's set half of the time.
 */
export function fixtureCalendar(seed: number): { layers: CalendarSpec[]; library: HolidaySetLibrary } {
  const rand = fixturePrng(seed);
  const entries: HolidaySetEntry[] = [];
  const entryCount = Math.floor(rand() * 12);
  for (let k = 0; k < entryCount; k++) {
    const range = randomRange(rand);
    const kind = rand() < 0.6 ? "off" : "working";
    entries.push(kind === "off" && rand() < 0.3 ? { ...range, kind, offFromMinute: 1 + Math.floor(rand() * 1439) } : { ...range, kind });
  }
  const userSet: HolidaySet = { id: "user", name: { en: "user days" }, entries };
  const layerCount = 1 + Math.floor(rand() * 3);
  const layers: CalendarSpec[] = [];
  for (let l = 0; l < layerCount; l++) {
    const week: Record<string, WorkingInterval[]> = {};
    for (const key of WEEKDAY_KEYS) if (rand() < (l === 0 ? 0.7 : 0.2)) week[key] = randomIntervals(rand, 3);
    const exceptions: CalendarException[] = [];
    const exceptionCount = Math.floor(rand() * 6);
    for (let k = 0; k < exceptionCount; k++) exceptions.push({ ...randomRange(rand), intervals: rand() < 0.5 ? [] : randomIntervals(rand, 2) });
    const sets = rand();
    layers.push({
      week: week as WeekPattern,
      exceptions,
      ...(rand() < 0.6 || l === 0 ? { holidaySets: sets < 0.3 ? [HOLIDAY_SET_CHINA_ID] : sets < 0.5 ? ["user"] : sets < 0.8 ? [HOLIDAY_SET_CHINA_ID, "user"] : ["user", HOLIDAY_SET_CHINA_ID] } : {}),
      ...(rand() < 0.3 ? { makeUpDayIntervals: randomIntervals(rand, 2).concat() } : {}),
    });
  }
  // Keep at least one working weekday so that the calendar compiles.
  const resolved = calendarSpecResolve(layers);
  if (WEEKDAY_KEYS.every((key) => resolved.week[key].length === 0)) layers.push({ week: { wed: [{ start: 600 as DayMinute, end: 660 as DayMinute }] } });
  // An empty make-up day would be no make-up at all; keep it non-empty when given.
  return { layers: layers.map((l) => (l.makeUpDayIntervals !== undefined && l.makeUpDayIntervals.length === 0 ? { ...l, makeUpDayIntervals: [{ start: 0 as DayMinute, end: 1440 as DayMinute }] } : l)), library: { user: userSet } };
}

/**
 * A day's intervals straight from the semantics: the week, then each set's entries in order, then the exceptions in
 * order; the last rule covering the day decides. Memoised per day, so that walks stay cheap.
 */
export function referenceModel(layers: readonly CalendarSpec[], library: HolidaySetLibrary): (day: number) => readonly WorkingInterval[] {
  const spec = calendarSpecResolve(layers);
  type Rule = { from: number; to: number; intervals: (week: readonly WorkingInterval[]) => readonly WorkingInterval[] };
  const rules: Rule[] = [];
  for (const id of spec.holidaySets) {
    const set = library[id] ?? (id === HOLIDAY_SET_CHINA_ID ? HOLIDAY_SET_CHINA : undefined);
    for (const entry of set?.entries ?? []) {
      const days = holidaySetEntryDays(entry);
      if (days === undefined) continue;
      const cut = entry.offFromMinute ?? 0;
      rules.push({
        ...days,
        intervals: (week) => (entry.kind === "working" ? spec.makeUpDayIntervals : week.filter((i) => i.start < cut).map((i) => ({ start: i.start, end: Math.min(i.end, cut) as DayMinute }))),
      });
    }
  }
  for (const exception of spec.exceptions) {
    rules.push({ from: calendarDayFromIso(exception.from), to: calendarDayFromIso(exception.to ?? exception.from), intervals: () => exception.intervals });
  }
  // The rules of each day, in rule order (every range here is short).
  const byDay = new Map<number, Rule[]>();
  for (const rule of rules) {
    for (let day = rule.from; day <= rule.to; day++) {
      const list = byDay.get(day);
      if (list === undefined) byDay.set(day, [rule]);
      else list.push(rule);
    }
  }
  const memo = new Map<number, readonly WorkingInterval[]>();
  return (day) => {
    let intervals = memo.get(day);
    if (intervals === undefined) {
      const week = spec.week[WEEKDAY_KEYS[calendarDayWeekday(day as CalendarDay) - 1] ?? "mon"];
      intervals = week;
      for (const rule of byDay.get(day) ?? []) intervals = rule.intervals(week);
      memo.set(day, intervals);
    }
    return intervals;
  };
}

const minutesOf = (intervals: readonly WorkingInterval[]) => intervals.reduce((n, i) => n + i.end - i.start, 0);

/** n working days after (n > 0) or before (n < 0) `day`, stepping one day at a time. */
export function referenceAddWorkingDays(model: (day: number) => readonly WorkingInterval[], day: number, n: number): number {
  let d = day;
  let left = Math.abs(n);
  const step = n > 0 ? 1 : -1;
  while (left > 0) {
    d += step;
    if (minutesOf(model(d)) > 0) left--;
  }
  return d;
}

/** Working minutes in [a, b) (a ≤ b), summing day by day. */
export function referenceWorkingTimeBetween(model: (day: number) => readonly WorkingInterval[], a: number, b: number): number {
  let total = 0;
  for (let day = Math.floor(a / 1440); day * 1440 < b; day++) {
    for (const i of model(day)) {
      const start = Math.max(day * 1440 + i.start, a);
      const end = Math.min(day * 1440 + i.end, b);
      if (end > start) total += end - start;
    }
  }
  return total;
}

/** Adds m > 0 working minutes by walking intervals forwards; returns the earliest instant at which they are done. */
export function referenceAddForward(model: (day: number) => readonly WorkingInterval[], t: number, m: number): number {
  let left = m;
  for (let day = Math.floor(t / 1440); ; day++) {
    for (const i of model(day)) {
      const start = Math.max(day * 1440 + i.start, t);
      const end = day * 1440 + i.end;
      if (end <= start) continue;
      if (end - start >= left) return start + left;
      left -= end - start;
    }
  }
}
