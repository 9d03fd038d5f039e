import { useParams } from "react-router";
import { PublicQuestionnaire } from "../modules/questionnaires/public-questionnaire";

/** `/q/:token`: a questionnaire through its public link — no account, no app frame. */
export function PublicQuestionnairePage() {
  const { token = "" } = useParams();
  return <PublicQuestionnaire key={token} token={token} />;
}
