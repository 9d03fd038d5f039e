import { useTranslation } from "react-i18next";
import type { TMe, TProject } from "@jiaofu/contracts";
import { SubnavLink } from "../../ui";
import { BoardSection } from "../board/board-section";
import { MeetingDetail } from "../meetings/meeting-detail";
import { meetingsPath } from "../meetings/meeting-paths";
import { MeetingsSection } from "../meetings/meetings-section";
import { TimesheetApprovals } from "../time/timesheet-approvals";
import { timePermissions } from "../time/time-permissions";

/**
 * What the Execution area shows, from its address: the task board (`/projects/:id/execution`, the default) and the
 * other execution tabs. Each tab adds its kind here and its link in the sub-navigation below.
 */
export type ExecutionAreaView = { kind: "board" } | { kind: "meetings" } | { kind: "meeting"; meetingId: string } | { kind: "timesheets" };

export const boardPath = (projectId: string) => `/projects/${projectId}/execution`;
export const timesheetsPath = (projectId: string) => `/projects/${projectId}/execution/timesheets`;

/** The Execution area of a project: the task board and the other execution tabs, one link each. */
export function ExecutionArea({ project, me, view }: { project: TProject; me: TMe; view: ExecutionAreaView }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <nav className="subnav" aria-label={t("execution.subnav.label")}>
        <SubnavLink to={boardPath(project.id)} active={view.kind === "board"} testId="board-tab">
          {t("execution.subnav.board")}
        </SubnavLink>
        <SubnavLink to={meetingsPath(project.id)} active={view.kind === "meetings" || view.kind === "meeting"} current={view.kind === "meetings"} testId="meetings-tab">
          {t("meetings.tab")}
        </SubnavLink>
        {timePermissions(me, project).approve ? (
          <SubnavLink to={timesheetsPath(project.id)} active={view.kind === "timesheets"} testId="timesheets-tab-link">
            {t("time.executionTab")}
          </SubnavLink>
        ) : null}
      </nav>
      {view.kind === "board" ? <BoardSection project={project} me={me} /> : null}
      {view.kind === "meetings" ? <MeetingsSection project={project} me={me} /> : null}
      {view.kind === "meeting" ? <MeetingDetail key={view.meetingId} project={project} me={me} meetingId={view.meetingId} /> : null}
      {view.kind === "timesheets" ? <TimesheetApprovals project={project} /> : null}
    </div>
  );
}
