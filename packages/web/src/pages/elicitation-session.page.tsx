import { useParams } from "react-router";
import { ElicitationFrame } from "../modules/elicitation/elicitation-frame";
import { SessionDetail } from "../modules/elicitation/session-detail";

export function ElicitationSessionPage() {
  const { id = "", sessionId = "" } = useParams();
  return (
    <ElicitationFrame key={id} projectId={id}>
      {(project, me) => <SessionDetail key={sessionId} project={project} me={me} sessionId={sessionId} />}
    </ElicitationFrame>
  );
}
