/**
 * A person's week of time as a grid: rows (a project, or a task of it) × the seven days, with the totals, and the
 * checks a week must pass (no day over 24 hours).
 */
import { TIME_MINUTES_PER_DAY } from "./time-duration";
import { timeDaysBetween } from "./time-week";

type IsoDate = string;

export type TimesheetEntryInput = { projectId: string; taskId: string | null; workDate: IsoDate; minutes: number };

export type TimesheetGridRow = { projectId: string; taskId: string | null; minutes: number[]; total: number };

export type TimesheetGrid = { rows: TimesheetGridRow[]; dayTotals: number[]; total: number };

const rowKey = (projectId: string, taskId: string | null) => `${projectId}/${taskId ?? ""}`;

/**
 * The week's grid: one row per project and task (in the order first met), minutes per day Monday…Sunday, the day
 * totals and the week's total. Entries outside the week are ignored.
 */
export function timesheetGrid(weekStart: IsoDate, entries: readonly TimesheetEntryInput[]): TimesheetGrid {
  const rows = new Map<string, TimesheetGridRow>();
  const dayTotals = [0, 0, 0, 0, 0, 0, 0];
  let total = 0;
  for (const entry of entries) {
    const day = timeDaysBetween(weekStart, entry.workDate);
    if (day < 0 || day > 6) continue;
    const key = rowKey(entry.projectId, entry.taskId);
    let row = rows.get(key);
    if (!row) {
      row = { projectId: entry.projectId, taskId: entry.taskId, minutes: [0, 0, 0, 0, 0, 0, 0], total: 0 };
      rows.set(key, row);
    }
    row.minutes[day] = (row.minutes[day] ?? 0) + entry.minutes;
    row.total += entry.minutes;
    dayTotals[day] = (dayTotals[day] ?? 0) + entry.minutes;
    total += entry.minutes;
  }
  return { rows: [...rows.values()], dayTotals, total };
}

/** The dates on which `entries` add up to more than a day (1,440 minutes), earliest first. */
export function timesheetDaysOverLimit(entries: readonly Pick<TimesheetEntryInput, "workDate" | "minutes">[]): IsoDate[] {
  const perDay = new Map<IsoDate, number>();
  for (const entry of entries) perDay.set(entry.workDate, (perDay.get(entry.workDate) ?? 0) + entry.minutes);
  return [...perDay.entries()]
    .filter(([, minutes]) => minutes > TIME_MINUTES_PER_DAY)
    .map(([date]) => date)
    .sort();
}

/** The status of the week as a whole, from its project parts (one per project with time). */
export type TimesheetPartStatus = "draft" | "submitted" | "approved" | "rejected";

/**
 * Sums the parts up: any part still unsubmitted (draft) makes the week a draft; else any rejected part makes it
 * rejected; else any awaiting a decision makes it submitted; all approved is approved. No parts: draft.
 */
export function timesheetStatus(parts: readonly TimesheetPartStatus[]): TimesheetPartStatus {
  if (parts.length === 0 || parts.includes("draft")) return "draft";
  if (parts.includes("rejected")) return "rejected";
  if (parts.includes("submitted")) return "submitted";
  return "approved";
}

/** Whether entries in a part with this status may still be added, changed or removed: not once submitted or approved. */
export function timesheetPartEditable(status: TimesheetPartStatus): boolean {
  return status === "draft" || status === "rejected";
}
