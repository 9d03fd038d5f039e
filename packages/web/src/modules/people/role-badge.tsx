import { useTranslation } from "react-i18next";
import type { TWorkspaceRole } from "@jiaofu/contracts";
import { Badge, type BadgeTone } from "../../ui";

const ROLE_TONES: Record<TWorkspaceRole, BadgeTone> = { owner: "violet", admin: "blue", member: "gray", client: "teal" };

export function RoleBadge({ role }: { role: TWorkspaceRole }) {
  const { t } = useTranslation();
  return (
    <Badge tone={ROLE_TONES[role]} dot={false}>
      {t(`workspaceRole.${role}`)}
    </Badge>
  );
}
