import { useParams } from "react-router";
import { PortalQuestionnaire } from "../modules/questionnaires/portal-questionnaire";

export function PortalQuestionnairePage() {
  const { id = "", questionnaireId = "" } = useParams();
  return <PortalQuestionnaire key={questionnaireId} projectId={id} questionnaireId={questionnaireId} />;
}
