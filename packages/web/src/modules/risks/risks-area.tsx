import type { TMe, TProject } from "@jiaofu/contracts";
import { RiskDetail } from "./risk-detail";
import { riskPermissions } from "./risk-permissions";
import { RisksRegister } from "./risks-register";
import "./risks.css";

/** What the Planning area of a project shows, from its address: the risk register, or one risk. */
export type PlanningView = { kind: "risks" } | { kind: "risk"; riskId: string };

export type RisksAreaProps = { project: TProject; me: TMe; view: PlanningView };

/** The risk register of the staff project page (under Planning), or one risk's page. */
export function RisksArea({ project, me, view }: RisksAreaProps) {
  const can = riskPermissions(me, project);
  return view.kind === "risk" ? <RiskDetail key={view.riskId} project={project} riskId={view.riskId} can={can} /> : <RisksRegister project={project} can={can} />;
}
