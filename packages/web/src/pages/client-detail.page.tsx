import { useParams } from "react-router";
import { ClientDetail } from "../modules/clients/client-detail";

export function ClientDetailPage() {
  const { id = "" } = useParams();
  return <ClientDetail key={id} clientId={id} />;
}
