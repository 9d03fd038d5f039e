import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Select } from "../../ui";

export type PickedTarget = {
  projectId: string;
  projectCode: string;
  projectName: string;
  taskId: string | null;
  taskName: string | null;
  taskWbsCode: string | null;
};

export type ProjectTaskPickerProps = {
  projectId: string;
  taskId: string;
  onChange: (projectId: string, taskId: string) => void;
  /** `timesheet-add` → `timesheet-add-project`, `timesheet-add-task`. */
  testIdPrefix: string;
};

/** The projects the person works on and the plan's tasks (not summaries) of the chosen one, with "no task". */
export function useProjectTaskTarget(projectId: string, taskId: string) {
  const projects = useQuery({ queryKey: ["projects", "for-time"], queryFn: () => api.projects.list({ limit: 200 }) });
  const plan = useQuery({ queryKey: ["plan", projectId], queryFn: () => api.planning.get(projectId), enabled: projectId !== "" });
  const project = projects.data?.items.find((p) => p.id === projectId);
  const tasks = (plan.data?.tasks ?? []).filter((task) => task.kind !== "summary");
  const task = tasks.find((candidate) => candidate.id === taskId);
  const target: PickedTarget | null = project
    ? { projectId: project.id, projectCode: project.code, projectName: project.name, taskId: task?.id ?? null, taskName: task?.name ?? null, taskWbsCode: task?.wbsCode ?? null }
    : null;
  return { projects: projects.data?.items ?? [], tasks, target };
}

export function ProjectTaskPicker({ projectId, taskId, onChange, testIdPrefix }: ProjectTaskPickerProps) {
  const { t } = useTranslation();
  const { projects, tasks } = useProjectTaskTarget(projectId, taskId);
  return (
    <>
      <Select
        aria-label={t("time.grid.project")}
        value={projectId}
        onChange={(event) => onChange(event.target.value, "")}
        placeholder={t("time.grid.chooseProject")}
        options={projects.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
        data-testid={`${testIdPrefix}-project`}
      />
      <Select
        aria-label={t("time.grid.task")}
        value={taskId}
        onChange={(event) => onChange(projectId, event.target.value)}
        disabled={!projectId}
        placeholder={t("time.grid.noTask")}
        options={tasks.map((task) => ({ value: task.id, label: `${task.wbsCode} ${task.name}` }))}
        data-testid={`${testIdPrefix}-task`}
      />
    </>
  );
}
