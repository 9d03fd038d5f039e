/**
 * Test support for the planner: a slow, obviously-correct reference model of plan semantics, written straight from
 * the tables of docs/scheduling.md on task and link specs (no graph, no gate or finish nodes, no topological order:
 * every bound is stated per link and per task and relaxed to a fixpoint), and a helper that keeps random links
 * acyclic. Pure; imports only the scheduling module's own types.
 */
import type { ScheduleLinkSpec } from "./schedule-input";
import type { SchedulePlanTaskSpec } from "./schedule-plan-input";

export type ReferenceRow = {
  id: number;
  kind: "task" | "milestone" | "summary";
  manual: boolean;
  start: number;
  finish: number;
  es: number;
  ef: number;
  ls: number;
  lf: number;
  tf: number;
  critical: boolean;
  duration: number;
  work: number;
  cost: number;
  percentComplete: number;
};

export type ReferenceViolation = { taskId: number; kind: string; day: number; by: number };

export type ReferenceSchedule = {
  finish: number;
  criticalCount: number;
  checksum: number;
  rows: ReferenceRow[];
  violations: ReferenceViolation[];
};

/** The outline of a plan: children, summaries, the leaves under each task, ancestors. */
export function referenceOutline(tasks: readonly SchedulePlanTaskSpec[]) {
  const n = tasks.length;
  const parent = new Array<number>(n).fill(-1);
  for (const t of tasks) parent[t.id] = t.parent ?? -1;
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let id = 0; id < n; id++) if ((parent[id] as number) >= 0) children[parent[id] as number]?.push(id);
  const summary = children.map((c) => c.length > 0);
  const leavesUnder = (id: number): number[] => (summary[id] ? (children[id] as number[]).flatMap(leavesUnder) : [id]);
  const ancestors = (id: number): number[] => {
    const list: number[] = [];
    for (let p = parent[id] as number; p >= 0; p = parent[p] as number) list.push(p);
    return list;
  };
  return { parent, children, summary, leavesUnder, ancestors };
}

/**
 * The schedule of a plan by fixpoint relaxation:
 *
 * 1. early starts without ALAP placement: ES(t) = the manual day, or max(0, the constraint's lower bound, every link
 *    bound into t or into a summary above t, the SNET of every summary above t); T = max EF;
 * 2. late starts: LS(t) = min(T − d, the constraint's upper bound (not for manual tasks), deadline − d, every link
 *    bound out of t or out of a summary above t, FNLT and deadlines of the summaries above t);
 * 3. early starts again with each ALAP predecessor placed at max(ES, LS);
 * 4. summaries from the leaves under them; violations; totals.
 */
