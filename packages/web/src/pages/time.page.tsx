import { TimePageContent } from "../modules/time/time-page-content";

export function TimePage() {
  return <TimePageContent />;
}
