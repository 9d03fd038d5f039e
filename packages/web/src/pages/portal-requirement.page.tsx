import { useParams } from "react-router";
import { PortalRequirement } from "../modules/requirements/portal-requirement";

export function PortalRequirementPage() {
  const { id = "", requirementId = "" } = useParams();
  return <PortalRequirement key={`${id}/${requirementId}`} projectId={id} requirementId={requirementId} />;
}