export function referenceSchedule(tasks: readonly SchedulePlanTaskSpec[], links: readonly ScheduleLinkSpec[]): ReferenceSchedule {
  const n = tasks.length;
  const spec: SchedulePlanTaskSpec[] = [];
  for (const t of tasks) spec[t.id] = t;
  const task = (id: number) => spec[id] as SchedulePlanTaskSpec;
  const { summary, leavesUnder, ancestors } = referenceOutline(tasks);
  const leaves = Array.from({ length: n }, (_, id) => id).filter((id) => !summary[id]);
  const d = (id: number) => task(id).duration;
  const manualDay = (id: number) => task(id).manualStart ?? null;
  const constraintOf = (id: number) => (manualDay(id) !== null ? { type: "ASAP", day: null } : (task(id).constraint ?? { type: "ASAP", day: null }));
  const lowerOf = (id: number): number => {
    const c = constraintOf(id);
    const day = c.day ?? 0;
    switch (c.type) {
      case "SNET":
      case "MSO":
        return day;
      case "FNET":
      case "MFO":
        return day - d(id);
      default:
        return -Infinity;
    }
  };
  const upperOf = (id: number): number => {
    const c = constraintOf(id);
    const day = c.day ?? 0;
    let upper = Infinity;
    if (c.type === "SNLT" || c.type === "MSO") upper = day;
    if (c.type === "FNLT" || c.type === "MFO") upper = day - d(id);
    const deadline = task(id).deadline;
    if (deadline !== undefined && deadline !== null) upper = Math.min(upper, deadline - d(id));
    return upper;
  };
  const isAlap = (id: number) => constraintOf(id).type === "ALAP";
  /** The links that bind leaf t from before: into t, or FS/SS into a summary above t. */
  const linksInto = (t: number) => links.filter((l) => l.to === t || ancestors(t).includes(l.to));
  /** The links that bind leaf t from after: out of t, or FS/FF out of a summary above t. */
  const linksOutOf = (t: number) => links.filter((l) => l.from === t || ancestors(t).includes(l.from));

  const forward = (placed: boolean, ls: number[]): number[] => {
    const es = new Array<number>(n).fill(0);
    const startOf = (id: number) => (placed && isAlap(id) ? Math.max(es[id] as number, ls[id] as number) : (es[id] as number));
    const summaryStart = (id: number) => Math.min(...leavesUnder(id).map(startOf));
    const summaryFinish = (id: number) => Math.max(...leavesUnder(id).map((l) => startOf(l) + d(l)));
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of leaves) {
        let value: number;
        const manual = manualDay(t);
        if (manual !== null) value = manual;
        else {
          value = Math.max(0, lowerOf(t));
          for (const a of ancestors(t)) {
            const c = task(a).constraint;
            if (c?.type === "SNET") value = Math.max(value, c.day ?? 0);
          }
          for (const l of linksInto(t)) {
            const pStart = summary[l.from] ? summaryStart(l.from) : startOf(l.from);
            const pFinish = summary[l.from] ? summaryFinish(l.from) : startOf(l.from) + d(l.from);
            const bound = { FS: pFinish + l.lag, SS: pStart + l.lag, FF: pFinish + l.lag - d(t), SF: pStart + l.lag - d(t) }[l.type];
            value = Math.max(value, bound);
          }
        }
        if (value !== es[t]) {
          es[t] = value;
          changed = true;
        }
      }
    }
    return es;
  };

  const es0 = forward(false, []);
  const finish = Math.max(0, ...leaves.map((t) => (es0[t] as number) + d(t)));
  const ls = new Array<number>(n).fill(0);
  for (const t of leaves) ls[t] = finish - d(t);
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of leaves) {
      let late = Math.min(finish - d(t), upperOf(t));
      for (const a of ancestors(t)) {
        const c = task(a).constraint;
        if (c?.type === "FNLT") late = Math.min(late, (c.day ?? 0) - d(t));
        const deadline = task(a).deadline;
        if (deadline !== undefined && deadline !== null) late = Math.min(late, deadline - d(t));
      }
      for (const l of linksOutOf(t)) {
        const fromT = l.from === t;
        for (const y of leavesUnder(l.to)) {
          const lsY = ls[y] as number;
          const lfY = lsY + d(y);
          // From t itself, each type; from a summary above t (FS or FF), t's finish is bound.
          const bound = fromT
            ? { FS: lsY - l.lag - d(t), SS: lsY - l.lag, FF: lfY - l.lag - d(t), SF: lfY - l.lag }[l.type]
            : { FS: lsY - l.lag - d(t), SS: NaN, FF: lfY - l.lag - d(t), SF: NaN }[l.type];
          late = Math.min(late, bound);
        }
      }
      if (late !== ls[t]) {
        ls[t] = late;
        changed = true;
      }
    }
  }
  const es = forward(true, ls);

  const rows: ReferenceRow[] = [];
  const leafRow = (t: number): ReferenceRow => {
    const start = isAlap(t) ? Math.max(es[t] as number, ls[t] as number) : (es[t] as number);
    const tf = (ls[t] as number) - (es[t] as number);
    return {
      id: t,
      kind: d(t) === 0 ? "milestone" : "task",
      manual: manualDay(t) !== null,
      start,
      finish: start + d(t),
      es: es[t] as number,
      ef: (es[t] as number) + d(t),
      ls: ls[t] as number,
      lf: (ls[t] as number) + d(t),
      tf,
      critical: tf <= 0,
      duration: d(t),
      work: task(t).work ?? 0,
      cost: task(t).cost ?? 0,
      percentComplete: task(t).percentComplete ?? 0,
    };
  };
  for (let id = 0; id < n; id++) {
    if (!summary[id]) {
      rows.push(leafRow(id));
      continue;
    }
    const under = leavesUnder(id).map(leafRow);
    const min = (f: (r: ReferenceRow) => number) => Math.min(...under.map(f));
    const max = (f: (r: ReferenceRow) => number) => Math.max(...under.map(f));
    const sum = (f: (r: ReferenceRow) => number) => under.reduce((a, r) => a + f(r), 0);
    const tf = min((r) => r.tf);
    // By effort (docs/monitoring.md): work, else positive cost, else duration, else the plain mean.
    const rolledUpPercent = (rs: ReferenceRow[]) => {
      const work = rs.reduce((a, r) => a + r.work, 0);
      if (work > 0) return rs.reduce((a, r) => a + r.work * r.percentComplete, 0) / work;
      const cost = rs.reduce((a, r) => a + Math.max(0, r.cost), 0);
      if (cost > 0) return rs.reduce((a, r) => a + Math.max(0, r.cost) * r.percentComplete, 0) / cost;
      const duration = rs.reduce((a, r) => a + r.duration, 0);
      if (duration > 0) return rs.reduce((a, r) => a + r.duration * r.percentComplete, 0) / duration;
      return rs.reduce((a, r) => a + r.percentComplete, 0) / rs.length;
    };
    rows.push({
      id,
      kind: "summary",
      manual: false,
      start: min((r) => r.start),
      finish: max((r) => r.finish),
      es: min((r) => r.es),
      ef: max((r) => r.ef),
      ls: min((r) => r.ls),
      lf: max((r) => r.lf),
      tf,
      critical: tf <= 0,
      duration: max((r) => r.finish) - min((r) => r.start),
      work: sum((r) => r.work),
      cost: sum((r) => r.cost),
      percentComplete: rolledUpPercent(under),
    });
  }

  const violations: ReferenceViolation[] = [];
  for (let id = 0; id < n; id++) {
    const row = rows[id] as ReferenceRow;
    const c = task(id).constraint;
    const manual = manualDay(id);
    if (summary[id]) {
      if (c?.type === "FNLT" && row.finish > (c.day ?? 0)) violations.push({ taskId: id, kind: "FNLT", day: c.day ?? 0, by: row.finish - (c.day ?? 0) });
    } else if (manual !== null) {
      let bound = -Infinity;
      for (const l of linksInto(id)) {
        const from = rows[l.from] as ReferenceRow | undefined;
        const pStart = summary[l.from] ? Math.min(...leavesUnder(l.from).map((x) => leafRow(x).start)) : (from?.start ?? leafRow(l.from).start);
        const pFinish = summary[l.from] ? Math.max(...leavesUnder(l.from).map((x) => leafRow(x).finish)) : pStart + d(l.from);
        bound = Math.max(bound, { FS: pFinish + l.lag, SS: pStart + l.lag, FF: pFinish + l.lag - d(id), SF: pStart + l.lag - d(id) }[l.type]);
      }
      for (const a of ancestors(id)) {
        const ac = task(a).constraint;
        if (ac?.type === "SNET") bound = Math.max(bound, ac.day ?? 0);
      }
      // A manual task inside a summary follows the summary's gate, which starts at day 0 or later.
      if (ancestors(id).length > 0) bound = Math.max(bound, 0);
      if (bound > manual) violations.push({ taskId: id, kind: "manual", day: manual, by: bound - manual });
    } else if (c !== undefined && c !== null && (c.type === "SNLT" || c.type === "MSO") && row.start > (c.day ?? 0)) {
      violations.push({ taskId: id, kind: c.type, day: c.day ?? 0, by: row.start - (c.day ?? 0) });
    } else if (c !== undefined && c !== null && (c.type === "FNLT" || c.type === "MFO") && row.finish > (c.day ?? 0)) {
      violations.push({ taskId: id, kind: c.type, day: c.day ?? 0, by: row.finish - (c.day ?? 0) });
    }
    const deadline = task(id).deadline;
    if (deadline !== undefined && deadline !== null && row.finish > deadline) violations.push({ taskId: id, kind: "deadline", day: deadline, by: row.finish - deadline });
  }
  let checksum = 0;
  let criticalCount = 0;
  for (const row of rows) {
    checksum = (checksum + row.es + row.ls) | 0;
    if (row.critical) criticalCount++;
  }
  return { finish, criticalCount, checksum: checksum >>> 0, rows, violations };
}

