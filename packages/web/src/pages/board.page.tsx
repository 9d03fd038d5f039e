import { useParams } from "react-router";
import { ProjectWorkspace } from "../modules/projects/project-workspace";

export function BoardPage() {
  const { id = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="execution" executionView={{ kind: "board" }} />;
}
