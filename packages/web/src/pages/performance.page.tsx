import { useParams } from "react-router";
import { ProjectWorkspace } from "../modules/projects/project-workspace";
import { WorkspacePerformance } from "../modules/performance/workspace-performance";

/** Monitoring → Performance of a project. */
export function ProjectPerformancePage() {
  const { id = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="monitoring" monitoringView={{ kind: "performance" }} />;
}

/** `/performance`: across the projects the signed-in manager manages. */
export function WorkspacePerformancePage() {
  return <WorkspacePerformance />;
}
