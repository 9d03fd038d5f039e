/**
 * Status report use-cases (docs/monitoring.md, "Status reports"): generate a draft for a period, list, read, edit the
 * draft (title, summary, next steps, per-dimension notes and colours a person sets), publish (then immutable),
 * export as Markdown and PDF, and the weekly schedule with its periodic pass.
 */
import type {
  TGenerateStatusReportRequest,
  TLocale,
  TStatusReport,
  TStatusReportSchedule,
  TUpdateStatusReportRequest,
  TUpdateStatusReportScheduleRequest,
} from "@jiaofu/contracts";
import { calendarDaysBetween, overallRag, STATUS_REPORT_DIMENSIONS } from "@jiaofu/engine";
import type { AppDeps } from "../../app";
import { startPeriodicPass, type PassLog } from "../../platform/periodic-pass";
import type { Db, Tx } from "../../db/database";
import { AppError, fieldError, notFound, versionConflict } from "../../platform/app-error";
import { translate } from "../../platform/messages";
import {
  authorize,
  canStatusReport,
  canStatusReports,
  isStaff,
  statusReportVisibility,
  type Actor,
  type StatusReportAction,
  type StatusReportsAction,
} from "../../platform/policy";
import { loadProjectAccess, requireProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { todayOf } from "../monitoring/monitoring.service";
import { createNotificationOutbox, emailNotifications, notify, reportPublishedNotification, type NotificationDeps } from "../notifications/notifications.producer";
import { generateStatusReport, type StoredStatusReportContent } from "./status-reports.generate";
import { statusReportMarkdown, statusReportPdf } from "./status-reports.export";
import { OVERRIDE_RULE, presentStatusReport, presentStatusReportSummary } from "./status-reports.presenter";
import { createStatusReportsRepository, type StatusReportRecord, type StatusReportRow } from "./status-reports.repository";

type ProjectRow = ProjectAccess["project"];
const MAX_PERIOD_DAYS = 366;

/** Writes a freshly generated report; `actor` null for the schedule. */
async function insertGenerated(tx: Db | Tx, actor: Actor | null, project: ProjectRow, period: { from: string; to: string }, title: string, today: string, publish: boolean, now: Date) {
  const generated = await generateStatusReport(tx, project, period, today);
  return createStatusReportsRepository(tx).insert(actor, {
    workspaceId: project.workspaceId,
    projectId: project.id,
    periodFrom: period.from,
    periodTo: period.to,
    title,
    overall: generated.overall,
    dimensions: generated.dimensions,
    content: generated.content,
    generatedBy: actor ? "person" : "schedule",
    createdById: actor?.userId ?? null,
    ...(publish ? { status: "published" as const, publishedAt: now } : {}),
  });
}

/** The local date, weekday (1 = Monday) and HH:MM of `at` in `timeZone`. */
function localParts(at: Date, timeZone: string): { date: string; weekday: number; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", weekday: "short" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday ?? "") + 1;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, time: `${parts.hour}:${parts.minute}` };
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * The weekly pass: for each enabled schedule whose weekday and time have come (in its time zone), a report for the
 * seven days ending that local day — once (a report for that exact period already there is skipped). Each project on
 * its own, so one that cannot be measured does not stop the others. Returns how many were generated.
 */
export async function runStatusReportSchedules(deps: NotificationDeps, onError: (projectId: string, error: unknown) => void = () => {}): Promise<number> {
  const now = deps.now();
  let generated = 0;
  for (const { schedule, project } of await createStatusReportsRepository(deps.db).enabledSchedules()) {
    try {
      const local = localParts(now, schedule.timeZone);
      if (local.weekday !== schedule.weekday || local.time < schedule.time) continue;
      const period = { from: addDays(local.date, -6), to: local.date };
      const made = await deps.db.transaction(async (tx) => {
        const repo = createStatusReportsRepository(tx);
        if (await repo.hasPeriod(project.id, period.from, period.to)) return false;
        const locale: TLocale = "zh-CN";
        const title = translate(locale, "status_report.default_title", period);
        const report = await insertGenerated(tx, null, project, period, title, todayOf(now), schedule.publish, now);
        await repo.markScheduleRun(project.id, now);
        return schedule.publish ? notify(tx, await reportPublishedNotification(tx, report, null)) : [];
      });
      if (made) {
        generated++;
        emailNotifications(deps, made);
      }
    } catch (error) {
      onError(project.id, error);
    }
  }
  return generated;
}

/** Runs the weekly pass now and then every 15 minutes; returns the function that stops it (awaiting a pass under way). */
export function startStatusReportSchedules(deps: NotificationDeps, log: PassLog): () => Promise<void> {
  const onError = (projectId: string, error: unknown) => log.error({ err: error, projectId }, "scheduled status report failed");
  return startPeriodicPass(() => runStatusReportSchedules(deps, onError), 15 * 60 * 1000, log, "status report schedules failed");
}

export function createStatusReportsService(deps: AppDeps) {
  const repo = createStatusReportsRepository(deps.db);

  async function requireProject(actor: Actor, projectId: string, action: StatusReportsAction): Promise<ProjectAccess> {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canStatusReports(actor, action, access.facts));
    return access;
  }

  /** The report, if the actor may do `action` on it: 404 when it does not exist or they may not see it, 403 when they see it but may not act. */
  async function requireReport(actor: Actor, id: string, action: StatusReportAction): Promise<StatusReportRow> {
    const row = await repo.get(actor.workspaceId, id);
    const project = row ? await loadProjectAccess(deps.db, actor, row.projectId) : undefined;
    const facts = row && project ? { project: project.facts, published: row.status === "published" } : undefined;
    if (!row || !facts || !canStatusReport(actor, "status_report.read", facts)) throw notFound("status_report.not_found");
    authorize(canStatusReport(actor, action, facts));
    return row;
  }

  const present = (actor: Actor, row: StatusReportRow) => presentStatusReport(row, actor.locale, !isStaff(actor));

  async function detail(actor: Actor, id: string): Promise<TStatusReport> {
    const row = await repo.get(actor.workspaceId, id);
    if (!row) throw notFound("status_report.not_found");
    return present(actor, row);
  }

  /** Runs `write` on the draft locked in a transaction if still at `version`: 409 with the current report when stale, 409 when published. */
  async function writeDraft(actor: Actor, row: StatusReportRow, version: number, write: (tx: Tx, locked: StatusReportRecord) => Promise<StatusReportRecord | undefined>) {
    if (row.status === "published") throw new AppError("conflict", "status_report.published_immutable", {}, { current: present(actor, row) });
    if (version !== row.version) throw versionConflict(present(actor, row));
    const outcome = await deps.db.transaction(async (tx) => {
      const locked = await createStatusReportsRepository(tx).lock(row.id);
      if (!locked || locked.version !== version || locked.status !== "draft") return undefined;
      return write(tx, locked);
    });
    if (!outcome) throw versionConflict(await detail(actor, row.id));
    return detail(actor, row.id);
  }

  return {
    list: async (actor: Actor, projectId: string) => {
      const { facts } = await requireProject(actor, projectId, "status_reports.read");
      return { items: (await repo.list(actor.workspaceId, projectId, statusReportVisibility(actor, facts))).map(presentStatusReportSummary) };
    },

    generate: async (actor: Actor, projectId: string, body: TGenerateStatusReportRequest): Promise<TStatusReport> => {
      const { project } = await requireProject(actor, projectId, "status_reports.write");
      const today = todayOf(deps.now());
      if (body.periodTo > today) throw fieldError("body.periodTo", "status_report.future_period");
      if (calendarDaysBetween(body.periodFrom, body.periodTo) >= MAX_PERIOD_DAYS) throw fieldError("body.periodFrom", "status_report.period_too_long");
      const period = { from: body.periodFrom, to: body.periodTo };
      const title = body.title ?? translate(actor.locale, "status_report.default_title", period);
      const row = await deps.db.transaction((tx) => insertGenerated(tx, actor, project, period, title, today, false, deps.now()));
      return detail(actor, row.id);
    },

    get: async (actor: Actor, id: string) => present(actor, await requireReport(actor, id, "status_report.read")),

    update: async (actor: Actor, id: string, body: TUpdateStatusReportRequest) => {
      const row = await requireReport(actor, id, "status_report.update");
      return writeDraft(actor, row, body.version, async (tx, locked) => {
        const content = structuredClone(locked.content) as StoredStatusReportContent;
        const dimensions = structuredClone(locked.dimensions);
        for (const d of STATUS_REPORT_DIMENSIONS) {
          const edit = body.dimensions?.[d];
          if (!edit) continue;
          if (edit.note !== undefined) dimensions[d].note = edit.note;
          const generated = content.generated[d];
          if (edit.rag === null || (edit.rag !== undefined && edit.rag === generated.rag)) {
            // Back to the colour the data gave, and its rule.
            dimensions[d].rag = generated.rag;
            dimensions[d].rule = generated.rule.key;
            delete content.overrides[d];
          } else if (edit.rag !== undefined && edit.rag !== dimensions[d].rag) {
            dimensions[d].rag = edit.rag;
            dimensions[d].rule = OVERRIDE_RULE;
            content.overrides[d] = { person: actor.name };
          }
        }
        const set = {
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.summary !== undefined ? { summary: body.summary } : {}),
          ...(body.nextSteps !== undefined ? { nextSteps: body.nextSteps } : {}),
          dimensions,
          content,
          overall: overallRag(STATUS_REPORT_DIMENSIONS.map((d) => dimensions[d].rag)),
        };
        return createStatusReportsRepository(tx).update(actor, locked, body.version, set, "update", deps.now());
      });
    },

    publish: async (actor: Actor, id: string, version: number) => {
      const row = await requireReport(actor, id, "status_report.publish");
      const outbox = createNotificationOutbox(deps);
      const published = await writeDraft(actor, row, version, async (tx, locked) => {
        const saved = await createStatusReportsRepository(tx).update(actor, locked, version, { status: "published", publishedAt: deps.now(), publishedById: actor.userId }, "publish", deps.now());
        if (saved) await outbox.notify(tx, await reportPublishedNotification(tx, saved, actor.userId));
        return saved;
      });
      outbox.send();
      return published;
    },

    exportMarkdown: async (actor: Actor, id: string) => {
      const report = present(actor, await requireReport(actor, id, "status_report.read"));
      return { body: statusReportMarkdown(report, actor.locale), fileName: `${report.projectCode}-${report.key}.md` };
    },

    exportPdf: async (actor: Actor, id: string) => {
      const report = present(actor, await requireReport(actor, id, "status_report.read"));
      return { body: await statusReportPdf(report, actor.locale), fileName: `${report.projectCode}-${report.key}.pdf` };
    },

    schedule: async (actor: Actor, projectId: string): Promise<TStatusReportSchedule> => {
      await requireProject(actor, projectId, "status_reports.schedule");
      return presentSchedule(projectId, await repo.schedule(projectId));
    },

    saveSchedule: async (actor: Actor, projectId: string, body: TUpdateStatusReportScheduleRequest): Promise<TStatusReportSchedule> => {
      await requireProject(actor, projectId, "status_reports.schedule");
      if (!isTimeZone(body.timeZone)) throw fieldError("body.timeZone", "status_report.invalid_time_zone");
      const { version, ...values } = body;
      const saved = await deps.db.transaction((tx) => createStatusReportsRepository(tx).saveSchedule(actor, projectId, version, values, deps.now()));
      if (!saved) throw versionConflict(presentSchedule(projectId, await repo.schedule(projectId)));
      return presentSchedule(projectId, saved);
    },
  };
}

function presentSchedule(projectId: string, row: Awaited<ReturnType<ReturnType<typeof createStatusReportsRepository>["schedule"]>>): TStatusReportSchedule {
  return {
    projectId,
    enabled: row?.enabled ?? false,
    weekday: row?.weekday ?? 5,
    time: row?.time ?? "17:00",
    timeZone: row?.timeZone ?? "Asia/Shanghai",
    publish: row?.publish ?? false,
    lastRunAt: row?.lastRunAt?.toISOString() ?? null,
    version: row?.version ?? 0,
  };
}

