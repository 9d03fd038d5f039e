import { useTranslation } from "react-i18next";
import type { TElicitationSessionKind } from "@jiaofu/contracts";
import { Badge, type BadgeTone } from "../../ui";

const TONES: Record<TElicitationSessionKind, BadgeTone> = { interview: "blue", focus_group: "violet", workshop: "teal" };

export function SessionKindBadge({ kind }: { kind: TElicitationSessionKind }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[kind]}>{t(`elicitation.kinds.${kind}`)}</Badge>;
}
