/**
 * The periodic due-date pass (docs/monitoring.md, "Notifications"): tasks not done whose due date — the deadline,
 * else the scheduled finish — is within the next 2 working days of the project's calendar (China's holidays and 调休
 * included) are "due soon"; past it, "overdue". Each once per task
 * and due date (a moved date is news again), to the task's owner and assignees.
 */
import { calendarDayFromIso, calendarWorkingDaysBetween, planCalendarCompile, type WorkingCalendar } from "@jiaofu/engine";
import { todayOf } from "../monitoring/monitoring.service";
import { startPeriodicPass, type PassLog } from "../../platform/periodic-pass";
import { planCalendarOf } from "../planning/plan-calendar";
import { createPlanningRepository } from "../planning/planning.repository";
import { emailNotifications, notify, type NotificationDeps } from "./notifications.producer";
import { createNotificationsRepository } from "./notifications.repository";

/** How far ahead "due soon" looks, in working days of the task's project calendar. */
export const DUE_SOON_WORKING_DAYS = 2;
/** Candidates are read this many calendar days ahead; each project's calendar then decides (Golden Week is 7 days off). */
const DUE_SOON_HORIZON_DAYS = 14;
/** Overdue tasks are looked for this far back: one overdue longer was told about when it became overdue. */
const OVERDUE_LOOKBACK_DAYS = 14;

const shiftDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Whether a task due on `dueDate` is due soon on `today`: at most 2 working days of its project's calendar from today
 * up to (not including) the due date — on a Thursday, a task due Monday; on 30 September, one due 8 October.
 */
export function isDueSoon(calendar: WorkingCalendar, today: string, dueDate: string): boolean {
  return dueDate >= today && calendarWorkingDaysBetween(calendar, calendarDayFromIso(today), calendarDayFromIso(dueDate)) <= DUE_SOON_WORKING_DAYS;
}

/** One pass at `deps.now()`; answers how many notifications it wrote. */
export async function runDueNotifications(deps: NotificationDeps): Promise<number> {
  const today = todayOf(deps.now());
  const calendars = new Map<string, WorkingCalendar>();
  const calendarOf = async (projectId: string) => {
    let calendar = calendars.get(projectId);
    if (!calendar) calendars.set(projectId, (calendar = planCalendarCompile(planCalendarOf(await createPlanningRepository(deps.db).calendar(projectId)))));
    return calendar;
  };
  const written: string[] = [];
  for (const task of await createNotificationsRepository(deps.db).dueTasks(shiftDays(today, -OVERDUE_LOOKBACK_DAYS), shiftDays(today, DUE_SOON_HORIZON_DAYS))) {
    const kind = task.dueDate < today ? "overdue" : "due_soon";
    if (kind === "due_soon" && !isDueSoon(await calendarOf(task.projectId), today, task.dueDate)) continue;
    const ids = await notify(deps.db, {
      workspaceId: task.workspaceId,
      kind,
      projectId: task.projectId,
      entityType: "plan_task",
      entityId: task.id,
      actorId: null,
      recipientIds: [...(task.ownerId ? [task.ownerId] : []), ...task.assigneeIds],
      params: { taskName: task.name, taskCode: task.wbsCode, dueDate: task.dueDate },
      dedupeKey: `${kind}:${task.id}:${task.dueDate}`,
    });
    written.push(...ids);
  }
  emailNotifications(deps, written);
  return written.length;
}

/** Runs the pass now and then every hour; returns the function that stops it (awaiting a pass under way). */
export function startDueNotifications(deps: NotificationDeps, log: PassLog): () => Promise<void> {
  return startPeriodicPass(() => runDueNotifications(deps), 60 * 60 * 1000, log, "due-date notifications failed");
}
