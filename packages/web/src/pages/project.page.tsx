import { useParams } from "react-router";
import { ProjectWorkspace } from "../modules/projects/project-workspace";

export function ProjectPage() {
  const { id = "", section } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section={section} />;
}
