import { useParams } from "react-router";
import { ProjectWorkspace } from "../modules/projects/project-workspace";

export function MonitoringPage() {
  const { id = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="monitoring" monitoringView={{ kind: "earned-value" }} />;
}

export function BurndownPage() {
  const { id = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="monitoring" monitoringView={{ kind: "burndown" }} />;
}

export function MilestoneTrendPage() {
  const { id = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="monitoring" monitoringView={{ kind: "milestones" }} />;
}

export function QualityPage() {
  const { id = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="monitoring" monitoringView={{ kind: "quality" }} />;
}
