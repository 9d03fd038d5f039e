import { useParams } from "react-router";
import { ProjectWorkspace } from "../modules/projects/project-workspace";

export function GanttPage() {
  const { id = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="planning" planningView={{ kind: "gantt" }} />;
}
