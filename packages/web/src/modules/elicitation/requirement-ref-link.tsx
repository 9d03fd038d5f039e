import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TRequirementRef, TRequirementStatus } from "@jiaofu/contracts";
import { Badge, type BadgeTone } from "../../ui";
import { requirementPath } from "./elicitation-paths";

const STATUS_TONES: Record<TRequirementStatus, BadgeTone> = {
  draft: "gray",
  in_analysis: "blue",
  awaiting_client: "amber",
  approved: "green",
  baselined: "teal",
  delivered: "violet",
  accepted: "green",
  rejected: "red",
  deferred: "gray",
};

/** "REQ-7 Single sign-on (approved)", linking to the requirement in the register. */
export function RequirementRefLink({ projectId, requirement }: { projectId: string; requirement: TRequirementRef }) {
  const { t } = useTranslation();
  return (
    <span className="source-req">
      <Link to={requirementPath(projectId, requirement.id)} className="source-req-key mono" data-testid="source-req">
        {requirement.key}
      </Link>
      <span className="source-req-title">{requirement.title}</span>
      <Badge tone={STATUS_TONES[requirement.status]} dot={false}>
        {t(`elicitation.requirementStatus.${requirement.status}`)}
      </Badge>
    </span>
  );
}
