import { useParams } from "react-router";
import { ProjectWorkspace } from "../modules/projects/project-workspace";

export function EditChangeRequestPage() {
  const { id = "", changeRequestId = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="requirements" requirementsView={{ kind: "change-requests", view: { kind: "edit", changeRequestId } }} />;
}
