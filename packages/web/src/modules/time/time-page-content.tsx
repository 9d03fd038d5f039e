import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../lib/use-document-title";
import { Card } from "../../ui";
import { ProjectTaskPicker } from "./project-task-picker";
import { TimesheetGrid } from "./timesheet-grid";
import { TimerControl } from "./timer-control";
import "./time.css";

/** The Time page (`/time`): the timer (start on a project's task) and the person's weekly timesheet. */
export function TimePageContent() {
  const { t } = useTranslation();
  useDocumentTitle(t("time.page.title"));
  const [projectId, setProjectId] = useState("");
  const [taskId, setTaskId] = useState("");
  return (
    <div className="page">
      <div className="page-header">
        <div className="page-title-group">
          <h1>{t("time.page.title")}</h1>
          <p className="page-eyebrow">{t("time.page.lead")}</p>
        </div>
      </div>
      <Card title={t("time.timer.title")} data-testid="timer-card">
        <div className="row timer-picker">
          <ProjectTaskPicker
            projectId={projectId}
            taskId={taskId}
            onChange={(nextProject, nextTask) => {
              setProjectId(nextProject);
              setTaskId(nextTask);
            }}
            testIdPrefix="timer"
          />
          <TimerControl projectId={projectId || undefined} taskId={taskId || null} />
        </div>
      </Card>
      <TimesheetGrid />
    </div>
  );
}
