import { useParams } from "react-router";
import { PortalChangeRequest } from "../modules/change-requests/portal-change-request";

export function PortalChangeRequestPage() {
  const { id = "", changeRequestId = "" } = useParams();
  return <PortalChangeRequest key={`${id}/${changeRequestId}`} projectId={id} changeRequestId={changeRequestId} />;
}
