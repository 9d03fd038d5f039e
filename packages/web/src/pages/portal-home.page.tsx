import { PortalHome } from "../modules/portal/portal-home";

export function PortalHomePage() {
  return <PortalHome />;
}
