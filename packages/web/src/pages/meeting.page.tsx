import { useParams } from "react-router";
import { ProjectWorkspace } from "../modules/projects/project-workspace";

export function MeetingPage() {
  const { id = "", meetingId = "" } = useParams();
  return <ProjectWorkspace key={id} projectId={id} section="execution" executionView={{ kind: "meeting", meetingId }} />;
}
