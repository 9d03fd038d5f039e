import { useParams } from "react-router";
import { ProjectWorkspace } from "../modules/projects/project-workspace";

export function RequirementPage() {
  const { id = "", requirementId = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="requirements" requirementsView={{ kind: "requirement", requirementId }} />;
}
