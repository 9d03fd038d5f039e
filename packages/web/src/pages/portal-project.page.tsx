import { useParams } from "react-router";
import { PortalProject } from "../modules/portal/portal-project";

export function PortalProjectPage() {
  const { id = "" } = useParams();
  return <PortalProject key={id} projectId={id} />;
}
