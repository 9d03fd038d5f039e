import { useParams } from "react-router";
import { ProjectWorkspace } from "../modules/projects/project-workspace";

export function PlanResourcesPage() {
  const { id = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="planning" planningView={{ kind: "resources" }} />;
}

export function PlanBudgetPage() {
  const { id = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="planning" planningView={{ kind: "budget" }} />;
}
