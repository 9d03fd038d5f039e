import { useParams } from "react-router";
import { ElicitationFrame } from "../modules/elicitation/elicitation-frame";
import { QuestionnaireResults } from "../modules/questionnaires/questionnaire-results";

export function QuestionnaireResultsPage() {
  const { id = "", questionnaireId = "" } = useParams();
  return (
    <ElicitationFrame key={id} projectId={id}>
      {(project, me) => <QuestionnaireResults key={questionnaireId} project={project} me={me} questionnaireId={questionnaireId} />}
    </ElicitationFrame>
  );
}
