import { useParams } from "react-router";
import { ProjectWorkspace } from "../modules/projects/project-workspace";

export function StatusReportsPage() {
  const { id = "", reportId } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="monitoring" monitoringView={{ kind: "status-reports", ...(reportId ? { reportId } : {}) }} />;
}
