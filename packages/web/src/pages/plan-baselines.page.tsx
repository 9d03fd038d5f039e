import { useParams } from "react-router";
import { ProjectWorkspace } from "../modules/projects/project-workspace";

export function PlanBaselinesPage() {
  const { id = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="planning" planningView={{ kind: "baselines" }} />;
}
