import { PortfolioView } from "../modules/dashboards/portfolio-view";

export function PortfolioPage() {
  return <PortfolioView />;
}
