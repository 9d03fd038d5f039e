import { useParams } from "react-router";
import { ProjectWorkspace } from "../modules/projects/project-workspace";

export function RiskPage() {
  const { id = "", riskId = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="planning" planningView={{ kind: "risk", riskId }} />;
}
