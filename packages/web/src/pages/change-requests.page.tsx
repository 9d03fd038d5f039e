import { useParams } from "react-router";
import { ProjectWorkspace } from "../modules/projects/project-workspace";

export function ChangeRequestsPage() {
  const { id = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="requirements" requirementsView={{ kind: "change-requests", view: { kind: "list" } }} />;
}
