import { useParams } from "react-router";
import { ElicitationFrame } from "../modules/elicitation/elicitation-frame";
import { QuestionnaireBuilder } from "../modules/questionnaires/questionnaire-builder";

export function QuestionnaireBuilderPage() {
  const { id = "", questionnaireId = "" } = useParams();
  return (
    <ElicitationFrame key={id} projectId={id}>
      {(project, me) => <QuestionnaireBuilder key={questionnaireId} project={project} me={me} questionnaireId={questionnaireId} />}
    </ElicitationFrame>
  );
}