/**
 * The links among `candidates` that keep a plan valid and acyclic, taken in order: links breaking the summary rules
 * are dropped, and so is each link that would close a cycle. Cycles are looked for in the plan's graph as the docs
 * describe it: a summary S is a start gate G(S) followed by each task under it and a finish node F(S) following
 * each; a link leaves from a leaf or from F(S) and enters a leaf or G(S).
 */
export function referenceAcyclicLinks(tasks: readonly SchedulePlanTaskSpec[], candidates: readonly ScheduleLinkSpec[]): ScheduleLinkSpec[] {
  const n = tasks.length;
  const { summary, ancestors, children } = referenceOutline(tasks);
  const gate = (id: number) => n + 2 * id;
  const finish = (id: number) => n + 2 * id + 1;
  const entry = (id: number) => (summary[id] ? gate(id) : id);
  const exit = (id: number) => (summary[id] ? finish(id) : id);
  const successors: number[][] = Array.from({ length: 3 * n }, () => []);
  for (let id = 0; id < n; id++) {
    if (!summary[id]) continue;
    for (const c of children[id] as number[]) {
      successors[gate(id)]?.push(entry(c));
      successors[exit(c)]?.push(finish(id));
    }
  }
  const reaches = (from: number, to: number): boolean => {
    const seen = new Set<number>();
    const stack = [from];
    while (stack.length > 0) {
      const u = stack.pop() as number;
      if (u === to) return true;
      if (seen.has(u)) continue;
      seen.add(u);
      stack.push(...(successors[u] as number[]));
    }
    return false;
  };
  const kept: ScheduleLinkSpec[] = [];
  for (const link of candidates) {
    if (link.from === link.to) continue;
    if (ancestors(link.from).includes(link.to) || ancestors(link.to).includes(link.from)) continue;
    if (summary[link.to] && link.type !== "FS" && link.type !== "SS") continue;
    if (summary[link.from] && link.type !== "FS" && link.type !== "FF") continue;
    if (reaches(entry(link.to), exit(link.from))) continue;
    successors[exit(link.from)]?.push(entry(link.to));
    kept.push(link);
  }
  return kept;
}
